/**
 * spelunk's library API. The command line is a thin layer over these functions.
 *
 *   const result = await run('| tstats count from datamodel=Endpoint.Processes by Processes.dest', { data: ['logs/'] });
 *   result.columns; result.rows;
 *
 *   const { datasets, report } = await loadData({ data: ['logs/'] });
 *   const session = createSession({ datasets });
 */
import { bundled } from './core/paths.js';
import type { DatasetKey } from './datamodel/models.js';
import {
  loadDatasets,
  loadEndpointProcesses,
  type DuplicateExample,
  type EventMetadata,
  type IngestOptions,
  type IngestProgress,
  type IngestReport,
  type RecordPlace,
  type SkippedEntry,
  type SkippedRecord,
} from './ingest/index.js';
import { createSession, Session, type SearchResult, type SessionOptions } from './session.js';
import type { ColumnarStore } from './store/types.js';
import type { EventStore } from './events/store.js';

/**
 * One input with the metadata its events are given (contentctl's replay declares `source` and
 * `sourcetype` per attack_data file); a field not given falls back to the call's own option.
 */
export interface DataInput {
  path: string;
  source?: string;
  sourcetype?: string;
  index?: string;
}

/** What to load: the logs, and how to read them. */
export interface DataOptions {
  /** Log files or folders (or inputs with their own metadata); default: the bundled sample data. `-` reads standard input. */
  data?: readonly (string | DataInput)[] | undefined;
  /** The `index` of every event (default `main`). */
  index?: string;
  /** The `source` of every event (default `XmlWinEventLog:<Channel>`), as `--source`. */
  source?: string;
  /** The `sourcetype` of every event (default `XmlWinEventLog`), as `--sourcetype`. */
  sourcetype?: string;
  /** Treat any skipped input record as an error. */
  strict?: boolean;
  /**
   * Index only the first copy of an event read twice (same channel, computer and
   * EventRecordID). By default both are indexed, as Splunk does; the report counts them.
   */
  dedupEvents?: boolean;
  onProgress?: IngestOptions['onProgress'];
  /** Worker threads to read several data files on (default 1). */
  threads?: number;
  stdin?: NodeJS.ReadableStream;
}

export interface RunOptions extends DataOptions, Omit<SessionOptions, 'store' | 'datasets' | 'events'> {}

export interface RunResult extends SearchResult {
  ingest: IngestReport;
}

/** A loaded data set: one columnar store per dataset the logs filled, by `Model.Dataset` name, and every event. */
export interface LoadedData {
  datasets: Map<DatasetKey, ColumnarStore>;
  events: EventStore;
  report: IngestReport;
}

/** Checks the search, loads the data, then runs the search over it. */
export async function run(search: string, options: RunOptions = {}): Promise<RunResult> {
  checkSearch(search, options);
  const { session, report } = await openSession(options);
  return { ...session.run(search), ingest: report };
}

/**
 * Finds the search's syntax, macro and unsupported-command errors without reading any data, so
 * a mistake is reported at once rather than after a long ingest.
 */
export function checkSearch(search: string, options: Omit<SessionOptions, 'store'> = {}): void {
  createSession({ ...options, datasets: new Map() }).check(search);
}

/** Reads the logs once, in one pass, into a store per dataset; a dataset no record fed is absent. */
export async function loadData(options: DataOptions = {}): Promise<LoadedData> {
  const inputs = options.data && options.data.length > 0 ? [...options.data] : [bundled.sampleData()];
  const paths = inputs.map((input) => (typeof input === 'string' ? input : input.path));
  const inputMetadata = new Map<string, EventMetadata>();
  for (const input of inputs) {
    if (typeof input !== 'string') inputMetadata.set(input.path, { source: input.source, sourcetype: input.sourcetype, index: input.index });
  }
  return loadDatasets(paths, {
    metadata: { index: options.index, source: options.source, sourcetype: options.sourcetype },
    ...(inputMetadata.size > 0 ? { inputMetadata } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.dedupEvents !== undefined ? { dedupEvents: options.dedupEvents } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
}

/** Loads the data once; the session then runs any number of searches over it. */
export async function openSession(options: RunOptions = {}): Promise<{ session: Session; report: IngestReport }> {
  const { datasets, events, report } = await loadData(options);
  return { session: createSession({ ...options, datasets, events }), report };
}

export { createSession, Session };
export type { SearchResult, SessionOptions, DatasetKey };
export type { IngestReport, IngestOptions, IngestProgress, SkippedRecord, RecordPlace, SkippedEntry, DuplicateExample };
export type { ResultTable, Row, Value, Scalar } from './core/values.js';
export { SpelunkError } from './core/errors.js';
export type { ColumnarStore } from './store/types.js';
export { EventStore } from './events/store.js';
export type { EventInput } from './events/store.js';
export { loadEndpointProcesses };
export { formatResults, type OutputFormat } from './format/index.js';
export { loadDetection, parseDetection } from './detections/detection.js';
export type { Detection, DetectionTest, AttackDataEntry, Observable } from './detections/detection.js';
