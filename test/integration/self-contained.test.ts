import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The repository stands alone: no file points at a path outside it (a sibling folder, say). */
const root = join(import.meta.dirname, '..', '..');

describe('the repository', () => {
  it('has no file that points outside itself', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(
        (f) => /\.(ts|tsx|js|mjs|cjs|json|md|toml|css|html|yml|sh)$|^\.ci\//.test(f) && !f.startsWith('package-lock'),
      );
    const outside: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue;
      }
      for (const m of text.matchAll(/(?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*/g)) {
        const target = resolve(dirname(join(root, file)), m[0]);
        if (relative(root, target).startsWith('..')) outside.push(`${file}: ${m[0]}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
