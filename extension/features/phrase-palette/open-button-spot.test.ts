import { describe, expect, it } from 'vitest';
import { openButtonSpot } from './open-button-spot';

const field = { top: 100, left: 10, right: 1000, bottom: 300, width: 990, height: 200 } as DOMRectReadOnly;
const page = { tagName: 'TEXTAREA' } as Element;
const panel = { tagName: 'IUP-STOD-PANEL' } as Element;

describe('where the Aa button goes', () => {
  it('at the field’s top right corner when nothing of ours covers it', () => {
    expect(openButtonSpot(field, () => page)).toEqual({ top: 104, left: 968 });
  });

  it('left of the open panel when the panel covers the corner', () => {
    // The panel covers x ≥ 600.
    const spot = openButtonSpot(field, (x) => (x >= 600 ? panel : page));
    expect(spot).not.toBeNull();
    expect(spot!.left + 28).toBeLessThanOrEqual(600);
    expect(spot!.left).toBeGreaterThanOrEqual(600 - 2 * 28);
  });

  it('nowhere when the panel covers the whole top edge (the shortcut still works)', () => {
    expect(openButtonSpot(field, () => panel)).toBeNull();
  });

  it('a page element on top (a sticky header, a placeholder) does not move it', () => {
    expect(openButtonSpot(field, () => ({ tagName: 'DIV' }) as Element)).toEqual({ top: 104, left: 968 });
  });
});
