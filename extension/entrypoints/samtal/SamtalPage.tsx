import { useEffect, useState } from 'preact/hooks';
import type { Letters } from '../../../shared/schemas/samtal';
import { explainApiError } from '../../components/explain-error';
import { formatNumber, t } from '../../i18n';
import { apiClient } from '../../sync/api-client';
import type { Settings } from '../../sync/settings';
import { ClassRound } from './ClassRound';
import { LettersView } from './LettersView';
import { MyTimes } from './MyTimes';
import { PublishTimes } from './PublishTimes';

type SamtalClass = { id: string; name: string; pupils: number };

/**
 * The teacher's samtal round, from "overdue" to "booked": publish times, see per class who has
 * booked, book, invite, and print letters for families reached on paper.
 */
export function SamtalPage({ settings }: { settings: Settings }) {
  const api = apiClient(settings);
  const [classes, setClasses] = useState<SamtalClass[] | null>(null);
  const [classId, setClassId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [letters, setLetters] = useState<Letters | null>(null);
  // Bumped after a change, so every part reads the API again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  useEffect(() => {
    api.samtalClasses().then(
      (r) => {
        setClasses(r.classes);
        setClassId((id) => id || (r.classes[0]?.id ?? ''));
      },
      (err) => setError(explainApiError(err)),
    );
  }, []);

  if (letters) return <LettersView letters={letters} apiUrl={settings.apiUrl} onClose={() => setLetters(null)} />;
  return (
    <main class="wide samtal-page">
      <h1>{t('samtalTitle')}</h1>
      <p class="hint">{t('samtalIntro')}</p>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {classes && classes.length === 0 && <p>{t('samtalNoClasses')}</p>}
      {classes && classes.length > 0 && (
        <>
          <label for="samtal-class">{t('samtalClass')}</label>
          <select id="samtal-class" value={classId} onChange={(e) => setClassId(e.currentTarget.value)}>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({t('samtalPupilCount', formatNumber(c.pupils))})
              </option>
            ))}
          </select>
          {classId && (
            <ClassRound
              key={`${classId}-${version}`}
              api={api}
              groupId={classId}
              onChanged={changed}
              onLetters={setLetters}
            />
          )}
          <PublishTimes api={api} classes={classes} defaultClassId={classId} onPublished={changed} />
          <MyTimes key={version} api={api} onChanged={changed} />
        </>
      )}
    </main>
  );
}
