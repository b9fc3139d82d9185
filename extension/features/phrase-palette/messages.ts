/** Message types between the background and the extension's pages and overlay (kept apart so bundles stay small). */
export const OPEN_PALETTE = 'iup:open-palette';
export const SYNC_NOW = 'iup:sync-now';
/** A child frame asks for the palette to be shown in the top frame (background relays by frame id). */
export const PALETTE_REQUEST = 'iup:palette-request';
/** The background asks the top frame to show the palette on behalf of `sourceFrameId`. */
export const PALETTE_SHOW = 'iup:palette-show';
/** The top frame's answer (a phrase id, or null for Escape), relayed back to the source frame. */
export const PALETTE_RESULT = 'iup:palette-result';
/** The overlay asks the background to inject the palette UI into its frame. */
export const LOAD_PALETTE = 'iup:load-palette';
/** Where the injected palette module registers itself in the extension's isolated world. */
export const PALETTE_GLOBAL = '__iupStodPalette';
/** Open the phrase bank page, optionally with text to propose (the palette's query or a page selection). */
export const OPEN_PHRASE_BANK = 'iup:open-phrase-bank';
/** The overlay asks the background to inject the wording-hints UI into its frame. */
export const LOAD_WORDING_HINTS = 'iup:load-wording-hints';
export const WORDING_HINTS_GLOBAL = '__iupStodWordingHints';
