import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerWordingHintsModule } from '../features/wording-hints/hints-ui';

/** The wording check and its tips UI, injected the first time a teacher writes a longer text in a field. */
export default defineUnlistedScript(() => registerWordingHintsModule());
