import { describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { describeForLog, errorHandler } from './error-handler';

describe('error handler', () => {
  it('answers unexpected errors with a generic 500 and logs no content', async () => {
    const app = new Hono();
    app.onError(errorHandler());
    const cause = Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' });
    app.get('/boom', () => {
      throw new Error('Failed query: insert … params: Saga,Ek', { cause });
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server; nothing was saved.' },
    });
    const logged = log.mock.calls.flat().join(' ');
    expect(logged).toContain('SQLITE_CONSTRAINT');
    expect(logged).not.toContain('Saga');
    log.mockRestore();
  });

  it('describes errors by type and codes only', () => {
    expect(describeForLog(new TypeError('pupil Saga'))).toBe('TypeError');
  });
});
