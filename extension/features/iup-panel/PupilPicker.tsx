import { useMemo, useState } from 'preact/hooks';
import type { Detection } from '../../../shared/iup/pupil-detection';
import { t } from '../../i18n';
import type { RosterPupil } from '../../sync/roster-cache';

const fullName = (p: RosterPupil) => `${p.firstName} ${p.lastName}`;
const describe = (p: RosterPupil) => `${fullName(p)}${p.classes?.length ? ` (${p.classes.join(', ')})` : ''}`;

/**
 * Which pupil the IUP is for: what the page shows (to confirm), several candidates (to choose
 * between — never guessed), or a search by name or class.
 */
export function PupilPicker({
  roster,
  detection,
  onPick,
}: {
  roster: RosterPupil[];
  detection: Detection<RosterPupil>;
  onPick(p: RosterPupil): void;
}) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('sv');
    if (!q) return [];
    return roster.filter((p) => describe(p).toLocaleLowerCase('sv').includes(q)).slice(0, 12);
  }, [query, roster]);
  return (
    <div class="picker">
      {detection.kind === 'one' && (
        <div class="detected" role="status">
          <p>{t('panelDetected', describe(detection.pupil))}</p>
          <button type="button" onClick={() => onPick(detection.pupil)}>
            {t('panelDetectedConfirm')}
          </button>
        </div>
      )}
      {detection.kind === 'ambiguous' && (
        <div class="detected" role="status">
          <p>{t('panelAmbiguous')}</p>
          <ul>
            {detection.candidates.map((p) => (
              <li key={p.id}>
                <button type="button" class="secondary" onClick={() => onPick(p)}>
                  {describe(p)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label for="iup-pupil-search">{t('panelPupilSearch')}</label>
      <input
        id="iup-pupil-search"
        type="search"
        value={query}
        placeholder={t('panelPupilSearchPlaceholder')}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <ul class="pupil-results">
        {matches.map((p) => (
          <li key={p.id}>
            <button type="button" class="secondary" onClick={() => onPick(p)}>
              {describe(p)}
            </button>
          </li>
        ))}
      </ul>
      {roster.length === 0 && <p class="hint">{t('panelNoRoster')}</p>}
    </div>
  );
}
