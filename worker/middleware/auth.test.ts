import { beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens';
import { issueToken, revokeToken } from '../repositories/tokens';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

describe('auth', () => {
  it('requires a bearer token on every /v1 route except health and the OpenAPI document', async () => {
    for (const path of [
      '/v1/me',
      '/v1/pupils',
      '/v1/school',
      '/v1/meetings',
      '/v1/phrases',
      `/v1/iups/${crypto.randomUUID()}`,
    ]) {
      const res = await t.call(null, 'GET', path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect((await t.call(null, 'GET', '/v1/health')).status).toBe(200);
    expect((await t.call(null, 'GET', '/v1/openapi.json')).status).toBe(200);
    expect((await t.call('iup_guess', 'GET', '/v1/me')).status).toBe(401);
    expect(
      (await t.call(null, 'GET', '/v1/me', undefined, { authorization: `Basic ${t.a.tokens.admin}` })).status,
    ).toBe(401);
  });

  it('stores only the SHA-256 of a token, records last use, and stops a revoked token', async () => {
    const { id, token } = await issueToken(t.db, t.a.ids.teacherA, 'laptop');
    expect(token).toMatch(/^iup_[A-Za-z0-9_-]{43}$/);
    const stored = (await t.client.execute('select hash, last_used_at from api_tokens where id = ?', [id])).rows[0]!;
    expect(stored.hash).toBe(await hashToken(token));
    expect(stored.last_used_at).toBeNull();
    expect((await t.call(token, 'GET', '/v1/me')).status).toBe(200);
    expect(
      (await t.client.execute('select last_used_at from api_tokens where id = ?', [id])).rows[0]!.last_used_at,
    ).toBe('2026-11-02T09:00:00.000Z');
    await revokeToken(t.db, id, new Date().toISOString());
    const res = await t.call(token, 'GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/revoked/);
  });
});

describe('limits, CORS and errors', () => {
  it('answers 413 in the JSON shape for oversize bodies, and writes nothing', async () => {
    const small = await createTestApi({ maxBodyBytes: 1024 });
    const res = await small.call(small.a.tokens.admin, 'POST', '/v1/pupils', {
      firstName: 'x'.repeat(2000),
      lastName: 'y',
      skolform: 'grundskola',
      arskurs: 1,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect((await small.call(small.a.tokens.admin, 'GET', '/v1/pupils')).body.total).toBe(2);
  });

  it('sends CORS headers only to configured extension origins', async () => {
    const pre = (origin: string) =>
      t.call(null, 'OPTIONS', '/v1/me', undefined, { origin, 'access-control-request-method': 'GET' });
    expect((await pre('chrome-extension://abcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );
    expect((await pre('moz-extension://1234')).headers.get('access-control-allow-origin')).toBe('moz-extension://1234');
    expect((await pre('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const strict = await createTestApi({ corsOrigins: ['chrome-extension://only'] });
    const res = await strict.call(null, 'OPTIONS', '/v1/me', undefined, {
      origin: 'chrome-extension://other',
      'access-control-request-method': 'GET',
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes with the JSON 404 shape', async () => {
    const res = await t.call(t.a.tokens.admin, 'GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const doc = (await t.call(null, 'GET', '/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/v1/me',
      '/v1/school',
      '/v1/pupils',
      '/v1/pupils/{id}',
      '/v1/meetings',
      '/v1/meetings/{id}',
      '/v1/iups',
      '/v1/iups/{id}',
      '/v1/iups/{id}/revisions',
      '/v1/iups/{id}/revisions/{version}/restore',
      '/v1/phrases',
      '/v1/phrases/{id}',
      '/v1/phrases/usage',
      '/v1/deadlines',
      '/v1/calendar-feeds',
      '/v1/calendar-feeds/{id}',
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(
      doc.paths['/v1/pupils'].post.requestBody.content['application/json'].schema.properties.skolform.enum,
    ).toContain('anpassad-grundskola');
  });
});
