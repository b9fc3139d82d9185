import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentMessage, ContentProtocol, Envelope } from './protocol';

type Handler<K extends ContentMessage> = (
  payload: ContentProtocol[K]['payload'],
) => Promise<ContentProtocol[K]['reply']> | undefined;

/**
 * A feature's handler for one content message, removed when the content script is invalidated
 * (an extension update leaves no listener behind). Messages here come from the extension itself:
 * pages cannot message a content script.
 */
export function onContentMessage<K extends ContentMessage>(
  ctx: ContentScriptContext,
  type: K,
  handler: Handler<K>,
): void {
  const listener = (message: unknown) => {
    const m = message as Envelope | undefined;
    if (m?.type !== type) return undefined;
    return handler(m.payload as ContentProtocol[K]['payload']);
  };
  // The polyfill answers a message with the promise its listener returns (undefined: not ours).
  /* eslint-disable @typescript-eslint/no-misused-promises */
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  /* eslint-enable @typescript-eslint/no-misused-promises */
}
