/**
 * Writes Windows XML Event Log (.evtx) files: a 4 KiB file header, then 64 KiB chunks of event
 * records in Binary XML, with the checksums and tables Windows keeps (layout: libyal's "Windows
 * XML Event Log (EVTX)" format description; the same facts src/ingest/evtx reads).
 *
 * As Windows does, each chunk stores a template definition once, inline in the first record that
 * uses it, and later records of the chunk refer to it by offset; element and attribute names are
 * likewise stored once per chunk and chained from the chunk header's string table. Records are
 * padded to a multiple of 8 bytes, as in Windows' files.
 */
import type { FileHandle } from 'node:fs/promises';
import { SpelunkError } from '../core/errors.js';
import { crc32 } from '../ingest/evtx/crc32.js';

export const BINXML_VALUE = 0x21;

/** Part of an element's content or of an attribute value: literal text or a substitution. */
export type XmlPart = { readonly text: string } | { readonly substitution: number; readonly type: number; readonly optional?: boolean };

export interface XmlElement {
  readonly name: string;
  readonly attributes?: readonly (readonly [string, XmlPart])[];
  /** undefined: an empty element (`<Name/>`). */
  readonly children?: readonly (XmlElement | XmlPart)[];
  /** Substitution this element depends on: it is left out when that value is NULL. */
  readonly dependency?: number;
}

export interface EvtxTemplate {
  /** 16 bytes; its first 4 bytes are also the template identifier, as in Windows' files. */
  readonly guid: Uint8Array;
  readonly root: XmlElement;
}

/** A substitution value: bytes of a type, or a nested template instance (Binary XML, type 0x21). */
export type EvtxValue = { readonly type: number; readonly bytes: Uint8Array } | { readonly type: typeof BINXML_VALUE; readonly instance: EvtxInstance };

export interface EvtxInstance {
  readonly template: EvtxTemplate;
  readonly values: readonly EvtxValue[];
}

const FILE_HEADER_SIZE = 4096;
const CHUNK_SIZE = 65536;
const CHUNK_HEADER_SIZE = 512;
const NO_DEPENDENCY = 0xffff;

/** Thrown while encoding a record that does not fit in the rest of the chunk. */
class ChunkFull extends Error {}

/** The x65599 hash of a name's UTF-16 code units, low 16 bits, as stored in Binary XML names. */
export function nameHash(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 65599) + name.charCodeAt(i)) >>> 0;
  return hash & 0xffff;
}

/** One chunk being filled. */
class ChunkBuilder {
  readonly bytes = Buffer.alloc(CHUNK_SIZE);
  pos = CHUNK_HEADER_SIZE;
  records = 0;
  firstNumber = 0;
  firstId = 0;
  lastNumber = 0;
  lastId = 0;
  lastRecordOffset = 0;
  private readonly names = new Map<string, number>();
  private readonly templates = new Map<EvtxTemplate, number>();
  private readonly nameBuckets = new Uint32Array(64);
  private readonly templateBuckets = new Uint32Array(32);
  /** What the record being written added, to take back when it does not fit. */
  private readonly journal: (() => void)[] = [];

  private room(size: number): void {
    if (this.pos + size > CHUNK_SIZE) throw new ChunkFull();
  }

  u8(value: number): void {
    this.room(1);
    this.bytes[this.pos++] = value;
  }

  u16(value: number): void {
    this.room(2);
    this.bytes.writeUInt16LE(value, this.pos);
    this.pos += 2;
  }

  u32(value: number): void {
    this.room(4);
    this.bytes.writeUInt32LE(value >>> 0, this.pos);
    this.pos += 4;
  }

  u64(value: number): void {
    this.u32(value % 4294967296);
    this.u32(Math.floor(value / 4294967296));
  }

  raw(data: Uint8Array): void {
    this.room(data.length);
    this.bytes.set(data, this.pos);
    this.pos += data.length;
  }

  utf16(text: string): void {
    this.room(2 * text.length);
    this.pos += this.bytes.write(text, this.pos, 'utf16le');
  }

  /** A name reference, storing the name inline at its first use in the chunk. */
  name(name: string): void {
    const known = this.names.get(name);
    if (known !== undefined) {
      this.u32(known);
      return;
    }
    const offset = this.pos + 4;
    this.u32(offset);
    const hash = nameHash(name);
    const bucket = hash % 64;
    this.u32(this.nameBuckets[bucket]!);
    this.u16(hash);
    this.u16(name.length);
    this.utf16(name);
    this.u16(0);
    const previous = this.nameBuckets[bucket]!;
    this.journal.push(() => {
      this.nameBuckets[bucket] = previous;
      this.names.delete(name);
    });
    this.nameBuckets[bucket] = offset;
    this.names.set(name, offset);
  }

  private text(token: number, text: string): void {
    this.u8(token);
    this.u8(0x01);
    this.u16(text.length);
    this.utf16(text);
  }

  private part(part: XmlPart): void {
    if ('text' in part) this.text(0x05, part.text);
    else {
      this.u8(part.optional ? 0x0e : 0x0d);
      this.u16(part.substitution);
      this.u8(part.type);
    }
  }

  element(element: XmlElement): void {
    const attributes = element.attributes ?? [];
    this.u8(attributes.length > 0 ? 0x41 : 0x01);
    this.u16(element.dependency ?? NO_DEPENDENCY);
    const sizeAt = this.pos;
    this.u32(0);
    this.name(element.name);
    if (attributes.length > 0) {
      const listAt = this.pos;
      this.u32(0);
      attributes.forEach(([name, value], i) => {
        this.u8(i < attributes.length - 1 ? 0x46 : 0x06);
        this.name(name);
        this.part(value);
      });
      this.bytes.writeUInt32LE(this.pos - listAt - 4, listAt);
    }
    if (element.children === undefined) {
      this.u8(0x03);
    } else {
      this.u8(0x02);
      for (const child of element.children) {
        if ('name' in child) this.element(child);
        else this.part(child);
      }
      this.u8(0x04);
    }
    this.bytes.writeUInt32LE(this.pos - sizeAt - 4, sizeAt);
  }

  /** A template instance: its definition inline at the first use in this chunk, then its values. */
  instance(instance: EvtxInstance): void {
    const { template } = instance;
    this.u8(0x0c);
    this.u8(0x01);
    this.raw(template.guid.subarray(0, 4));
    const known = this.templates.get(template);
    if (known !== undefined) {
      this.u32(known);
    } else {
      const offset = this.pos + 4;
      this.u32(offset);
      const bucket = Buffer.from(template.guid).readUInt32LE(0) % 32;
      this.u32(this.templateBuckets[bucket]!);
      this.raw(template.guid);
      const sizeAt = this.pos;
      this.u32(0);
      this.raw(FRAGMENT_HEADER);
      this.element(template.root);
      this.u8(0x00);
      this.bytes.writeUInt32LE(this.pos - sizeAt - 4, sizeAt);
      const previous = this.templateBuckets[bucket]!;
      this.journal.push(() => {
        this.templateBuckets[bucket] = previous;
        this.templates.delete(template);
      });
      this.templateBuckets[bucket] = offset;
      this.templates.set(template, offset);
    }
    this.u32(instance.values.length);
    const descriptorsAt = this.pos;
    this.room(4 * instance.values.length);
    this.pos += 4 * instance.values.length;
    instance.values.forEach((value, i) => {
      const start = this.pos;
      if ('instance' in value) {
        this.raw(FRAGMENT_HEADER);
        this.instance(value.instance);
      } else {
        this.raw(value.bytes);
      }
      const size = this.pos - start;
      if (size > 0xffff) throw new SpelunkError('usage', `substitution value of ${size} bytes is larger than EVTX allows (65535)`);
      this.bytes.writeUInt16LE(size, descriptorsAt + 4 * i);
      this.bytes[descriptorsAt + 4 * i + 2] = value.type;
      this.bytes[descriptorsAt + 4 * i + 3] = 0;
    });
  }

  /** Appends a record; throws ChunkFull (with the chunk unchanged) when it does not fit. */
  record(number: number, id: number, filetime: bigint, instance: EvtxInstance): void {
    const start = this.pos;
    this.journal.length = 0;
    try {
      this.raw(RECORD_SIGNATURE);
      this.u32(0);
      this.u64(id);
      this.u32(Number(filetime & 0xffffffffn));
      this.u32(Number(filetime >> 32n));
      this.raw(FRAGMENT_HEADER);
      this.instance(instance);
      this.u8(0x00);
      while ((this.pos - start + 4) % 8 !== 0) this.u8(0);
      this.u32(this.pos - start + 4);
    } catch (error) {
      // Undo the partial record so the chunk can be closed as it was.
      this.bytes.fill(0, start, Math.min(this.pos, CHUNK_SIZE));
      this.pos = start;
      for (let i = this.journal.length - 1; i >= 0; i--) this.journal[i]!();
      this.journal.length = 0;
      throw error;
    }
    this.bytes.writeUInt32LE(this.pos - start, start + 4);
    if (this.records === 0) {
      this.firstNumber = number;
      this.firstId = id;
    }
    this.records++;
    this.lastNumber = number;
    this.lastId = id;
    this.lastRecordOffset = start;
  }

  /** Writes the chunk header with its tables and checksums. */
  close(): Buffer {
    const b = this.bytes;
    b.write('ElfChnk\0', 0, 'latin1');
    writeU64(b, 8, this.firstNumber);
    writeU64(b, 16, this.lastNumber);
    writeU64(b, 24, this.firstId);
    writeU64(b, 32, this.lastId);
    b.writeUInt32LE(128, 40);
    b.writeUInt32LE(this.lastRecordOffset, 44);
    b.writeUInt32LE(this.pos, 48);
    b.writeUInt32LE(crc32(b, CHUNK_HEADER_SIZE, this.pos), 52);
    // Offset 120 holds 1 in the chunks of Windows' own files (libyal: "unknown (flags?)").
    b.writeUInt32LE(1, 120);
    for (let i = 0; i < 64; i++) b.writeUInt32LE(this.nameBuckets[i]!, 128 + 4 * i);
    for (let i = 0; i < 32; i++) b.writeUInt32LE(this.templateBuckets[i]!, 384 + 4 * i);
    b.writeUInt32LE(crc32(b, 128, CHUNK_HEADER_SIZE, crc32(b, 0, 120)), 124);
    return b;
  }
}

const FRAGMENT_HEADER = Uint8Array.of(0x0f, 0x01, 0x01, 0x00);
const RECORD_SIGNATURE = Uint8Array.of(0x2a, 0x2a, 0x00, 0x00);

function writeU64(b: Buffer, at: number, value: number): void {
  b.writeUInt32LE(value % 4294967296, at);
  b.writeUInt32LE(Math.floor(value / 4294967296), at + 4);
}

/** Writes an .evtx file record by record; `finish` writes the file header, which counts the chunks. */
export class EvtxWriter {
  private chunk = new ChunkBuilder();
  private chunks = 0;
  private records = 0;
  private bytesWritten = FILE_HEADER_SIZE;

  constructor(private readonly file: FileHandle) {}

  /** Adds an event record with the next record number and identifier; `filetime` is 100 ns ticks since 1601. */
  async add(filetime: bigint, instance: EvtxInstance): Promise<void> {
    const number = this.records + 1;
    try {
      this.chunk.record(number, number, filetime, instance);
    } catch (error) {
      if (!(error instanceof ChunkFull)) throw error;
      if (this.chunk.records === 0) throw new SpelunkError('usage', `event record ${number} is larger than an EVTX chunk (64 KiB)`);
      await this.flushChunk();
      try {
        this.chunk.record(number, number, filetime, instance);
      } catch (again) {
        if (again instanceof ChunkFull) throw new SpelunkError('usage', `event record ${number} is larger than an EVTX chunk (64 KiB)`);
        throw again;
      }
    }
    this.records++;
  }

  private async flushChunk(): Promise<void> {
    const bytes = this.chunk.close();
    await this.file.write(bytes, 0, bytes.length, FILE_HEADER_SIZE + this.chunks * CHUNK_SIZE);
    this.chunks++;
    this.bytesWritten += bytes.length;
    this.chunk = new ChunkBuilder();
  }

  /** Writes the last chunk and the file header; resolves with the counts. */
  async finish(): Promise<{ records: number; chunks: number; bytes: number }> {
    if (this.chunk.records > 0) await this.flushChunk();
    if (this.chunks > 0xffff) throw new SpelunkError('usage', `${this.chunks} chunks are more than an EVTX file header can count (65535)`);
    const header = Buffer.alloc(FILE_HEADER_SIZE);
    header.write('ElfFile\0', 0, 'latin1');
    writeU64(header, 8, 0);
    writeU64(header, 16, Math.max(0, this.chunks - 1));
    writeU64(header, 24, this.records + 1);
    header.writeUInt32LE(128, 32);
    header.writeUInt16LE(1, 36);
    header.writeUInt16LE(3, 38);
    header.writeUInt16LE(FILE_HEADER_SIZE, 40);
    header.writeUInt16LE(this.chunks, 42);
    header.writeUInt32LE(0, 120);
    header.writeUInt32LE(crc32(header, 0, 120), 124);
    await this.file.write(header, 0, header.length, 0);
    return { records: this.records, chunks: this.chunks, bytes: this.bytesWritten };
  }
}
