import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Executor as Db } from '../db/client';
import { apiTokens, teachers, teamMembers } from '../db/schema';
import { generateToken, hashToken } from '../auth/tokens';

export async function findActorByTokenHash(
  db: Db,
  hash: string,
): Promise<{ actor: Actor; tokenId: string; lastUsedAt: string | null } | null> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, teacherId: teachers.id, schoolId: teachers.schoolId, role: teachers.role })
    .from(apiTokens)
    .innerJoin(teachers, eq(teachers.id, apiTokens.teacherId))
    .where(and(eq(apiTokens.hash, hash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  return { tokenId: row.tokenId, lastUsedAt: row.lastUsedAt, actor: await actorFromTeacher(db, row) };
}

async function actorFromTeacher(db: Db, t: { teacherId: string; schoolId: string; role: Actor['role'] }): Promise<Actor> {
  const memberships = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(eq(teamMembers.teacherId, t.teacherId));
  return {
    teacherId: t.teacherId,
    schoolId: t.schoolId,
    role: t.role,
    teamIds: memberships.map((m) => m.teamId),
    leadTeamIds: memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
  };
}

export async function findActorByTeacher(db: Db, teacherId: string): Promise<Actor | null> {
  const [t] = await db.select({ teacherId: teachers.id, schoolId: teachers.schoolId, role: teachers.role }).from(teachers).where(eq(teachers.id, teacherId)).limit(1);
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
  const res = await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
  return res.rowsAffected > 0;
}

export async function listTokens(db: Db, teacherId: string) {
  return db
    .select({ id: apiTokens.id, label: apiTokens.label, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.teacherId, teacherId));
}
