import { browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundProtocol, ContentMessage, ContentProtocol } from './protocol';

type Args<P> = P extends undefined ? [] : [payload: P];

/** Send to the background; resolves with the handler's reply, or rejects when nobody answered. */
export function sendToBackground<K extends BackgroundMessage>(
  type: K,
  ...[payload]: Args<BackgroundProtocol[K]['payload']>
): Promise<BackgroundProtocol[K]['reply']> {
  return browser.runtime.sendMessage<unknown, BackgroundProtocol[K]['reply']>({ type, payload });
}

/** Send to a tab's content scripts (all frames, or one). */
export function sendToTab<K extends ContentMessage>(
  tabId: number,
  frameId: number | undefined,
  type: K,
  ...[payload]: Args<ContentProtocol[K]['payload']>
): Promise<ContentProtocol[K]['reply']> {
  const message = { type, payload };
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}
