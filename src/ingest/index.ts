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
import { compileMapper, compileSlotMapper, type ProcessRowValues, type RowMapper, type SlotMapper } from '../datamodel/mapper.js';
import { PROCESSES_STORE_FIELDS } from '../datamodel/models.js';
import { StoreBuilder } from '../store/builder.js';
import { NULL_ID, type ColumnarStore, type DictionaryColumn } from '../store/types.js';
import { readFilesInParallel, workerAvailable } from './parallel.js';
import { readClassicEvent } from './classic.js';
import { readJsonEvent } from './json.js';
import { fromByteString, readLines } from './lines.js';
import { RecordAssembler, type RecordHandler } from './records.js';
import { parseEpochMillis, parseIsoTime, parseIsoTimeBytes } from './time.js';
import { scanXmlEvent } from './xml.js';
import { CHANNEL, COMPUTER, EVENT_ID, KEYWORDS, PROVIDER, SYSTEM_TIME, WinEventLineScanner } from './fast-xml.js';
import { ByteInterner } from './interner.js';

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
  /**
   * Threads to read several files on; default 1 (this thread only). Measured on this project's
   * 2-core machines, merging the workers' parts cost more than the parallel parse saved
   * (docs/performance.md), so parallel reading is asked for, not assumed. Needs the compiled
   * worker (dist/); from TypeScript sources the files are read on this thread.
   */
  threads?: number;
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
  const channel = fields.get('Channel');
  const eventId = fields.get('EventID');
  if (classic) return channel === 'Security' && eventId === '4688' ? SECURITY_PROCESS_CREATE_CLASSIC : undefined;
  return windowsKindOf(fields.get('Provider'), channel, eventId);
}

function windowsKindOf(provider: string | undefined, channel: string | undefined, eventId: string | undefined): InputKind | undefined {
  const isSysmon = provider !== undefined ? provider === SYSMON_PROVIDER : channel === SYSMON_CHANNEL;
  if (isSysmon) return eventId === '1' ? SYSMON_PROCESS_CREATE : undefined;
  const isSecurity = provider !== undefined ? provider === SECURITY_PROVIDER : channel === 'Security';
  return isSecurity && eventId === '4688' ? SECURITY_PROCESS_CREATE : undefined;
}

/** Raw values of the System elements that are kept only when not empty (setElement in xml.ts). */
const KEPT_WHEN_NOT_EMPTY = new Set([CHANNEL, COMPUTER, KEYWORDS]);

/** An Int32Array that holds index `index`, grown by doubling; new room is 0. */
function withRoom(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < array.length) return array;
  const grown = new Int32Array(Math.max(index + 1, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Column ids by interner entry, for one column of one input kind, so that a repeated value skips
 * the store dictionary's Map (its lookups were a fifth of the ingest time). Most columns are an
 * alias of one raw slot: the row's value is then that entry's own text, whose id only needs
 * `textIds[entry]`. Other columns derive their value from the slot (process_name from Image),
 * so the cached value is checked against the row's value before its id is reused.
 */
class EntryIds {
  /** Id of the entry's own text; 0 while unknown. */
  private textIds = new Int32Array(1024);
  private readonly derivedValues: (string | undefined)[] = [];
  private derivedIds = new Int32Array(1024);
  /**
   * Values this cache added to the column as new. While they are the whole dictionary (each the
   * text of a different entry), an entry without an id holds a value the column lacks: it is
   * added without a Map lookup. Most ProcessGuids and command lines are met once.
   */
  private added = 0;

  constructor(
    private readonly builder: StoreBuilder,
    private readonly column: number,
  ) {}

  /** The id of the text of `entry`. */
  idOfText(entry: number, text: string): number {
    const known = entry < this.textIds.length ? this.textIds[entry]! : 0;
    if (known !== 0) return known;
    const id = this.builder.dictionarySize(this.column) === this.added + 1 ? this.addNew(text) : this.builder.idOf(this.column, text);
    this.textIds = withRoom(this.textIds, entry);
    this.textIds[entry] = id;
    return id;
  }

  /** The id of `value`, which some transform made of the text of `entry`. */
  idOfDerived(entry: number, value: string): number {
    if (entry < this.derivedValues.length && this.derivedValues[entry] === value) return this.derivedIds[entry]!;
    const id = this.builder.idOf(this.column, value);
    while (this.derivedValues.length <= entry) this.derivedValues.push(undefined);
    this.derivedIds = withRoom(this.derivedIds, entry);
    this.derivedValues[entry] = value;
    this.derivedIds[entry] = id;
    return id;
  }

  private addNew(value: string): number {
    this.added++;
    return this.builder.addNewValue(this.column, value);
  }
}

/** How the fast path turns one input kind's slots into a row of ids. */
interface KindRows {
  mapper: SlotMapper;
  requiredSlot: number;
  /** Per column: the slot its value is derived from, or -1 (constants, calculated fields). */
  keySlot: Int32Array;
  /** Per column with a key slot: its ids by that slot's entries. */
  entryIds: (EntryIds | undefined)[];
}

/**
 * The single-line XmlWinEventLog fast path (fast-xml.ts): from a line's bytes straight to a
 * store row, with the same outcome as scanXmlEvent + windowsEvent. It declines (returns false)
 * every event it would not handle identically: unusual layout, EventID not plain digits, a time
 * not in the usual ISO form, a missing required field; the general path then reads the line.
 */
class FastXmlPath {
  readonly scanner = new WinEventLineScanner([...WANTED_DATA]);
  /** One interner per slot, so each slot numbers its values densely (EntryIds are arrays). */
  private readonly interners: ByteInterner[];
  /** Interner entry of each slot's value on the current line; -1 when absent. */
  private readonly entries: Int32Array;
  private readonly raw: (string | undefined)[];
  private readonly kinds = new Map<InputKind, KindRows>();
  /** Slots some mapper reads; only these are made into strings. */
  private readonly usedSlots: number[];
  private readonly values: ProcessRowValues = new Array<string | null>(PROCESSES_STORE_FIELDS.length).fill(null);
  private readonly ids = new Int32Array(PROCESSES_STORE_FIELDS.length);
  /** 1 for the slots in KEPT_WHEN_NOT_EMPTY. */
  private readonly keptWhenNotEmpty: Uint8Array;

  constructor(private readonly builder: StoreBuilder) {
    const slotNames = this.scanner.slotNames;
    const slotOf = (name: string): number => slotNames.indexOf(name);
    this.raw = new Array<string | undefined>(slotNames.length).fill(undefined);
    this.interners = slotNames.map(() => new ByteInterner());
    this.entries = new Int32Array(slotNames.length).fill(-1);
    this.keptWhenNotEmpty = Uint8Array.from(slotNames, (_, slot) => (KEPT_WHEN_NOT_EMPTY.has(slot) ? 1 : 0));
    const used = new Set<number>();
    for (const kind of [SYSMON_PROCESS_CREATE, SECURITY_PROCESS_CREATE]) {
      const keySlot = new Int32Array(PROCESSES_STORE_FIELDS.length).fill(-1);
      for (const rule of kind.rules) {
        for (const name of rule.from) used.add(slotOf(name));
        if (rule.from.length > 0) keySlot[PROCESSES_STORE_FIELDS.indexOf(rule.field)] = slotOf(rule.from[0]!);
      }
      const entryIds = [...keySlot].map((slot, column) => (slot >= 0 ? new EntryIds(builder, column) : undefined));
      const requiredSlot = slotOf(REQUIRED_FIELD.get(kind)!);
      this.kinds.set(kind, { mapper: compileSlotMapper(kind, slotOf), requiredSlot, keySlot, entryIds });
    }
    used.delete(-1);
    this.usedSlots = [...used].sort((a, b) => a - b);
  }

  /** Interns the value of `slot` on the line scanned last; its text. */
  private text(bytes: Buffer, slot: number): string {
    const scan = this.scanner;
    const interner = this.interners[slot]!;
    const entry = interner.entry(bytes, scan.view, scan.start[slot]!, scan.end[slot]!);
    this.entries[slot] = entry;
    return interner.text(entry);
  }

  /** Reads one line into `ingest`; false, having changed nothing, to decline it. */
  read(bytes: Buffer, start: number, end: number, ingest: Ingest): boolean {
    const scan = this.scanner;
    if (!scan.scan(bytes, start, end)) return false;
    const idStart = scan.start[EVENT_ID]!;
    const idEnd = scan.end[EVENT_ID]!;
    if (idStart < 0 || idEnd === idStart) return false;
    for (let i = idStart; i < idEnd; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
    const eventId = this.text(bytes, EVENT_ID);
    const provider = scan.start[PROVIDER]! >= 0 ? this.text(bytes, PROVIDER) : undefined;
    const channel = scan.start[CHANNEL]! >= 0 && scan.end[CHANNEL]! > scan.start[CHANNEL]! ? this.text(bytes, CHANNEL) : undefined;
    const kind = windowsKindOf(provider, channel, eventId);
    if (!kind) {
      ingest.countOther(`${provider ?? channel ?? 'unknown'}/${eventId}`);
      return true;
    }
    const rows = this.kinds.get(kind)!;
    if (scan.start[SYSTEM_TIME]! < 0 || scan.start[rows.requiredSlot]! < 0) return false;
    const time = parseIsoTimeBytes(bytes, scan.start[SYSTEM_TIME]!, scan.end[SYSTEM_TIME]!);
    if (time === undefined) return false;
    const raw = this.raw;
    for (const slot of this.usedSlots) {
      const valueStart = scan.start[slot]!;
      if (valueStart < 0 || (scan.end[slot] === valueStart && this.keptWhenNotEmpty[slot] === 1)) {
        raw[slot] = undefined;
        this.entries[slot] = -1;
      } else {
        raw[slot] = this.text(bytes, slot);
      }
    }
    this.addRow(time, rows);
    ingest.countRow();
    return true;
  }

  private addRow(time: number, rows: KindRows): void {
    const values = this.values;
    rows.mapper(this.raw, values);
    for (let column = 0; column < values.length; column++) {
      const value = values[column];
      if (value === null || value === undefined) {
        this.ids[column] = NULL_ID;
        continue;
      }
      const slot = rows.keySlot[column]!;
      const entry = slot < 0 ? -1 : this.entries[slot]!;
      if (entry < 0) this.ids[column] = this.builder.idOf(column, value);
      else if (value === this.raw[slot]) this.ids[column] = rows.entryIds[column]!.idOfText(entry, value);
      else this.ids[column] = rows.entryIds[column]!.idOfDerived(entry, value);
    }
    this.builder.addIds(time, this.ids);
  }
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
  private readonly fast = new FastXmlPath(this.builder);

  constructor(private readonly strict: boolean) {}

  xmlLine(bytes: Buffer, start: number, end: number, line: number): boolean {
    return this.fast.read(bytes, start, end, this);
  }

  /** Counts a row the fast path added to the builder. */
  countRow(): void {
    this.records++;
    this.fileRecords++;
  }

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

  /** Adds what a file read elsewhere gave, as if it had been read here. */
  absorb(part: FilePart): void {
    this.builder.appendStore(part.time, part.columns);
    this.records += part.records;
    for (const [key, count] of part.otherEvents) this.otherEvents.set(key, (this.otherEvents.get(key) ?? 0) + count);
    for (const record of part.skipped) if (this.skipped.length < MAX_SKIPPED_DETAILS) this.skipped.push(record);
    this.skippedCount += part.skippedCount;
  }

  countOther(key: string): void {
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
      const evtx = this.ignoredFiles.filter((file) => /\.evtx$/i.test(file)).length;
      if (evtx > 0) text += `; ${plural(evtx, '.evtx file')} among them: convert to XML first (evtxexport -f xml FILE)`;
      return text;
    },
  };
}

/** Reads one file (or stdin for '-') into `ingest`; adds it to `emptyFiles` when it held no records. */
async function readFileInto(
  ingest: Ingest,
  file: DataFile,
  stdin: NodeJS.ReadableStream | undefined,
  onBytes: (n: number) => void,
  emptyFiles: string[],
): Promise<void> {
  ingest.file = file.path === '-' ? STDIN_NAME : file.path;
  ingest.fileRecords = 0;
  const input = file.path === '-' ? (stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: 1 << 20 });
  const assembler = new RecordAssembler(ingest);
  let notText: string | undefined;
  try {
    notText = await readLines(input as AsyncIterable<Buffer | string>, assembler, onBytes);
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

/** What one file gave, in a form a worker thread can post (see parallel.ts). */
export interface FilePart {
  time: Float64Array;
  columns: Map<string, DictionaryColumn>;
  records: number;
  otherEvents: Map<string, number>;
  skipped: SkippedRecord[];
  skippedCount: number;
  empty: boolean;
}

/** Reads one file on its own: the work a worker thread does. */
export async function readFilePart(path: string, size: number, strict: boolean, onBytes: (n: number) => void): Promise<FilePart> {
  const ingest = new Ingest(strict);
  const emptyFiles: string[] = [];
  await readFileInto(ingest, { path, size }, undefined, onBytes, emptyFiles);
  const store = ingest.builder.build();
  const columns = new Map<string, DictionaryColumn>();
  for (const field of store.fields) columns.set(field, store.column(field)!);
  return {
    time: store.time,
    columns,
    records: ingest.records,
    otherEvents: ingest.otherEvents,
    skipped: ingest.skipped,
    skippedCount: ingest.skippedCount,
    empty: emptyFiles.length > 0,
  };
}

/**
 * Reads process-creation events from files, folders (recursively) or '-' (stdin) into the
 * Endpoint.Processes store. Several files are read on worker threads when that pays (see
 * IngestOptions.threads); the rows come out in file order, then line order, either way.
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
  const onBytes = (n: number): void => {
    bytesRead += n;
    progress(false);
  };

  const threads = threadCount(options.threads, files);
  if (threads > 1) {
    const parts = readFilesInParallel(files, threads, options.strict ?? false, onBytes);
    for (const [index, part] of parts.entries()) {
      const result = await part;
      ingest.absorb(result);
      if (result.empty) emptyFiles.push(files[index]!.path);
    }
  } else {
    for (const file of files) await readFileInto(ingest, file, options.stdin, onBytes, emptyFiles);
  }
  progress(true);
  return { store: ingest.builder.build(), report: makeReport(ingest, files.length, ignoredFiles, emptyFiles) };
}

/** How many threads to read `files` on: 1 unless there are several files, worth it, and a compiled worker. */
function threadCount(requested: number | undefined, files: readonly DataFile[]): number {
  if (files.length < 2 || files.some((file) => file.path === '-') || !workerAvailable()) return 1;
  if (requested === undefined) return 1;
  return Math.max(1, Math.min(requested, files.length));
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return `corrupt gzip data: ${(error as Error).message}`;
  if (code === 'EISDIR') return 'is a directory';
  return `read error: ${(error as Error).message}`;
}
