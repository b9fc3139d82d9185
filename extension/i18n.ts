import { browser } from 'wxt/browser';
import type sv from './public/_locales/sv/messages.json';

/** Message keys exist in the Swedish catalogue (the default locale), so a typo fails typecheck. */
export type MessageKey = keyof typeof sv;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
