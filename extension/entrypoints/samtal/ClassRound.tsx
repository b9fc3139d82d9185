import { useEffect, useState } from 'preact/hooks';
import { formatSamtalTime } from '../../../shared/samtal/format-time';
import type { ClassPupilState, ClassView, Letters, SamtalTime } from '../../../shared/schemas/samtal';
import { explainApiError } from '../../components/explain-error';
import { useAction } from '../../components/use-action';
import { currentLanguage, formatNumber, locale, t, type MessageKey } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';

const STATE: Record<ClassPupilState, MessageKey> = {
  held: 'samtalStateHeld',
  booked: 'samtalStateBooked',
  invited: 'samtalStateInvited',
  declined: 'samtalStateDeclined',
  'not-invited': 'samtalStateNotInvited',
};

/**
 * One class's samtal round: per pupil booked, invited but not booked, or not invited — with the
 * action each needs — and the families still to book, as a list and as letters.
 */
export function ClassRound({
  api,
  groupId,
  onChanged,
  onLetters,
}: {
  api: ApiClient;
  groupId: string;
  onChanged: () => void;
  onLetters: (letters: Letters) => void;
}) {
  const [view, setView] = useState<ClassView | null>(null);
  const [times, setTimes] = useState<SamtalTime[]>([]);
  const [chosenTime, setChosenTime] = useState<Record<string, string>>({});
  const { act, status, setMessage, message } = useAction(onChanged);
  const [showToBook, setShowToBook] = useState(false);

  useEffect(() => {
    Promise.all([api.samtalClass(groupId), api.samtalTimes({ groupId })]).then(
      ([v, x]) => {
        setView(v);
        setTimes(x.times);
      },
      (err) => setMessage({ ok: false, text: explainApiError(err) }),
    );
  }, [groupId]);

  if (!view)
    return message ? (
      <p class="status error" role="alert">
        {message.text}
      </p>
    ) : (
      <p role="status">{t('optionsChecking')}</p>
    );

  const lang = currentLanguage();
  const now = new Date().toISOString();
  const free = times.filter((x) => x.booking === null && x.startsAt > now);
  const toBook = view.pupils.filter((p) => p.state === 'invited' || p.state === 'not-invited');
  const counts = (s: ClassPupilState) => view.pupils.filter((p) => p.state === s).length;
  const until = view.to ? new Date(`${view.to}T12:00:00Z`).toLocaleDateString(locale(), { dateStyle: 'long' }) : '';

  return (
    <section aria-labelledby="round-heading">
      <h2 id="round-heading">{t('samtalRoundHeading', view.group.name)}</h2>
      <p class="hint">
        {until ? t('samtalRoundSpan', until) : ''} {t('samtalFreeTimes', formatNumber(view.freeTimes))}
      </p>
      <ul class="counts">
        {(['held', 'booked', 'invited', 'declined', 'not-invited'] as const).map((s) => (
          <li key={s}>
            {t(STATE[s])}: <strong>{counts(s)}</strong>
          </li>
        ))}
      </ul>
      <table class="round">
        <caption class="visually-hidden">{t('samtalRoundHeading', view.group.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('samtalPupil')}</th>
            <th scope="col">{t('samtalState')}</th>
            <th scope="col">{t('samtalTime')}</th>
            <th scope="col">{t('samtalActions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.pupils.map((p) => {
            const name = `${p.firstName} ${p.lastName}`;
            const selectId = `book-${p.id}`;
            return (
              <tr key={p.id} data-pupil={p.id} data-state={p.state}>
                <th scope="row">{name}</th>
                <td>{t(STATE[p.state])}</td>
                <td>
                  {p.booking ? (
                    <>
                      {formatSamtalTime(lang, p.booking.startsAt, p.booking.durationMinutes)}
                      {p.booking.place ? ` · ${p.booking.place}` : ''}
                      {p.booking.interpreterLanguage
                        ? ` · ${t('samtalInterpreter', p.booking.interpreterLanguage)}`
                        : ''}
                    </>
                  ) : p.invitation ? (
                    t('samtalInvitedOn', new Date(p.invitation.sentAt).toLocaleDateString(locale()))
                  ) : (
                    ''
                  )}
                </td>
                <td class="actions">
                  {p.state === 'held' ? null : p.booking ? (
                    <button
                      type="button"
                      class="secondary small"
                      onClick={() => void act(() => api.cancelBooking(p.booking!.meetingId), t('samtalCancelled'))}
                    >
                      {t('samtalCancel')}
                      <span class="visually-hidden"> {name}</span>
                    </button>
                  ) : (
                    <>
                      {free.length > 0 && (
                        <>
                          <label class="visually-hidden" for={selectId}>
                            {t('samtalChooseTimeFor', name)}
                          </label>
                          <select
                            id={selectId}
                            value={chosenTime[p.id] ?? ''}
                            onChange={(e) => setChosenTime({ ...chosenTime, [p.id]: e.currentTarget.value })}
                          >
                            <option value="">{t('samtalChooseTime')}</option>
                            {free.map((x) => (
                              <option key={x.id} value={x.id}>
                                {formatSamtalTime(lang, x.startsAt, x.durationMinutes)}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            class="small"
                            disabled={!chosenTime[p.id]}
                            onClick={() =>
                              void act(
                                () => api.book({ pupilId: p.id, timeId: chosenTime[p.id]! }),
                                t('samtalBooked', name),
                              )
                            }
                          >
                            {t('samtalBook')}
                            <span class="visually-hidden"> {name}</span>
                          </button>
                        </>
                      )}
                      {p.state === 'not-invited' && (
                        <button
                          type="button"
                          class="secondary small"
                          onClick={() => void act(() => api.invite([p.id], 'link'), t('samtalInvitedDone', name))}
                        >
                          {t('samtalInvite')}
                          <span class="visually-hidden"> {name}</span>
                        </button>
                      )}
                      {p.invitation && (
                        <button
                          type="button"
                          class="secondary small"
                          onClick={() =>
                            void act(() => api.setDeclined(p.invitation!.id, p.state !== 'declined'), t('samtalSaved'))
                          }
                        >
                          {p.state === 'declined' ? t('samtalUndoDeclined') : t('samtalDeclined')}
                          <span class="visually-hidden"> {name}</span>
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="secondary" aria-expanded={showToBook} onClick={() => setShowToBook(!showToBook)}>
          {t('samtalToBook', formatNumber(toBook.length))}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={toBook.length === 0}
          onClick={() =>
            void api
              .letters(toBook.map((p) => p.id))
              .then(onLetters, (err) => setMessage({ ok: false, text: explainApiError(err) }))
          }
        >
          {t('samtalLettersFor', formatNumber(toBook.length))}
        </button>
      </div>
      {showToBook && (
        <section aria-live="polite">
          <h3>{t('samtalToBookHeading')}</h3>
          {toBook.length === 0 ? (
            <p>{t('samtalAllBooked')}</p>
          ) : (
            <ul class="to-book">
              {toBook.map((p) => (
                <li key={p.id}>
                  {p.firstName} {p.lastName} – {t(STATE[p.state])}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {status}
    </section>
  );
}
