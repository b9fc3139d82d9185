import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPaletteModule } from '../features/phrase-palette/palette-ui';

/**
 * The palette UI (Preact, search, styles), injected by the background into a frame the first
 * time the teacher opens the palette there, so pages only pay for it when it is used.
 */
export default defineUnlistedScript(() => registerPaletteModule());
