import { storage } from 'wxt/utils/storage';

export type Language = 'sv' | 'en';

/** The teacher's connection to the school's IUP-stöd server. The token stays in local extension storage. */
export interface Settings {
  apiUrl: string;
  token: string;
  language: Language;
  /** Wording tips beside the LMS field being written in; off only when the teacher says so. */
  wordingHints?: boolean;
  /** Short codes ("/läs1") expand as the teacher types; on unless she turns them off. */
  abbreviations?: boolean;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { apiUrl: '', token: '', language: 'sv' },
});

export const isConfigured = (s: Settings) => s.apiUrl !== '' && s.token !== '';

/** Normalise what a teacher pastes: trim, drop a trailing slash, require http(s). */
export function normaliseApiUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
