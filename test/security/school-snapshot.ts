import type { Client } from '@libsql/client';

/**
 * Everything the database holds about one school, as one string: rows of every table that has a
 * school_id, and rows of tables that reach one through their foreign keys (up to two hops). A
 * table that cannot be tied to a school makes this throw, so a new table is never silently left
 * out of the tenancy checks. Token use times are left out: authenticating is not a write.
 */
export async function schoolSnapshot(client: Client, schoolId: string): Promise<string> {
  const tables = (
    await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations' order by name",
    )
  ).rows.map((r) => String(r.name));
  const columns = new Map<string, string[]>();
  const fks = new Map<string, { from: string; table: string; to: string }[]>();
  for (const t of tables) {
    columns.set(
      t,
      (await client.execute(`PRAGMA table_info("${t}")`)).rows.map((r) => String(r.name)),
    );
    fks.set(
      t,
      (await client.execute(`PRAGMA foreign_key_list("${t}")`)).rows.map((r) => ({
        from: String(r.from),
        table: String(r.table),
        to: String(r.to),
      })),
    );
  }
  const scope = (t: string, depth: number): { sql: string; args: string[] } | null => {
    if (t === 'schools') return { sql: 'id = ?', args: [schoolId] };
    if (columns.get(t)!.includes('school_id')) return { sql: 'school_id = ?', args: [schoolId] };
    if (depth === 0) return null;
    for (const fk of fks.get(t)!) {
      const parent = scope(fk.table, depth - 1);
      if (parent)
        return { sql: `"${fk.from}" in (select "${fk.to}" from "${fk.table}" where ${parent.sql})`, args: parent.args };
    }
    return null;
  };
  const parts: string[] = [];
  for (const t of tables) {
    const where = scope(t, 2);
    if (!where) throw new Error(`table ${t} cannot be tied to a school; teach the tenancy snapshot about it`);
    const cols = columns.get(t)!.filter((c) => !(t === 'api_tokens' && c === 'last_used_at'));
    const list = cols.map((c) => `"${c}"`).join(', ');
    const rows = (
      await client.execute({ sql: `select ${list} from "${t}" where ${where.sql} order by ${list}`, args: where.args })
    ).rows;
    parts.push(`${t}:${JSON.stringify(rows.map((r) => Object.values(r)))}`);
  }
  return parts.join('\n');
}
