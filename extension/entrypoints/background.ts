import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Features register here as they arrive (sync, badge, site activation).
});
