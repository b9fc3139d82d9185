import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limit';

const WINDOW = 15 * 60_000;

describe('FailureLimiter', () => {
  it('locks a key after maxFailures in a window, with the seconds left, and frees it when the window ends', () => {
    const l = new FailureLimiter(3, WINDOW);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter(['a'], 0)).toBe(0);
      l.fail(['a'], 0);
    }
    expect(l.retryAfter(['a'], 60_000)).toBe(840);
    expect(l.retryAfter(['b'], 60_000)).toBe(0);
    // Any locked key of the request counts.
    expect(l.retryAfter(['b', 'a'], 60_000)).toBe(840);
    expect(l.retryAfter(['a'], WINDOW)).toBe(0);
  });

  it('a full table never forgets a lock: rotating addresses end in one overflow bucket that locks too', () => {
    const l = new FailureLimiter(3, WINDOW, 100);
    for (let i = 0; i < 3; i++) l.fail(['victim-lock'], 0);
    // An attacker fills the table with new addresses, three failures each, then keeps rotating.
    for (let i = 0; i < 5_000; i++) for (let k = 0; k < 3; k++) l.fail([`rot-${i}`], 1_000);
    expect(l.size).toBeLessThanOrEqual(101);
    expect(l.retryAfter(['victim-lock'], 2_000)).toBeGreaterThan(0);
    // A brand-new address is counted in the full bucket: locked at once.
    expect(l.retryAfter(['rot-new'], 2_000)).toBeGreaterThan(0);
    // When the windows end, the table makes room again and new keys start clean.
    expect(l.retryAfter(['rot-new'], WINDOW + 2_000)).toBe(0);
    l.fail(['fresh'], WINDOW + 2_000);
    expect(l.retryAfter(['fresh'], WINDOW + 2_000)).toBe(0);
  });

  it('makes room by dropping unlocked entries, oldest first, never locked ones', () => {
    const l = new FailureLimiter(3, WINDOW, 3);
    for (let i = 0; i < 3; i++) l.fail(['locked'], 0);
    l.fail(['once-1'], 0);
    l.fail(['once-2'], 0);
    l.fail(['new'], 0);
    expect(l.size).toBe(3);
    expect(l.retryAfter(['locked'], 1)).toBeGreaterThan(0);
    l.fail(['new'], 1);
    l.fail(['new'], 1);
    expect(l.retryAfter(['new'], 2)).toBeGreaterThan(0);
  });
});
