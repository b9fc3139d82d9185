/** Message types between the background and the overlay (kept apart so the background stays small). */
export const OPEN_PALETTE = 'iup:open-palette';
