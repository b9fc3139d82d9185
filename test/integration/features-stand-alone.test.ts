import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * "A feature imports shared modules, never another feature": the import rule is checked by
 * dependency-cruiser (`npm run lint`); this proves what it is for. For every feature folder, a copy
 * of the project without that folder and its line in `features/index.ts` builds, and the build has
 * no trace of the feature.
 */
const root = join(import.meta.dirname, '..', '..');
const features = readdirSync(join(root, 'extension/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const work = mkdtempSync(join(tmpdir(), 'iup-features-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('every extension feature stands alone', () => {
  it.each(features)(
    'the extension builds without %s',
    (feature) => {
      const dir = join(work, feature);
      for (const entry of ['extension', 'shared', 'wxt.config.ts', 'package.json', 'tsconfig.json'])
        cpSync(join(root, entry), join(dir, entry), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      rmSync(join(dir, 'extension/features', feature), { recursive: true });
      const list = join(dir, 'extension/features/index.ts');
      const source = readFileSync(list, 'utf8');
      const importLine = new RegExp(`^import \\{ (\\w+) \\} from '\\./${feature}';\\n`, 'm');
      const name = importLine.exec(source)?.[1];
      expect(name, `features/index.ts imports ${feature}`).toBeDefined();
      writeFileSync(list, source.replace(importLine, '').replace(new RegExp(`\\b${name}, |, ${name}\\b`), ''));
      execFileSync(process.execPath, [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, IUP_E2E_HOSTS: '' },
      });
      const out = join(dir, '.output/chrome-mv3');
      expect(existsSync(join(out, 'content-scripts/overlay.js'))).toBe(true);
      expect(existsSync(join(out, `ui-${feature}.js`))).toBe(false);
    },
    120_000,
  );
});
