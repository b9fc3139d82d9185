import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Ss12000List = { data: Record<string, unknown>[] };

/** The SS 12000 fixture in the standard's published shapes (`test/fixtures/ss12000/`). */
export const SS12000_FIXTURE_DIR = join(import.meta.dirname, '../../test/fixtures/ss12000');

/** The fixture's two deliberately invalid persons, tested on their own. */
const INVALID_PERSONS = ['p-10', 'p-11'];

/** One fixture list, as the read API pages it (`{ data: [...] }`). */
export const ss12000List = (name: string): Ss12000List =>
  JSON.parse(readFileSync(join(SS12000_FIXTURE_DIR, `${name}.json`), 'utf8')) as Ss12000List;

/** Every fixture list without the invalid persons: files whose import succeeds. */
export function validSs12000Files() {
  const persons = ss12000List('persons');
  return {
    organisations: ss12000List('organisations'),
    persons: { data: persons.data.filter((p) => !INVALID_PERSONS.includes(String(p.id))) },
    groups: ss12000List('groups'),
    duties: ss12000List('duties'),
    activities: ss12000List('activities'),
  };
}
