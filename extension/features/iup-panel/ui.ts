import '../../zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPanel } from './ui-module';

/**
 * The panel's UI (Preact, the template, drafts), injected into the top frame the first time it opens.
 */
export default defineUnlistedScript(() => registerPanel());
