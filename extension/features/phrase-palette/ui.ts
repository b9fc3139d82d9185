import '../../zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPalette } from './ui-module';

/**
 * The palette UI (Preact, search, styles), injected by the background into a frame the first
 * time the teacher opens the palette there, so pages only pay for it when it is used.
 */
export default defineUnlistedScript(() => registerPalette());
