import '../zod-config';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../features';
import { isEnabledOrigin } from '../site-activation';

/**
 * Registered at runtime for the host of each site the teacher or the school enabled (see
 * site-activation.ts), in every frame including about:blank ones, because TinyMCE edits inside an
 * iframe document. The registration matches every port of the host; only the enabled origin
 * itself gets the overlay (an about:blank frame has its parent's origin).
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!(await isEnabledOrigin(self.origin))) return;
    startFeatures(ctx);
    // For `npm run bench`: when the overlay is listening, on the page's own timeline.
    performance.mark('iup-stod:overlay-ready');
  },
});
