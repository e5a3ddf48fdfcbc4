/**
 * Reads the user's log files into the Endpoint.Processes store. Each record becomes a process
 * row, is counted as another event type (by provider or channel and EventID), or is skipped with
 * its file, line and reason: nothing is dropped silently.
 */
import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import {
  CROWDSTRIKE_PROCESS_ROLLUP2,
  SECURITY_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE_CLASSIC,
  SYSMON_PROCESS_CREATE,
  type InputKind,
} from '../datamodel/mappings.js';
import { compileMapper, type ProcessRowValues, type RowMapper } from '../datamodel/mapper.js';
import { PROCESSES_STORE_FIELDS } from '../datamodel/models.js';
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore } from '../store/types.js';
import { readClassicEvent } from './classic.js';
import { readJsonEvent } from './json.js';
import { fromByteString, readLines } from './lines.js';
import { RecordAssembler, type RecordHandler } from './records.js';
import { parseEpochMillis, parseIsoTime } from './time.js';
import { scanXmlEvent } from './xml.js';

export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  events: number;
}

export interface IngestOptions {
  /** Any skipped record is an error. */
  strict?: boolean;
  /** Called at most about ten times a second, and once at the end. */
  onProgress?: (p: IngestProgress) => void;
  /** Read for the path '-'; process.stdin by default. */
  stdin?: NodeJS.ReadableStream;
}

export interface SkippedRecord {
  file: string;
  line: number;
  reason: string;
}

export interface IngestReport {
  files: number;
  records: number;
  processRows: number;
  /** Key "<provider or channel>/<EventID or event_simpleName>". */
  otherEvents: Map<string, number>;
  /** The first MAX_SKIPPED_DETAILS skipped records; `skippedCount` counts them all. */
  skipped: SkippedRecord[];
  skippedCount: number;
  /** Files found while walking folders that were not read (not a log file extension). */
  ignoredFiles: string[];
  /** Files that held no records at all. */
  emptyFiles: string[];
  summary(): string;
}

export const MAX_SKIPPED_DETAILS = 1000;

/** Extensions read when walking a folder; a file named on the command line is always read. */
const LOG_EXTENSIONS = new Set(['.log', '.xml', '.json', '.jsonl', '.ndjson', '.txt', '.raw', '.out', '.gz']);

const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const SECURITY_PROVIDER = 'Microsoft-Windows-Security-Auditing';
/** EventData names some mapping table reads; the XML scanner keeps only these. */
const WANTED_DATA = new Set(
  [SYSMON_PROCESS_CREATE, SECURITY_PROCESS_CREATE].flatMap((kind) => kind.rules.flatMap((rule) => rule.from)),
);

const CROWDSTRIKE_PROCESS_EVENTS = new Set(['ProcessRollup2', 'SyntheticProcessRollup2']);

const STDIN_NAME = '<stdin>';

interface DataFile {
  path: string;
  size: number;
}

function noSuchPath(path: string, error: unknown): SpelunkError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
  return new SpelunkError('input', `cannot read data path '${path}': ${why}`);
}

/** Files under the given paths, folders walked recursively in name order. */
async function listFiles(paths: readonly string[], ignored: string[]): Promise<DataFile[]> {
  const files: DataFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (LOG_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push({ path, size: (await stat(path)).size });
      else ignored.push(path);
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push({ path: '-', size: 0 });
      continue;
    }
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      throw noSuchPath(path, error);
    }
    if (info.isDirectory()) await walk(path);
    else files.push({ path, size: info.size });
  }
  return files;
}

/** Which process-creation input an event is, from its provider (or, lacking one, its channel). */
function windowsKind(fields: ReadonlyMap<string, string>, classic: boolean): InputKind | undefined {
  const provider = fields.get('Provider');
  const channel = fields.get('Channel');
  const eventId = fields.get('EventID');
  if (classic) return channel === 'Security' && eventId === '4688' ? SECURITY_PROCESS_CREATE_CLASSIC : undefined;
  const isSysmon = provider !== undefined ? provider === SYSMON_PROVIDER : channel === SYSMON_CHANNEL;
  if (isSysmon) return eventId === '1' ? SYSMON_PROCESS_CREATE : undefined;
  const isSecurity = provider !== undefined ? provider === SECURITY_PROVIDER : channel === 'Security';
  return isSecurity && eventId === '4688' ? SECURITY_PROCESS_CREATE : undefined;
}

/** The raw field each kind cannot do without (besides the time). */
const REQUIRED_FIELD = new Map<InputKind, string>([
  [SYSMON_PROCESS_CREATE, 'Image'],
  [SECURITY_PROCESS_CREATE, 'NewProcessName'],
  [SECURITY_PROCESS_CREATE_CLASSIC, 'NewProcessName'],
  [CROWDSTRIKE_PROCESS_ROLLUP2, 'CommandLine'],
]);

class Ingest implements RecordHandler {
  readonly builder = new StoreBuilder(PROCESSES_STORE_FIELDS);
  readonly otherEvents = new Map<string, number>();
  readonly skipped: SkippedRecord[] = [];
  skippedCount = 0;
  records = 0;
  fileRecords = 0;
  file = '';
  private readonly fields = new Map<string, string>();
  private readonly values: ProcessRowValues = new Array<string | null>(PROCESSES_STORE_FIELDS.length).fill(null);
  private readonly mappers = new Map<InputKind, RowMapper>();

  constructor(private readonly strict: boolean) {}

  skip(line: number, reason: string): void {
    this.records++;
    this.fileRecords++;
    this.skippedCount++;
    if (this.strict) throw new SpelunkError('input', `${this.file}:${line}: ${reason}`);
    if (this.skipped.length < MAX_SKIPPED_DETAILS) this.skipped.push({ file: this.file, line, reason });
  }

  xml(text: string, line: number): void {
    const problem = scanXmlEvent(text, this.fields, WANTED_DATA);
    if (problem) return this.skip(line, problem);
    this.windowsEvent(windowsKind(this.fields, false), line);
  }

  json(text: string, line: number): void {
    const shape = readJsonEvent(fromByteString(text), this.fields);
    if (typeof shape !== 'string') return this.skip(line, shape.error);
    if (shape === 'windows') return this.windowsEvent(windowsKind(this.fields, false), line);
    const name = this.fields.get('event_simpleName')!;
    if (!CROWDSTRIKE_PROCESS_EVENTS.has(name)) return this.countOther(`crowdstrike/${name}`);
    const millis = this.fields.get('timestamp');
    const time = millis === undefined ? undefined : parseEpochMillis(millis);
    if (time === undefined) return this.skip(line, `CrowdStrike ${name} without a valid 'timestamp' (milliseconds since the epoch)`);
    this.addRow(CROWDSTRIKE_PROCESS_ROLLUP2, time, line);
  }

  classic(lines: readonly string[], line: number): void {
    const problem = readClassicEvent(lines.map(fromByteString), this.fields);
    if (problem) return this.skip(line, problem);
    this.windowsEvent(windowsKind(this.fields, true), line);
  }

  private windowsEvent(kind: InputKind | undefined, line: number): void {
    if (!kind) {
      const origin = this.fields.get('Provider') ?? this.fields.get('Channel') ?? 'unknown';
      return this.countOther(`${origin}/${this.fields.get('EventID') ?? '?'}`);
    }
    const systemTime = this.fields.get('SystemTime');
    const time = systemTime === undefined ? undefined : parseIsoTime(systemTime);
    if (time === undefined) {
      const what = systemTime === undefined ? 'missing required field' : 'invalid';
      return this.skip(line, `${kind.description}: ${what} TimeCreated/@SystemTime${systemTime ? ` '${systemTime}'` : ''}`);
    }
    this.addRow(kind, time, line);
  }

  private addRow(kind: InputKind, time: number, line: number): void {
    const required = REQUIRED_FIELD.get(kind)!;
    if (!this.fields.has(required)) return this.skip(line, `${kind.description}: missing required field ${required}`);
    let mapper = this.mappers.get(kind);
    if (!mapper) this.mappers.set(kind, (mapper = compileMapper(kind)));
    mapper(this.fields, this.values);
    this.builder.addRow(time, this.values);
    this.records++;
    this.fileRecords++;
  }

  private countOther(key: string): void {
    this.records++;
    this.fileRecords++;
    this.otherEvents.set(key, (this.otherEvents.get(key) ?? 0) + 1);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function makeReport(ingest: Ingest, files: number, ignoredFiles: string[], emptyFiles: string[]): IngestReport {
  const processRows = ingest.builder.rowCount;
  return {
    files,
    records: ingest.records,
    processRows,
    otherEvents: ingest.otherEvents,
    skipped: ingest.skipped,
    skippedCount: ingest.skippedCount,
    ignoredFiles,
    emptyFiles,
    summary(): string {
      const otherTotal = [...this.otherEvents.values()].reduce((a, b) => a + b, 0);
      const top = [...this.otherEvents.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const shown = top.slice(0, 3).map(([key, count]) => `${key}: ${count}`);
      if (top.length > 3) shown.push('...');
      let text = `read ${plural(files, 'file')}, ${plural(this.records, 'record')}: ${processRows} process events, ${otherTotal} other events`;
      if (shown.length > 0) text += ` (${shown.join(', ')})`;
      text += `, ${this.skippedCount} skipped`;
      const first = this.skipped[0];
      if (first) text += ` (first: ${first.file}:${first.line}: ${first.reason})`;
      if (this.emptyFiles.length > 0) text += `; ${plural(this.emptyFiles.length, 'empty file')}`;
      if (this.ignoredFiles.length > 0) text += `; ${plural(this.ignoredFiles.length, 'file')} ignored (not a log file extension)`;
      return text;
    },
  };
}

/**
 * Reads process-creation events from files, folders (recursively) or '-' (stdin) into the
 * Endpoint.Processes store.
 */
export async function loadEndpointProcesses(
  paths: string[],
  options: IngestOptions = {},
): Promise<{ store: ColumnarStore; report: IngestReport }> {
  const ignoredFiles: string[] = [];
  const emptyFiles: string[] = [];
  const files = await listFiles(paths, ignoredFiles);
  const ingest = new Ingest(options.strict ?? false);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytesRead = 0;
  let lastProgress = 0;
  const progress = (force: boolean): void => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < 100) return;
    lastProgress = now;
    options.onProgress({ bytesRead, totalBytes, events: ingest.records });
  };

  for (const file of files) {
    ingest.file = file.path === '-' ? STDIN_NAME : file.path;
    ingest.fileRecords = 0;
    const input = file.path === '-' ? (options.stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: 1 << 20 });
    const assembler = new RecordAssembler(ingest);
    let notText: string | undefined;
    try {
      notText = await readLines(input as AsyncIterable<Buffer | string>, assembler, (n) => {
        bytesRead += n;
        progress(false);
      });
      assembler.end();
    } catch (error) {
      if (error instanceof SpelunkError) throw error;
      notText = readFailure(error);
    } finally {
      if ('destroy' in input && typeof input.destroy === 'function') input.destroy();
    }
    if (notText) ingest.skip(1, notText);
    else if (ingest.fileRecords === 0) emptyFiles.push(ingest.file);
  }
  progress(true);
  return { store: ingest.builder.build(), report: makeReport(ingest, files.length, ignoredFiles, emptyFiles) };
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return `corrupt gzip data: ${(error as Error).message}`;
  if (code === 'EISDIR') return 'is a directory';
  return `read error: ${(error as Error).message}`;
}
