/**
 * Split a CSV file's bytes into batches of whole records, each starting with the header line, so
 * a large roster can be sent in requests within the API's size limit and each batch parses on
 * its own exactly as its rows did in the whole file. Works on bytes, before decoding: a newline
 * (0x0A) and a quote (0x22) are single bytes in UTF-8 and in Windows-1252 alike, and a newline
 * inside a quoted field does not end a record.
 */
export interface CsvBatch {
  bytes: Uint8Array;
  /** Data rows before this batch, to turn a batch's row numbers into the file's. */
  rowOffset: number;
  rows: number;
}

export function splitCsvBatches(bytes: Uint8Array, maxBytes: number): CsvBatch[] {
  const ends = recordEnds(bytes);
  if (ends.length === 0) return [];
  const headerEnd = ends[0]!;
  const header = bytes.subarray(0, headerEnd);
  const budget = maxBytes - header.length;
  if (budget <= 0) throw new Error('the header line alone is larger than a batch');
  const batches: CsvBatch[] = [];
  let start = headerEnd;
  let rowOffset = 0;
  let i = 1;
  while (i < ends.length) {
    let end = start;
    let rows = 0;
    while (i < ends.length && (rows === 0 || ends[i]! - start <= budget)) {
      end = ends[i]!;
      if (!isBlank(bytes, ends[i - 1]!, end)) rows++;
      i++;
    }
    if (end - start > budget) throw new Error(`row ${rowOffset + 1} alone is larger than a batch`);
    if (rows > 0) {
      const out = new Uint8Array(header.length + end - start);
      out.set(header, 0);
      out.set(bytes.subarray(start, end), header.length);
      batches.push({ bytes: out, rowOffset, rows });
    }
    rowOffset += rows;
    start = end;
  }
  return batches;
}

/** Offsets just after each record's newline (and the file's end, if it has no final newline). */
function recordEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a && !quoted) ends.push(i + 1);
  }
  if (bytes.length > 0 && ends[ends.length - 1] !== bytes.length) ends.push(bytes.length);
  return ends;
}

/** Blank lines are skipped by the parser too, so they must not count as rows. */
function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09 && b !== 0x3b && b !== 0x2c) return false;
  }
  return true;
}
