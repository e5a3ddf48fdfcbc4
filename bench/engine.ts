/**
 * The benchmark's only door into spelunk: loading logs into the Endpoint.Processes store and
 * running searches over it. Kept in one module so the rest of the harness depends on these
 * few signatures only.
 */
import { createSession, loadEndpointProcesses } from '../src/index.js';
import { storeSize } from '../src/store/index.js';
import type { ColumnarStore, DictionaryColumn, IdArray } from '../src/store/index.js';
import type { Row } from '../src/core/values.js';

export type { ColumnarStore, DictionaryColumn, IdArray, Row };

export interface SearchEngine {
  run(search: string): { columns: string[]; rows: Row[] };
}

export async function ingest(paths: string[]): Promise<{ store: ColumnarStore; processRows: number; skipped: number }> {
  const { store, report } = await loadEndpointProcesses(paths);
  return { store, processRows: report.processRows, skipped: report.skippedCount };
}

/** A session over `store`, with UTC rendering so times compare with DuckDB's. */
export function openEngine(store: ColumnarStore): SearchEngine {
  return createSession({ store, tz: 'UTC' });
}

/** Bytes of the id and time columns, and of the distinct strings. */
export function measureStore(store: ColumnarStore): { columnBytes: number; dictionaryBytes: number } {
  return storeSize(store);
}
