import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTE_CASES, type RouteCase } from './route-cases';
import { schoolSnapshot } from './school-snapshot';
import { buildWorld, type World } from './world';

/**
 * Every authenticated route, called by its legitimate caller with inputs fast-check makes up:
 * random JSON instead of the body, one field of a valid body replaced, bodies that are not JSON,
 * odd ids in the path and odd query values. Whatever comes in: never a 5xx, every error in the
 * JSON error shape, and a rejected request leaves the database as it was.
 *
 * FUZZ_RUNS raises the number of inputs per route (the soak run uses more); FUZZ_SEED replays a
 * failed run and FUZZ_TRACE=1 prints every input with its status — inputs that were accepted change
 * the state later inputs meet, so a failure can depend on what came before it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** The only 5xx a route may answer: the school's SS 12000 source failing is a bad gateway, not our fault. */
const UPSTREAM_5XX: Record<string, string> = { 'POST /v1/roster/pull-ss12000': 'upstream_failed' };

const ID_FIELDS = ['pupilId', 'iupId', 'meetingId', 'phraseId', 'shareLinkId', 'feedId', 'teamId'] as const;

const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    '../../etc/passwd',
    '%00',
    '\u0000',
    'x'.repeat(5000),
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '2026-02-30',
    '9999/99',
    'ÅÄÖ',
  ),
);

type Input =
  | { kind: 'json body'; body: unknown }
  | { kind: 'field replaced'; field: string; value: unknown }
  | { kind: 'not json'; raw: string }
  | { kind: 'field removed'; field: string }
  | { kind: 'odd header'; name: string; value: string }
  | { kind: 'odd id'; field: (typeof ID_FIELDS)[number]; value: string; encode: boolean }
  | { kind: 'odd query'; key: string; value: string };

const inputFor = (method: string, c: RouteCase, w: World): fc.Arbitrary<Input> => {
  const { body } = c.req(w.a, w);
  // The source address stays the unreachable one: the fuzzer must not make the API call out to hosts.
  const fields =
    body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).filter((f) => f !== 'baseUrl') : [];
  const options: fc.Arbitrary<Input>[] = [
    fc.record({
      kind: fc.constant('odd id' as const),
      field: fc.constantFrom(...ID_FIELDS),
      value: oddText,
      encode: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('odd header' as const),
      name: fc.constantFrom('if-match', 'content-type', 'accept-language'),
      value: oddText.map((v) => v.replace(/[^\x20-\x7e]/g, '')),
    }),
    fc.record({
      kind: fc.constant('odd query' as const),
      key: fc.constantFrom(
        'pupilId',
        'schoolYear',
        'teamId',
        'scope',
        'date',
        'view',
        'format',
        'status',
        'since',
        'x',
      ),
      value: oddText,
    }),
  ];
  if (method !== 'GET') {
    options.push(
      fc.record({ kind: fc.constant('json body' as const), body: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({
        kind: fc.constant('not json' as const),
        raw: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '\u0000')),
      }),
    );
    if (fields.length > 0) {
      options.push(
        fc.record({
          kind: fc.constant('field replaced' as const),
          field: fc.constantFrom(...fields, 'unknownField'),
          value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText),
        }),
        fc.record({ kind: fc.constant('field removed' as const), field: fc.constantFrom(...fields) }),
      );
    }
  }
  return fc.oneof(...options);
};

function request(
  c: RouteCase,
  w: World,
  input: Input,
): { path: string; body?: unknown; headers?: Record<string, string> } {
  if (input.kind === 'odd id') {
    const value = input.encode ? encodeURIComponent(input.value) : input.value;
    return c.req({ ...w.a, [input.field]: value }, w);
  }
  const base = c.req(w.a, w);
  switch (input.kind) {
    case 'json body':
      return { path: base.path, body: JSON.stringify(input.body) };
    case 'not json':
      return { path: base.path, body: input.raw };
    case 'field replaced':
      return { path: base.path, body: { ...(base.body as object), [input.field]: input.value } };
    case 'field removed':
      return {
        path: base.path,
        body: Object.fromEntries(Object.entries(base.body as object).filter(([k]) => k !== input.field)),
      };
    case 'odd header':
      return { ...base, headers: { [input.name]: input.value } };
    case 'odd query': {
      const url = new URL(base.path, 'http://x');
      url.searchParams.set(input.key, input.value);
      return { path: `${url.pathname}${url.search}`, body: base.body };
    }
  }
}

const wholeDb = async (w: World) =>
  `${await schoolSnapshot(w.t.client, w.t.a.schoolId)}\n${await schoolSnapshot(w.t.client, w.t.b.schoolId)}`;

describe('fuzzing every route', () => {
  for (const [key, c] of Object.entries(ROUTE_CASES)) {
    it(`${key}: never a 5xx, always the error shape, nothing written on rejection`, async () => {
      const w = await buildWorld();
      const [method] = key.split(' ');
      const token = { teacherA: w.t.a.tokens.teacherA, leadA: w.t.a.tokens.leadA, admin: w.t.a.tokens.admin }[c.as];
      await fc.assert(
        fc.asyncProperty(inputFor(method!, c, w), async (input) => {
          const { path, body, headers } = request(c, w, input);
          const before = await wholeDb(w);
          const res = await w.t.call(token, method!, path, body, headers);
          if (process.env.FUZZ_TRACE) console.log(res.status, JSON.stringify(input).slice(0, 200));
          const where = `${key} with ${JSON.stringify(input).slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          if (res.status >= 500) expect(res.body?.error?.code, where).toBe(UPSTREAM_5XX[key]);
          if (res.status >= 400) {
            expect(res.body, where).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
            expect(await wholeDb(w), `${where}\nchanged the database`).toBe(before);
          }
        }),
        { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      );
    });
  }
});
