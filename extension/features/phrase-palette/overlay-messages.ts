// Only the strings the always-loaded overlay shows: named JSON imports keep the rest of the
// catalogues (the palette's, the pages') out of every LMS page.
import {
  insertCopied as enCopied,
  insertCopiedMac as enCopiedMac,
  insertNotCopied as enNotCopied,
  insertTextLabel as enTextLabel,
  paletteOpenButton as enOpen,
  paletteUnavailable as enUnavailable,
  toastClose as enClose,
} from '../../public/_locales/en/messages.json';
import {
  insertCopied as svCopied,
  insertCopiedMac as svCopiedMac,
  insertNotCopied as svNotCopied,
  insertTextLabel as svTextLabel,
  paletteOpenButton as svOpen,
  paletteUnavailable as svUnavailable,
  toastClose as svClose,
} from '../../public/_locales/sv/messages.json';
import type { CopyFallbackTexts } from '../../ui/copy-fallback';
import type { Language } from '../../sync/settings';

const MESSAGES = {
  sv: {
    insertCopied: svCopied,
    insertCopiedMac: svCopiedMac,
    insertNotCopied: svNotCopied,
    insertTextLabel: svTextLabel,
    paletteOpenButton: svOpen,
    paletteUnavailable: svUnavailable,
    toastClose: svClose,
  },
  en: {
    insertCopied: enCopied,
    insertCopiedMac: enCopiedMac,
    insertNotCopied: enNotCopied,
    insertTextLabel: enTextLabel,
    paletteOpenButton: enOpen,
    paletteUnavailable: enUnavailable,
    toastClose: enClose,
  },
};

let language: Language = 'sv';
export const setOverlayLanguage = (lang: Language) => {
  language = lang;
};
export const overlayText = (key: keyof (typeof MESSAGES)['sv']) => MESSAGES[language][key].message;

export const copyFallbackTexts = (): CopyFallbackTexts => ({
  copied: overlayText('insertCopied'),
  copiedMac: overlayText('insertCopiedMac'),
  notCopied: overlayText('insertNotCopied'),
  textLabel: overlayText('insertTextLabel'),
  close: overlayText('toastClose'),
});
