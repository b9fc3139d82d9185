import type { RowError } from '../../shared/phrases/transfer';
import { t, type MessageKey } from '../i18n';

const FIELD_NAMES: Record<string, MessageKey> = {
  externalId: 'rowFieldExternalId',
  firstName: 'rowFieldFirstName',
  lastName: 'rowFieldLastName',
  arskurs: 'rowFieldArskurs',
  skolform: 'rowFieldSkolform',
  pronoun: 'rowFieldPronoun',
  className: 'rowFieldClassName',
};

const CODE_MESSAGES: Record<NonNullable<RowError['code']>, MessageKey> = {
  empty: 'rowErrEmpty',
  'too-long': 'rowErrTooLong',
  'name-characters': 'rowErrNameCharacters',
  'duplicate-id': 'rowErrDuplicateId',
  'not-arskurs': 'rowErrNotArskurs',
  'unknown-skolform': 'rowErrUnknownSkolform',
  'arskurs-range': 'rowErrArskursRange',
  pronoun: 'rowErrPronoun',
  'no-column': 'rowErrNoColumn',
};

/**
 * A file row's problem as the teacher reads it: "Rad 3 (årskurs): tomt – ange F eller 0–10".
 * Field names and problems in her language, never the internal keys; a problem without a code
 * (from an older server or the file parser) keeps its own words.
 */
export function rowErrorText(e: RowError): string {
  const where = e.row > 0 ? t('rosterErrorRow', String(e.row)) : t('rowErrFile');
  const field = e.field ? (FIELD_NAMES[e.field] ? t(FIELD_NAMES[e.field]!) : null) : null;
  const what =
    e.code === 'empty' && e.field === 'arskurs'
      ? t('rowErrEmptyArskurs')
      : e.code
        ? t(CODE_MESSAGES[e.code], ...(e.values ?? []))
        : e.message;
  return `${where}${field ? ` (${field})` : ''}: ${what}`;
}
