import { and, eq, isNull, sql } from 'drizzle-orm';
import { invalidateActorCaches } from '../auth/actor-cache';
import { prepared } from '../db/prepared';
import type { Actor } from '../context';
import type { Executor as Db } from '../db/client';
import { apiTokens, teachers, teamMembers } from '../db/schema';
import { generateToken, hashToken } from '../auth/tokens';

/** The token's teacher and their teams in one query: every authenticated request starts here. */
export async function findActorByTokenHash(
  db: Db,
  hash: string,
): Promise<{ actor: Actor; tokenId: string; lastUsedAt: string | null } | null> {
  // One JSON column: the local driver's cost is per column more than per byte.
  const query = prepared(db, 'actorByTokenHash', () =>
    db
      .select({
        json: sql<string>`json_object('tokenId', ${apiTokens.id}, 'lastUsedAt', ${apiTokens.lastUsedAt}, 'teacherId', ${teachers.id},
        'schoolId', ${teachers.schoolId}, 'role', ${teachers.role},
        'memberships', json((select json_group_array(json_object('teamId', tm.team_id, 'role', tm.role)) from team_members tm where tm.teacher_id = ${teachers.id})))`,
      })
      .from(apiTokens)
      .innerJoin(teachers, eq(teachers.id, apiTokens.teacherId))
      .where(and(eq(apiTokens.hash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare(),
  );
  const found = await query.get({ hash });
  if (!found) return null;
  const row = JSON.parse(found.json) as Teacher & {
    tokenId: string;
    lastUsedAt: string | null;
    memberships: Membership[];
  };
  return { tokenId: row.tokenId, lastUsedAt: row.lastUsedAt, actor: actorOf(row, row.memberships) };
}

type Teacher = { teacherId: string; schoolId: string; role: Actor['role'] };
type Membership = { teamId: string; role: 'lead' | 'member' };

const actorOf = (t: Teacher, memberships: readonly Membership[]): Actor => ({
  teacherId: t.teacherId,
  schoolId: t.schoolId,
  role: t.role,
  teamIds: memberships.map((m) => m.teamId),
  leadTeamIds: memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
});

async function actorFromTeacher(db: Db, t: Teacher): Promise<Actor> {
  const memberships = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(eq(teamMembers.teacherId, t.teacherId));
  return actorOf(t, memberships);
}

export async function findActorByTeacher(db: Db, teacherId: string): Promise<Actor | null> {
  const [t] = await db
    .select({ teacherId: teachers.id, schoolId: teachers.schoolId, role: teachers.role })
    .from(teachers)
    .where(eq(teachers.id, teacherId))
    .limit(1);
  return t ? actorFromTeacher(db, t) : null;
}

export async function touchToken(db: Db, tokenId: string, at: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
}

/** Create a token for a teacher; the plain token is returned once and never stored. */
export async function issueToken(db: Db, teacherId: string, label: string): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = crypto.randomUUID();
  await db.insert(apiTokens).values({ id, teacherId, hash: await hashToken(token), label });
  return { id, token };
}

export async function revokeToken(db: Db, tokenId: string, at: string): Promise<boolean> {
  const res = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
  invalidateActorCaches();
  return res.rowsAffected > 0;
}

export async function listTokens(db: Db, teacherId: string) {
  return db
    .select({
      id: apiTokens.id,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.teacherId, teacherId));
}
