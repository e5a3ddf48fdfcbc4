/** Loading fixtures into the datasets' stores, and their rows as plain objects, for the dataset tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { datasetByKey, storeFieldsOf, type DatasetKey } from '../../src/datamodel/models.js';
import { loadDatasets, type IngestReport } from '../../src/ingest/index.js';
import type { ColumnarStore } from '../../src/store/types.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = resolve(repoRoot, 'test/fixtures/data');
export const sharedData = resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(sharedData);
export const sharedReference = resolve(repoRoot, '../shared/reference');

export const fixture = (...parts: string[]): string => resolve(fixtures, ...parts);

export type CimRow = Record<string, unknown>;

/** Every row of a dataset's store, each with all of the dataset's store fields (null when absent) and `_time`. */
export function rowsOf(store: ColumnarStore | undefined, key: DatasetKey): CimRow[] {
  if (!store) return [];
  const fields = storeFieldsOf(datasetByKey(key)!.dataset);
  const rows: CimRow[] = [];
  for (let r = 0; r < store.rowCount; r++) {
    const row: CimRow = { _time: store.time[r] };
    for (const field of fields) {
      const column = store.column(field);
      row[field] = column ? (column.dictionary[column.ids[r]!] ?? null) : null;
    }
    rows.push(row);
  }
  return rows;
}

/** The rows of `key` made from `paths`, with the ingest report. */
export async function loadRows(paths: readonly string[], key: DatasetKey): Promise<{ rows: CimRow[]; report: IngestReport }> {
  const { datasets, report } = await loadDatasets(paths);
  return { rows: rowsOf(datasets.get(key), key), report };
}

/** The only row of `key` that `path` makes (the file must make exactly one, and skip nothing). */
export async function onlyRow(path: string, key: DatasetKey): Promise<CimRow> {
  const { rows, report } = await loadRows([path], key);
  expect(report.skippedCount).toBe(0);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/**
 * Epoch seconds of an ISO time written as TimeCreated/@SystemTime is (up to 9 fractional digits),
 * to the microsecond: Splunk's _time resolution, which spelunk keeps.
 */
export function epochOf(iso: string): number {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(iso)!;
  return Date.parse(`${match[1]}Z`) / 1000 + Number(`0.${(match[2] ?? '0').slice(0, 6)}`);
}

/**
 * The row equals `expected` field by field: every store field of the dataset is named (null
 * when the row must lack it), `_time` as its ISO text.
 */
export function expectRow(actual: CimRow, key: DatasetKey, expected: { _time: string } & CimRow): void {
  const fields = storeFieldsOf(datasetByKey(key)!.dataset);
  const { _time, ...rest } = expected;
  expect(Object.keys(rest).sort(), 'the expectation names every store field').toEqual([...fields].sort());
  const { _time: actualTime, ...actualRest } = actual;
  expect(actualTime as number).toBeCloseTo(epochOf(_time), 6);
  expect(actualRest).toEqual(rest);
}

/** Whether `evtxexport` (Debian libevtx-utils) is installed: the GPL .evtx samples are read through it until spelunk reads EVTX. */
export const hasEvtxexport = ((): boolean => {
  try {
    execFileSync('evtxexport', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // Some versions exit non-zero after printing their usage; only a missing program is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

/** The first event of `eventId` in an .evtx file, as evtxexport renders it, written to a temporary .xml file. */
export function evtxEventFile(evtx: string, eventId: string): string {
  const xml = execFileSync('evtxexport', ['-f', 'xml', evtx], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const event = xml.split(/(?=<Event xmlns)/).find((part) => part.includes(`<EventID>${eventId}</EventID>`));
  if (!event) throw new Error(`${evtx} has no EventID ${eventId}`);
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-evtx-'));
  const path = join(folder, `eid${eventId}.xml`);
  writeFileSync(path, event.slice(0, event.indexOf('</Event>') + '</Event>'.length) + '\n');
  return path;
}

/** A file holding `text`, in a new temporary folder. */
export function tempFile(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-datasets-'));
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}
