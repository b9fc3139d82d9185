import type { IupDocument } from '../../shared/schemas/iup';

/** What one save came back with; `acknowledged` = the API answered 200 for this very request. */
export interface SaveOutcome {
  version: number;
  text: string;
  acknowledged: boolean;
}

export type Base = () => string;

export const api =
  (base: Base, token: string) =>
  async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

/** A fresh IUP for the first demo pupil the token sees, in a läsår nobody else writes in. */
export async function freshIup(base: Base, token: string, schoolYear: string, pupilIndex = 0): Promise<IupDocument> {
  const call = api(base, token);
  const pupils = (await call('GET', '/v1/pupils')).body as { pupils: { id: string }[] };
  const created = await call('POST', '/v1/iups', { pupilId: pupils.pupils[pupilIndex]!.id, schoolYear });
  if (created.status !== 201) throw new Error(`creating the IUP: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as IupDocument;
}
