import { sql } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Executor } from './client';

/**
 * Hot queries built once per database handle and role instead of on every request: building a
 * drizzle query costs about as much as running a point select on the embedded file. Only the
 * root handle is cached (a transaction handle lives for one request).
 */
const cache = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: Executor, key: string, build: () => T): T {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let q = perDb.get(key) as T | undefined;
  if (q === undefined) {
    q = build();
    perDb.set(key, q);
  }
  return q;
}

/**
 * An actor whose ids are placeholders, for building an actor-scoped filter once per role. The
 * filter functions only interpolate the ids into SQL, so a placeholder object stands in for the
 * string type here.
 */
export function placeholderActor(role: Actor['role']): Actor {
  const ph = (name: string) => sql.placeholder(name) as unknown as string;
  return { teacherId: ph('teacherId'), schoolId: ph('schoolId'), role, teamIds: [], leadTeamIds: [] };
}
