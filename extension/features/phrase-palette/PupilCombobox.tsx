import { useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { RosterPupil } from '../../sync/roster-cache';

const LIST_ID = 'iup-palette-pupils';
const name = (p: RosterPupil) => `${p.firstName} ${p.lastName}`;
const describe = (p: RosterPupil) => `${name(p)}${p.classes?.length ? ` (${p.classes.join(', ')})` : ''}`;
const fold = (s: string) => s.toLocaleLowerCase('sv');

interface Props {
  pupils: RosterPupil[];
  value: RosterPupil | null;
  /** Shown before anything is typed: the pupils the page names, or the class on screen. */
  suggested: RosterPupil[];
  onChange(pupil: RosterPupil | null): void;
}

/**
 * The pupil whose name and pronoun fill the placeholders: a searchable combobox (name or class,
 * ARIA 1.2), not a list of every pupil. Enter picks, Escape leaves it as it was.
 */
export function PupilCombobox({ pupils, value, suggested, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return suggested.slice(0, 8);
    return pupils.filter((p) => fold(describe(p)).includes(q)).slice(0, 8);
  }, [query, pupils, suggested]);

  const pick = (p: RosterPupil | null) => {
    onChange(p);
    setQuery('');
    setOpen(false);
  };

  return (
    <div class="pupil">
      <label for="iup-palette-pupil">{t('palettePupil')}</label>
      <input
        id="iup-palette-pupil"
        type="text"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `iup-pupil-${matches[active].id}` : undefined}
        placeholder={value ? describe(value) : t('paletteNoPupil')}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && matches[active]) {
            e.preventDefault();
            pick(matches[active]);
          } else if (e.key === 'Escape' && (open || query)) {
            // The first Escape closes the list; the palette's own Escape closes the palette.
            e.preventDefault();
            e.stopPropagation();
            setQuery('');
            setOpen(false);
          }
        }}
      />
      {value && (
        <button type="button" class="clear-pupil" onClick={() => pick(null)} aria-label={t('palettePupilClear')}>
          ×
        </button>
      )}
      {open && matches.length > 0 && (
        <ul id={LIST_ID} role="listbox" class="pupil-list" aria-label={t('palettePupil')}>
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={`iup-pupil-${p.id}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              // mousedown: choose before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {describe(p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
