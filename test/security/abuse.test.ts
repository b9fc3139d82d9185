import { describe, expect, it } from 'vitest';
import { READ_ALOUD_HASH, READ_ALOUD_SCRIPT } from '../../worker/share/read-aloud';
import { createTestApi } from '../../worker/testing/fixture';
import { schoolSnapshot } from './school-snapshot';

const YEAR = '2026/27';
const LIMIT = { maxFailures: 5, windowMs: 15 * 60_000 };
const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> & "citat" \'enkla\' </textarea>';

/** The page without its one allowed script (read aloud), byte for byte as hashed: anything else is a leak. */
const withoutReadAloud = (html: string) => html.replace(`<script>${READ_ALOUD_SCRIPT}</script>`, '');

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('abuse', () => {
  it('token guessing: past the limit unknown tokens get 429 with Retry-After until the window ends; a valid token still passes', async () => {
    const t = await createTestApi({ guessLimit: LIMIT });
    for (let i = 0; i < LIMIT.maxFailures; i++) {
      const res = await t.call(`iup_guess${i}`, 'GET', '/v1/me');
      expect(res.status).toBe(401);
    }
    const limited = await t.call('iup_guess-next', 'GET', '/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBe(900);
    // Colleagues behind the same address are not locked out by one client's failures.
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/me')).status).toBe(200);
    t.setNow('2026-11-02T09:15:01Z');
    expect((await t.call('iup_guess-later', 'GET', '/v1/me')).status).toBe(401);
  });

  it('calendar feed tokens count as guesses too, in the same count', async () => {
    const t = await createTestApi({ guessLimit: LIMIT });
    const feed = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/calendar-feeds')).body;
    for (let i = 0; i < LIMIT.maxFailures; i++)
      expect((await t.call(null, 'GET', `/v1/calendar/gissning-${i}/meetings.ics`)).status).toBe(404);
    const limited = await t.call(null, 'GET', '/v1/calendar/gissning-x/meetings.ics');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect((await t.call(null, 'GET', feed.path)).status).toBe(200);
    // The count is shared: an API token guessed from the same address is over the limit as well.
    expect((await t.call('iup_guess', 'GET', '/v1/me')).status).toBe(429);
  });

  it('share-link guessing: unknown addresses count; past the limit a readable 429 page', async () => {
    const t = await createTestApi({ guessLimit: LIMIT });
    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    expect((await t.call(null, 'GET', link.path)).status).toBe(200);
    for (let i = 0; i < LIMIT.maxFailures; i++)
      expect((await t.call(null, 'GET', `/share/gissning-${i}`)).status).toBe(404);
    const limited = await t.call(null, 'GET', '/share/gissning-igen');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(limited.body).toContain('För många försök');
    expect(limited.body).not.toContain('Saga');
    expect((await t.call(null, 'GET', '/share/gissning-igen?lang=en')).body).toContain('Too many tries');
    // A family behind the same address still opens its own link.
    expect((await t.call(null, 'GET', link.path)).status).toBe(200);
    t.setNow('2026-11-02T09:15:01Z');
    expect((await t.call(null, 'GET', '/share/gissning-senare')).status).toBe(404);
  });

  it('oversize bodies get 413 in the error shape and write nothing', async () => {
    const t = await createTestApi();
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
    const before = await schoolSnapshot(t.client, t.a.schoolId);
    const huge = { version: 1, sections: { pupilVoice: 'x'.repeat(600 * 1024) } };
    const res = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, huge);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
    const phrase = await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', {
      text: 'y'.repeat(600 * 1024),
      scope: 'team',
      teamId: t.a.teamA,
    });
    expect(phrase.status).toBe(413);
    expect(await schoolSnapshot(t.client, t.a.schoolId)).toBe(before);

    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    const afterLink = await schoolSnapshot(t.client, t.a.schoolId);
    const form = new URLSearchParams({ section: 'guardians', text: 'z'.repeat(20 * 1024) }).toString();
    const comment = await t.call(null, 'POST', link.path, form, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(comment.status).toBe(413);
    expect(await schoolSnapshot(t.client, t.a.schoolId)).toBe(afterLink);
  });

  it('HTML and script in phrases and drafts are stored verbatim, and the share page shows them as text', async () => {
    const t = await createTestApi();
    const phrase = await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', {
      text: HOSTILE,
      scope: 'team',
      teamId: t.a.teamA,
    });
    expect(phrase.status).toBe(201);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases/${phrase.body.id}`)).body.text).toBe(HOSTILE);
    expect(
      (await t.client.execute({ sql: 'select text from phrases where id = ?', args: [phrase.body.id] })).rows[0]!.text,
    ).toBe(HOSTILE);

    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
    const saved = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: { omdomen: [{ subject: 'SV', text: HOSTILE }], pupilVoice: HOSTILE },
    });
    expect(saved.status).toBe(200);
    const back = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}`)).body;
    expect([back.sections.omdomen[0].text, back.sections.pupilVoice]).toEqual([HOSTILE, HOSTILE]);

    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    const page = await t.call(null, 'GET', link.path);
    expect(page.body).toContain('&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;&lt;script&gt;');
    expect(withoutReadAloud(page.body)).not.toMatch(/<script|<img/i);
    // A comment with markup comes back escaped inside the textarea, not closing it.
    await t.call(null, 'POST', link.path, new URLSearchParams({ section: 'pupil', text: HOSTILE }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const again = await t.call(null, 'GET', link.path);
    expect(withoutReadAloud(again.body)).not.toMatch(/<script|<img/i);
    // The hostile "</textarea>" stays text: every text box the page opens is closed exactly once.
    const opened = again.body.match(/<textarea/g)?.length ?? 0;
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(again.body.match(/<\/textarea>/g)).toHaveLength(opened);
  });

  it('control characters are refused where people write, so nothing is stored that reads back different (found by the fuzzer)', async () => {
    const t = await createTestApi();
    // A NUL in the school's name once made every later read of the school fail with a 500.
    const named = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { name: 'Skola\u0000A' });
    expect(named.status).toBe(400);
    expect(named.body.error.details).toBeDefined();
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/school')).status).toBe(200);
    expect(
      (
        await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', {
          text: 'Läser\u0000 med flyt.',
          scope: 'team',
          teamId: t.a.teamA,
        })
      ).status,
    ).toBe(400);
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
    expect(
      (
        await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
          version: 1,
          sections: { pupilVoice: 'a\u0007b' },
        })
      ).status,
    ).toBe(400);
    // Line breaks and tabs are text.
    const ok = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: { pupilVoice: 'Rad ett\n\tRad två\r\n' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sections.pupilVoice).toBe('Rad ett\n\tRad två\r\n');
    const csv = Buffer.from('Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\nx-1;Å\u0000sa;Öberg;5B;5\r\n', 'utf8').toString(
      'base64',
    );
    const imported = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv,
      teamId: t.a.teamA,
    });
    expect(imported.status).toBe(400);
    expect(JSON.stringify(imported.body)).toContain('control');
    // The share page's comment box has no schema of its own: control characters are dropped.
    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    await t.call(
      null,
      'POST',
      link.path,
      new URLSearchParams({ section: 'pupil', text: 'Jag\u0000 vill prata om raster.' }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    const comments = await t.call(
      t.a.tokens.teacherA,
      'GET',
      `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
    );
    expect(comments.body.comments[0].text).toBe('Jag vill prata om raster.');
  });

  it('invisible and direction-changing characters: refused in names, bidi overrides refused in free text, ordinary Unicode kept', async () => {
    const t = await createTestApi();
    const refusedNames = [
      'Ali\u202Eilа',
      'Sa\u200Bga',
      'Saga\u2028Ek',
      'Saga\u0085',
      'Sa\u00ADga',
      'Saga\u{E0041}',
      `Sa${'\u0301'.repeat(50)}ga`,
      'Sa\uD800ga',
      'Saga\u2066',
    ];
    for (const name of refusedNames) {
      const res = await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', {
        firstName: name,
        lastName: 'Ek',
        skolform: 'grundskola',
        arskurs: 3,
        groupIds: [t.a.classA],
      });
      expect([JSON.stringify(name), res.status]).toEqual([JSON.stringify(name), 400]);
      expect(res.body).toMatchObject(errorShape);
    }
    // Names are stored in NFC: "å" typed as a + ring is the same name as "å".
    const nfc = await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', {
      firstName: 'A\u030Asa',
      lastName: 'Öberg',
      skolform: 'grundskola',
      arskurs: 3,
      groupIds: [t.a.classA],
    });
    expect(nfc.status).toBe(201);
    expect(nfc.body.firstName).toBe('Åsa');
    // The same rules for a CSV name, a school name and a phrase.
    const csv = Buffer.from(
      'Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\nx-1;"Åhlén\nAndersson";Öberg;5B;5\r\nx-2;Li\u202Ena;Ek;5B;5\r\n',
      'utf8',
    ).toString('base64');
    const imported = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv,
      teamId: t.a.teamA,
    });
    expect(imported.status).toBe(400);
    expect(imported.body.error.details.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [1, 'firstName'],
      [2, 'firstName'],
    ]);
    expect((await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { name: 'Skola\u202EA' })).status).toBe(400);
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
    for (const text of [
      'Läser \u202Eflytande',
      'Läser\u2066 med',
      'Rad\u2028två',
      'a\u0085b',
      `zalgo${'\u0301'.repeat(50)}`,
    ]) {
      expect(
        (await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: { pupilVoice: text } }))
          .status,
      ).toBe(400);
      expect(
        (await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', { text, scope: 'team', teamId: t.a.teamA })).status,
      ).toBe(400);
    }
    // Ordinary Unicode in free text: an emoji family (ZWJ), Persian with ZWNJ, Arabic with RLM, a flag with tag characters.
    const ordinary =
      'Bra jobbat 👨\u200D👩\u200D👧 می\u200Cخواهم مرحبا\u200F 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    const saved = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: { pupilVoice: ordinary },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.sections.pupilVoice).toBe(ordinary);
    // Text stored before these rules never reaches a guardian with its override.
    await t.client.execute({
      sql: "update iup_documents set sections = json_set(sections, '$.pupilVoice', ?) where id = ?",
      args: ['Gammal \u202Etext', doc.id],
    });
    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    const page = await t.call(null, 'GET', link.path);
    expect(page.body).toContain('Gammal text');
    expect(page.body).not.toContain('\u202E');
  });

  it('the share page is sent with headers that keep it private and unscriptable', async () => {
    const t = await createTestApi();
    const link = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body;
    for (const path of [link.path, '/share/finns-inte']) {
      const res = await t.call(null, 'GET', path);
      const h = Object.fromEntries(res.headers.entries());
      // No script but the read-aloud helper, allowed by its hash alone.
      expect(h['content-security-policy'], path).toBe(
        `default-src 'none'; script-src 'sha256-${READ_ALOUD_HASH}'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      );
      expect(h, path).toMatchObject({
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-robots-tag': 'noindex, nofollow',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-type': 'text/html; charset=utf-8',
      });
    }
  });

  it('every error answer of the API has the JSON error shape', async () => {
    const t = await createTestApi();
    for (const [token, method, path] of [
      [null, 'GET', '/v1/me'],
      [t.a.tokens.teacherA, 'GET', '/v1/finns-inte'],
      [t.a.tokens.teacherA, 'DELETE', '/v1/school'],
    ] as const) {
      const res = await t.call(token, method, path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).toMatchObject(errorShape);
    }
  });
});
