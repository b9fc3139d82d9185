import { encode } from 'uqr';

/**
 * A QR code as SVG, drawn from the encoder's module matrix (no HTML string is ever built), with
 * the four-module quiet zone scanners need. `label` is what a screen reader says instead.
 */
export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const size = data.length;
  let d = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y]![x]) d += `M${x} ${y}h1v1h-1z`;
  return (
    <svg
      class={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
