import { detectionApplies } from '../../components/page-pupil';
import { loadUi } from '../../ui/lazy-ui';
import { onPageEvent } from '../../ui/page-events';
import type { Feature } from '../index';
import type { BannerModule } from './ui-module';

/**
 * On a page the school's detection rules recognise as one pupil's, a bar with that pupil's open
 * duties and a button into the IUP panel, in a corner where it covers none of the platform's
 * controls. It steps aside while the panel is open.
 */
export const deadlineBanner: Feature = {
  name: 'deadline-banner',
  async start(ctx) {
    if (window !== window.top || !(await detectionApplies())) return;
    const banner = await loadUi<BannerModule>('deadline-banner');
    if (!banner) return;
    // Listening before the bar shows: the panel may open while the duties are being read.
    onPageEvent('panel-opened', () => banner.hide(), ctx.signal);
    await banner.show(ctx);
    if (document.querySelector('iup-stod-panel')) banner.hide();
  },
};
