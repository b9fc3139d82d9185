import { useEffect, useMemo, useState } from 'preact/hooks';
import { bookableTimes } from '../../../shared/samtal/bookable-times';
import { SCHOOL_TIME_ZONE } from '../../../shared/samtal/format-time';
import type { ClassView } from '../../../shared/schemas/samtal';
import { explainApiError } from '../../components/explain-error';
import { formatNumber, locale, t } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';

/** Publish consecutive times (13:00, 13:30, 14:00 …) for classes, or for chosen pupils of a class. */
export function PublishTimes({
  api,
  classes,
  defaultClassId,
  onPublished,
}: {
  api: ApiClient;
  classes: { id: string; name: string }[];
  defaultClassId: string;
  onPublished: () => void;
}) {
  const [groupIds, setGroupIds] = useState<string[]>(defaultClassId ? [defaultClassId] : []);
  const [onlyChosen, setOnlyChosen] = useState(false);
  const [pupilIds, setPupilIds] = useState<string[]>([]);
  const [members, setMembers] = useState<ClassView['pupils']>([]);
  const [date, setDate] = useState('');
  const [firstStart, setFirstStart] = useState('13:00');
  const [length, setLength] = useState(25);
  const [pause, setPause] = useState(5);
  const [count, setCount] = useState(8);
  const [place, setPlace] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The class chosen above is the default audience; the teacher widens it with more classes.
  useEffect(() => {
    if (defaultClassId) setGroupIds([defaultClassId]);
    setPupilIds([]);
  }, [defaultClassId]);

  // "Chosen pupils" lists the pupils of the class chosen above it.
  useEffect(() => {
    if (!onlyChosen || !defaultClassId) return;
    api.samtalClass(defaultClassId).then(
      (v) => setMembers(v.pupils),
      () => setMembers([]),
    );
  }, [onlyChosen, defaultClassId]);

  const preview = useMemo(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const times = bookableTimes(
      { date, firstStart, lengthMinutes: length, breakMinutes: pause, count },
      SCHOOL_TIME_ZONE,
    );
    if (!times) return null;
    const clock = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: SCHOOL_TIME_ZONE });
    return times.map((x) => clock.format(Date.parse(x.startsAt))).join(', ');
  }, [date, firstStart, length, pause, count]);

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const { times } = await api.publishTimes({
        groupIds: onlyChosen ? [] : groupIds,
        pupilIds: onlyChosen ? pupilIds : [],
        date,
        firstStart,
        lengthMinutes: length,
        breakMinutes: pause,
        count,
        place,
        interpreterAvailable: interpreter,
      });
      setStatus({ ok: true, text: t('samtalPublished', formatNumber(times.length)) });
      onPublished();
    } catch (err) {
      setStatus({ ok: false, text: explainApiError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('samtalPublishHeading')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('samtalPublishFor')}</legend>
          <label class="check">
            <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.currentTarget.checked)} />
            {t('samtalOnlyChosen')}
          </label>
          {!onlyChosen &&
            classes.map((c) => (
              <label class="check" key={c.id}>
                <input
                  type="checkbox"
                  name="groupIds"
                  value={c.id}
                  checked={groupIds.includes(c.id)}
                  onChange={(e) => setGroupIds(toggle(groupIds, c.id, e.currentTarget.checked))}
                />
                {c.name}
              </label>
            ))}
          {onlyChosen &&
            members.map((p) => (
              <label class="check" key={p.id}>
                <input
                  type="checkbox"
                  name="pupilIds"
                  value={p.id}
                  checked={pupilIds.includes(p.id)}
                  onChange={(e) => setPupilIds(toggle(pupilIds, p.id, e.currentTarget.checked))}
                />
                {p.firstName} {p.lastName}
              </label>
            ))}
        </fieldset>
        <div class="row">
          <div>
            <label for="publish-date">{t('samtalDate')}</label>
            <input
              id="publish-date"
              type="date"
              required
              value={date}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </div>
          <div>
            <label for="publish-start">{t('samtalFirstStart')}</label>
            <input
              id="publish-start"
              type="time"
              required
              value={firstStart}
              onInput={(e) => setFirstStart(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="row">
          <div>
            <label for="publish-length">{t('samtalLength')}</label>
            <input
              id="publish-length"
              type="number"
              min={5}
              max={240}
              required
              value={length}
              onInput={(e) => setLength(Number(e.currentTarget.value))}
            />
          </div>
          <div>
            <label for="publish-break">{t('samtalBreak')}</label>
            <input
              id="publish-break"
              type="number"
              min={0}
              max={120}
              value={pause}
              onInput={(e) => setPause(Number(e.currentTarget.value))}
            />
          </div>
          <div>
            <label for="publish-count">{t('samtalCount')}</label>
            <input
              id="publish-count"
              type="number"
              min={1}
              max={60}
              required
              value={count}
              onInput={(e) => setCount(Number(e.currentTarget.value))}
            />
          </div>
        </div>
        <label for="publish-place">{t('samtalPlace')}</label>
        <input
          id="publish-place"
          required
          maxLength={300}
          placeholder={t('samtalPlaceHint')}
          value={place}
          onInput={(e) => setPlace(e.currentTarget.value)}
        />
        <label class="check">
          <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.currentTarget.checked)} />
          {t('samtalInterpreterAvailable')}
        </label>
        <p class="hint" aria-live="polite">
          {preview ? t('samtalPreview', preview) : date ? t('samtalPreviewInvalid') : ''}
        </p>
        <button type="submit" disabled={busy}>
          {t('samtalPublish')}
        </button>
      </form>
      {status && (
        <p class={`status ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
