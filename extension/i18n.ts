import en from './public/_locales/en/messages.json';
import sv from './public/_locales/sv/messages.json';
import type { Language } from './sync/settings';

/** Message keys exist in the Swedish catalogue (the default locale), so a typo fails typecheck. */
export type MessageKey = keyof typeof sv;

const CATALOGUES: Record<Language, Record<string, { message: string }>> = { sv, en };

// Swedish unless the teacher chose English in the options; set at start-up from settings.
let language: Language = 'sv';
export const setLanguage = (lang: Language) => {
  language = lang;
};
export const currentLanguage = () => language;
/** The BCP 47 locale for dates and times in the chosen language. */
export const locale = () => (language === 'sv' ? 'sv-SE' : 'en-GB');

/** The browser's own i18n decides the manifest's texts; everything we render uses the chosen language. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const entry = CATALOGUES[language][key] ?? sv[key];
  let text = entry?.message ?? key;
  substitutions.forEach((s, i) => {
    text = text.replaceAll(`$${i + 1}`, s);
  });
  return text;
}

/** Numbers as the chosen language writes them: "2 000" in Swedish, "2,000" in English. */
export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);
/** A date and time in the chosen language ("2 dec. 2026 15:41" / "2 Dec 2026, 15:41"). */
export const formatDateTime = (iso: string | number | Date) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
/** A date in the chosen language. */
export const formatDate = (iso: string | number | Date) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso));
