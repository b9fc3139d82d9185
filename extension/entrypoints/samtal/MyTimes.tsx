import { useEffect, useState } from 'preact/hooks';
import { formatSamtalTime } from '../../../shared/samtal/format-time';
import type { SamtalTime } from '../../../shared/schemas/samtal';
import { explainApiError } from '../../components/explain-error';
import { useAction } from '../../components/use-action';
import { currentLanguage, t } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';

/** The times the teacher published: who booked each, withdraw a free one, move a booked one. */
export function MyTimes({ api, onChanged }: { api: ApiClient; onChanged: () => void }) {
  const [times, setTimes] = useState<SamtalTime[] | null>(null);
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const [places, setPlaces] = useState<Record<string, string>>({});
  const { act, status, setMessage } = useAction(onChanged);
  useEffect(() => {
    api.samtalTimes().then(
      (r) => setTimes(r.times),
      (err) => setMessage({ ok: false, text: explainApiError(err) }),
    );
  }, []);
  const lang = currentLanguage();
  const free = (times ?? []).filter((x) => x.booking === null);
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('samtalMyTimes')}</h2>
      {times && times.length === 0 && <p class="hint">{t('samtalNoTimes')}</p>}
      {times && times.length > 0 && (
        <ul class="times">
          {times.map((x) => {
            const when = formatSamtalTime(lang, x.startsAt, x.durationMinutes);
            const who = x.booking
              ? `${x.booking.firstName} ${x.booking.lastName}`.trim() || t('samtalBookedOther')
              : '';
            return (
              <li key={x.id} data-time={x.id}>
                <strong>{when}</strong> · {x.place}{' '}
                <details class="edit-place">
                  <summary>{t('samtalEditPlace')}</summary>
                  <label for={`place-${x.id}`}>{t('samtalPlace')}</label>
                  <input
                    id={`place-${x.id}`}
                    maxLength={300}
                    value={places[x.id] ?? x.place}
                    onInput={(e) => setPlaces({ ...places, [x.id]: e.currentTarget.value })}
                  />
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() =>
                      void act(
                        () => api.updateTime(x.id, { place: places[x.id] ?? x.place }),
                        x.booking ? t('samtalPlaceChangedBooked') : t('samtalSaved'),
                      )
                    }
                  >
                    {t('samtalSavePlace')}
                  </button>
                </details>
                {x.booking ? (
                  <>
                    {' '}
                    – {t('samtalBookedBy', who)}
                    {x.booking.bookedBy === 'family' ? ` (${t('samtalByFamily')})` : ''}
                    {x.booking.interpreterLanguage ? ` · ${t('samtalInterpreter', x.booking.interpreterLanguage)}` : ''}
                    {free.length > 0 && (
                      <span class="actions">
                        <label class="visually-hidden" for={`move-${x.id}`}>
                          {t('samtalMoveTo', when)}
                        </label>
                        <select
                          id={`move-${x.id}`}
                          value={moveTo[x.id] ?? ''}
                          onChange={(e) => setMoveTo({ ...moveTo, [x.id]: e.currentTarget.value })}
                        >
                          <option value="">{t('samtalChooseTime')}</option>
                          {free.map((f) => (
                            <option key={f.id} value={f.id}>
                              {formatSamtalTime(lang, f.startsAt, f.durationMinutes)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          class="secondary small"
                          disabled={!moveTo[x.id]}
                          onClick={() =>
                            void act(() => api.moveBooking(x.booking!.meetingId, moveTo[x.id]!), t('samtalMoved'))
                          }
                        >
                          {t('samtalMove')}
                        </button>
                      </span>
                    )}
                  </>
                ) : (
                  <>
                    {' '}
                    – {t('samtalFree')}{' '}
                    <button
                      type="button"
                      class="secondary small"
                      onClick={() => void act(() => api.withdrawTime(x.id), t('samtalWithdrawn'))}
                    >
                      {t('samtalWithdraw')}
                      <span class="visually-hidden"> {when}</span>
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {status}
    </section>
  );
}
