/**
 * Damaged .evtx files: each damage is reported as a fault (file, chunk, record number, offset,
 * reason) and the reading goes on with the rest of the file; every record is either read or
 * counted in a fault's lostRecords. Built from a real fixture, from generated files, or byte by
 * byte (synthetic.ts) for damage no real file shows (a template that refers to itself,
 * nesting deeper than the bound, exponential template expansion).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpelunkError } from '../../../src/core/errors.js';
import { MAX_DEPTH, MAX_WORK } from '../../../src/ingest/evtx/binxml.js';
import { isEvtx, readEvtx } from '../../../src/ingest/evtx/index.js';
import { writeEvtxFile } from '../../../src/generate/index.js';
import { evtxFixtures, readAll, type ReadResult } from './helpers.js';
import { Bytes, CHUNK, chunkOf, FILE_HEADER, fileOf, inlineName, plainElement, sealChunk, sealFileHeader, streamOf, type BodyAt } from './synthetic.js';

const fixture4688 = join(evtxFixtures, 'TA0040-Impact_T1490-Inhibit_System_Recovery_ID4688-Delete_Window_backup__webadmin_.evtx');

function lost(result: ReadResult): number {
  return result.faults.reduce((sum, fault) => sum + fault.lostRecords, 0);
}

async function readBytes(bytes: Uint8Array): Promise<ReadResult> {
  return readAll(streamOf(bytes));
}

const plain = (text: string): BodyAt => (offset) => plainElement(offset, 'Event', text);

/** A record whose template instance uses a definition that instantiates itself. */
const selfLoop: BodyAt = (offset) => {
  const b = new Bytes();
  b.u8(0x0f, 0x01, 0x01, 0x00);
  const definition = offset + b.length + 10;
  b.u8(0x0c, 0x01).u32(1).u32(definition);
  const sizeAt = b.length + 20;
  b.u32(0).bytes(new Uint8Array(16)).u32(0);
  const bodyStart = b.length;
  b.u8(0x0f, 0x01, 0x01, 0x00, 0x0c, 0x01).u32(1).u32(definition).u32(0).u8(0x00);
  b.set32(sizeAt, b.length - bodyStart);
  b.u32(0).u8(0x00);
  return b.build();
};

/** Two definitions that instantiate each other: A -> B -> A. */
const mutualLoop: BodyAt = (offset) => {
  const b = new Bytes();
  b.u8(0x0f, 0x01, 0x01, 0x00);
  const a = offset + b.length + 10;
  b.u8(0x0c, 0x01).u32(1).u32(a);
  const aSize = b.length + 20;
  b.u32(0).bytes(new Uint8Array(16)).u32(0);
  const aBody = b.length;
  b.u8(0x0f, 0x01, 0x01, 0x00);
  const bDef = offset + b.length + 10;
  b.u8(0x0c, 0x01).u32(2).u32(bDef);
  const bSize = b.length + 20;
  b.u32(0).bytes(new Uint8Array(16)).u32(0);
  const bBody = b.length;
  b.u8(0x0f, 0x01, 0x01, 0x00, 0x0c, 0x01).u32(1).u32(a).u32(0).u8(0x00);
  b.set32(bSize, b.length - bBody);
  b.u32(0).u8(0x00);
  b.set32(aSize, b.length - aBody);
  b.u32(0).u8(0x00);
  return b.build();
};

/** Plain Binary XML nested `depth` elements deep: <E><E>...x...</E></E>. */
function nested(depth: number): BodyAt {
  return (offset) => {
    const b = new Bytes();
    b.u8(0x0f, 0x01, 0x01, 0x00);
    const sizes: number[] = [];
    let nameOffset = -1;
    for (let i = 0; i < depth; i++) {
      sizes.push(b.length);
      b.u8(0x01).u16(0xffff).u32(0);
      if (nameOffset === -1) {
        nameOffset = offset + b.length + 4;
        b.u32(nameOffset);
        inlineName(b, 'E');
      } else {
        b.u32(nameOffset);
      }
      b.u8(0x02);
    }
    b.u8(0x05, 0x01).u16(1).utf16('x');
    for (let i = depth - 1; i >= 0; i--) {
      b.u8(0x04);
      b.set32(sizes[i]! + 3, b.length - sizes[i]! - 7);
    }
    b.u8(0x00);
    return b.build();
  };
}

/**
 * Template definitions T0..Tn stored after the end of a record's document, each Tk instantiating
 * T(k-1) twice: rendering Tn takes 2^n steps. Returns the record bodies: the holder, then the user.
 */
function exponential(levels: number): BodyAt[] {
  const definitions: number[] = [];
  const holder: BodyAt = (offset) => {
    const b = new Bytes();
    b.bytes(plainElement(offset, 'Holder', 'templates follow'));
    for (let k = 0; k <= levels; k++) {
      definitions[k] = offset + b.length;
      const sizeAt = b.length + 20;
      b.u32(0).bytes(new Uint8Array(16)).u32(0);
      const body = b.length;
      b.u8(0x0f, 0x01, 0x01, 0x00);
      if (k === 0) {
        const start = b.length;
        b.u8(0x01).u16(0xffff).u32(0).u32(offset + b.length + 4);
        inlineName(b, 'E');
        b.u8(0x03);
        b.set32(start + 3, b.length - start - 7);
      } else {
        for (let copy = 0; copy < 2; copy++) b.u8(0x0c, 0x01).u32(k).u32(definitions[k - 1]!).u32(0);
      }
      b.u8(0x00);
      b.set32(sizeAt, b.length - body);
    }
    return b.build();
  };
  const user: BodyAt = () => new Bytes().u8(0x0f, 0x01, 0x01, 0x00, 0x0c, 0x01).u32(levels).u32(definitions[levels]!).u32(0).u8(0x00).build();
  return [holder, user];
}

describe('a truncated file', () => {
  it('reads the records before the cut and counts the rest as lost', async () => {
    const whole = readFileSync(fixture4688);
    const full = await readBytes(whole);
    expect(full.records).toHaveLength(4);
    // Cut in the middle of the third record.
    const third = full.records[2]!;
    const cut = whole.subarray(0, third.offset + 100);
    const result = await readBytes(cut);
    expect(result.records.map((r) => r.xml)).toEqual(full.records.slice(0, 2).map((r) => r.xml));
    expect(result.records.every((r) => !r.verified)).toBe(true);
    expect(result.records.length + lost(result)).toBe(4);
    const reasons = result.faults.map((f) => f.reason);
    expect(reasons.some((r) => r.startsWith('chunk truncated'))).toBe(true);
    const recordFault = result.faults.find((f) => f.recordNumber === 3)!;
    expect(recordFault.reason).toMatch(/points past the end of the file/);
    expect(recordFault).toMatchObject({ file: '<stdin>', chunkIndex: 0, offset: third.offset, lostRecords: 1 });
  });

  it('a file cut inside its header is a fault, not an exception', async () => {
    const result = await readBytes(readFileSync(fixture4688).subarray(0, 100));
    expect(result.records).toEqual([]);
    expect(result.faults.map((f) => f.reason)).toEqual(['file header truncated: the file ends after 100 bytes']);
  });
});

describe('a file of zeros with an EVTX signature', () => {
  it('reports the header checksum and version and reads no record', async () => {
    const bytes = Buffer.alloc(FILE_HEADER + 3 * CHUNK);
    bytes.write('ElfFile\0', 0, 'latin1');
    expect(isEvtx(bytes)).toBe(true);
    const result = await readBytes(bytes);
    expect(result.records).toEqual([]);
    expect(result.faults.map((f) => f.reason)).toEqual([
      // CRC-32 of 'ElfFile\0' and 112 zero bytes (Python's zlib.crc32 gives 0xa0bf681d too).
      'file header checksum mismatch (stored 0x0, computed 0xa0bf681d): its counts are not trusted',
      'unknown format version 0.0 (expected 3.x): read as 3.x',
    ]);
    expect(result.faults.every((f) => f.lostRecords === 0)).toBe(true);
    expect(result.summary.blocks).toBe(3);
  });
});

describe('generated multi-chunk files', () => {
  let dir: string;
  let bytes: Buffer;
  let clean: ReadResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spelunk-evtx-bad-'));
    await writeEvtxFile({ events: 160, seed: 5, format: 'evtx' }, join(dir, 'g.evtx'));
    bytes = readFileSync(join(dir, 'g.evtx'));
    clean = await readBytes(bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const chunkAt = (copy: Buffer, index: number): Buffer => copy.subarray(FILE_HEADER + index * CHUNK, FILE_HEADER + (index + 1) * CHUNK);

  it('the clean file has several chunks and no fault', () => {
    expect(clean.summary.blocks).toBeGreaterThanOrEqual(3);
    expect(clean.faults).toEqual([]);
    expect(clean.records).toHaveLength(160);
  });

  it('a chunk whose records checksum fails: reported, its records read but marked unverified', async () => {
    const copy = Buffer.from(bytes);
    const target = clean.records.find((r) => r.chunkIndex === 1)!;
    // A byte of the last value of the record (ParentUser text), not of its structure.
    const at = target.offset + 200;
    copy[at] = copy[at]! ^ 0x01;
    const result = await readBytes(copy);
    expect(result.faults).toHaveLength(1);
    expect(result.faults[0]).toMatchObject({ chunkIndex: 1, lostRecords: 0 });
    expect(result.faults[0]!.reason).toMatch(/^event records checksum mismatch/);
    expect(result.records).toHaveLength(160);
    expect(result.records.filter((r) => !r.verified).every((r) => r.chunkIndex === 1)).toBe(true);
    expect(result.records.filter((r) => r.chunkIndex !== 1).every((r) => r.verified)).toBe(true);
  });

  it('a chunk whose header checksum fails: reported, its records found by their signatures', async () => {
    const copy = Buffer.from(bytes);
    chunkAt(copy, 2)[60] = 0x5a;
    const result = await readBytes(copy);
    expect(result.faults).toHaveLength(1);
    expect(result.faults[0]!.reason).toMatch(/^chunk header checksum mismatch/);
    expect(result.records.map((r) => r.xml)).toEqual(clean.records.map((r) => r.xml));
  });

  it('a record whose size points past its chunk: that record is a fault, the next ones are read', async () => {
    const copy = Buffer.from(bytes);
    const second = clean.records[1]!;
    copy.writeUInt32LE(70_000, second.offset + 4);
    sealChunk(chunkAt(copy, 0));
    const result = await readBytes(copy);
    expect(result.faults).toHaveLength(1);
    expect(result.faults[0]).toMatchObject({ chunkIndex: 0, recordNumber: 2, offset: second.offset, lostRecords: 1 });
    expect(result.faults[0]!.reason).toBe('event record size 70000 points past the end of its chunk');
    expect(result.records.map((r) => r.xml)).toEqual(clean.records.filter((_, i) => i !== 1).map((r) => r.xml));
  });

  it('a dirty file whose header counts fewer chunks is read to its last chunk', async () => {
    const copy = Buffer.from(bytes);
    copy.writeUInt16LE(1, 42);
    copy.writeUInt32LE(1, 120);
    sealFileHeader(copy.subarray(0, FILE_HEADER));
    const result = await readBytes(copy);
    expect(result.summary).toMatchObject({ dirty: true, headerChunks: 1 });
    expect(result.faults).toEqual([]);
    expect(result.records).toHaveLength(160);
  });
});

describe('hand-made Binary XML', () => {
  it('a template definition that refers to itself, or a pair that refer to each other: a fault each, the read goes on', async () => {
    const result = await readBytes(fileOf([chunkOf([plain('one'), selfLoop, plain('three'), mutualLoop, plain('five')])]));
    expect(result.records.map((r) => r.xml)).toEqual(['<Event>one</Event>', '<Event>three</Event>', '<Event>five</Event>']);
    expect(result.faults.map((f) => [f.recordNumber, f.lostRecords])).toEqual([
      [2, 1],
      [4, 1],
    ]);
    for (const fault of result.faults) expect(fault.reason).toMatch(/template definition at 0x[0-9a-f]+ refers to itself/);
  });

  it(`nesting up to the bound is read; deeper than ${MAX_DEPTH} levels is a fault`, async () => {
    const result = await readBytes(fileOf([chunkOf([nested(40), nested(500), plain('after')])]));
    expect(result.records.map((r) => r.recordNumber)).toEqual([1, 3]);
    expect(result.records[0]!.xml).toBe(`${'<E>'.repeat(40)}x${'</E>'.repeat(40)}`);
    expect(result.faults).toHaveLength(1);
    expect(result.faults[0]).toMatchObject({ recordNumber: 2, lostRecords: 1 });
    expect(result.faults[0]!.reason).toMatch(/nested deeper than 96 levels/);
  });

  it(`templates that expand exponentially stop at the work bound (${MAX_WORK} steps) or the length bound`, async () => {
    const [holder, user] = exponential(30);
    const result = await readBytes(fileOf([chunkOf([holder!, user!, plain('after')])]));
    expect(result.records.map((r) => r.xml)).toEqual(['<Holder>templates follow</Holder>', '<Event>after</Event>']);
    expect(result.faults).toHaveLength(1);
    expect(result.faults[0]!.reason).toMatch(/more than 1048576 steps|rendered XML longer than/);
  });

  it('a small expansion under the bounds renders', async () => {
    const [holder, user] = exponential(3);
    const result = await readBytes(fileOf([chunkOf([holder!, user!])]));
    expect(result.faults).toEqual([]);
    expect(result.records[1]!.xml).toBe('<E/>'.repeat(8));
  });
});

describe('what is not an EVTX file at all', () => {
  it('throws a SpelunkError for a file without the signature', async () => {
    await expect(readBytes(Buffer.from('<Event xmlns="x"></Event>\n'))).rejects.toThrow(SpelunkError);
    await expect(readBytes(Buffer.alloc(0))).rejects.toThrow(/is not an EVTX file/);
  });

  it('throws a SpelunkError of kind input for a path that cannot be read', async () => {
    const attempt = readAll('/nonexistent/file.evtx');
    await expect(attempt).rejects.toThrow(SpelunkError);
    await expect(readAll('/nonexistent/file.evtx')).rejects.toMatchObject({ kind: 'input', message: 'cannot read /nonexistent/file.evtx: no such file' });
    await expect(readAll(evtxFixtures)).rejects.toMatchObject({ kind: 'input' });
  });

  it('stops cleanly when the caller stops early', async () => {
    const reader = readEvtx(fixture4688);
    const first = await reader.next();
    expect(first.value).toMatchObject({ kind: 'record', recordNumber: 1 });
    const done = await reader.return(undefined as never);
    expect(done.done).toBe(true);
  });
});
