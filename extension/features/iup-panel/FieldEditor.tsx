import { useMemo, useRef, useState } from 'preact/hooks';
import { fillPlaceholders } from '../../../shared/phrases/placeholders';
import { PhraseSearch } from '../../../shared/phrases/search';
import type { Phrase } from '../../../shared/schemas/phrase';
import type { ScaleValue } from '../../../shared/schemas/template';
import type { SectionField } from '../../../shared/iup/section-fields';
import { checkWording } from '../../../shared/wording/check-wording';
import { WordingFindings } from '../../components/WordingFindings';
import { t } from '../../i18n';
import type { RosterPupil } from '../../sync/roster-cache';

interface Props {
  field: SectionField;
  label: string;
  value: string;
  phrases: Phrase[];
  pupil: RosterPupil | null;
  /** While the pupil's stored draft is still loading. */
  readOnly: boolean;
  onChange(text: string): void;
  onSendToPage(text: string): void;
  /** The school's optional scale for a subject's omdöme: labels by value, the current value, and a setter. */
  scale?: {
    labels: { value: ScaleValue; label: string }[];
    value: ScaleValue | null;
    onChange(v: ScaleValue | null): void;
  };
}

const ASPECT: Record<string, Phrase['aspect']> = {
  omdomen: 'knowledge',
  social: 'social',
  planning: 'planning',
  agreements: 'planning',
  'pupil-voice': 'planning',
};

/** One text of the IUP: the textarea, its wording tips, the phrase bank filtered for it, and "to the page". */
export function FieldEditor({ field, label, value, phrases, pupil, readOnly, onChange, onSendToPage, scale }: Props) {
  const [showPhrases, setShowPhrases] = useState(false);
  const [query, setQuery] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = `iup-field-${field.key.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const approved = useMemo(() => phrases.filter((p) => p.status === 'approved').map((p) => p.text), [phrases]);
  const findings = useMemo(
    () => checkWording(value, { kind: field.section === 'omdomen' ? 'omdome' : 'phrase', approvedPhrases: approved }),
    [value, approved],
  );
  const search = useMemo(() => new PhraseSearch(phrases), [phrases]);
  const filter = { aspect: ASPECT[field.section] ?? 'knowledge', ...(field.subject ? { subject: field.subject } : {}) };
  const results = showPhrases ? search.search(query, filter, undefined, 8) : [];

  const insertPhrase = (p: Phrase) => {
    const text = fillPlaceholders(p.text, pupil);
    const el = area.current;
    const at = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    const before = value.slice(0, at);
    const glue = before && !/\s$/.test(before) ? ' ' : '';
    onChange(`${before}${glue}${text}${value.slice(end)}`);
    setShowPhrases(false);
    setTimeout(() => el?.focus());
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      {scale && (
        <select
          id={`${id}-scale`}
          aria-label={t('panelScaleFor', label)}
          disabled={readOnly}
          value={scale.value === null ? '' : String(scale.value)}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            scale.onChange(v === '' ? null : (Number(v) as ScaleValue));
          }}
        >
          <option value="">{t('panelScaleNone')}</option>
          {scale.labels.map((l) => (
            <option key={l.value} value={String(l.value)}>
              {l.label}
            </option>
          ))}
        </select>
      )}
      <textarea
        id={id}
        ref={area}
        rows={4}
        value={value}
        readOnly={readOnly}
        aria-busy={readOnly}
        onInput={(e) => onChange((e.target as HTMLTextAreaElement).value)}
      />
      {value.trim() !== '' && findings.length > 0 && <WordingFindings findings={findings} />}
      <div class="field-actions">
        <button
          type="button"
          class="secondary"
          disabled={readOnly}
          aria-expanded={showPhrases}
          onClick={() => setShowPhrases(!showPhrases)}
        >
          {t('panelPhrases')}
        </button>
        <button type="button" class="secondary" disabled={!value.trim()} onClick={() => onSendToPage(value)}>
          {t('panelSendToPage')}
        </button>
      </div>
      {showPhrases && (
        <div class="phrases">
          <input
            type="search"
            aria-label={t('paletteSearchLabel')}
            placeholder={t('paletteSearchPlaceholder')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          <ul>
            {results.map((p) => (
              <li key={p.id}>
                <button type="button" class="phrase" onClick={() => insertPhrase(p)}>
                  {fillPlaceholders(p.text, pupil)}
                </button>
              </li>
            ))}
          </ul>
          {results.length === 0 && <p class="hint">{t('paletteNoMatch')}</p>}
        </div>
      )}
    </div>
  );
}
