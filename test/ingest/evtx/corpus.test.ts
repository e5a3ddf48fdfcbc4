/**
 * Every .evtx file under ../shared/data against an independent reader, evtxexport (libyal's
 * libevtx-utils): record by record the same XML after the normalisations docs/semantics.md
 * ("EVTX") documents, and through spelunk's own ingest the same datamodel rows and summary
 * counts. The 11 files evtxexport cannot read (listed in evtx-to-mitre-attack/PROVENANCE.md)
 * are read completely: as many records as their chunk headers count, and no fault.
 * Skips, saying why, when ../shared or evtxexport is absent.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../../src/ingest/evtx/chunk.js';
import { FILE_HEADER_SIZE } from '../../../src/ingest/evtx/index.js';
import { canonicalEvents, evtxexportXml, evtxFilesUnder, normaliseValue, readAll, repoRoot, sharedData, skipReason, type ReadResult } from './helpers.js';

const reason = skipReason(true);

/** Records the chunk headers of a file list (last minus first record number plus one, per chunk). */
function headerRecordCount(file: string): number {
  const bytes = readFileSync(file);
  let count = 0;
  for (let at = FILE_HEADER_SIZE; at + CHUNK_SIZE <= bytes.length; at += CHUNK_SIZE) {
    if (bytes.toString('latin1', at, at + 8) !== 'ElfChnk\0') continue;
    count += Number(bytes.readBigUInt64LE(at + 16) - bytes.readBigUInt64LE(at + 8)) + 1;
  }
  return count;
}

/** The summary without the example file pair of its duplicate-events note: the two folders' paths differ. */
function withoutExamplePaths(summary: string): string {
  return summary.replace(/, e\.g\. [^)]*\)/g, ')');
}

interface Corpus {
  file: string;
  ours: ReadResult;
  reference: string | undefined;
}

/** `spelunk datamodel --format json` over a folder: the rows and the summary line. */
function datamodel(folder: string): { rows: Record<string, string>[]; summary: string } {
  const run = spawnSync(process.execPath, [resolve(repoRoot, 'dist/src/cli/main.js'), 'datamodel', '--data', folder, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  expect(run.status, run.stderr).toBe(0);
  const summary = run.stderr.split('\n').find((line) => line.startsWith('read ')) ?? '';
  return { rows: JSON.parse(run.stdout) as Record<string, string>[], summary };
}

if (reason) {
  it.skip(`EVTX corpus against evtxexport (skipped: ${reason})`, () => undefined);
} else {
  describe('every .evtx file under ../shared/data against evtxexport', () => {
    const corpus: Corpus[] = [];
    let work: string;

    beforeAll(async () => {
      for (const file of evtxFilesUnder(sharedData)) corpus.push({ file, ours: await readAll(file), reference: evtxexportXml(file) });
      work = mkdtempSync(join(tmpdir(), 'spelunk-evtx-'));
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('evtxexport fails on exactly the 11 files PROVENANCE.md reports; spelunk reads every file with no fault', () => {
      expect(corpus.length).toBeGreaterThanOrEqual(426);
      const failing = corpus.filter((c) => c.reference === undefined);
      expect(failing).toHaveLength(11);
      expect(failing.every((c) => c.file.includes('evtx-to-mitre-attack'))).toBe(true);
      expect(corpus.flatMap((c) => c.ours.faults)).toEqual([]);
    });

    it('recovers from the 11 files every record their chunk headers count', () => {
      const recovered = corpus
        .filter((c) => c.reference === undefined)
        .map((c) => ({ file: basename(c.file), records: c.ours.records.length, listed: headerRecordCount(c.file) }));
      for (const entry of recovered) expect(entry.records, entry.file).toBe(entry.listed);
      // The table in docs/semantics.md ("EVTX"): 838 records from the 11 files.
      expect(recovered.reduce((sum, entry) => sum + entry.records, 0)).toBe(838);
    });

    it('renders every record as evtxexport does, after the documented normalisations', () => {
      const mismatches: string[] = [];
      let compared = 0;
      for (const { file, ours, reference } of corpus) {
        if (reference === undefined) continue;
        const theirs = canonicalEvents(reference);
        const mine = canonicalEvents(ours.records.map((r) => r.xml).join('\n'));
        if (mine.length !== theirs.length) mismatches.push(`${basename(file)}: ${mine.length} records, evtxexport ${theirs.length}`);
        for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
          compared++;
          if (JSON.stringify(mine[i]) !== JSON.stringify(theirs[i])) mismatches.push(`${basename(file)} record ${i + 1}`);
        }
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(compared).toBeGreaterThanOrEqual(12_736);
    });

    it('gives the same datamodel rows and summary counts through the ingest as evtxexport\'s XML', () => {
      const mineDir = join(work, 'mine');
      const theirsDir = join(work, 'evtxexport');
      mkdirSync(mineDir);
      mkdirSync(theirsDir);
      corpus.forEach(({ ours, reference }, i) => {
        if (reference === undefined) return;
        const name = `${String(i).padStart(4, '0')}.xml`;
        writeFileSync(join(mineDir, name), ours.records.map((r) => `${r.xml}\n`).join(''));
        // evtxexport's first line names its version: not an event.
        writeFileSync(join(theirsDir, name), reference.replace(/^evtxexport \S+\n/, ''));
      });
      const mine = datamodel(mineDir);
      const theirs = datamodel(theirsDir);
      expect(mine.summary).toMatch(/^read 415 files, 12736 records: \d+ process events/);
      expect(withoutExamplePaths(mine.summary)).toBe(withoutExamplePaths(theirs.summary));
      const normalise = (rows: Record<string, string>[]): Record<string, string>[] =>
        rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? normaliseValue(value) : value])));
      expect(mine.rows.length).toBeGreaterThan(1000);
      expect(normalise(mine.rows)).toEqual(normalise(theirs.rows));
    });

    it('reads the .evtx files themselves into the same datamodel rows and summary as evtxexport\'s XML', () => {
      const evtxDir = join(work, 'evtx');
      const theirsDir = join(work, 'evtxexport');
      mkdirSync(evtxDir);
      corpus.forEach(({ file, reference }, i) => {
        if (reference === undefined) return;
        // The .evtx files under the same names as their XML twins, so both folders read in one order.
        copyFileSync(file, join(evtxDir, `${String(i).padStart(4, '0')}.evtx`));
      });
      const direct = datamodel(evtxDir);
      const theirs = datamodel(theirsDir);
      expect(direct.summary).toMatch(/^read 415 files, 12736 records: \d+ process events/);
      expect(withoutExamplePaths(direct.summary)).toBe(withoutExamplePaths(theirs.summary));
      const normalise = (rows: Record<string, string>[]): Record<string, string>[] =>
        rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? normaliseValue(value) : value])));
      expect(direct.rows.length).toBeGreaterThan(1000);
      expect(normalise(direct.rows)).toEqual(normalise(theirs.rows));
    });
  });
}
