import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fillPlaceholders } from '../../../shared/phrases/placeholders';
import { detectPagePupil } from '../../components/page-pupil';
import { insertText } from '../../insert-text';
import { isNativeTextField } from '../../insert-text/native-field';
import { sendToBackground } from '../../messaging/send';
import { isMyPhrase, myPhrasesItem } from '../../sync/my-phrases';
import { phraseCacheItem, recordUse } from '../../sync/phrase-cache';
import { settingsItem } from '../../sync/settings';
import { setLanguage } from '../../i18n';
import { copyFallback, copyFallbackTexts } from '../../ui/copy-fallback';
import { registerUi } from '../../ui/lazy-ui';

export interface AbbreviationsModule {
  /** Replace the code just typed before the caret with its phrase. */
  expand(ctx: ContentScriptContext, field: HTMLElement, match: { code: string; length: number }): Promise<void>;
}

/** Select the `length` characters before the caret, so the insertion replaces them. */
function selectBack(field: HTMLElement, length: number): string | null {
  if (isNativeTextField(field)) {
    const end = field.selectionEnd ?? 0;
    field.setSelectionRange(end - length, end, 'backward');
    return field.value.slice(end - length, end);
  }
  const sel = field.ownerDocument.getSelection();
  if (!sel) return null;
  for (let i = 0; i < length; i++) sel.modify('extend', 'backward', 'character');
  return sel.toString();
}

async function expand(ctx: ContentScriptContext, field: HTMLElement, match: { code: string; length: number }) {
  const [mine, cache, settings] = await Promise.all([
    myPhrasesItem.getValue(),
    phraseCacheItem.getValue(),
    settingsItem.getValue(),
  ]);
  setLanguage(settings.language);
  const id = mine.codes[match.code];
  const phrase =
    (id && mine.phrases.find((p) => p.id === id)) ??
    (id ? cache.phrases.find((p) => p.id === id && p.status === 'approved') : undefined);
  if (!phrase) return;
  // The pupil the page shows, else the one chosen in the palette this session.
  const page = await detectPagePupil().catch(() => null);
  const chosenId =
    page?.detection.kind === 'one'
      ? page.detection.pupil.id
      : await sendToBackground('chosen-pupil-get').catch(() => null);
  const pupil = page?.roster.find((p) => p.id === chosenId) ?? null;
  const selected = selectBack(field, match.length);
  // The teacher typed on meanwhile: the code is no longer what is before the caret.
  if (selected === null || !selected.toLocaleLowerCase('sv').startsWith(match.code)) {
    if (isNativeTextField(field)) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
    else field.ownerDocument.getSelection()?.collapseToEnd();
    return;
  }
  const delimiter = selected.slice(match.code.length);
  const text = fillPlaceholders(phrase.text, pupil) + delimiter;
  const outcome = await insertText(field, text);
  if (outcome.ok) {
    if (!isMyPhrase(phrase.id)) await recordUse(phrase.id);
    return;
  }
  if (isNativeTextField(field)) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
  else field.ownerDocument.getSelection()?.collapseToEnd();
  await copyFallback(ctx, text, copyFallbackTexts());
}

export function registerAbbreviations(): void {
  registerUi<AbbreviationsModule>('abbreviations', { expand });
}
