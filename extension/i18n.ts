import { browser } from 'wxt/browser';
import type sv from './public/_locales/sv/messages.json';

/** Message keys exist in the Swedish catalogue (the default locale), so a typo fails typecheck. */
export type MessageKey = keyof typeof sv;

// WXT types getMessage as one overload per literal key, which a union-typed key cannot select;
// MessageKey above already restricts the keys, so a plain signature is safe here.
const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string | string[]): string };

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return i18n.getMessage(key, substitutions) || key;
}
