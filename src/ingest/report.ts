/**
 * What an ingest tells the user: every record counted as a row of some dataset, as another event
 * kind, or as skipped with its place and reason; and the one-line summary the CLI prints.
 */
import { SpelunkError } from '../core/errors.js';
import { ALL_DATASETS, ENDPOINT_PROCESSES, type DatasetKey } from '../datamodel/models.js';
import type { DuplicateExample } from './duplicates.js';
import type { SkippedEntry } from './files.js';
import { placeText, type RecordPlace } from './place.js';

export type { RecordPlace };

export interface SkippedRecord extends RecordPlace {
  file: string;
  reason: string;
}

export interface IngestReport {
  files: number;
  records: number;
  /** Rows of Endpoint.Processes (also in `datasetRows`). */
  processRows: number;
  /** Rows per dataset, for the datasets that got any, in data model order. */
  datasetRows: ReadonlyMap<DatasetKey, number>;
  /** Key "<provider or channel>/<EventID or event_simpleName>". */
  otherEvents: Map<string, number>;
  /** The first MAX_SKIPPED_DETAILS skipped records; `skippedCount` counts them all. */
  skipped: SkippedRecord[];
  skippedCount: number;
  /** Files found while walking folders that were not read (not a log file extension). */
  ignoredFiles: string[];
  /** Files that held no records at all. */
  emptyFiles: string[];
  /** Folder entries not read, with why: not a regular file, a broken symbolic link, a loop, an unreadable folder. */
  skippedEntries: SkippedEntry[];
  /**
   * Records that are a copy of an earlier one (same channel, computer and EventRecordID).
   * Indexed again, as Splunk does, unless --dedup-events dropped them (`duplicatesDropped`).
   */
  duplicates: number;
  /** Duplicates not indexed (--dedup-events): counted in `records`, not as rows, other events or skipped. */
  duplicatesDropped: number;
  /** Where the first duplicate found and its earlier copy were read. */
  duplicateExample: DuplicateExample | undefined;
  /** Records kept as events, for searches that start with `search` (src/events). */
  events: number;
  /** Records read (and counted above) that could not be kept as events, by reason. */
  eventsNotKept: ReadonlyMap<string, number>;
  summary(): string;
}

const MAX_SKIPPED_DETAILS = 1000;

/** The counts of one ingest (or of one file, on a worker thread), record by record. */
export class RecordCounts {
  records = 0;
  /** Records of the file being read. */
  fileRecords = 0;
  /** The file being read, as reports name it. */
  file = '';
  readonly otherEvents = new Map<string, number>();
  readonly skipped: SkippedRecord[] = [];
  skippedCount = 0;
  /** Duplicate records not indexed (--dedup-events). */
  duplicatesDropped = 0;

  constructor(private readonly strict: boolean) {}

  startFile(name: string): void {
    this.file = name;
    this.fileRecords = 0;
  }

  /** A record that became rows. */
  used(): void {
    this.records++;
    this.fileRecords++;
  }

  /** A record of an event kind no mapping table reads. */
  other(key: string): void {
    this.records++;
    this.fileRecords++;
    this.otherEvents.set(key, (this.otherEvents.get(key) ?? 0) + 1);
  }

  /** A copy of an earlier record, not indexed (--dedup-events). */
  dropDuplicate(): void {
    this.records++;
    this.fileRecords++;
    this.duplicatesDropped++;
  }

  /** A record that could not be used; an error with `strict`. `where` is a line number or a place. */
  skip(where: number | RecordPlace, reason: string): void {
    this.records++;
    this.fileRecords++;
    this.skippedCount++;
    const place = typeof where === 'number' ? { line: where } : where;
    if (this.strict) throw new SpelunkError('input', `${placeText(this.file, place)}: ${reason}`);
    if (this.skipped.length < MAX_SKIPPED_DETAILS) this.skipped.push({ file: this.file, ...place, reason });
  }

  /** Adds the counts of a file read elsewhere, as if it had been read here. */
  absorb(part: { records: number; otherEvents: ReadonlyMap<string, number>; skipped: readonly SkippedRecord[]; skippedCount: number }): void {
    this.records += part.records;
    for (const [key, count] of part.otherEvents) this.otherEvents.set(key, (this.otherEvents.get(key) ?? 0) + count);
    for (const record of part.skipped) if (this.skipped.length < MAX_SKIPPED_DETAILS) this.skipped.push(record);
    this.skippedCount += part.skippedCount;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What the summary says of duplicates. */
function duplicatesText(duplicates: number, dropped: number, example: DuplicateExample | undefined): string {
  const where = example ? `, e.g. ${example.first} and ${example.second}` : '';
  if (dropped > 0) return `; ${plural(dropped, 'duplicate event')} dropped (--dedup-events: same channel, computer and EventRecordID as an earlier record${where})`;
  return `; ${plural(duplicates, 'duplicate event')} (same channel, computer and EventRecordID as an earlier record${where}): indexed again, as Splunk does; --dedup-events keeps the first`;
}

export function makeReport(
  counts: RecordCounts,
  datasetRows: ReadonlyMap<DatasetKey, number>,
  files: number,
  ignoredFiles: string[],
  emptyFiles: string[],
  extra: {
    skippedEntries?: SkippedEntry[];
    duplicates?: number;
    duplicateExample?: DuplicateExample | undefined;
    events?: number;
    eventsNotKept?: ReadonlyMap<string, number>;
  } = {},
): IngestReport {
  const eventsNotKept = extra.eventsNotKept ?? new Map<string, number>();
  const notKept = [...eventsNotKept.values()].reduce((a, b) => a + b, 0);
  const processRows = datasetRows.get(ENDPOINT_PROCESSES) ?? 0;
  return {
    files,
    records: counts.records,
    processRows,
    datasetRows,
    otherEvents: counts.otherEvents,
    skipped: counts.skipped,
    skippedCount: counts.skippedCount,
    ignoredFiles,
    emptyFiles,
    skippedEntries: extra.skippedEntries ?? [],
    duplicates: extra.duplicates ?? 0,
    duplicatesDropped: counts.duplicatesDropped,
    duplicateExample: extra.duplicateExample,
    events: extra.events ?? 0,
    eventsNotKept,
    summary(): string {
      const otherTotal = [...this.otherEvents.values()].reduce((a, b) => a + b, 0);
      const top = [...this.otherEvents.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const shown = top.slice(0, 3).map(([key, count]) => `${key}: ${count}`);
      if (top.length > 3) shown.push('...');
      const datasets = ALL_DATASETS.filter(({ key }) => key !== ENDPOINT_PROCESSES && (this.datasetRows.get(key) ?? 0) > 0).map(
        ({ key }) => `${this.datasetRows.get(key)} ${key} events, `,
      );
      let text = `read ${plural(files, 'file')}, ${plural(this.records, 'record')}: ${processRows} process events, ${datasets.join('')}${otherTotal} other events`;
      if (shown.length > 0) text += ` (${shown.join(', ')})`;
      text += `, ${this.skippedCount} skipped`;
      const first = this.skipped[0];
      if (first) text += ` (first: ${placeText(first.file, first)}: ${first.reason})`;
      if (this.duplicates > 0) text += duplicatesText(this.duplicates, this.duplicatesDropped, this.duplicateExample);
      if (this.emptyFiles.length > 0) text += `; ${plural(this.emptyFiles.length, 'empty file')}`;
      if (notKept > 0) text += `; ${plural(notKept, 'record')} used but not kept as searchable events (first: ${[...eventsNotKept.keys()][0]})`;
      const entry = this.skippedEntries[0];
      if (entry) text += `; ${this.skippedEntries.length} folder ${this.skippedEntries.length === 1 ? 'entry' : 'entries'} not read (first: ${entry.path}: ${entry.reason})`;
      if (this.ignoredFiles.length > 0) text += `; ${plural(this.ignoredFiles.length, 'file')} ignored (not a log file extension)`;
      const evtx = this.ignoredFiles.filter((file) => /\.evtx$/i.test(file)).length;
      if (evtx > 0) text += `; ${plural(evtx, '.evtx file')} among them: convert to XML first (evtxexport -f xml FILE)`;
      return text;
    },
  };
}
