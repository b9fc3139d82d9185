import type { Outcome } from '../messaging/protocol';
import { ApiClientError, apiClient, type ApiClient } from '../sync/api-client';
import { isConfigured, settingsItem, type Settings } from '../sync/settings';

/**
 * Run `work` with the teacher's API client (the token never leaves the background) and answer as
 * an `Outcome`: what went wrong, in a kind the sender can put into words.
 */
export async function withApi<T extends object>(
  work: (api: ApiClient, settings: Settings) => Promise<T>,
): Promise<Outcome<T>> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return { ok: false, error: 'not-configured' };
  try {
    return { ok: true, ...(await work(apiClient(settings), settings)) };
  } catch (err) {
    return { ok: false, error: err instanceof ApiClientError ? err.kind : 'error' };
  }
}
