import { describe, expect, it } from 'vitest';
import { patternFor, sitesToKeep } from './site-activation';

describe('site activation', () => {
  it('asks for and registers the port-less pattern, the one both browsers match', () => {
    expect(patternFor('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(patternFor('https://lms.skolan.se')).toBe('https://lms.skolan.se/*');
  });

  it('keeps an enabled origin while its host is granted, and drops it when the grant is revoked', () => {
    const enabled = ['http://127.0.0.1:8787', 'https://lms.skolan.se'];
    expect(sitesToKeep(['http://127.0.0.1/*', 'https://lms.skolan.se/*'], enabled)).toEqual(enabled);
    expect(sitesToKeep(['https://lms.skolan.se/*'], enabled)).toEqual(['https://lms.skolan.se']);
  });

  it('a granted host does not enable the other ports of it', () => {
    expect(sitesToKeep(['http://127.0.0.1/*'], ['http://127.0.0.1:8787'])).toEqual(['http://127.0.0.1:8787']);
    expect(sitesToKeep(['http://127.0.0.1/*'], [])).toEqual([]);
  });

  it('the first run after an update enables what the earlier version had granted, with or without a port', () => {
    expect(sitesToKeep(['http://127.0.0.1:8787/*', 'https://lms.skolan.se/*', 'https://*/*'], null)).toEqual([
      'http://127.0.0.1:8787',
      'https://lms.skolan.se',
    ]);
  });
});
