/** Message types between the background and the extension's pages and overlay (kept apart so bundles stay small). */
export const OPEN_PALETTE = 'iup:open-palette';
export const SYNC_NOW = 'iup:sync-now';
