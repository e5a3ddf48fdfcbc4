/**
 * Text encodings, decided once per file from its first bytes: UTF-8 (a byte-order mark is
 * stripped), or UTF-16 little- or big-endian, as PowerShell's `Out-File` and `wevtutil` redirected
 * by PowerShell write it (with a byte-order mark, or recognised by the zero bytes of its ASCII
 * markup). UTF-16 is transcoded to UTF-8 chunk by chunk, so every reader after this one sees
 * UTF-8 only; the per-byte work is for UTF-16 files alone.
 */

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start, to drop. */
  bomLength: number;
}

/** Code units a UTF-16 log starts with: markup, JSON, a digit of a classic timestamp, or space. */
function isLikelyFirstUnit(code: number): boolean {
  return code === 0x3c || code === 0x7b || code === 0x5b || (code >= 0x30 && code <= 0x39) || code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/**
 * Whether `head` reads as UTF-16 without a byte-order mark, with the zero byte of each ASCII
 * character at `zeroAt` (1: little-endian, 0: big-endian): the first unit is one a log starts
 * with, and nearly every unit of the first 1 KiB is ASCII, as Windows event markup is.
 */
function looksLikeUtf16(head: Uint8Array, zeroAt: 0 | 1): boolean {
  const units = Math.min(head.length, 1024) >> 1;
  if (units < 4) return false;
  const first = head[1 - zeroAt]!;
  if (head[zeroAt] !== 0 || !isLikelyFirstUnit(first)) return false;
  let ascii = 0;
  for (let unit = 0; unit < units; unit++) {
    const zero = head[2 * unit + zeroAt]!;
    const low = head[2 * unit + 1 - zeroAt]!;
    if (zero === 0 && low !== 0) ascii++;
  }
  return ascii >= units * 0.9;
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'UTF-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16LE', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16BE', bomLength: 2 };
  if (looksLikeUtf16(head, 1)) return { encoding: 'UTF-16LE', bomLength: 0 };
  if (looksLikeUtf16(head, 0)) return { encoding: 'UTF-16BE', bomLength: 0 };
  return { encoding: 'UTF-8', bomLength: 0 };
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Stands for an unpaired surrogate: a byte that is never valid UTF-8, so its line is reported. */
const INVALID_BYTE = Buffer.from([0xff]);

/** UTF-16 chunks in, UTF-8 chunks out; an odd byte or a split surrogate pair waits for the next chunk. */
export class Utf16Transcoder {
  private carry: Buffer | undefined;

  constructor(private readonly bigEndian: boolean) {}

  push(chunk: Buffer): Buffer {
    return this.convert(this.carry ? Buffer.concat([this.carry, chunk]) : chunk, false);
  }

  /** What is left at the end of the stream (a lone trailing byte is invalid). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = undefined;
    if (!rest) return Buffer.alloc(0);
    const converted = this.convert(rest, true);
    return rest.length % 2 === 1 ? Buffer.concat([converted, INVALID_BYTE]) : converted;
  }

  private convert(bytes: Buffer, last: boolean): Buffer {
    let even = bytes.length & ~1;
    let units = bytes.subarray(0, even);
    if (this.bigEndian) units = Buffer.from(units).swap16();
    // A high surrogate at the end waits for its pair.
    if (!last && even >= 2) {
      const lastUnit = units[even - 2]! | (units[even - 1]! << 8);
      if (lastUnit >= 0xd800 && lastUnit <= 0xdbff) even -= 2;
    }
    this.carry = even < bytes.length ? Buffer.from(bytes.subarray(even)) : undefined;
    const text = units.toString('utf16le', 0, even);
    if (!SURROGATE.test(text)) return Buffer.from(text, 'utf8');
    const parts: Buffer[] = [];
    let from = 0;
    for (const match of text.matchAll(LONE_SURROGATE)) {
      parts.push(Buffer.from(text.slice(from, match.index), 'utf8'), INVALID_BYTE);
      from = match.index + 1;
    }
    parts.push(Buffer.from(text.slice(from), 'utf8'));
    return Buffer.concat(parts);
  }
}
