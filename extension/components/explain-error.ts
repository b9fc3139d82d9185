import { t } from '../i18n';
import { ApiClientError } from '../sync/api-client';

/** A failed API call in words a teacher can act on. */
export function explainApiError(err: unknown): string {
  if (err instanceof ApiClientError) {
    if (err.kind === 'not-configured') return t('popupNotConfigured');
    if (err.kind === 'unauthorized') return t('optionsTokenRejected');
    if (err.kind === 'network') return t('optionsServerUnreachable');
    if (err.status === 403) return t('bankForbidden');
    return t('optionsServerError', err.message);
  }
  return t('optionsServerUnreachable');
}
