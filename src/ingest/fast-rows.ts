/**
 * The fast byte path, the ingest's hot loop: a one-line XmlWinEventLog event (fast-xml.ts) from its
 * bytes straight to store rows of ids, with the same outcome as the general path (handler.ts).
 * It declines (returns false, having changed nothing) every event it would not handle
 * identically: unusual layout, EventID not plain digits, a time not in the usual ISO form, a
 * missing required field; the general path then reads the line.
 */
import type { MappingTable } from '../datamodel/mapping-table.js';
import { compileSlotMapper, type RowValues, type SlotMapper } from '../datamodel/mapper.js';
import { datasetByKey, storeFieldsOf } from '../datamodel/models.js';
import { NULL_ID } from '../store/types.js';
import type { DatasetBuilders, DatasetStoreBuilder } from './builders.js';
import { ABSENT, CHANNEL, COMPUTER, EVENT_ID, KEYWORDS, PROVIDER, SYSTEM_TIME, WinEventLineScanner } from './fast-xml.js';
import { ByteInterner } from './interner.js';
import { EventKinds, windowsDataNames } from './kinds.js';
import type { RecordCounts } from './report.js';
import { parseIsoTimeBytes } from './time.js';

/** Raw values of the System elements that are kept only when not empty (setElement in xml.ts). */
const KEPT_WHEN_NOT_EMPTY = new Set([CHANNEL, COMPUTER, KEYWORDS]);

/** `entries[slot]` when the line has no value for the slot. */
const NO_ENTRY = -1;
/** `keySlot[column]` of a column no single raw slot decides (constants, calculated fields). */
const NO_KEY_SLOT = -1;

/** An Int32Array that holds index `index`, grown by doubling; new room is 0. */
function withRoom(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < array.length) return array;
  const grown = new Int32Array(Math.max(index + 1, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Column ids by interner entry, for one column of one mapping table, so that a repeated value
 * skips the store dictionary's Map (its lookups were a fifth of the ingest time). Most columns
 * are an alias of one raw slot: the row's value is then that entry's own text, whose id only
 * needs `textIds[entry]`. Other columns derive their value from the slot (process_name from
 * Image), so the cached value is checked against the row's value before its id is reused.
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
    private readonly builder: DatasetStoreBuilder,
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

/** How the fast path turns one mapping table's slots into a row of ids of its dataset. */
interface TableRows {
  builder: DatasetStoreBuilder;
  mapper: SlotMapper;
  /** The slots the table's rules read, ascending: only these are made into strings for its events. */
  slots: readonly number[];
  /** False for a table whose time is not the ISO TimeCreated/@SystemTime: its events go to the general path. */
  timeFromSystemTime: boolean;
  requiredSlots: readonly number[];
  /** Per column: the slot its value is derived from, or NO_KEY_SLOT. */
  keySlot: Int32Array;
  /** Per column with a key slot: its ids by that slot's entries. */
  entryIds: (EntryIds | undefined)[];
  values: RowValues;
  ids: Int32Array;
}

export class FastXmlRows {
  readonly scanner: WinEventLineScanner;
  /** One interner per slot, so each slot numbers its values densely (EntryIds are arrays). */
  private readonly interners: ByteInterner[];
  /** Interner entry of each slot's value on the current line; NO_ENTRY when absent. */
  private readonly entries: Int32Array;
  private readonly raw: (string | undefined)[];
  private readonly kinds: EventKinds<TableRows>;
  /** 1 for the slots in KEPT_WHEN_NOT_EMPTY. */
  private readonly keptWhenNotEmpty: Uint8Array;
  /** Per slot, the number of the line whose value it holds, so that an event of several tables reads a slot once. */
  private readonly slotLine: Float64Array;
  private line = 0;

  constructor(tables: readonly MappingTable[], builders: DatasetBuilders) {
    const windowsTables = tables.filter((table) => table.match.shape === 'windows');
    this.scanner = new WinEventLineScanner(windowsDataNames(windowsTables));
    const slotNames = this.scanner.slotNames;
    const slotOf = (name: string): number => slotNames.indexOf(name);
    this.raw = new Array<string | undefined>(slotNames.length).fill(undefined);
    this.interners = slotNames.map(() => new ByteInterner());
    this.entries = new Int32Array(slotNames.length).fill(NO_ENTRY);
    this.keptWhenNotEmpty = Uint8Array.from(slotNames, (_, slot) => (KEPT_WHEN_NOT_EMPTY.has(slot) ? 1 : 0));
    this.slotLine = new Float64Array(slotNames.length).fill(-1);
    this.kinds = new EventKinds(windowsTables, (table): TableRows => {
      const dataset = datasetByKey(table.dataset);
      if (!dataset) throw new Error(`mapping table ${table.name} names unknown dataset '${table.dataset}'`);
      const fields = storeFieldsOf(dataset.dataset);
      const builder = builders.builderFor(table.dataset);
      const keySlot = new Int32Array(fields.length).fill(NO_KEY_SLOT);
      const used = new Set<number>();
      for (const rule of table.rules) {
        for (const name of rule.from) used.add(slotOf(name));
        if (rule.from.length > 0) keySlot[fields.indexOf(rule.field)] = slotOf(rule.from[0]!);
      }
      used.delete(-1);
      return {
        builder,
        slots: [...used].sort((a, b) => a - b),
        mapper: compileSlotMapper(table, fields, dataset.dataset.calculations, slotOf),
        timeFromSystemTime: table.time.field === 'SystemTime' && table.time.format === 'iso8601',
        requiredSlots: table.required.map(slotOf),
        keySlot,
        entryIds: [...keySlot].map((slot, column) => (slot === NO_KEY_SLOT ? undefined : new EntryIds(builder, column))),
        values: new Array<string | null>(fields.length).fill(null),
        ids: new Int32Array(fields.length),
      };
    });
  }

  /** Interns the value of `slot` on the line scanned last; its text. */
  private text(bytes: Buffer, slot: number): string {
    const scan = this.scanner;
    const interner = this.interners[slot]!;
    const entry = interner.entry(bytes, scan.view, scan.start[slot]!, scan.end[slot]!);
    this.entries[slot] = entry;
    return interner.text(entry);
  }

  /** Whether every table can take the line scanned last here. */
  private canTake(tables: readonly TableRows[]): boolean {
    const start = this.scanner.start;
    for (const rows of tables) {
      if (!rows.timeFromSystemTime) return false;
      for (const slot of rows.requiredSlots) if (slot < 0 || start[slot]! === ABSENT) return false;
    }
    return true;
  }

  /** Reads one line, counting it in `counts`; false, having changed nothing, to decline it. */
  read(bytes: Buffer, start: number, end: number, counts: RecordCounts): boolean {
    const scan = this.scanner;
    if (!scan.scan(bytes, start, end)) return false;
    const idStart = scan.start[EVENT_ID]!;
    const idEnd = scan.end[EVENT_ID]!;
    if (idStart === ABSENT || idEnd === idStart) return false;
    for (let i = idStart; i < idEnd; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
    const eventId = this.text(bytes, EVENT_ID);
    const provider = scan.start[PROVIDER]! !== ABSENT ? this.text(bytes, PROVIDER) : undefined;
    const channel = scan.start[CHANNEL]! !== ABSENT && scan.end[CHANNEL]! > scan.start[CHANNEL]! ? this.text(bytes, CHANNEL) : undefined;
    const tables = this.kinds.windows(provider, channel, eventId);
    if (tables.length === 0) {
      counts.other(`${provider ?? channel ?? 'unknown'}/${eventId}`);
      return true;
    }
    if (scan.start[SYSTEM_TIME]! === ABSENT || !this.canTake(tables)) return false;
    const time = parseIsoTimeBytes(bytes, scan.start[SYSTEM_TIME]!, scan.end[SYSTEM_TIME]!);
    if (time === undefined) return false;
    const line = ++this.line;
    for (let t = 0; t < tables.length; t++) this.readSlots(bytes, tables[t]!.slots, line);
    for (let t = 0; t < tables.length; t++) this.addRow(time, tables[t]!);
    counts.used();
    return true;
  }

  /** Makes the values of `slots` on the line scanned last into strings in `raw`, each slot once per line. */
  private readSlots(bytes: Buffer, slots: readonly number[], line: number): void {
    const scan = this.scanner;
    const raw = this.raw;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (this.slotLine[slot] === line) continue;
      this.slotLine[slot] = line;
      const valueStart = scan.start[slot]!;
      if (valueStart === ABSENT || (scan.end[slot] === valueStart && this.keptWhenNotEmpty[slot] === 1)) {
        raw[slot] = undefined;
        this.entries[slot] = NO_ENTRY;
      } else {
        raw[slot] = this.text(bytes, slot);
      }
    }
  }

  private addRow(time: number, rows: TableRows): void {
    const values = rows.values;
    const ids = rows.ids;
    rows.mapper(this.raw, values);
    if (!rows.builder.accepts(values)) return;
    for (let column = 0; column < values.length; column++) {
      const value = values[column];
      if (value === null || value === undefined) {
        ids[column] = NULL_ID;
        continue;
      }
      const slot = rows.keySlot[column]!;
      const entry = slot === NO_KEY_SLOT ? NO_ENTRY : this.entries[slot]!;
      if (entry === NO_ENTRY) ids[column] = rows.builder.idOf(column, value);
      else if (value === this.raw[slot]) ids[column] = rows.entryIds[column]!.idOfText(entry, value);
      else ids[column] = rows.entryIds[column]!.idOfDerived(entry, value);
    }
    rows.builder.addIds(time, ids);
  }
}
