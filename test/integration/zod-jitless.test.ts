import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Extension pages and LMS pages forbid eval. Zod probes for it with `new Function("")` the first
 * time an object schema parses, unless told not to (`extension/zod-config.ts`); the probe is
 * harmless but shows up as a CSP error, which an add-on reviewer reads as eval. Every bundle the
 * browser loads has its own copy of zod's settings, so every entry file sets it, first.
 */
const root = join(import.meta.dirname, '..', '..');
const ext = join(root, 'extension');

function entryFiles(): string[] {
  const files: string[] = [];
  for (const e of readdirSync(join(ext, 'entrypoints'), { withFileTypes: true })) {
    if (e.isFile() && /\.tsx?$/.test(e.name)) files.push(join(ext, 'entrypoints', e.name));
    if (e.isDirectory()) {
      const html = readFileSync(join(ext, 'entrypoints', e.name, 'index.html'), 'utf8');
      for (const m of html.matchAll(/<script[^>]+src="\.\/([^"]+)"/g))
        files.push(join(ext, 'entrypoints', e.name, m[1]!));
    }
  }
  for (const f of readdirSync(join(ext, 'features'), { withFileTypes: true })) {
    if (!f.isDirectory()) continue;
    for (const name of readdirSync(join(ext, 'features', f.name)))
      if (/^ui\.tsx?$/.test(name)) files.push(join(ext, 'features', f.name, name));
  }
  return files;
}

describe('no extension bundle lets zod probe for eval', () => {
  const files = entryFiles();
  it('finds the entry files (pages, background, content script, lazy feature UIs)', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });
  it.each(files.map((f) => relative(root, f)))('%s imports zod-config before anything else', (file) => {
    const firstImport = /^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m.exec(readFileSync(join(root, file), 'utf8'));
    expect(firstImport?.[1]).toMatch(/(^|\/)zod-config$/);
  });
});
