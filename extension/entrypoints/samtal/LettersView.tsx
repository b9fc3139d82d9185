import { formatSamtalTime } from '../../../shared/samtal/format-time';
import type { Letters } from '../../../shared/schemas/samtal';
import { QrCode } from '../../components/QrCode';
import { currentLanguage, formatNumber, locale, t } from '../../i18n';

/**
 * Invitation letters, one A4 page per pupil, for families reached on paper: the booked time or
 * the free ones, and the family link as text and as a QR code. Printed with the browser (PDF too).
 */
export function LettersView({ letters, apiUrl, onClose }: { letters: Letters; apiUrl: string; onClose: () => void }) {
  const lang = currentLanguage();
  return (
    <main class="letters">
      <div class="no-print">
        <p class="status ok" role="status">
          {t('samtalLettersReady', formatNumber(letters.letters.length))}
        </p>
        <button type="button" onClick={() => window.print()}>
          {t('samtalPrint')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('samtalBack')}
        </button>
      </div>
      {letters.letters.map((l) => {
        const url = `${apiUrl}${l.linkPath}`;
        const until = new Date(Date.parse(l.expiresAt) - 1).toLocaleDateString(locale(), { dateStyle: 'long' });
        return (
          <article class="letter" key={l.pupilId} data-pupil={l.pupilId}>
            <p class="meta">{letters.schoolName}</p>
            <h1>{t('letterTitle')}</h1>
            <p>{t('letterTo', `${l.firstName} ${l.lastName}`)}</p>
            <p>{t('letterWelcome', l.firstName)}</p>
            {l.booking ? (
              <p>
                <strong>{t('letterYourTime')}</strong>{' '}
                {formatSamtalTime(lang, l.booking.startsAt, l.booking.durationMinutes)}
                {l.booking.place ? `, ${l.booking.place}` : ''}
              </p>
            ) : (
              <>
                <p>{t('letterChoose')}</p>
                {l.freeTimes.length > 0 ? (
                  <ul>
                    {l.freeTimes.slice(0, 12).map((f) => (
                      <li key={f.startsAt}>
                        {formatSamtalTime(lang, f.startsAt, f.durationMinutes)}, {f.place}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('letterNoTimes')}</p>
                )}
              </>
            )}
            <div class="letter-link">
              <QrCode text={url} label={t('letterQr')} class="qr" />
              <p>
                {t('letterLink')}
                <br />
                <span class="url">{url}</span>
              </p>
            </div>
            <p>{t('letterInterpreter')}</p>
            <p class="hint">{t('letterValid', until)}</p>
          </article>
        );
      })}
    </main>
  );
}
