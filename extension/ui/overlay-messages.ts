// Only the strings the always-loaded overlay shows: named JSON imports keep the rest of the
// catalogues (the palette's, the pages') out of every LMS page.
import { paletteOpenButton as enOpen, paletteUnavailable as enUnavailable } from '../public/_locales/en/messages.json';
import { paletteOpenButton as svOpen, paletteUnavailable as svUnavailable } from '../public/_locales/sv/messages.json';
import type { Language } from '../sync/settings';

const MESSAGES = {
  sv: { paletteOpenButton: svOpen, paletteUnavailable: svUnavailable },
  en: { paletteOpenButton: enOpen, paletteUnavailable: enUnavailable },
};

let language: Language = 'sv';
export const setOverlayLanguage = (lang: Language) => {
  language = lang;
};
export const overlayText = (key: keyof (typeof MESSAGES)['sv']) => MESSAGES[language][key].message;
