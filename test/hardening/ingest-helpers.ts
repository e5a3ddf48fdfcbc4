/** Shared by the ingest hardening tests: real records, temporary files, and what a read gave. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDatasets, type IngestOptions } from '../../src/ingest/index.js';
import { ENDPOINT_PROCESSES } from '../../src/datamodel/models.js';
import type { IngestReport } from '../../src/ingest/report.js';
import { fixtures, storeRows } from '../ingest/helpers.js';

/** Splunk's sample Sysmon EID 1, one XmlWinEventLog line (Apache-2.0, test/fixtures). */
export const sysmonLine = readFileSync(resolve(fixtures, 'splunk-security-content-examples/sysmon_eventid_1.example.log'), 'utf8').trim();
/** Ten real XmlWinEventLog lines: 4 Sysmon EID 1, 5 Security 4688, 1 Sysmon EID 22. */
export const attackDataPath = resolve(fixtures, 'splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
export const attackDataLines = readFileSync(attackDataPath, 'utf8').split('\n').filter((line) => line.length > 0);
/** The first three real classic WinEventLog 4688 blocks of splunk/attack_data (LF, CRLF inside Message). */
export const classicPath = resolve(fixtures, 'splunk-wineventlog-4688-classic/windows-sec-events.first3.out');
export const classicText = readFileSync(classicPath, 'latin1');

const folder = mkdtempSync(join(tmpdir(), 'spelunk-hardening-'));
let counter = 0;

/** Writes `content` to a new file named `name` (made unique) and returns its path. */
export function write(name: string, content: string | Buffer): string {
  const path = join(folder, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

export interface Outcome {
  rows: Record<string, unknown>[];
  report: IngestReport;
  /** [line, reason] of every skipped record. */
  skipped: [number, string][];
}

/** Reads `paths` and gives the Endpoint.Processes rows, the report and the skipped records. */
export async function read(paths: string[], options: IngestOptions = {}): Promise<Outcome> {
  const { datasets, report } = await loadDatasets(paths, options);
  const store = datasets.get(ENDPOINT_PROCESSES);
  return { rows: store ? storeRows(store) : [], report, skipped: report.skipped.map((s) => [s.line, s.reason]) };
}

/** `line` cut after `<Data Name='Image'>` and a few characters: an event without its end. */
export function truncate(line: string): string {
  return line.slice(0, line.indexOf("<Data Name='Image'>") + 25);
}
