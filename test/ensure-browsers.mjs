// Browser tests drive Debian's Chromium and Firefox ESR (no browser downloads at runtime). Install
// what is missing when this process may (root with apt-get, as in CI); otherwise say the command.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = [
  { name: 'Chromium', pkg: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { name: 'Firefox ESR', pkg: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
];
const missing = () => browsers.filter((b) => !existsSync(b.path));

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (missing().length > 0 && canInstall) {
  const pkgs = missing().map((b) => b.pkg);
  console.log(`Installing Debian's ${pkgs.join(' and ')} for the browser tests …`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`Could not install ${pkgs.join(' and ')} with apt-get.`);
  }
}
const still = missing();
if (still.length === 0) process.exit(0);
for (const b of still)
  console.error(`Browser tests need ${b.name} at ${b.path}. Install it with:\n  sudo apt-get install -y ${b.pkg}`);
// In CI a skipped browser lane would look green while proving nothing.
process.exit(process.env.CI ? 1 : 0);
