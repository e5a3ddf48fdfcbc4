/**
 * CRC-32 as EVTX uses it (RFC 1952, the zlib polynomial, initial value 0). Node's zlib.crc32
 * (Node 20.15+) is used when present: it is native and many times faster than the table below,
 * which keeps older Node 20 releases working.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, value?: number) => number;

const nativeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function portableCrc32(data: Uint8Array, value: number): number {
  const t = crcTable();
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-32 of `bytes[start, end)`, continuing from `value` (0 to start). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, value = 0): number {
  const part = bytes.subarray(start, end);
  return nativeCrc32 ? nativeCrc32(part, value) >>> 0 : portableCrc32(part, value);
}

/** The portable implementation, for the test that pins it to the native one. */
export const crc32Portable = (bytes: Uint8Array): number => portableCrc32(bytes, 0);
