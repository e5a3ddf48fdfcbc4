/**
 * One EVTX chunk (64 KiB: a 512-byte header, then event records) -> records and faults.
 *
 * Layout from libyal's "Windows XML Event Log (EVTX)" format description, sections "Chunk",
 * "Chunk header" and "Event record", and its "Recovery" and "Corruption scenarios" sections
 * for what to do when a chunk is damaged: a chunk whose header is unreadable is scanned for
 * records by their signature, and after a damaged record the rest of the chunk is scanned for
 * the next one. Nothing is dropped without a fault saying where and why.
 */
import { BinXmlError, ChunkBinXml } from './binxml.js';
import { crc32 } from './crc32.js';
import { filetimeMillis } from './values.js';

export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
const RECORD_HEADER_SIZE = 24;
/** Signature, size, identifier, written time, at least one byte of Binary XML, copy of the size. */
const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;

const CHUNK_SIGNATURE = Buffer.from('ElfChnk\0', 'latin1');

/** An event record rendered to XML. */
export interface EvtxRecord {
  readonly kind: 'record';
  /** The event as the Windows renderer writes it: one line, single-quoted attributes. */
  readonly xml: string;
  /** 0-based index of the chunk in the file. */
  readonly chunkIndex: number;
  /** 1-based position of the record in the file, counting every record met, read or not. */
  readonly recordNumber: number;
  /** The event record identifier of the record header (EventRecordID). */
  readonly recordId: number;
  /** When the record was written (record header FILETIME), in milliseconds since 1970. */
  readonly timestamp: number;
  /** Byte offset of the record in the file. */
  readonly offset: number;
  /** False when the chunk's checksums failed: the record parsed, but its values may be damaged. */
  readonly verified: boolean;
}

/** Something in the file that could not be read, or that makes what was read doubtful. */
export interface EvtxFault {
  readonly kind: 'fault';
  /** The file's path (or the name the caller gave). */
  readonly file: string;
  readonly chunkIndex?: number;
  /** Set when the fault is one record (see EvtxRecord.recordNumber). */
  readonly recordNumber?: number;
  readonly recordId?: number;
  /** Byte offset in the file of what is at fault. */
  readonly offset: number;
  readonly reason: string;
  /** Event records this fault stands for that are not yielded: 1 for a record, more for a skipped run, 0 for a warning. */
  readonly lostRecords: number;
}

export type EvtxItem = EvtxRecord | EvtxFault;

/** Counters a file reader carries from chunk to chunk. */
export interface ChunkCursor {
  readonly file: string;
  /** Records met so far in the file (read or faulted). */
  recordNumber: number;
}

function u32(b: Buffer, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function u64(b: Buffer, at: number): number {
  return u32(b, at + 4) * 4294967296 + u32(b, at);
}

function isZero(b: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] !== 0) return false;
  return true;
}

function isRecordSignature(b: Buffer, at: number): boolean {
  return b[at] === 0x2a && b[at + 1] === 0x2a && b[at + 2] === 0 && b[at + 3] === 0;
}

/** Whether `chunk[at...]` looks like a whole record inside `[at, limit)`: signature, size and copy of size agree. */
function isRecordAt(chunk: Buffer, at: number, limit: number): boolean {
  if (at + MIN_RECORD_SIZE > limit || !isRecordSignature(chunk, at)) return false;
  const size = u32(chunk, at + 4);
  return size >= MIN_RECORD_SIZE && at + size <= limit && u32(chunk, at + size - 4) === size;
}

/** The next offset from `from` where a whole record starts, or -1. */
function nextRecord(chunk: Buffer, from: number, limit: number): number {
  for (let at = chunk.indexOf(0x2a, from); at !== -1 && at + MIN_RECORD_SIZE <= limit; at = chunk.indexOf(0x2a, at + 1)) {
    if (isRecordAt(chunk, at, limit)) return at;
  }
  return -1;
}

/**
 * Reads one chunk. `chunk` is CHUNK_SIZE bytes; only `chunk[0, available)` came from the file
 * (less than CHUNK_SIZE when the file is truncated; the rest is zero). Returns the records
 * and faults in file order.
 */
export function readChunk(chunk: Buffer, available: number, chunkIndex: number, fileOffset: number, cursor: ChunkCursor): EvtxItem[] {
  const items: EvtxItem[] = [];
  const fault = (offset: number, reason: string, lostRecords: number, record?: { number: number; id?: number }): void => {
    const item: { -readonly [K in keyof EvtxFault]: EvtxFault[K] } = {
      kind: 'fault',
      file: cursor.file,
      chunkIndex,
      offset: fileOffset + offset,
      reason,
      lostRecords,
    };
    if (record) {
      item.recordNumber = record.number;
      if (record.id !== undefined) item.recordId = record.id;
    }
    items.push(item);
  };

  if (available < CHUNK_SIZE) fault(available, `chunk truncated: the file ends ${available} bytes into this 65536-byte chunk`, 0);
  const hasSignature = available >= 8 && chunk.compare(CHUNK_SIGNATURE, 0, 8, 0, 8) === 0;
  if (!hasSignature && isZero(chunk, 0, available)) return items; // never used: Windows preallocates chunks as zeros
  let headerValid = hasSignature && available >= CHUNK_HEADER_SIZE;
  if (!hasSignature) {
    fault(0, 'no chunk signature (ElfChnk): chunk header damaged; scanning the chunk for records', 0);
  } else if (available < CHUNK_HEADER_SIZE) {
    fault(0, 'chunk header truncated', 0);
  } else {
    const expected = u32(chunk, 124);
    const actual = crc32(chunk, 128, CHUNK_HEADER_SIZE, crc32(chunk, 0, 120));
    if (actual !== expected) {
      headerValid = false;
      fault(0, `chunk header checksum mismatch (stored 0x${expected.toString(16)}, computed 0x${actual.toString(16)}): scanning the chunk for records`, 0);
    }
  }

  const firstNumber = headerValid ? u64(chunk, 8) : 0;
  const lastNumber = headerValid ? u64(chunk, 16) : 0;
  let limit = available;
  let verified = headerValid;
  if (headerValid) {
    const freeSpace = u32(chunk, 48);
    if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > CHUNK_SIZE) {
      fault(48, `free space offset ${freeSpace} is outside the chunk: scanning the chunk for records`, 0);
      verified = false;
    } else if (freeSpace > available) {
      verified = false; // truncated: the records checksum cannot be computed
    } else {
      limit = freeSpace;
      const expected = u32(chunk, 52);
      const actual = crc32(chunk, CHUNK_HEADER_SIZE, freeSpace);
      if (actual !== expected) {
        verified = false;
        fault(52, `event records checksum mismatch (stored 0x${expected.toString(16)}, computed 0x${actual.toString(16)}): the records read from this chunk may hold damaged values`, 0);
      }
    }
  }

  const decoder = new ChunkBinXml(chunk);
  let met = 0;
  let at = CHUNK_HEADER_SIZE;
  if (!headerValid) at = nextRecord(chunk, at, limit);
  while (at !== -1 && at + 8 <= limit) {
    if (!isRecordSignature(chunk, at)) {
      if (isZero(chunk, at, Math.min(limit, at + 8)) && isZero(chunk, at, limit)) break; // the unused rest of the chunk
      const next = nextRecord(chunk, at + 1, limit);
      fault(at, `no event record signature at chunk offset ${at}: ${next === -1 ? 'the rest of the chunk is unreadable' : `skipped ${next - at} bytes to the next record`}`, 0);
      at = next;
      continue;
    }
    met++;
    const number = ++cursor.recordNumber;
    const size = u32(chunk, at + 4);
    if (size < MIN_RECORD_SIZE || at + size > limit) {
      const next = nextRecord(chunk, at + 8, limit);
      const where = at + size > available && available < CHUNK_SIZE ? 'past the end of the file' : 'past the end of its chunk';
      fault(at, `event record size ${size} ${size < MIN_RECORD_SIZE ? 'is too small' : `points ${where}`}`, 1, { number });
      at = next;
      continue;
    }
    const id = u64(chunk, at + 8);
    if (u32(chunk, at + size - 4) !== size) {
      fault(at, `event record size ${size} differs from its copy at the record's end (${u32(chunk, at + size - 4)})`, 1, { number, id });
      at = nextRecord(chunk, at + 8, limit);
      continue;
    }
    try {
      const xml = decoder.render(at + RECORD_HEADER_SIZE, at + size - 4);
      items.push({
        kind: 'record',
        xml,
        chunkIndex,
        recordNumber: number,
        recordId: id,
        timestamp: filetimeMillis(u32(chunk, at + 16), u32(chunk, at + 20)),
        offset: fileOffset + at,
        verified,
      });
    } catch (error) {
      if (!(error instanceof BinXmlError)) throw error;
      fault(at, `event record ${id}: ${error.message}`, 1, { number, id });
    }
    at += size;
  }

  if (headerValid) {
    const listed = lastNumber >= firstNumber && lastNumber - firstNumber < CHUNK_SIZE ? lastNumber - firstNumber + 1 : undefined;
    if (listed !== undefined && met < listed && firstNumber !== 0) {
      fault(8, `chunk header lists ${listed} records (${firstNumber} to ${lastNumber}), ${met} found`, listed - met);
    }
  }
  return items;
}
