import { buildE2eExtension, bundleEditors, chromiumAvailable } from './harness';

/** Build the e2e extension and the editor pages once, before any test file runs in parallel. */
export default async function setup(): Promise<void> {
  if (!chromiumAvailable()) return;
  buildE2eExtension();
  await bundleEditors();
}
