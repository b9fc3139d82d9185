import { describe, expect, it } from 'vitest';
import { apiClient, ApiClientError } from './api-client';

describe('the API client', () => {
  it('without a server address or key it asks nothing (a relative path would go to the extension itself)', async () => {
    const asked: string[] = [];
    const fetchSpy = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    for (const settings of [
      { apiUrl: '', token: 'iup_x' },
      { apiUrl: 'https://iup.skolan.se', token: '' },
    ]) {
      const err = await apiClient({ ...settings, fetch: fetchSpy })
        .me()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiClientError);
      expect((err as ApiClientError).kind).toBe('not-configured');
    }
    expect(asked).toEqual([]);
  });
});
