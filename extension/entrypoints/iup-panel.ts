import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPanelModule } from '../features/iup-panel/panel-ui';

/** The IUP panel and deadline banner (Preact, template, drafts), injected on first use. */
export default defineUnlistedScript(() => registerPanelModule());
