/**
 * Records -> events -> rows: the general path. Each record is read into raw fields by the reader
 * of its framing (xml.ts, json.ts, classic.ts), its kind is found (kinds.ts), and each mapping
 * table it feeds adds a row to that table's dataset. A record is used whole or skipped whole:
 * when one of its tables lacks the time or a required field, no table gets a row.
 *
 * Once its fields are read, and before its kind is looked at, a Windows event is checked for a
 * copy read earlier (duplicates.ts): counted, and with dedupEvents not indexed. Records of a
 * source with its own framing (sources.ts: EVTX) go through the same steps as XML text.
 */
import type { MappingTable } from '../datamodel/mapping-table.js';
import { compileMapper, type RowMapper, type RowValues } from '../datamodel/mapper.js';
import { MAPPING_TABLES } from '../datamodel/mappings/index.js';
import { datasetByKey, storeFieldsOf } from '../datamodel/models.js';
import type { StoreBuilder } from '../store/builder.js';
import { EventStoreBuilder } from '../events/builder.js';
import type { EventInput } from '../events/store.js';
import { DatasetBuilders } from './builders.js';
import { readClassicEvent } from './classic.js';
import { EventIdentities } from './duplicates.js';
import { FastXmlRows } from './fast-rows.js';
import { CHANNEL, COMPUTER, EVENT_RECORD_ID } from './fast-xml.js';
import { readJsonEvent } from './json.js';
import { EventKinds, windowsDataNames } from './kinds.js';
import { fromByteString, toByteString } from './lines.js';
import type { RecordHandler } from './records.js';
import type { Where } from './place.js';
import { RecordCounts, type RecordPlace } from './report.js';
import type { RecordSink } from './sources.js';
import { parseIsoTimeBytes, TIME_PARSERS } from './time.js';
import { scanXmlEvent } from './xml.js';

/** A mapping table ready to make rows: its compiled mapper, its dataset's builder, a row to fill. */
interface TableTarget {
  table: MappingTable;
  mapper: RowMapper;
  builder: StoreBuilder;
  values: RowValues;
}

export class IngestHandler implements RecordHandler, RecordSink {
  readonly counts: RecordCounts;
  readonly builders = new DatasetBuilders();
  /** Every record read, as an event (src/events), for searches that start with `search`. */
  readonly events: EventStoreBuilder | undefined;
  /** The metadata overrides of a file's events (`--source`, `--sourcetype`, `--index`). */
  inputOf: (name: string) => EventInput = (name) => ({ name });
  private readonly fields = new Map<string, string>();
  private readonly kinds: EventKinds<TableTarget>;
  /** EventData names some Windows-schema table reads; the XML scanner keeps only these. */
  private readonly wantedData: ReadonlySet<string>;
  private readonly fast: FastXmlRows;
  /** Each target's time, while a record is checked before its rows are added. */
  private readonly times: number[] = [];
  /** Every event identity met, for the duplicates count. */
  readonly identities: EventIdentities;
  /**
   * Set when the fast path checked a line's identity and then left the line to the general
   * path: the general path must not count the same record as its own duplicate.
   */
  private identityTaken = false;

  /**
   * `dedupEvents`: a copy of an earlier event is not indexed (counted as a dropped duplicate).
   * `onWorker`: identities are only logged, for the main thread to count (parallel.ts).
   */
  constructor(
    strict: boolean,
    tables: readonly MappingTable[] = MAPPING_TABLES,
    private readonly dedupEvents = false,
    onWorker = false,
    keepEvents = !onWorker,
  ) {
    this.events = keepEvents ? new EventStoreBuilder(readEventTime) : undefined;
    this.counts = new RecordCounts(strict);
    this.identities = new EventIdentities(onWorker);
    this.wantedData = new Set(windowsDataNames(tables));
    this.kinds = new EventKinds(tables, (table) => this.targetOf(table));
    this.fast = new FastXmlRows(tables, this.builders);
  }

  private targetOf(table: MappingTable): TableTarget {
    const entry = datasetByKey(table.dataset);
    if (!entry) throw new Error(`mapping table ${table.name} names unknown dataset '${table.dataset}'`);
    const fields = storeFieldsOf(entry.dataset);
    return {
      table,
      mapper: compileMapper(table, fields, entry.dataset.calculations),
      builder: this.builders.builderFor(table.dataset),
      values: new Array<string | null>(fields.length).fill(null),
    };
  }

  /** Starts the counts of file `name`. */
  startFile(name: string): void {
    this.events?.startInput(this.inputOf(name));
    this.counts.startFile(name);
    this.identities.startFile(name);
  }

  xmlLine(bytes: Buffer, start: number, end: number, line: number): boolean {
    if (!this.dedupEvents) {
      // Counting duplicates reads the slots the scan left: no second scan.
      if (!this.fast.read(bytes, start, end, this.counts)) return false;
      this.duplicateOnLine(bytes, line);
      this.events?.addXml(bytes, start, end);
      return true;
    }
    // A copy must be known before rows are added: scan, check, then read (which scans again).
    if (!this.fast.scanner.scan(bytes, start, end)) return false;
    if (this.duplicateOnLine(bytes, line)) {
      this.counts.dropDuplicate();
      return true;
    }
    if (this.fast.read(bytes, start, end, this.counts)) {
      this.events?.addXml(bytes, start, end);
      return true;
    }
    this.identityTaken = true;
    return false;
  }

  /** Whether the line the fast scanner read last is a copy of an earlier event (counted). */
  private duplicateOnLine(bytes: Buffer, line: number): boolean {
    const { start, end, view } = this.fast.scanner;
    return this.identities.isDuplicateBytes(
      bytes,
      view,
      start[CHANNEL]!,
      end[CHANNEL]!,
      start[COMPUTER]!,
      end[COMPUTER]!,
      start[EVENT_RECORD_ID]!,
      end[EVENT_RECORD_ID]!,
      line,
    );
  }

  /**
   * Whether the event just read into `fields` is a copy of an earlier one that is not to be
   * indexed (--dedup-events); a copy is counted either way.
   */
  private droppedAsDuplicate(where: Where): boolean {
    const duplicate = this.identities.isDuplicate(this.fields.get('Channel'), this.fields.get('Computer'), this.fields.get('EventRecordID'), where);
    if (!duplicate || !this.dedupEvents) return false;
    this.counts.dropDuplicate();
    return true;
  }

  skip(line: number, reason: string): void {
    this.counts.skip(line, reason);
  }

  xml(text: string, line: number): void {
    this.xmlEvent(text, line);
  }

  json(text: string, line: number): void {
    const shape = readJsonEvent(fromByteString(text), this.fields);
    if (typeof shape !== 'string') return this.counts.skip(line, shape.error);
    if (shape === 'windows' && this.droppedAsDuplicate(line)) return;
    if (shape === 'windows') return this.windowsEvent(this.kinds.windows(this.fields.get('Provider'), this.fields.get('Channel'), this.fields.get('EventID')), line);
    const name = this.fields.get('event_simpleName')!;
    const targets = this.kinds.crowdstrike(name);
    if (targets.length === 0) return this.counts.other(`crowdstrike/${name}`);
    this.addRows(targets, line);
  }

  classic(lines: readonly string[], line: number): void {
    const problem = readClassicEvent(lines.map(fromByteString), this.fields);
    if (problem) return this.counts.skip(line, problem);
    if (this.droppedAsDuplicate(line)) return;
    this.windowsEvent(this.kinds.classic(this.fields.get('Channel'), this.fields.get('EventID')), line);
  }

  /** A record of a source with its own framing (sources.ts): its rendered XML event. */
  event(xml: string, place: RecordPlace): void {
    this.xmlEvent(toByteString(xml), place);
  }

  /** A record of a source with its own framing that could not be read. */
  fault(reason: string, place: RecordPlace): void {
    this.counts.skip(place, reason);
  }

  private xmlEvent(text: string, where: Where): void {
    const taken = this.identityTaken;
    this.identityTaken = false;
    const problem = scanXmlEvent(text, this.fields, this.wantedData);
    if (problem) return this.counts.skip(where, problem);
    if (!taken && this.droppedAsDuplicate(where)) return;
    this.events?.addXmlText(text);
    this.windowsEvent(this.kinds.windows(this.fields.get('Provider'), this.fields.get('Channel'), this.fields.get('EventID')), where);
  }

  private windowsEvent(targets: readonly TableTarget[], where: Where): void {
    if (targets.length === 0) {
      const origin = this.fields.get('Provider') ?? this.fields.get('Channel') ?? 'unknown';
      return this.counts.other(`${origin}/${this.fields.get('EventID') ?? '?'}`);
    }
    this.addRows(targets, where);
  }

  /** The event's time for `table`, or the reason it has none. */
  private timeFor(table: MappingTable): number | string {
    const spec = table.time;
    const text = this.fields.get(spec.field);
    const time = text === undefined ? undefined : TIME_PARSERS[spec.format](text);
    if (time !== undefined) return time;
    if (spec.problem !== undefined) return spec.problem.replace(/\{(\w+)\}/g, (_, name: string) => this.fields.get(name) ?? '');
    const shownAs = spec.shownAs ?? spec.field;
    const what = text === undefined ? 'missing required field' : 'invalid';
    return `${table.description}: ${what} ${shownAs}${text ? ` '${text}'` : ''}`;
  }

  private addRows(targets: readonly TableTarget[], where: Where): void {
    for (let i = 0; i < targets.length; i++) {
      const table = targets[i]!.table;
      const time = this.timeFor(table);
      if (typeof time === 'string') return this.counts.skip(where, time);
      const missing = table.required.find((field) => !this.fields.has(field));
      if (missing !== undefined) return this.counts.skip(where, `${table.description}: missing required field ${missing}`);
      this.times[i] = time;
    }
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      target.mapper(this.fields, target.values);
      target.builder.addRow(this.times[i]!, target.values);
    }
    this.counts.used();
  }
}

/** An event's TimeCreated/@SystemTime: the fast ISO reader, else the general one. */
function readEventTime(bytes: Buffer, start: number, end: number): number | undefined {
  return parseIsoTimeBytes(bytes, start, end) ?? TIME_PARSERS.iso8601(bytes.toString('utf8', start, end));
}
