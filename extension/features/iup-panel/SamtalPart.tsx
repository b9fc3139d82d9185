import { useEffect, useState } from 'preact/hooks';
import { formatSamtalTime, SCHOOL_TIME_ZONE } from '../../../shared/samtal/format-time';
import { localToInstant, minutesOfDay } from '../../../shared/samtal/local-time';
import { currentLanguage, locale, t } from '../../i18n';
import type { ErrorKind, PupilSamtal } from '../../messaging/protocol';
import { sendToBackground } from '../../messaging/send';
import type { Phrase } from '../../../shared/schemas/phrase';
import type { RosterPupil } from '../../sync/roster-cache';
import { HeldForm, type HeldRecord } from './HeldForm';

const unanswered = { ok: false as const, error: 'error' as const };
const SCALE_WORDS = ['scaleGood', 'scaleSoSo', 'scaleHard'] as const;

/**
 * The current pupil's samtal: the booked time (and who booked it), or the free times offered to
 * the pupil to book one directly, and whether the family has been invited.
 */
export function SamtalPart({
  pupilId,
  phrases,
  pupil,
  onSendToPage,
}: {
  pupilId: string;
  /** For the agreements written at the samtal: the team's phrases and wording tips, as in the IUP. */
  phrases: Phrase[];
  pupil: RosterPupil | null;
  onSendToPage: (text: string) => void;
}) {
  const [info, setInfo] = useState<PupilSamtal | null>(null);
  const [timeId, setTimeId] = useState('');
  const [message, setMessage] = useState('');
  const [agreedAt, setAgreedAt] = useState('');
  const [agreedPlace, setAgreedPlace] = useState('');
  const failed = (error: ErrorKind) => setMessage(error === 'network' ? t('panelOffline') : t('samtalPanelFailed'));
  const load = async () => {
    const r = await sendToBackground('samtal-info', { pupilId }).catch(() => unanswered);
    if (r.ok) setInfo(r);
    else failed(r.error);
  };
  useEffect(() => {
    void load();
  }, [pupilId]);
  const book = async () => {
    const r = await sendToBackground('samtal-book', { pupilId, timeId }).catch(() => unanswered);
    if (!r.ok) return failed(r.error);
    setMessage(r.taken ? t('samtalPanelTaken') : t('samtalPanelBooked'));
    setTimeId('');
    await load();
  };
  /** A time agreed by phone: the teacher types the school's local date and time. */
  const bookAgreed = async (e: Event) => {
    e.preventDefault();
    const [date, clock] = agreedAt.split('T');
    const minutes = minutesOfDay(clock?.slice(0, 5) ?? '');
    if (!date || minutes === null) return setMessage(t('samtalPanelAgreedInvalid'));
    const startsAt = localToInstant(date, minutes, SCHOOL_TIME_ZONE);
    const r = await sendToBackground('samtal-book-agreed', {
      pupilId,
      startsAt,
      durationMinutes: 30,
      place: agreedPlace,
    }).catch(() => unanswered);
    if (!r.ok) return failed(r.error);
    setMessage(t('samtalPanelBooked'));
    setAgreedAt('');
    setAgreedPlace('');
    await load();
  };
  const invite = async () => {
    const r = await sendToBackground('samtal-invite', { pupilId }).catch(() => unanswered);
    if (!r.ok) return failed(r.error);
    setMessage(t('samtalPanelInvited'));
    await load();
  };
  const held = async (record: HeldRecord) => {
    if (!info?.toHold) return;
    const r = await sendToBackground('samtal-held', { meetingId: info.toHold.meetingId, ...record }).catch(
      () => unanswered,
    );
    if (!r.ok) return failed(r.error);
    setMessage(t('heldDone'));
    await load();
  };
  const lang = currentLanguage();
  const b = info?.booking;
  return (
    <details class="samtal-part" open>
      <summary>{t('samtalPanelTitle')}</summary>
      {info?.toHold && (
        <HeldForm
          key={info.toHold.meetingId}
          toHold={info.toHold}
          previous={info.previousAgreements}
          onHeld={held}
          phrases={phrases}
          pupil={pupil}
          onSendToPage={onSendToPage}
        />
      )}
      {info && b && (
        <p class="samtal-booked">
          <strong>{formatSamtalTime(lang, b.startsAt, b.durationMinutes)}</strong>
          {b.place ? ` · ${b.place}` : ''}
          <br />
          <span class="hint">
            {b.bookedBy === 'family' ? t('samtalPanelByFamily') : t('samtalPanelByTeacher')}
            {b.interpreterLanguage ? ` · ${t('samtalInterpreter', b.interpreterLanguage)}` : ''}
          </span>
        </p>
      )}
      {info && !b && (
        <>
          <p>{t('samtalPanelNotBooked')}</p>
          {info.freeTimes.length > 0 ? (
            <div class="share-url">
              <label for="samtal-time">{t('samtalChooseTime')}</label>
              <select id="samtal-time" value={timeId} onChange={(e) => setTimeId(e.currentTarget.value)}>
                <option value="">{t('samtalChooseTime')}</option>
                {info.freeTimes.map((x) => (
                  <option key={x.id} value={x.id}>
                    {formatSamtalTime(lang, x.startsAt, x.durationMinutes)} · {x.place}
                  </option>
                ))}
              </select>
              <button type="button" class="small" disabled={!timeId} onClick={() => void book()}>
                {t('samtalBook')}
              </button>
            </div>
          ) : (
            <p class="hint">{t('samtalPanelNoFree')}</p>
          )}
          <details class="agreed">
            <summary>{t('samtalPanelAgreed')}</summary>
            <form onSubmit={(e) => void bookAgreed(e)}>
              <label for="samtal-agreed-at">{t('samtalPanelAgreedAt')}</label>
              <input
                id="samtal-agreed-at"
                type="datetime-local"
                required
                value={agreedAt}
                onInput={(e) => setAgreedAt(e.currentTarget.value)}
              />
              <label for="samtal-agreed-place">{t('samtalPlace')}</label>
              <input
                id="samtal-agreed-place"
                type="text"
                required
                maxLength={300}
                placeholder={t('samtalPlaceHint')}
                value={agreedPlace}
                onInput={(e) => setAgreedPlace(e.currentTarget.value)}
              />
              <button type="submit" class="small">
                {t('samtalBook')}
              </button>
            </form>
          </details>
          <p class="hint">
            {info.invitedAt
              ? info.declined
                ? t('samtalStateDeclined')
                : t('samtalInvitedOn', new Date(info.invitedAt).toLocaleDateString(locale()))
              : t('samtalStateNotInvited')}
          </p>
          {!info.invitedAt && (
            <button type="button" class="secondary small" onClick={() => void invite()}>
              {t('samtalInvite')}
            </button>
          )}
        </>
      )}
      {info?.preparation && info.preparation.answers.length > 0 && (
        <div class="preparation-answers">
          <h4>{t('samtalPanelPreparation')}</h4>
          {info.preparation.answers.map((a) => (
            <div key={a.author}>
              <strong>{t(a.author === 'pupil' ? 'shareFromPupil' : 'shareFromGuardians')}</strong>
              <ul>
                {info
                  .preparation!.questions.filter((q) => a.answers[q.id])
                  .map((q) => {
                    const ans = a.answers[q.id]!;
                    const step = ans.scale === null ? '' : t(SCALE_WORDS[ans.scale]!);
                    return (
                      <li key={q.id}>
                        {q.text[lang]} <em>{[step, ans.text].filter(Boolean).join(' – ')}</em>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
        </div>
      )}
      {info?.lastHeld && info.lastHeld.agreements.length > 0 && (
        <div class="last-held">
          <h4>{t('samtalPanelLastAgreements', new Date(info.lastHeld.startsAt).toLocaleDateString(locale()))}</h4>
          <ul>
            {info.lastHeld.agreements.map((a, i) => (
              <li key={i}>{a.text}</li>
            ))}
          </ul>
          <p class="hint">
            {info.lastHeld.acknowledgements.length === 0
              ? t('samtalPanelNotConfirmed')
              : info.lastHeld.acknowledgements
                  .map(
                    (a) =>
                      t(
                        a.who === 'pupil' ? 'samtalPanelConfirmedPupil' : 'samtalPanelConfirmedGuardian',
                        new Date(a.at).toLocaleDateString(locale()),
                      ) + (a.comment ? ` – ”${a.comment}”` : ''),
                  )
                  .join(' · ')}
          </p>
        </div>
      )}
      <button type="button" class="secondary small" onClick={() => void sendToBackground('open-samtal')}>
        {t('samtalPanelOpenPage')}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </details>
  );
}
