import { detectionApplies } from '../../components/page-pupil';
import { loadUi } from '../../ui/lazy-ui';
import { onPageEvent } from '../../ui/page-events';
import type { Feature } from '../index';
import type { BannerModule } from './ui-module';

/**
 * On a page the school's detection rules recognise as one pupil's, a bar at the top with that
 * pupil's open duties and a button into the IUP panel. It steps aside while the panel is open.
 */
export const deadlineBanner: Feature = {
  name: 'deadline-banner',
  async start(ctx) {
    if (window !== window.top || !(await detectionApplies())) return;
    const banner = await loadUi<BannerModule>('deadline-banner');
    if (!banner) return;
    await banner.show(ctx);
    onPageEvent('panel-opened', () => banner.hide(), ctx.signal);
  },
};
