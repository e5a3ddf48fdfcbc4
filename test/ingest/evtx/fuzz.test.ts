/**
 * Fuzzing: real .evtx files (the CC0 fixtures and a generated one) with random damage: bytes
 * flipped, 32-bit fields overwritten with random or boundary values (sizes, offsets, counts),
 * runs zeroed, the file cut. The reader must only ever yield records and faults, or throw
 * spelunk's own SpelunkError, and its output must stay within a bound that only a loop could
 * break: a record takes at least 28 bytes, so a chunk yields at most a few thousand items.
 * (No timing assertion: the test timeout is only there to end a hang.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpelunkError } from '../../../src/core/errors.js';
import { readEvtx } from '../../../src/ingest/evtx/index.js';
import { writeEvtxFile } from '../../../src/generate/index.js';
import { evtxFixtures } from './helpers.js';
import { CHUNK, FILE_HEADER, sealChunk, streamOf } from './synthetic.js';

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set32'; at: number; value: number }
  | { kind: 'zero'; at: number; length: number }
  | { kind: 'cut'; at: number };

const BOUNDARY_VALUES = [0, 1, 4, 24, 28, 511, 512, 513, 0x7fff, 0xffff, 0x10000, 65535, 65536, 0x7fffffff, 0xffffffff];

/** Positions weighted towards the places where the structure is: headers and the first records. */
function position(size: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: 127 }),
    fc.integer({ min: FILE_HEADER, max: Math.min(size - 1, FILE_HEADER + 4096) }),
    fc.integer({ min: 0, max: size - 1 }),
  );
}

function mutation(size: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position(size), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set32' as const), at: position(size), value: fc.oneof(fc.constantFrom(...BOUNDARY_VALUES), fc.nat()) }),
    fc.record({ kind: fc.constant('zero' as const), at: position(size), length: fc.integer({ min: 1, max: 600 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.integer({ min: 0, max: size }) }),
  );
}

function apply(original: Buffer, mutations: readonly Mutation[], reseal: boolean): Buffer {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    if (m.kind === 'flip') bytes[m.at % bytes.length] = bytes[m.at % bytes.length]! ^ (1 << m.bit);
    else if (m.kind === 'set32' && m.at + 4 <= bytes.length) bytes.writeUInt32LE(m.value >>> 0, m.at);
    else if (m.kind === 'zero') bytes.fill(0, m.at, Math.min(bytes.length, m.at + m.length));
    else if (m.kind === 'cut') bytes = bytes.subarray(0, m.at);
  }
  // Half the runs recompute the chunk checksums, so that damage meets the parser as trusted data.
  if (reseal) {
    for (let at = FILE_HEADER; at + CHUNK <= bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      if (chunk.readUInt32LE(48) >= 512 && chunk.readUInt32LE(48) <= CHUNK) sealChunk(chunk);
    }
  }
  return bytes;
}

/** Reads the damaged bytes; returns how many items came, or the error thrown. */
async function readDamaged(bytes: Buffer): Promise<{ items: number; error?: unknown }> {
  let items = 0;
  try {
    for await (const item of readEvtx(streamOf(bytes))) {
      items++;
      if (item.kind === 'record') {
        expect(typeof item.xml).toBe('string');
        expect(item.recordNumber).toBeGreaterThan(0);
      } else {
        expect(item.reason.length).toBeGreaterThan(0);
        expect(item.lostRecords).toBeGreaterThanOrEqual(0);
      }
    }
    return { items };
  } catch (error) {
    return { items, error };
  }
}

describe('fuzzing the reader with damaged real files', () => {
  const originals: { name: string; bytes: Buffer }[] = [];
  let dir: string;

  beforeAll(async () => {
    for (const name of readdirSync(evtxFixtures).filter((f) => f.endsWith('.evtx')).sort()) {
      originals.push({ name, bytes: readFileSync(join(evtxFixtures, name)) });
    }
    dir = mkdtempSync(join(tmpdir(), 'spelunk-evtx-fuzz-'));
    await writeEvtxFile({ events: 120, seed: 3, format: 'evtx' }, join(dir, 'generated.evtx'));
    originals.push({ name: 'generated.evtx', bytes: readFileSync(join(dir, 'generated.evtx')) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('only yields records and faults or throws a SpelunkError, within the item bound', async () => {
    expect(originals.length).toBe(7);
    for (const { name, bytes } of originals) {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation(bytes.length), { minLength: 1, maxLength: 6 }), fc.boolean(), async (mutations, reseal) => {
          const damaged = apply(bytes, mutations, reseal);
          const { items, error } = await readDamaged(damaged);
          if (error !== undefined && !(error instanceof SpelunkError)) {
            throw new Error(`${name}: ${String(error instanceof Error ? error.stack : error)}`);
          }
          const blocks = Math.ceil(Math.max(0, damaged.length - FILE_HEADER) / CHUNK);
          expect(items).toBeLessThanOrEqual(8 + blocks * (3 + 2 * Math.ceil((CHUNK - 512) / 28)));
        }),
        { numRuns: 150, seed: 20_240_305 },
      );
    }
  });
});
