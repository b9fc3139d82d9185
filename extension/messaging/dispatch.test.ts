import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatchBackgroundMessages, type BackgroundHandlers, type Sender } from './dispatch';
import { PAYLOADS } from './payloads';

const PUPIL = '6f1d7c4e-9a3b-4c2d-8e1f-0a1b2c3d4e5f';

function handlers(): BackgroundHandlers {
  const reply = (value: unknown) => vi.fn(async () => value);
  return Object.fromEntries(
    Object.keys(PAYLOADS).map((k) => [k, reply({ ok: true })]),
  ) as unknown as BackgroundHandlers;
}

/** The listener the dispatcher registered, called as the browser would call it. */
function install(h: BackgroundHandlers): (message: unknown) => unknown {
  const add = vi.spyOn(browser.runtime.onMessage, 'addListener');
  dispatchBackgroundMessages(h);
  const listener = add.mock.calls[0]![0] as (m: unknown, s: Sender, r: () => void) => unknown;
  add.mockRestore();
  return (message) => listener(message, { tab: { id: 1 } as Sender['tab'], frameId: 0 }, () => undefined);
}

beforeEach(() => fakeBrowser.reset());

describe('the background’s one dispatcher', () => {
  it('hands a well-formed message to its handler with the parsed payload and answers with its reply', async () => {
    const h = handlers();
    const send = install(h);
    const reply = await send({ type: 'share-info', payload: { pupilId: PUPIL, schoolYear: '2026/27' } });
    expect(reply).toEqual({ ok: true });
    expect(h['share-info']).toHaveBeenCalledWith({ pupilId: PUPIL, schoolYear: '2026/27' }, expect.anything());
  });

  it('refuses what a page’s process could send: unknown types, extra fields, wrong shapes — no handler runs', async () => {
    const h = handlers();
    const send = install(h);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const message of [
      { type: 'share-info', payload: { pupilId: 'x', schoolYear: '2026/27' } },
      { type: 'share-info', payload: { pupilId: PUPIL, schoolYear: '2026/27', extra: 1 } },
      { type: 'load-ui', payload: { feature: '../../evil' } },
      { type: 'restore-revision', payload: { pupilId: PUPIL, schoolYear: '2026/27', version: 'one' } },
      { type: 'draft-changed', payload: { anything: true } },
      { type: 'toString' },
      { type: 'constructor', payload: {} },
      'sync-now',
      null,
    ]) {
      expect(await send(message)).toBeUndefined();
    }
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
    // Logged by type only, never the payload.
    expect(warn.mock.calls.flat().join(' ')).not.toContain(PUPIL);
    warn.mockRestore();
  });
});
