/**
 * Issue 20 §1, the ingest fuzz test: real records, each tagged, some mutated (bit flips,
 * truncation, random bytes, byte-order marks, NULs, CRs, huge attributes, duplicated and missing
 * tags), joined into one file with LF, CRLF or CR line ends. Each record is also read on its
 * own, in a file of its own. The property: the file reads as the sum of its records read alone.
 * The same rows, in order (so every record valid on its own is read as such inside the file,
 * and no broken record swallows or changes another), and the same counts of records and of
 * skipped records (so the summary accounts for every record given). Work is bounded by counts:
 * a fixed number of runs of at most 10 records; no timing assertion.
 *
 * SPELUNK_FUZZ_SEED and SPELUNK_FUZZ_RUNS change the seed and the number of runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../ingest/helpers.js';
import { attackDataLines, classicText, read, write, type Outcome } from './ingest-helpers.js';

const SEED = Number(process.env.SPELUNK_FUZZ_SEED ?? 20_2025);
const RUNS = Number(process.env.SPELUNK_FUZZ_RUNS ?? 40);

type Kind = 'xml-line' | 'xml-pretty' | 'classic' | 'json';
type Separator = '\n' | '\r\n' | '\r';

const MUTATIONS = ['bit-flip', 'truncate', 'random-bytes', 'bom', 'nul', 'cr', 'huge-attribute', 'duplicate-tag', 'missing-tag'] as const;
type MutationKind = (typeof MUTATIONS)[number];

interface Mutation {
  kind: MutationKind;
  /** Where, as a fraction of the record (or of its candidates: tags, lines). */
  at: number;
  bit: number;
  bytes: Uint8Array;
}

const classicBlocks = classicText.split(/(?=^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d [AP]M$)/m).filter((block) => block.length > 0);
const jsonLines = readFileSync(resolve(repoRoot, 'examples/data/otrf-proxylogon/proxylogon_process_creation_only.json'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);

/** Record `index` of `kind`, tagged so its row is its own: the command line and the record id say which it is. */
function record(kind: Kind, source: number, index: number): Buffer {
  if (kind === 'classic') {
    const block = classicBlocks[source % classicBlocks.length]!;
    return Buffer.from(block.replace(/RecordNumber=\d+/, `RecordNumber=${7000 + index}`).replace('Process Command Line:\t', `Process Command Line:\ttag${index} `).replace(/\n$/, ''), 'latin1');
  }
  if (kind === 'json') {
    const event = JSON.parse(jsonLines[source % jsonLines.length]!) as Record<string, unknown>;
    event.CommandLine = `tag${index} ${String(event.CommandLine ?? '')}`;
    event.RecordNumber = 7000 + index;
    return Buffer.from(JSON.stringify(event));
  }
  const line = attackDataLines[source % attackDataLines.length]!
    .replace(/<EventRecordID>\d+</, `<EventRecordID>${7000 + index}<`)
    .replace("<Data Name='CommandLine'>", `<Data Name='CommandLine'>tag${index} `);
  return Buffer.from(kind === 'xml-pretty' ? line.replace(/></g, '>\n<') : line);
}

/** The byte ranges a duplicated or missing "tag" mutation picks from: XML tags, classic lines, JSON members. */
function parts(kind: Kind, bytes: Buffer): [number, number][] {
  const text = bytes.toString('latin1');
  const pattern = kind === 'classic' ? /[^\n]*\n/g : kind === 'json' ? /"[^"]*":/g : /<[^<>]*>/g;
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

function mutate(kind: Kind, bytes: Buffer, mutation: Mutation): Buffer {
  const position = Math.min(bytes.length - 1, Math.floor(mutation.at * bytes.length));
  const insert = (extra: Uint8Array, at = position): Buffer => Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);
  switch (mutation.kind) {
    case 'bit-flip': {
      const copy = Buffer.from(bytes);
      copy[position] = copy[position]! ^ (1 << mutation.bit);
      return copy;
    }
    case 'truncate': {
      // Cut where the rest still shows a record began: an XML event after its System element
      // began (a cut before it leaves `<Event ...>` alone on its line, which is the first line
      // of a pretty-printed event, not a broken one); a classic block after its timestamp and
      // LogName lines (a stray line after a block is, in that format, more of its message).
      const from = kind.startsWith('xml') ? bytes.indexOf('<System>') + 8 : kind === 'classic' ? bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1 : 1;
      return bytes.subarray(0, from + Math.floor(mutation.at * (bytes.length - from - 1)));
    }
    case 'random-bytes':
      // Classic text is framed by its lines alone: a line break inserted at a block's edge
      // makes a line that belongs to either block, so classic records get none.
      return insert(kind === 'classic' ? mutation.bytes.map((byte) => (byte === 0x0a || byte === 0x0d ? 0x20 : byte)) : mutation.bytes);
    case 'bom':
      return insert(Buffer.from([0xef, 0xbb, 0xbf]), mutation.at < 0.5 ? 0 : position);
    case 'nul':
      return insert(Buffer.from([0]));
    case 'cr':
      return insert(Buffer.from('\r'));
    case 'huge-attribute': {
      // More than a line may hold, in an attribute value, a header value or a JSON string.
      const text = bytes.toString('latin1');
      const marker = kind === 'classic' ? 'ComputerName=' : kind === 'json' ? '"Hostname":"' : "Name='";
      const at = text.indexOf(marker) + marker.length;
      return insert(Buffer.alloc(1024 * 1024 + 100, 0x41), at);
    }
    case 'duplicate-tag':
    case 'missing-tag': {
      const candidates = parts(kind, bytes);
      if (candidates.length === 0) return bytes;
      const [start, end] = candidates[Math.min(candidates.length - 1, Math.floor(mutation.at * candidates.length))]!;
      if (mutation.kind === 'missing-tag') return Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]);
      return Buffer.concat([bytes.subarray(0, end), bytes.subarray(start, end), bytes.subarray(end)]);
    }
  }
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  bit: fc.integer({ min: 0, max: 7 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

const fileArbitrary = fc.record({
  separator: fc.constantFrom<Separator>('\n', '\r\n', '\r'),
  records: fc.array(fc.record({ source: fc.nat({ max: 99 }), mutation: fc.option(mutationArbitrary, { freq: 2 }) }), { minLength: 1, maxLength: 10 }),
});

interface FuzzFile {
  separator: Separator;
  records: { source: number; mutation: Mutation | null }[];
}

/** The records of a file, as bytes; a CR-separated file gets no LF from a mutation (its line ends are decided once per file). */
function build(kind: Kind, file: FuzzFile): Buffer[] {
  let huge = false;
  return file.records.map(({ source, mutation }, index) => {
    // The line breaks inside a record (classic, pretty-printed) are the file's.
    const plain = record(kind, source, index);
    const original = file.separator === '\n' ? plain : Buffer.from(plain.toString('latin1').replace(/\r?\n/g, file.separator), 'latin1');
    // One huge record per file bounds the work.
    const kept = mutation && !(mutation.kind === 'huge-attribute' && huge) ? mutation : null;
    if (kept?.kind === 'huge-attribute') huge = true;
    const bytes = kept ? mutate(kind, original, kept) : original;
    if (file.separator !== '\r') return bytes;
    const copy = Buffer.from(bytes);
    for (let i = 0; i < copy.length; i++) if (copy[i] === 0x0a) copy[i] = 0x20;
    return copy;
  });
}

function withSeparators(records: Buffer[], separator: Separator): Buffer {
  return Buffer.concat(records.flatMap((bytes) => [bytes, Buffer.from(separator)]));
}

interface Counted {
  rows: Record<string, unknown>[];
  records: number;
  skipped: number;
  other: number;
}

const otherEvents = (outcome: Outcome): number => [...outcome.report.otherEvents.values()].reduce((a, b) => a + b, 0);

function counted(outcome: Outcome): Counted {
  return { rows: outcome.rows, records: outcome.report.records, skipped: outcome.report.skippedCount, other: otherEvents(outcome) };
}

function sumOf(outcomes: Outcome[]): Counted {
  return {
    rows: outcomes.flatMap((outcome) => outcome.rows),
    records: outcomes.reduce((sum, outcome) => sum + outcome.report.records, 0),
    skipped: outcomes.reduce((sum, outcome) => sum + outcome.report.skippedCount, 0),
    other: outcomes.reduce((sum, outcome) => sum + otherEvents(outcome), 0),
  };
}

describe('ingest fuzz: a file reads as the sum of its records read alone', () => {
  for (const kind of ['xml-line', 'xml-pretty', 'classic', 'json'] as const) {
    it(`${kind} records`, async () => {
      await fc.assert(
        fc.asyncProperty(fileArbitrary, async (file) => {
          const records = build(kind, file);
          const alone = await Promise.all(records.map((bytes) => read([write(`alone-${kind}.log`, withSeparators([bytes], file.separator))])));
          const whole = await read([write(`whole-${kind}.log`, withSeparators(records, file.separator))]);
          expect(counted(whole)).toEqual(sumOf(alone));
          // A record no mutation touched is read, and counted once.
          file.records.forEach(({ mutation }, index) => {
            if (mutation === null) expect(alone[index]!.report).toMatchObject({ records: 1, skippedCount: 0 });
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});
