import '../../zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerWordingHints } from './ui-module';

/**
 * The wording tips' UI and the wording check itself, injected by the background the first time a
 * field's text is long enough to check: pages where nobody writes never load them.
 */
export default defineUnlistedScript(() => registerWordingHints());
