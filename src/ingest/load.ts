/**
 * Orchestration: the files to read, on this thread or on workers, into one store per dataset,
 * with progress and the report. Rows come out in file order, then record order, either way.
 */
import { emptyStore, ENDPOINT_PROCESSES, type DatasetKey } from '../datamodel/models.js';
import { EventStoreBuilder } from '../events/builder.js';
import type { EventInput, EventStore } from '../events/store.js';
import type { ColumnarStore } from '../store/types.js';
import { listFiles, type DataFile, type SkippedEntry } from './files.js';
import { IngestHandler } from './handler.js';
import { readFilesInParallel, workerAvailable } from './parallel.js';
import { readFileInto } from './read-file.js';
import { makeReport, type IngestReport } from './report.js';

export interface IngestProgress {
  bytesRead: number;
  totalBytes: number;
  events: number;
}

export interface IngestOptions {
  /** Any skipped record is an error. */
  strict?: boolean;
  /**
   * Index only the first copy of an event read more than once (same channel, computer and
   * EventRecordID); by default every copy is indexed, as Splunk does, and the copies counted.
   * Reads on this thread (a copy must be known before its rows are added).
   */
  dedupEvents?: boolean;
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
  /**
   * Keep every record as an event, for searches that start with `search` (default true). With
   * false only the data model datasets are built, and several files may be read on workers.
   */
  events?: boolean;
  /** Metadata of the events of every input (`--index`, `--source`, `--sourcetype`). */
  metadata?: EventMetadata;
  /** Metadata of the events of one input path (a file, or every file under a folder), over `metadata`. */
  inputMetadata?: ReadonlyMap<string, EventMetadata>;
}

/** What an input's events are said to be: Splunk's metadata fields, as contentctl's replay declares them. */
export interface EventMetadata {
  index?: string | undefined;
  source?: string | undefined;
  sourcetype?: string | undefined;
  host?: string | undefined;
}

/** One store per dataset the input filled (a dataset no record fed is absent), and the report. */
export interface LoadedDatasets {
  datasets: Map<DatasetKey, ColumnarStore>;
  /** Every record read, as an event. */
  events: EventStore;
  report: IngestReport;
}

/**
 * Reads events from files, folders (recursively) or '-' (stdin), in one pass, into a store per
 * dataset. Several files are read on worker threads when asked (IngestOptions.threads).
 */
export async function loadDatasets(paths: readonly string[], options: IngestOptions = {}): Promise<LoadedDatasets> {
  const ignoredFiles: string[] = [];
  const emptyFiles: string[] = [];
  const skippedEntries: SkippedEntry[] = [];
  const files = await listFiles(paths, ignoredFiles, skippedEntries);
  const dedupEvents = options.dedupEvents ?? false;
  const keepEvents = options.events ?? true;
  const handler = new IngestHandler(options.strict ?? false, undefined, dedupEvents, false, keepEvents);
  handler.inputOf = (name) => inputOf(name, options);
  const counts = handler.counts;
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytesRead = 0;
  let lastProgress = 0;
  const progress = (force: boolean): void => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < 100) return;
    lastProgress = now;
    options.onProgress({ bytesRead, totalBytes, events: counts.records });
  };
  const onBytes = (n: number): void => {
    bytesRead += n;
    progress(false);
  };

  // Events are kept on this thread only: the workers' parts carry dataset rows.
  const threads = dedupEvents || keepEvents ? 1 : threadCount(options.threads, files);
  if (threads > 1) {
    const parts = readFilesInParallel(files, threads, options.strict ?? false, onBytes);
    for (const [index, part] of parts.entries()) {
      const result = await part;
      handler.builders.append(result.datasets);
      counts.absorb(result);
      handler.identities.replay(files[index]!.path, result.identities);
      if (result.empty) emptyFiles.push(files[index]!.path);
    }
  } else {
    for (const file of files) await readFileInto(handler, file, options.stdin, onBytes, emptyFiles);
  }
  progress(true);
  const datasetRows = handler.builders.rowCounts();
  const identities = handler.identities;
  const report = makeReport(counts, datasetRows, files.length, ignoredFiles, emptyFiles, {
    skippedEntries,
    duplicates: identities.duplicates,
    duplicateExample: identities.example,
    events: handler.events?.size ?? 0,
    eventsNotKept: handler.events?.rejected ?? new Map(),
  });
  return { datasets: handler.builders.build(), events: (handler.events ?? new EventStoreBuilder()).build(), report };
}

/** The metadata of the events of file `name`: the longest input path holding it, over the options' own. */
function inputOf(name: string, options: IngestOptions): EventInput {
  let best: { path: string; metadata: EventMetadata } | undefined;
  for (const [path, metadata] of options.inputMetadata ?? []) {
    const holds = name === path || name.startsWith(path.endsWith('/') ? path : `${path}/`);
    if (holds && (!best || path.length > best.path.length)) best = { path, metadata };
  }
  const pick = (key: keyof EventMetadata): string | undefined => best?.metadata[key] ?? options.metadata?.[key];
  return { name, index: pick('index'), source: pick('source'), sourcetype: pick('sourcetype'), host: pick('host') };
}

/** loadDatasets for the Endpoint.Processes store alone (empty when no input fed it). */
export async function loadEndpointProcesses(
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<{ store: ColumnarStore; report: IngestReport }> {
  const { datasets, report } = await loadDatasets(paths, options);
  return { store: datasets.get(ENDPOINT_PROCESSES) ?? emptyStore(), report };
}

/** How many threads to read `files` on: 1 unless there are several files, worth it, and a compiled worker. */
function threadCount(requested: number | undefined, files: readonly DataFile[]): number {
  if (files.length < 2 || files.some((file) => file.path === '-') || !workerAvailable()) return 1;
  if (requested === undefined) return 1;
  return Math.max(1, Math.min(requested, files.length));
}
