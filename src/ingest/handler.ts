/**
 * Records -> events -> rows: the general path. Each record is read into raw fields by the reader
 * of its framing (xml.ts, json.ts, classic.ts), its kind is found (kinds.ts), and each mapping
 * table it feeds adds a row to that table's dataset. A record is used whole or skipped whole:
 * when one of its tables lacks the time or a required field, no table gets a row.
 */
import type { MappingTable } from '../datamodel/mapping-table.js';
import { compileMapper, type RowMapper, type RowValues } from '../datamodel/mapper.js';
import { MAPPING_TABLES } from '../datamodel/mappings/index.js';
import { datasetByKey, storeFieldsOf } from '../datamodel/models.js';
import type { StoreBuilder } from '../store/builder.js';
import { DatasetBuilders } from './builders.js';
import { readClassicEvent } from './classic.js';
import { FastXmlRows } from './fast-rows.js';
import { readJsonEvent } from './json.js';
import { EventKinds, windowsDataNames } from './kinds.js';
import { fromByteString, toByteString } from './lines.js';
import type { RecordHandler } from './records.js';
import { RecordCounts, type RecordPlace } from './report.js';
import type { RecordSink } from './sources.js';
import { TIME_PARSERS } from './time.js';
import { scanXmlEvent } from './xml.js';

/** A mapping table ready to make rows: its compiled mapper, its dataset's builder, a row to fill. */
interface TableTarget {
  table: MappingTable;
  mapper: RowMapper;
  builder: StoreBuilder;
  values: RowValues;
}

/** A line number, or the place of a record that has none. */
type Where = number | RecordPlace;

export class IngestHandler implements RecordHandler, RecordSink {
  readonly counts: RecordCounts;
  readonly builders = new DatasetBuilders();
  private readonly fields = new Map<string, string>();
  private readonly kinds: EventKinds<TableTarget>;
  /** EventData names some Windows-schema table reads; the XML scanner keeps only these. */
  private readonly wantedData: ReadonlySet<string>;
  private readonly fast: FastXmlRows;
  /** Each target's time, while a record is checked before its rows are added. */
  private readonly times: number[] = [];

  constructor(strict: boolean, tables: readonly MappingTable[] = MAPPING_TABLES) {
    this.counts = new RecordCounts(strict);
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

  xmlLine(bytes: Buffer, start: number, end: number): boolean {
    return this.fast.read(bytes, start, end, this.counts);
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
    if (shape === 'windows') return this.windowsEvent(this.kinds.windows(this.fields.get('Provider'), this.fields.get('Channel'), this.fields.get('EventID')), line);
    const name = this.fields.get('event_simpleName')!;
    const targets = this.kinds.crowdstrike(name);
    if (targets.length === 0) return this.counts.other(`crowdstrike/${name}`);
    this.addRows(targets, line);
  }

  classic(lines: readonly string[], line: number): void {
    const problem = readClassicEvent(lines.map(fromByteString), this.fields);
    if (problem) return this.counts.skip(line, problem);
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
    const problem = scanXmlEvent(text, this.fields, this.wantedData);
    if (problem) return this.counts.skip(where, problem);
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
