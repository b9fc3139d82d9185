import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../features';

/**
 * Registered at runtime, per LMS origin the teacher or the school enabled (see site activation),
 * in every frame including about:blank ones, because TinyMCE edits inside an iframe document.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manual',
  main(ctx) {
    startFeatures(ctx);
    // For `npm run bench`: when the overlay is listening, on the page's own timeline.
    performance.mark('iup-stod:overlay-ready');
  },
});
