import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUTY_REASONS, DUTY_STATES } from '../shared/index';

const load = (lang: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
const sv = load('sv');
const en = load('en');
const stateKey = (s: string) =>
  `state${s
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}`;

describe('extension messages', () => {
  it('has the same keys in Swedish and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [k, v] of [...Object.entries(sv), ...Object.entries(en)]) expect(v.message.trim(), k).not.toBe('');
  });

  it('explains every deadline reason and state in both languages', () => {
    for (const key of [...DUTY_REASONS, ...DUTY_STATES.map(stateKey)]) {
      expect(sv[key], key).toBeDefined();
      expect(en[key], key).toBeDefined();
    }
  });
});
