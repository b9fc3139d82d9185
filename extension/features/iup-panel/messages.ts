/** Messages between the IUP panel (content script), the popup and the background. */
export const OPEN_PANEL = 'iup:open-panel';
export const LOAD_PANEL = 'iup:load-panel';
export const PANEL_GLOBAL = '__iupStodPanel';
/** Panel → background: a draft changed locally; sync soon. */
export const DRAFT_CHANGED = 'iup:draft-changed';
/** Panel → background: fetch the server's IUP for a pupil and läsår into the local draft. */
export const LOAD_DRAFT = 'iup:load-draft';
/** Panel → background: the teacher chose how to resolve a conflict; save it. */
export const RESOLVE_CONFLICT = 'iup:resolve-conflict';
export const LIST_REVISIONS = 'iup:list-revisions';
export const RESTORE_REVISION = 'iup:restore-revision';
/** Panel → background: the pupil's share links and what the pupil and guardians wrote. */
export const SHARE_INFO = 'iup:share-info';
export const SHARE_CREATE = 'iup:share-create';
export const SHARE_REVOKE = 'iup:share-revoke';
/** Panel → background: open the printable IUP in a tab. */
export const OPEN_PRINT = 'iup:open-print';
