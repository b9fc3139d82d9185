import { z } from 'zod';
import { ErrorBody, Me, PhraseList, Pupil, School, type Me as MeT } from '../../shared/index';

/** A failure talking to the API, with what the teacher should be told. */
export class ApiClientError extends Error {
  constructor(readonly kind: 'network' | 'unauthorized' | 'http' | 'invalid-response', readonly status: number | null, message: string) {
    super(message);
    this.name = 'ApiClientError';
  }
}

export interface ApiClientOptions {
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
}

/** The extension's view of the API. Responses are parsed with the same zod schemas the API validates with. */
export function apiClient({ apiUrl, token, fetch: fetchImpl = fetch }: ApiClientOptions) {
  async function request<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetchImpl(`${apiUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      });
    } catch {
      throw new ApiClientError('network', null, 'The server did not answer.');
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(body);
      const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
      throw new ApiClientError(res.status === 401 ? 'unauthorized' : 'http', res.status, message);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiClientError('invalid-response', res.status, 'The server answered with something unexpected.');
    return parsed.data;
  }

  return {
    me: (): Promise<MeT> => request('/v1/me', Me),
    school: () => request('/v1/school', School),
    phrases: (since: string | null) => request(`/v1/phrases?limit=1000${since ? `&since=${encodeURIComponent(since)}` : ''}`, PhraseList),
    pupils: () => request('/v1/pupils?limit=1000', z.object({ pupils: z.array(Pupil), total: z.int() })),
    reportUsage: (uses: { id: string; count: number }[]) =>
      request('/v1/phrases/usage', z.object({ applied: z.int() }), { method: 'POST', body: JSON.stringify({ uses }) }),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
