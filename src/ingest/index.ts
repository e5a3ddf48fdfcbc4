/**
 * Logs -> records -> events -> one columnar store per dataset. Every record becomes rows of the
 * datasets its mapping tables fill, is counted as another event kind (by provider or channel and
 * EventID), or is skipped with its file, place and reason: nothing is dropped silently.
 *
 * By job: files.ts lists the files; read-file.ts reads one (sources.ts for binary framings, else
 * lines.ts and records.ts for text, with gzip.ts and encoding.ts below lines.ts); handler.ts
 * turns records into rows (xml.ts, json.ts, classic.ts read the fields, kinds.ts finds the
 * tables), with fast-rows.ts as the byte fast path for one-line XML; duplicates.ts counts events
 * read twice; report.ts (and place.ts) counts; load.ts orchestrates, with parallel.ts and
 * worker.ts for threads.
 */
export { loadDatasets, loadEndpointProcesses, type EventMetadata, type IngestOptions, type IngestProgress, type LoadedDatasets } from './load.js';
export { type IngestReport, type RecordPlace, type SkippedRecord } from './report.js';
export { type SkippedEntry } from './files.js';
export { type DuplicateExample } from './duplicates.js';
