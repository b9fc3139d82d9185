import '../../zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerBanner } from './ui-module';

/**
 * The deadline bar's UI, injected into the top frame of a page that names a pupil.
 */
export default defineUnlistedScript(() => registerBanner());
