import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../i18n';
import { copyText, isMac } from './copy-text';
import { toast } from './toast';

export interface CopyFallbackTexts {
  copied: string;
  copiedMac: string;
  notCopied: string;
  textLabel: string;
  close: string;
}

/** The texts in the chosen language (the injected modules that fall back carry the catalogue). */
export const copyFallbackTexts = (): CopyFallbackTexts => ({
  copied: t('insertCopied'),
  copiedMac: t('insertCopiedMac'),
  notCopied: t('insertNotCopied'),
  textLabel: t('insertTextLabel'),
  close: t('toastClose'),
});

/**
 * When an insertion cannot be confirmed the teacher still gets the text: it goes to the
 * clipboard and a message that stays until closed says so; if even copying is refused, the text
 * itself is in the message, ready to select. Returns the message shown.
 */
export async function copyFallback(ctx: ContentScriptContext, text: string, texts: CopyFallbackTexts): Promise<string> {
  const copied = await copyText(text);
  const message = copied ? (isMac() ? texts.copiedMac : texts.copied) : texts.notCopied;
  await toast(ctx, message, {
    detail: copied ? undefined : text,
    persist: { closeLabel: texts.close, detailLabel: texts.textLabel },
  });
  return message;
}
