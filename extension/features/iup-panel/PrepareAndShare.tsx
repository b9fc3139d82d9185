import { useState } from 'preact/hooks';
import type { IupStatus } from '../../../shared/schemas/iup';
import type { ShareComment, ShareLink } from '../../../shared/schemas/share';
import { locale, t } from '../../i18n';
import type { ErrorKind } from '../../messaging/protocol';
import { sendToBackground } from '../../messaging/send';

type Info = { links: ShareLink[]; comments: ShareComment[] };
const unanswered = { ok: false as const, error: 'error' as const };

/**
 * Before the samtal: what the pupil and the guardians wrote through a share link, the links
 * themselves (create, copy, close) and the printable IUP.
 */
export function PrepareAndShare({
  pupilId,
  schoolYear,
  status,
  onMarkShared,
}: {
  pupilId: string;
  schoolYear: string;
  /** The IUP's status: after a family link, the panel offers "Delad" unless it is shared already. */
  status: IupStatus;
  onMarkShared(): void;
}) {
  const [info, setInfo] = useState<Info | null>(null);
  const [offerShared, setOfferShared] = useState(false);
  const [newUrl, setNewUrl] = useState('');
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState('');
  const failed = (error: ErrorKind) => setMessage(error === 'network' ? t('panelOffline') : t('shareFailed'));
  const load = async () => {
    const r = await sendToBackground('share-info', { pupilId, schoolYear }).catch(() => unanswered);
    if (r.ok) setInfo({ links: r.links, comments: r.comments });
    else failed(r.error);
  };
  const create = async () => {
    const r = await sendToBackground('share-create', {
      pupilId,
      schoolYear,
      ...(label.trim() ? { label: label.trim() } : {}),
    }).catch(() => unanswered);
    if (!r.ok) {
      failed(r.error);
      return;
    }
    setNewUrl(r.url);
    setLabel('');
    setMessage(t('shareCreated'));
    setOfferShared(status === 'draft' || status === 'ready');
    await load();
  };
  const revoke = async (id: string) => {
    const r = await sendToBackground('share-revoke', { linkId: id }).catch(() => unanswered);
    if (!r.ok) {
      failed(r.error);
      return;
    }
    setNewUrl('');
    setMessage(t('shareRevoked'));
    await load();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(newUrl);
      setMessage(t('shareCopied'));
    } catch {
      setMessage(t('shareCopyManually'));
    }
  };
  const active = info?.links.filter((l) => l.state === 'active') ?? [];
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale());
  return (
    // Reloaded on every opening: the family may have written since.
    <details
      class="prepare"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>{t('sharePrepareTitle')}</summary>
      <button
        type="button"
        class="secondary"
        onClick={() => void sendToBackground('open-print', { pupilId, schoolYear })}
      >
        {t('sharePrint')}
      </button>
      <h4>{t('shareCommentsTitle')}</h4>
      {info && info.comments.length === 0 && <p class="hint">{t('shareNoComments')}</p>}
      {info?.comments.map((c) => (
        <div key={c.author} class="share-comment">
          <strong>{t(c.author === 'pupil' ? 'shareFromPupil' : 'shareFromGuardians')}</strong>{' '}
          <span class="hint">{date(c.updatedAt)}</span>
          <p>{c.text}</p>
        </div>
      ))}
      <h4>{t('shareLinksTitle')}</h4>
      <p class="hint">{t('shareLinksHint')}</p>
      <label for="share-label">{t('shareLabel')}</label>
      <input
        id="share-label"
        type="text"
        maxLength={60}
        placeholder={t('shareLabelHint')}
        value={label}
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      <button type="button" onClick={() => void create()}>
        {t('shareCreate')}
      </button>
      {newUrl && (
        <div class="share-url">
          <label for="share-url">{t('shareUrlLabel')}</label>
          <input
            id="share-url"
            type="text"
            readOnly
            value={newUrl}
            onFocus={(e) => (e.target as HTMLInputElement).select()}
          />
          <button type="button" class="secondary small" onClick={() => void copy()}>
            {t('shareCopy')}
          </button>
        </div>
      )}
      {offerShared && (status === 'draft' || status === 'ready') && (
        <div class="offer-shared">
          <p>{t('shareOfferShared')}</p>
          <button
            type="button"
            class="small"
            onClick={() => {
              onMarkShared();
              setOfferShared(false);
              setMessage(t('shareMarkedShared'));
            }}
          >
            {t('shareMarkShared')}
          </button>{' '}
          <button type="button" class="secondary small" onClick={() => setOfferShared(false)}>
            {t('shareNotNow')}
          </button>
        </div>
      )}
      {active.length > 0 && (
        <ul class="share-links">
          {active.map((l) => (
            <li key={l.id}>
              {l.label ? `${l.label}: ` : ''}
              {t('shareActiveLine', date(l.createdAt), date(l.expiresAt))}{' '}
              <button type="button" class="secondary small" onClick={() => void revoke(l.id)}>
                {t('shareRevoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </details>
  );
}
