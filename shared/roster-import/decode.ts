/**
 * Bytes of an exported roster file to text. School systems export UTF-8 (with or without BOM) or,
 * from older Windows tools, Windows-1252; å ä ö must survive either way. Decoded by hand for
 * Windows-1252 because not every runtime's TextDecoder has it.
 */
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  return out;
}

export function decodeRosterBytes(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the other encoding Swedish school exports use.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
