import '../../zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerAbbreviations } from './ui-module';

/** The expansion of a short code, injected the first time a teacher types one on a page. */
export default defineUnlistedScript(() => registerAbbreviations());
