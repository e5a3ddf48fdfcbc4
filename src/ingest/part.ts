/** What reading one file gives, in a form a worker thread can post (parallel.ts, worker.ts). */
import type { DatasetKey } from '../datamodel/models.js';
import type { DictionaryColumn } from '../store/types.js';
import type { FileIdentities } from './duplicates.js';
import type { SkippedRecord } from './report.js';

/** The rows one file gave one dataset, as columns. */
export interface DatasetPart {
  dataset: DatasetKey;
  time: Float64Array;
  columns: Map<string, DictionaryColumn>;
}

export interface FilePart {
  /** One part per dataset the file gave rows to. */
  datasets: DatasetPart[];
  records: number;
  otherEvents: Map<string, number>;
  skipped: SkippedRecord[];
  skippedCount: number;
  empty: boolean;
  /** The file's event identities in record order, so duplicates are counted as on one thread. */
  identities: FileIdentities;
}
