import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fillPlaceholders } from '../../../shared/phrases/placeholders';
import { PhraseSearch } from '../../../shared/phrases/search';
import type { RosterPupil } from '../../sync/roster-cache';
import type { Phrase } from '../../../shared/schemas/phrase';
import { subjectName } from '../../../shared/schemas/subjects';
import { currentLanguage, t } from '../../i18n';
import { isMyPhrase } from '../../sync/my-phrases';
import { PupilCombobox } from './PupilCombobox';

export interface PaletteProps {
  phrases: Phrase[];
  usage: ReadonlyMap<string, { count: number; lastUsed: number }>;
  pupils: RosterPupil[];
  initialPupilId: string | null;
  /** Favourite phrase ids (team or own), listed first. */
  initialFavourites: readonly string[];
  onToggleFavourite(id: string): void;
  /** The pupils the page names (or its class), offered first in the pupil picker. */
  suggestedPupils: RosterPupil[];
  onPupil(id: string | null): void;
  /** The phrase and its text with placeholders filled for the chosen pupil (if any). */
  onChoose(phrase: Phrase, text: string): void;
  onClose(): void;
  /** Propose a new phrase for the bank, starting from what the teacher searched for. */
  onPropose(text: string): void;
}

const LIST_ID = 'iup-palette-list';
/** "matematik" as a choice in a list reads "Matematik". */
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

/** The phrase palette: an ARIA 1.2 combobox with a listbox, usable with the keyboard alone. */
export function Palette({
  phrases,
  usage,
  pupils,
  initialPupilId,
  initialFavourites,
  onToggleFavourite,
  suggestedPupils,
  onPupil,
  onChoose,
  onClose,
  onPropose,
}: PaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [pupilId, setPupilId] = useState<string | null>(
    pupils.some((p) => p.id === initialPupilId) ? initialPupilId : null,
  );
  const pupil = pupils.find((p) => p.id === pupilId) ?? null;
  const fill = (p: Phrase) => fillPlaceholders(p.text, pupil);
  const [favourites, setFavourites] = useState<ReadonlySet<string>>(() => new Set(initialFavourites));
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const search = useMemo(
    () => new PhraseSearch(phrases.filter((p) => p.status === 'approved' || p.status === 'proposed')),
    [phrases],
  );
  const [subject, setSubject] = useState('');
  const [aspect, setAspect] = useState('');
  const [level, setLevel] = useState('');
  const subjects = useMemo(
    () => [...new Set(phrases.map((p) => p.subject).filter((x): x is string => !!x))].sort(),
    [phrases],
  );
  // The E/C/A filter only where the bank has graded wording (graded years): elsewhere it is noise.
  const hasLevels = useMemo(() => phrases.some((p) => p.level), [phrases]);
  const filter = { ...(subject ? { subject } : {}), ...(aspect ? { aspect } : {}), ...(level ? { level } : {}) };
  // Favourites first, in the search's own order among themselves and among the rest.
  const results = useMemo(() => {
    const found = search.search(query, filter, usage, 12);
    return [...found.filter((p) => favourites.has(p.id)), ...found.filter((p) => !favourites.has(p.id))];
  }, [search, query, usage, subject, aspect, level, favourites]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query, subject, aspect, level]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Home' && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const p = results[active];
      if (p) onChoose(p, fill(p));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div
      class="palette"
      role="dialog"
      aria-modal="true"
      aria-label={t('paletteLabel')}
      ref={dialog}
      onKeyDown={(e) => {
        // Focus stays in the palette while it is open: Tab wraps from its last control to its first.
        if (e.key !== 'Tab' || !dialog.current) return;
        const items = [
          ...dialog.current.querySelectorAll<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])'),
        ].filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
        const current = (dialog.current.getRootNode() as ShadowRoot | Document).activeElement;
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (!e.shiftKey && current === last) {
          e.preventDefault();
          first.focus();
        } else if (e.shiftKey && current === first) {
          e.preventDefault();
          last.focus();
        }
      }}
    >
      {pupils.length > 0 && (
        <PupilCombobox
          pupils={pupils}
          value={pupil}
          suggested={suggestedPupils}
          onChange={(p) => {
            setPupilId(p?.id ?? null);
            onPupil(p?.id ?? null);
            // Back to the phrase search: the pupil is chosen to fill the phrase she looks for next.
            input.current?.focus();
          }}
        />
      )}
      <input
        ref={input}
        class="search"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={results[active] ? `iup-opt-${results[active].id}` : undefined}
        aria-label={t('paletteSearchLabel')}
        placeholder={t('paletteSearchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <div class="filters" role="group" aria-label={t('paletteFilters')}>
        <select
          aria-label={t('paletteFilterSubject')}
          value={subject}
          onChange={(e) => setSubject((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('paletteAllSubjects')}</option>
          {subjects.map((s) => (
            <option key={s} value={s}>
              {capitalised(subjectName(s, currentLanguage()))}
            </option>
          ))}
        </select>
        <select
          aria-label={t('paletteFilterAspect')}
          value={aspect}
          onChange={(e) => setAspect((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('paletteAllAspects')}</option>
          <option value="knowledge">{t('aspectKnowledge')}</option>
          <option value="social">{t('aspectSocial')}</option>
          <option value="planning">{t('aspectPlanning')}</option>
        </select>
        {hasLevels && (
          <select
            aria-label={t('paletteFilterLevel')}
            value={level}
            onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('paletteAllLevels')}</option>
            <option value="E">E</option>
            <option value="C">C</option>
            <option value="A">A</option>
          </select>
        )}
      </div>
      <ul id={LIST_ID} class="results" role="listbox" aria-label={t('paletteResultsLabel')}>
        {results.map((p, i) => (
          <li
            id={`iup-opt-${p.id}`}
            key={p.id}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'option active' : 'option'}
            // mousedown, not click: keep focus in the search box until the choice is made.
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(p, fill(p));
            }}
          >
            {/* Text only: phrases are data, never markup. Shown as they will be inserted. */}
            <span class="text">{fill(p)}</span>
            {(p.subject || p.level || p.status === 'proposed' || favourites.has(p.id) || isMyPhrase(p.id)) && (
              <span class="tags">
                {[
                  favourites.has(p.id) ? `★ ${t('paletteFavourite')}` : null,
                  isMyPhrase(p.id) ? t('paletteMine') : null,
                  p.subject ? subjectName(p.subject, currentLanguage()) : null,
                  p.level,
                  p.status === 'proposed' ? t('paletteProposed') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {results.length === 0 && (
        <p class="empty" role="status">
          {phrases.length === 0 ? t('paletteNoPhrases') : t('paletteNoMatch')}
        </p>
      )}
      <p class="hint">{t('paletteHint')}</p>
      {results[active] && (
        <button
          type="button"
          class="favourite"
          aria-pressed={favourites.has(results[active].id)}
          onClick={() => {
            const id = results[active]!.id;
            const next = new Set(favourites);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            setFavourites(next);
            onToggleFavourite(id);
            input.current?.focus();
          }}
        >
          {favourites.has(results[active].id) ? `★ ${t('paletteUnfavourite')}` : `☆ ${t('paletteMakeFavourite')}`}
        </button>
      )}
      <button type="button" class="propose" onClick={() => onPropose(query)}>
        {t('paletteProposeNew')}
      </button>
    </div>
  );
}
