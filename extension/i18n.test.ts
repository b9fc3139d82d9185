import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, setLanguage } from './i18n';

afterEach(() => setLanguage('sv'));

describe('numbers and dates in the chosen language', () => {
  it('writes thousands with a space in Swedish and a comma in English', () => {
    setLanguage('sv');
    expect(formatNumber(2000).replace(/\s/g, ' ')).toBe('2 000');
    setLanguage('en');
    expect(formatNumber(2000)).toBe('2,000');
  });

  it('writes dates and times the Swedish way, never as 12/2/2026, 3:41 AM', () => {
    setLanguage('sv');
    const at = '2026-12-02T14:41:00Z';
    expect(formatDate(at)).toMatch(/^2 dec\.? 2026$/);
    expect(formatDateTime(at)).not.toMatch(/AM|PM|\d+\/\d+\/\d{4}/);
    expect(formatDateTime(at)).toMatch(/2 dec\.? 2026/);
  });
});
