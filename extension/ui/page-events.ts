/**
 * What the always-loaded features tell each other on one page, without importing each other: the
 * panel opened or closed (the deadline banner steps aside). In the content script's isolated
 * world, so the page can neither hear nor fake it.
 */
export type PageEvent = 'panel-opened' | 'panel-closed';

const bus = new EventTarget();

export const announce = (event: PageEvent) => bus.dispatchEvent(new Event(event));

export function onPageEvent(event: PageEvent, listener: () => void, signal: AbortSignal): void {
  bus.addEventListener(event, listener, { signal });
}
