/**
 * Small EVTX files built byte by byte for the malformed-input tests: a file header and chunks
 * whose records hold hand-made Binary XML, with valid checksums unless a test breaks them.
 * Layout as in libyal's "Windows XML Event Log (EVTX)" description (file header, chunk header,
 * event record); the reader's checks are what the tests exercise.
 */
import { crc32 } from '../../../src/ingest/evtx/crc32.js';

export const FILE_HEADER = 4096;
export const CHUNK = 65536;

/** Builds the Binary XML of a record, given the chunk offset where that Binary XML starts. */
export type BodyAt = (offset: number) => Uint8Array;

export class Bytes {
  private readonly parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u8(...values: number[]): this {
    for (const v of values) this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v, v >> 8);
  }
  u32(v: number): this {
    return this.u8(v, v >> 8, v >> 16, v >>> 24);
  }
  utf16(text: string): this {
    for (let i = 0; i < text.length; i++) this.u16(text.charCodeAt(i));
    return this;
  }
  bytes(data: Uint8Array): this {
    for (const b of data) this.parts.push(b);
    return this;
  }
  /** Overwrites the 32-bit value at `at`. */
  set32(at: number, v: number): this {
    for (let i = 0; i < 4; i++) this.parts[at + i] = (v >>> (8 * i)) & 0xff;
    return this;
  }
  build(): Buffer {
    return Buffer.from(this.parts);
  }
}

/** A name stored inline: next offset, hash (unchecked by readers), length, UTF-16 text, NUL. */
export function inlineName(bytes: Bytes, name: string): void {
  bytes.u32(0).u16(0).u16(name.length).utf16(name).u16(0);
}

/** `<Event><Data>text</Data></Event>`-like plain Binary XML (no template), names inline at first use. */
export function plainElement(offset: number, name: string, text: string): Uint8Array {
  const b = new Bytes();
  b.u8(0x0f, 0x01, 0x01, 0x00);
  const start = b.length;
  b.u8(0x01).u16(0xffff).u32(0); // size patched below
  b.u32(offset + b.length + 4);
  inlineName(b, name);
  b.u8(0x02);
  b.u8(0x05, 0x01).u16(text.length).utf16(text);
  b.u8(0x04);
  b.set32(start + 3, b.length - start - 7);
  b.u8(0x00);
  return b.build();
}

function writeU64(b: Buffer, at: number, v: number): void {
  b.writeUInt32LE(v % 4294967296, at);
  b.writeUInt32LE(Math.floor(v / 4294967296), at + 4);
}

/** One chunk holding a record for each body, numbered from `firstNumber`; checksums valid. */
export function chunkOf(bodies: readonly BodyAt[], firstNumber = 1): Buffer {
  const chunk = Buffer.alloc(CHUNK);
  let at = 512;
  let last = 512;
  bodies.forEach((bodyAt, i) => {
    const body = bodyAt(at + 24);
    let size = 24 + body.length + 4;
    size += (8 - (size % 8)) % 8;
    if (at + size > CHUNK) throw new Error('synthetic records do not fit in one chunk');
    chunk.write('**\0\0', at, 'latin1');
    chunk.writeUInt32LE(size, at + 4);
    writeU64(chunk, at + 8, firstNumber + i);
    writeU64(chunk, at + 16, 132_000_000_000_000_000 + i);
    chunk.set(body, at + 24);
    chunk.writeUInt32LE(size, at + size - 4);
    last = at;
    at += size;
  });
  chunk.write('ElfChnk\0', 0, 'latin1');
  writeU64(chunk, 8, firstNumber);
  writeU64(chunk, 16, firstNumber + bodies.length - 1);
  writeU64(chunk, 24, firstNumber);
  writeU64(chunk, 32, firstNumber + bodies.length - 1);
  chunk.writeUInt32LE(128, 40);
  chunk.writeUInt32LE(last, 44);
  chunk.writeUInt32LE(at, 48);
  sealChunk(chunk);
  return chunk;
}

/** Recomputes a chunk's records checksum (up to its free space offset) and header checksum. */
export function sealChunk(chunk: Buffer): void {
  chunk.writeUInt32LE(crc32(chunk, 512, chunk.readUInt32LE(48)), 52);
  chunk.writeUInt32LE(crc32(chunk, 128, 512, crc32(chunk, 0, 120)), 124);
}

/** A file header for `chunks` chunks and its checksum. */
export function fileHeader(chunks: number, flags = 0): Buffer {
  const header = Buffer.alloc(FILE_HEADER);
  header.write('ElfFile\0', 0, 'latin1');
  writeU64(header, 16, Math.max(0, chunks - 1));
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(chunks, 42);
  header.writeUInt32LE(flags, 120);
  sealFileHeader(header);
  return header;
}

export function sealFileHeader(header: Buffer): void {
  header.writeUInt32LE(crc32(header, 0, 120), 124);
}

export function fileOf(chunks: readonly Buffer[], flags = 0): Buffer {
  return Buffer.concat([fileHeader(chunks.length, flags), ...chunks]);
}

/** The bytes as a one-piece stream, for readEvtx. */
export async function* streamOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
