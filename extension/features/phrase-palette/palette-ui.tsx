import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Phrase } from '../../../shared/schemas/phrase';
import { setLanguage } from '../../i18n';
import { phraseCacheItem, phraseUsageItem } from '../../sync/phrase-cache';
import { chosenPupilItem, rosterItem } from '../../sync/roster-cache';
import { settingsItem } from '../../sync/settings';
import { OPEN_PHRASE_BANK, PALETTE_GLOBAL } from './messages';
import { overlay } from './overlay-ui';
import { Palette } from './Palette';
import css from './palette.css?inline';

export type PaletteChoice = { phrase: Phrase; text: string } | null;

/** What the always-loaded overlay calls once this module has been injected into the frame. */
export interface PaletteModule {
  show(ctx: ContentScriptContext, done: (choice: PaletteChoice) => void): Promise<void>;
}

/** Show the palette in this frame; `done` gets the chosen phrase and its filled text, or null. */
async function show(ctx: ContentScriptContext, done: (choice: PaletteChoice) => void): Promise<void> {
  const [cache, usage, roster, chosen, settings] = await Promise.all([
    phraseCacheItem.getValue(), phraseUsageItem.getValue(), rosterItem.getValue(), chosenPupilItem.getValue().catch(() => null), settingsItem.getValue(),
  ]);
  setLanguage(settings.language);
  const usageMap = new Map(Object.entries(usage.uses));
  const pupils = [...roster.pupils].sort((a, b) => a.firstName.localeCompare(b.firstName, 'sv') || a.lastName.localeCompare(b.lastName, 'sv'));
  const ui = await overlay(ctx, 'iup-stod-palette', css, (root) => {
    const finish = (choice: PaletteChoice) => { render(null, root); ui.remove(); done(choice); };
    render(
      // A click on the dimmed layer outside the palette closes it, like Escape.
      <div class="layer" onMouseDown={(e) => { if (e.target === e.currentTarget) { e.preventDefault(); finish(null); } }}>
        <Palette
          phrases={cache.phrases}
          usage={usageMap}
          pupils={pupils}
          initialPupilId={chosen}
          onPupil={(id) => void chosenPupilItem.setValue(id).catch(() => undefined)}
          onChoose={(phrase, text) => finish({ phrase, text })}
          onClose={() => finish(null)}
          onPropose={(text) => { finish(null); void browser.runtime.sendMessage({ type: OPEN_PHRASE_BANK, text }).catch(() => undefined); }}
        />
      </div>,
      root,
    );
  });
}

export function registerPaletteModule(): void {
  (globalThis as Record<string, unknown>)[PALETTE_GLOBAL] = { show } satisfies PaletteModule;
}
