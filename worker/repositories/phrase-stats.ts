import { and, eq } from 'drizzle-orm';
import type { PhraseStats } from '../../shared/index';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { phrases, teams } from '../db/schema';
import { phraseVisible } from './phrases';

/**
 * Usage per phrase and per team, for a team lead deciding what to keep: phrases nobody uses are
 * candidates to retire, heavily used ones the team's real vocabulary.
 */
export async function phraseStats(db: Executor, actor: Actor, teamId?: string): Promise<PhraseStats> {
  const rows = await db
    .select()
    .from(phrases)
    .where(and(phraseVisible(actor), eq(phrases.deleted, false), ...(teamId ? [eq(phrases.teamId, teamId)] : [])));
  const teamNames = new Map(
    (await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.schoolId, actor.schoolId))).map(
      (t) => [t.id, t.name],
    ),
  );
  const byTeam = new Map<string | null, PhraseStats['teams'][number]>();
  for (const r of rows) {
    const key = r.scope === 'school' ? null : r.teamId;
    let t = byTeam.get(key);
    if (!t) {
      t = {
        teamId: key,
        name: key === null ? '' : (teamNames.get(key) ?? ''),
        approved: 0,
        proposed: 0,
        retired: 0,
        uses: 0,
        unusedApproved: 0,
        lastUsedAt: null,
      };
      byTeam.set(key, t);
    }
    t[r.status]++;
    t.uses += r.usageCount;
    if (r.status === 'approved' && r.usageCount === 0) t.unusedApproved++;
    if (r.lastUsedAt && (!t.lastUsedAt || r.lastUsedAt > t.lastUsedAt)) t.lastUsedAt = r.lastUsedAt;
  }
  return {
    phrases: rows
      .map((r) => ({
        id: r.id,
        text: r.text,
        status: r.status,
        scope: r.scope,
        teamId: r.teamId,
        subject: r.subject,
        usageCount: r.usageCount,
        lastUsedAt: r.lastUsedAt,
      }))
      .sort((a, b) => a.usageCount - b.usageCount || a.text.localeCompare(b.text, 'sv')),
    teams: [...byTeam.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}
