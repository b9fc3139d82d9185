import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Phrase } from '../../../shared/schemas/phrase';
import { setLanguage } from '../../i18n';
import { detectPagePupil } from '../../components/page-pupil';
import { sendToBackground } from '../../messaging/send';
import { asPhrase, myPhrasesItem } from '../../sync/my-phrases';
import { phraseCacheItem, phraseUsageItem } from '../../sync/phrase-cache';
import { rosterItem } from '../../sync/roster-cache';
import { settingsItem } from '../../sync/settings';
import { copyFallback, copyFallbackTexts } from '../../ui/copy-fallback';
import { registerUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import { Palette } from './Palette';
import css from './palette.css?inline';

export type PaletteChoice = { phrase: Phrase; text: string } | null;

/** What the always-loaded part calls once this module has been injected into the frame. */
export interface PaletteModule {
  show(ctx: ContentScriptContext, done: (choice: PaletteChoice) => void): Promise<void>;
  /** An insertion could not be confirmed: the text to the clipboard, and the teacher told. */
  fallback(ctx: ContentScriptContext, text: string): Promise<void>;
}

/** Show the palette in this frame; `done` gets the chosen phrase and its filled text, or null. */
async function show(ctx: ContentScriptContext, done: (choice: PaletteChoice) => void): Promise<void> {
  const [cache, usage, roster, chosen, settings, page, mine] = await Promise.all([
    phraseCacheItem.getValue(),
    phraseUsageItem.getValue(),
    rosterItem.getValue(),
    sendToBackground('chosen-pupil-get').catch(() => null),
    settingsItem.getValue(),
    detectPagePupil().catch(() => null),
    myPhrasesItem.getValue(),
  ]);
  setLanguage(settings.language);
  const usageMap = new Map(Object.entries(usage.uses));
  const pupils = [...roster.pupils].sort(
    (a, b) => a.firstName.localeCompare(b.firstName, 'sv') || a.lastName.localeCompare(b.lastName, 'sv'),
  );
  // The pupil the page shows comes first (as the panel detects it); otherwise the one chosen last
  // in this browser session. Offered before typing: the page's candidates, or its class.
  const detection = page?.detection ?? { kind: 'none' as const };
  const initialPupilId = detection.kind === 'one' ? detection.pupil.id : chosen;
  const onScreen = detection.kind === 'one' ? detection.pupil : pupils.find((p) => p.id === chosen);
  const suggested =
    detection.kind === 'ambiguous'
      ? detection.candidates
      : onScreen?.classes?.length
        ? pupils.filter((p) => p.classes?.some((c) => onScreen.classes!.includes(c)))
        : [];
  const toggleFavourite = async (id: string) => {
    const now = await myPhrasesItem.getValue();
    const set = new Set(now.favourites);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    await myPhrasesItem.setValue({ ...now, favourites: [...set] });
  };
  const ui = await overlay(ctx, 'iup-stod-palette', css, (root) => {
    const finish = (choice: PaletteChoice) => {
      render(null, root);
      ui.remove();
      done(choice);
    };
    render(
      // A click on the dimmed layer outside the palette closes it, like Escape.
      <div
        class="layer"
        onMouseDown={(e) => {
          if (e.target === e.currentTarget) {
            e.preventDefault();
            finish(null);
          }
        }}
      >
        <Palette
          phrases={[...cache.phrases, ...mine.phrases.map(asPhrase)]}
          initialFavourites={mine.favourites}
          onToggleFavourite={(id) => void toggleFavourite(id)}
          usage={usageMap}
          pupils={pupils}
          initialPupilId={initialPupilId}
          suggestedPupils={suggested}
          onPupil={(pupilId) => void sendToBackground('chosen-pupil-set', { pupilId }).catch(() => undefined)}
          onChoose={(phrase, text) => finish({ phrase, text })}
          onClose={() => finish(null)}
          onPropose={(text) => {
            finish(null);
            void sendToBackground('open-phrase-bank', { text }).catch(() => undefined);
          }}
        />
      </div>,
      root,
    );
  });
}

/** Make the module known to the always-loaded part (see `ui/lazy-ui.ts`). */
export function registerPalette(): void {
  registerUi<PaletteModule>('phrase-palette', {
    show,
    fallback: async (ctx, text) => {
      setLanguage((await settingsItem.getValue()).language);
      await copyFallback(ctx, text, copyFallbackTexts());
    },
  });
}
