/** The open button's size in CSS pixels (open-button.css), and its inset from the field's corner. */
const SIZE = 28;
const INSET = 4;

export interface Spot {
  top: number;
  left: number;
}

/**
 * Where the "Aa" button goes beside a field: its top right corner, unless one of our own overlays
 * (the open IUP panel, a banner) covers that spot; then further left along the field's top edge,
 * where the teacher can see it. Null when the field's whole top edge is under our overlays: the
 * shortcut still opens the palette. `hit` is the field's document (or shadow root) hit test.
 */
export function openButtonSpot(rect: DOMRectReadOnly, hit: (x: number, y: number) => Element | null): Spot | null {
  const top = Math.max(0, rect.top + INSET);
  const oursAt = (x: number, y: number) => hit(x, y)?.tagName.toLowerCase().startsWith('iup-stod-') ?? false;
  // Both upright edges: a button half under the panel is as hard to see as one wholly under it.
  const ours = (left: number) => oursAt(left + 1, top + SIZE / 2) || oursAt(left + SIZE - 1, top + SIZE / 2);
  const firstLeft = Math.max(0, rect.right - SIZE - INSET);
  const lastLeft = Math.max(0, rect.left + INSET);
  for (let left = firstLeft; left >= lastLeft; left -= SIZE) if (!ours(left)) return { top, left };
  return null;
}
