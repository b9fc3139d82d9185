import { defineConfig } from 'wxt';

// One source for Chrome/Edge (MV3) and Firefox; see README "Extension".
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  // Explicit imports keep extension code readable next to worker/ and shared/, which have no auto-imports.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    // No host access at install: each school's LMS origin is granted at runtime (see issue on site activation).
    permissions: ['storage'],
  },
});
