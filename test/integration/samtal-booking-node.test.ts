import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi, stopApi } from './api-process';

const dir = mkdtempSync(join(tmpdir(), 'iup-booking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = async (base: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

describe('booking through the started Node server', () => {
  it('20 families booking the same time at once: exactly one gets it, the others see "taken" and what is still free', async () => {
    const api = await startApi(join(dir, 'booking.db'), { env: { API_PROCESSES: '2' } });
    try {
      const admin = api.tokens.admin!;
      const teacher = api.tokens.teacher!;
      const { body: me } = await call(api.base, teacher, 'GET', '/v1/me');
      const groupId = me.groups[0].id as string;
      const year = (await call(api.base, teacher, 'GET', '/v1/school')).body.calendar.schoolYears.find(
        (y: { terms: { start: string }[] }) => y.terms[0]!.start <= new Date().toISOString().slice(0, 10),
      ).label;
      const pupils: string[] = [];
      for (let i = 0; i < 20; i++) {
        const p = await call(api.base, admin, 'POST', '/v1/pupils', {
          firstName: `Familj${i}`,
          lastName: 'Test',
          skolform: 'grundskola',
          arskurs: 3,
          groupIds: [groupId],
        });
        expect(p.status).toBe(201);
        pupils.push(p.body.id);
      }
      const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const published = await call(api.base, teacher, 'POST', '/v1/samtal/times', {
        groupIds: [groupId],
        date,
        firstStart: '15:00',
        lengthMinutes: 20,
        count: 3,
        place: 'Rum 5',
      });
      expect(published.status).toBe(201);
      const [wanted, ...rest] = published.body.times as { id: string }[];
      const links = await Promise.all(
        pupils.map(async (id) => {
          const res = await call(api.base, teacher, 'POST', `/v1/pupils/${id}/share-links`, { schoolYear: year });
          expect(res.status, JSON.stringify(res.body) + api.output()).toBe(201);
          return res.body.path as string;
        }),
      );
      const answers = await Promise.all(
        links.map(async (path) => {
          const res = await fetch(`${api.base}${path}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ action: 'book', timeId: wanted!.id }),
          });
          return { status: res.status, text: await res.text() };
        }),
      );
      expect(answers.filter((a) => a.status === 303)).toHaveLength(1);
      const refused = answers.filter((a) => a.status !== 303);
      expect(refused.map((a) => a.status)).toEqual(Array(19).fill(409));
      for (const a of refused) {
        expect(a.text).toContain('Tiden hann bokas av någon annan');
        // The page they get back lists the times still free, and not the taken one.
        for (const t of rest) expect(a.text).toContain(t.id);
        expect(a.text).not.toContain(`value="${wanted!.id}"`);
      }
      const booked = (await call(api.base, teacher, 'GET', `/v1/samtal/times?groupId=${groupId}`)).body.times.filter(
        (t: { booking: unknown }) => t.booking,
      );
      expect(booked.filter((t: { id: string }) => t.id === wanted!.id)).toHaveLength(1);
    } finally {
      await stopApi(api.child);
    }
  });
});
