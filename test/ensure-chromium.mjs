// Browser tests drive Debian's Chromium (no browser downloads at runtime). Install it when it is
// missing and this process may (root with apt-get, as in CI); otherwise say the one command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (canInstall) {
  console.log("Installing Debian's chromium for the browser tests …");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('Could not install chromium with apt-get.');
  }
}
if (existsSync(path)) process.exit(0);
console.error(`Browser tests need Chromium at ${path}. Install it with:\n  sudo apt-get install -y chromium`);
// In CI a skipped browser suite would look green while proving nothing.
process.exit(process.env.CI ? 1 : 0);
