/**
 * Reads a Windows XML Event Log (.evtx) file as a stream of rendered records and faults, one
 * 64 KiB chunk at a time: memory stays bounded by a few chunks whatever the file size.
 *
 * File layout (libyal, "Windows XML Event Log (EVTX)", section "File header"): a 4 KiB file
 * header ("ElfFile\0", chunk counts, flags, a CRC-32 of its first 120 bytes), then 64 KiB
 * chunks. The header's chunk count is not trusted: a dirty file (flag 0x1, not closed cleanly)
 * may hold more chunks than it says, so every 64 KiB block to the end of the file is read, and
 * blocks that are all zeros (preallocated, never written) are passed over.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { SpelunkError } from '../../core/errors.js';
import { CHUNK_SIZE, readChunk, type ChunkCursor, type EvtxFault, type EvtxItem } from './chunk.js';
import { crc32 } from './crc32.js';

export type { EvtxFault, EvtxItem, EvtxRecord } from './chunk.js';

export const FILE_HEADER_SIZE = 4096;
const FILE_SIGNATURE = Buffer.from('ElfFile\0', 'latin1');
const DIRTY_FLAG = 0x1;

/** Whether these first bytes of a file are an EVTX file header's signature (8 bytes are enough). */
export function isEvtx(firstBytes: Uint8Array): boolean {
  if (firstBytes.length < FILE_SIGNATURE.length) return false;
  for (let i = 0; i < FILE_SIGNATURE.length; i++) if (firstBytes[i] !== FILE_SIGNATURE[i]) return false;
  return true;
}

export interface EvtxOptions {
  /** Name used in faults and errors; the path by default, `<stdin>` for a stream. */
  name?: string;
}

/** What the file header says, and what was found. Returned when the generator finishes. */
export interface EvtxSummary {
  /** Format version from the file header, e.g. "3.1". */
  version: string;
  /** The header's dirty flag: the file was not closed cleanly, so it was read as far as it is valid. */
  dirty: boolean;
  /** Chunks the file header lists. */
  headerChunks: number;
  /** 64 KiB blocks read after the header, including unused (all-zero) ones. */
  blocks: number;
  records: number;
  faults: number;
  /** Sum of the faults' lostRecords. */
  lostRecords: number;
}

/** A source of bytes: a file read through a handle, or any stream (standard input). */
interface ByteSource {
  /** Fills `buffer` from the start as far as it can; returns the bytes read (fewer only at the end). */
  fill(buffer: Buffer): Promise<number>;
  close(): Promise<void>;
}

function fileSource(handle: FileHandle): ByteSource {
  return {
    async fill(buffer) {
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled;
    },
    close: () => handle.close(),
  };
}

function streamSource(stream: AsyncIterable<Uint8Array | string>): ByteSource {
  const iterator = stream[Symbol.asyncIterator]();
  let pending: Buffer | undefined;
  let done = false;
  return {
    async fill(buffer) {
      let filled = 0;
      while (filled < buffer.length) {
        if (!pending || pending.length === 0) {
          if (done) break;
          const next = await iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          pending = typeof next.value === 'string' ? Buffer.from(next.value, 'latin1') : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        }
        const take = Math.min(pending.length, buffer.length - filled);
        pending.copy(buffer, filled, 0, take);
        pending = pending.subarray(take);
        filled += take;
      }
      return filled;
    },
    async close() {
      if (!done) await iterator.return?.();
    },
  };
}

function readError(name: string, error: unknown): SpelunkError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new SpelunkError('input', `cannot read ${name}: ${why}`);
}

/**
 * The records and faults of an EVTX file (a path, or a byte stream such as standard input), in
 * file order. Throws a SpelunkError only when the source cannot be read at all or is not EVTX;
 * everything wrong inside the file is a fault and the reading goes on. Finishes with a summary.
 */
export async function* readEvtx(source: string | AsyncIterable<Uint8Array | string>, options: EvtxOptions = {}): AsyncGenerator<EvtxItem, EvtxSummary> {
  const batches = readEvtxBatches(source, options);
  let finished = false;
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        finished = true;
        return next.value;
      }
      yield* next.value;
    }
  } finally {
    if (!finished) await batches.return(undefined as never);
  }
}

/** The same, a chunk's worth at a time: fewer awaits on the hot path of a large file. */
export async function* readEvtxBatches(
  source: string | AsyncIterable<Uint8Array | string>,
  options: EvtxOptions = {},
): AsyncGenerator<readonly EvtxItem[], EvtxSummary> {
  const name = options.name ?? (typeof source === 'string' ? source : '<stdin>');
  let input: ByteSource;
  if (typeof source === 'string') {
    try {
      input = fileSource(await open(source, 'r'));
    } catch (error) {
      throw readError(name, error);
    }
  } else {
    input = streamSource(source);
  }
  const fill = async (buffer: Buffer): Promise<number> => {
    try {
      return await input.fill(buffer);
    } catch (error) {
      throw readError(name, error);
    }
  };
  try {
    return yield* readBatches(fill, name);
  } finally {
    await input.close().catch(() => undefined);
  }
}

/** Chunks read per file read: fewer system calls than one chunk at a time, still bounded. */
const CHUNKS_PER_READ = 16;

async function* readBatches(fill: (buffer: Buffer) => Promise<number>, name: string): AsyncGenerator<readonly EvtxItem[], EvtxSummary> {
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  const headerBytes = await fill(header);
  if (!isEvtx(header.subarray(0, headerBytes))) {
    throw new SpelunkError('input', `${name} is not an EVTX file (no ElfFile signature)`);
  }
  const summary: EvtxSummary = { version: '', dirty: false, headerChunks: 0, blocks: 0, records: 0, faults: 0, lostRecords: 0 };
  const count = (items: readonly EvtxItem[]): readonly EvtxItem[] => {
    for (const item of items) {
      if (item.kind === 'record') summary.records++;
      else {
        summary.faults++;
        summary.lostRecords += item.lostRecords;
      }
    }
    return items;
  };
  const fileFault = (offset: number, reason: string): EvtxFault => ({ kind: 'fault', file: name, offset, reason, lostRecords: 0 });

  const headerFaults: EvtxFault[] = [];
  if (headerBytes < 128) {
    headerFaults.push(fileFault(headerBytes, `file header truncated: the file ends after ${headerBytes} bytes`));
  } else {
    summary.version = `${header.readUInt16LE(38)}.${header.readUInt16LE(36)}`;
    summary.headerChunks = header.readUInt16LE(42);
    const flags = header.readUInt32LE(120);
    summary.dirty = (flags & DIRTY_FLAG) !== 0;
    const expected = header.readUInt32LE(124);
    const actual = crc32(header, 0, 120);
    if (expected !== actual) {
      headerFaults.push(fileFault(124, `file header checksum mismatch (stored 0x${expected.toString(16)}, computed 0x${actual.toString(16)}): its counts are not trusted`));
    }
    if (header.readUInt16LE(38) !== 3) headerFaults.push(fileFault(38, `unknown format version ${summary.version} (expected 3.x): read as 3.x`));
    if (headerBytes < FILE_HEADER_SIZE) headerFaults.push(fileFault(headerBytes, `file header truncated: the file ends after ${headerBytes} bytes`));
  }
  if (headerFaults.length > 0) yield count(headerFaults);
  if (headerBytes < FILE_HEADER_SIZE) return summary;

  const cursor: ChunkCursor = { file: name, recordNumber: 0 };
  // Two blocks: the next is read while the records of this one are rendered and consumed.
  let block = Buffer.alloc(CHUNK_SIZE * CHUNKS_PER_READ);
  let spare = Buffer.alloc(CHUNK_SIZE * CHUNKS_PER_READ);
  let offset = FILE_HEADER_SIZE;
  let bytes = await fill(block);
  while (bytes > 0) {
    const next = bytes === block.length ? fill(spare) : Promise.resolve(0);
    // A failed read ahead is reported when its turn comes, not as an unhandled rejection now.
    next.catch(() => undefined);
    for (let start = 0; start < bytes; start += CHUNK_SIZE) {
      const available = Math.min(CHUNK_SIZE, bytes - start);
      let chunk = block.subarray(start, start + CHUNK_SIZE);
      if (available < CHUNK_SIZE) {
        // Zero the rest so that offsets past the end of the file read as zeros, not stale bytes.
        chunk = Buffer.alloc(CHUNK_SIZE);
        block.copy(chunk, 0, start, start + available);
      }
      summary.blocks++;
      const items = readChunk(chunk, available, summary.blocks - 1, offset, cursor);
      offset += available;
      if (items.length > 0) yield count(items);
    }
    bytes = await next;
    [block, spare] = [spare, block];
  }
  return summary;
}
