import { browser, type Browser } from 'wxt/browser';
import { PAYLOADS } from './payloads';
import type { BackgroundMessage, BackgroundProtocol, Envelope } from './protocol';

export type Sender = Browser.runtime.MessageSender;

/** One handler per background message; `satisfies BackgroundHandlers` makes a missing one a type error. */
export type BackgroundHandlers = {
  [K in BackgroundMessage]: (
    payload: BackgroundProtocol[K]['payload'],
    sender: Sender,
  ) => Promise<BackgroundProtocol[K]['reply']>;
};

/**
 * The background's one listener: a message of a known type whose payload parses goes to its
 * handler; anything else is ignored (undefined: not ours to answer), and a malformed payload is
 * logged by name only — never its content.
 */
export function dispatchBackgroundMessages(handlers: BackgroundHandlers): void {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the polyfill answers with the promise a listener returns
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as Envelope | undefined;
    if (!m || typeof m.type !== 'string' || !Object.hasOwn(PAYLOADS, m.type)) return undefined;
    const type = m.type as BackgroundMessage;
    const parsed = PAYLOADS[type].safeParse(m.payload);
    if (!parsed.success) {
      console.warn(`[IUP-stöd] refused a malformed '${type}' message`);
      return undefined;
    }
    return (handlers[type] as (p: unknown, s: Sender) => Promise<unknown>)(parsed.data, sender);
  });
}
