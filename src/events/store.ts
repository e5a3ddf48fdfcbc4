/**
 * The event store: every event spelunk read, held by shape (shape.ts) with one id per value,
 * presented to the search code as a ColumnarStore (the interface the data model stores have),
 * so the search language runs over events with the same evaluator as over tstats
 * (src/search/store-predicate.ts): a field test is decided once per distinct value.
 *
 * A field's column (an id per event into its dictionary) is made the first time a search reads
 * the field, and kept: the add-ons' generic XML fields straight from the value slots, derived
 * fields (src/events/fields/) once per distinct tuple of the values they read. Events of a
 * source no search reads cost nothing after ingest. `_raw` is rendered from the shape's template
 * and the event's values when read; no string per event is kept.
 */
import type { ByteInterner } from '../store/interner.js';
import type { ColumnarStore, DictionaryColumn, DictionaryEntry, IdArray } from '../store/types.js';
import { first, type FieldRule, type FieldTable } from './field-rule.js';
import { FIELD_TABLES } from './fields/index.js';
import type { EventInput } from './input.js';
import { metadataRules } from './metadata.js';
import type { Shape } from './shape.js';

export type { EventInput };

export interface EventStoreParts {
  count: number;
  time: Float64Array;
  shape: Uint32Array;
  input: Uint32Array;
  offset: Uint32Array;
  arena: Uint32Array;
  shapes: readonly Shape[];
  namespaces: ReadonlyMap<string, ByteInterner>;
  inputs: readonly EventInput[];
}

/** Fields rendered per event from the template, not held as values: `_raw` and the add-on's XML blocks. */
const BLOCK_FIELDS: ReadonlyMap<string, string> = new Map([
  ['System_Props_Xml', 'System'],
  ['EventData_Xml', 'EventData'],
  ['UserData_Xml', 'UserData'],
  ['RenderingInfo_Xml', 'RenderingInfo'],
  ['DebugData_Xml', 'DebugData'],
]);

export const RAW = '_raw';
/** The pseudo-field of each event's input number, which the metadata rules read. */
export const INPUT_FIELD = '#input';

function idArrayFor(size: number, length: number): IdArray {
  return size <= 0xff ? new Uint8Array(length) : size <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** Builds a dictionary of entries, one id per distinct entry. */
class DictionaryBuilder {
  readonly entries: DictionaryEntry[] = [null];
  private readonly ids = new Map<string, number>();
  idOf(entry: DictionaryEntry): number {
    if (entry === null) return 0;
    if (typeof entry !== 'string' && entry.length === 0) return 0;
    if (typeof entry !== 'string' && entry.length === 1) entry = entry[0]!;
    const key = typeof entry === 'string' ? entry : `\u0000${entry.join('\u0000')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.entries.length;
      this.entries.push(entry);
      this.ids.set(key, id);
    }
    return id;
  }
}

export class EventStore implements ColumnarStore {
  readonly rowCount: number;
  readonly time: Float64Array;
  readonly inputs: readonly EventInput[];
  private readonly parts: EventStoreParts;
  private readonly columns = new Map<string, DictionaryColumn | undefined>();
  private readonly resolving = new Set<string>();
  private readonly metadata: ReadonlyMap<string, FieldRule>;
  private readonly tables: readonly FieldTable[];
  private fieldNames: string[] | undefined;

  constructor(parts: EventStoreParts, tables: readonly FieldTable[] = FIELD_TABLES) {
    this.parts = parts;
    this.rowCount = parts.count;
    this.time = parts.time;
    this.inputs = parts.inputs;
    this.tables = tables;
    this.metadata = new Map(metadataRules(parts.inputs).map((rule) => [rule.field, rule]));
  }

  /** Every field some event may have: the XML fields of its shapes, the metadata and the derived fields. */
  get fields(): readonly string[] {
    if (!this.fieldNames) {
      const names = new Set<string>([RAW, ...this.metadata.keys()]);
      names.delete(INPUT_FIELD);
      for (const shape of this.parts.shapes) {
        if (shape.eventIdSlot !== -1) names.add('EventCode');
        for (const field of shape.fieldSlots.keys()) names.add(field);
        for (const [field, block] of BLOCK_FIELDS) if (shape.blocks.has(block)) names.add(field);
      }
      for (const table of this.tables) for (const rule of table.rules) names.add(rule.field);
      this.fieldNames = [...names];
    }
    return this.fieldNames;
  }

  /** The shapes of the events; `shapeOf(row)` indexes it. */
  get shapes(): readonly Shape[] {
    return this.parts.shapes;
  }

  shapeOf(row: number): Shape {
    return this.parts.shapes[this.parts.shape[row]!]!;
  }

  inputOf(row: number): EventInput {
    return this.parts.inputs[this.parts.input[row]!]!;
  }

  column(field: string): DictionaryColumn | undefined {
    if (this.columns.has(field)) return this.columns.get(field);
    if (this.resolving.has(field)) return this.baseColumn(field);
    this.resolving.add(field);
    try {
      const column = this.makeColumn(field);
      this.columns.set(field, column);
      return column;
    } finally {
      this.resolving.delete(field);
    }
  }

  /** The value of `field` on event `row`. */
  value(field: string, row: number): DictionaryEntry {
    if (field === RAW) return this.raw(row);
    const column = this.column(field);
    return column ? (column.dictionary[column.ids[row]!] ?? null) : null;
  }

  /** The event's `_raw`: its XML on one line, as Splunk's Windows input writes it. */
  raw(row: number): string {
    const shape = this.shapeOf(row);
    return this.render(row, shape, 0, shape.template.length);
  }

  /** The inner text of one of the event's XML blocks (System, EventData, UserData, ...), or null. */
  block(row: number, block: string): string | null {
    const shape = this.shapeOf(row);
    const range = shape.blocks.get(block);
    return range ? this.render(row, shape, range[0], range[1]) : null;
  }

  private render(row: number, shape: Shape, from: number, to: number): string {
    const base = this.parts.offset[row]!;
    let text = '';
    for (let i = from; i < to; i++) {
      const piece = shape.template[i]!;
      text += typeof piece === 'string' ? piece : this.slotText(shape, piece, base);
    }
    return text;
  }

  private slotText(shape: Shape, slot: number, base: number): string {
    return this.parts.namespaces.get(shape.slotNamespace[slot]!)!.text(this.parts.arena[base + slot]!);
  }

  private makeColumn(field: string): DictionaryColumn | undefined {
    if (field === INPUT_FIELD) {
      const dictionary: DictionaryEntry[] = [null, ...this.parts.inputs.map((_, i) => String(i))];
      const ids = new Uint32Array(this.rowCount);
      for (let row = 0; row < this.rowCount; row++) ids[row] = this.parts.input[row]! + 1;
      return this.finish(ids, dictionary);
    }
    // `[EventID_as_EventCode]`, `[EventID2_as_EventCode]`: the EventID text, with or without Qualifiers.
    if (field === 'EventCode') return this.baseColumn('EventID', (shape) => (shape.eventIdSlot === -1 ? undefined : [shape.eventIdSlot]));
    if (field === RAW) return this.renderedColumn((row) => this.raw(row));
    const block = BLOCK_FIELDS.get(field);
    if (block !== undefined) return this.renderedColumn((row) => this.block(row, block));
    const meta = this.metadata.get(field);
    if (meta) return this.ruleColumn(field, () => meta);
    const tables = this.tables.filter((table) => table.rules.some((rule) => rule.field === field));
    if (tables.length === 0) return this.baseColumn(field);
    // The most specific table that applies to an event's source gives the field (a source::
    // stanza over the sourcetype one, Splunk's props.conf precedence); the extracted value else.
    const sources = this.column('source');
    const sourcetypes = this.column('sourcetype');
    const chosen = new Map<string, FieldRule | undefined>();
    return this.ruleColumn(field, (row) => {
      const source = sources ? first(sources.dictionary[sources.ids[row]!] ?? null) : null;
      const sourcetype = sourcetypes ? first(sourcetypes.dictionary[sourcetypes.ids[row]!] ?? null) : null;
      const key = `${source}\u0000${sourcetype}`;
      if (!chosen.has(key)) {
        const lowerSource = (source ?? '').toLowerCase();
        const lowerType = (sourcetype ?? '').toLowerCase();
        let rule: FieldRule | undefined;
        for (const table of tables) if (table.appliesTo(lowerSource, lowerType)) rule = table.rules.find((r) => r.field === field) ?? rule;
        chosen.set(key, rule);
      }
      return chosen.get(key);
    });
  }

  /** A column of values rendered per event (made only when a search tests the field itself). */
  private renderedColumn(valueOf: (row: number) => string | null): DictionaryColumn | undefined {
    const dictionary = new DictionaryBuilder();
    const ids = new Uint32Array(this.rowCount);
    for (let row = 0; row < this.rowCount; row++) {
      const text = valueOf(row);
      ids[row] = text === null || text === '' ? 0 : dictionary.idOf(text);
    }
    return this.finish(ids, dictionary.entries);
  }

  private finish(ids: Uint32Array, dictionary: DictionaryEntry[]): DictionaryColumn | undefined {
    if (dictionary.length <= 1) return undefined;
    const narrow = idArrayFor(dictionary.length, ids.length);
    narrow.set(ids);
    return { ids: narrow, dictionary };
  }

  /** A field straight from the value slots that give it (the generic XML extractions, shape.ts). */
  private baseColumn(
    field: string,
    slotsOf: (shape: Shape) => readonly number[] | undefined = (shape) => shape.fieldSlots.get(field),
  ): DictionaryColumn | undefined {
    const interner = this.parts.namespaces.get(field);
    if (!interner) return undefined;
    const shapes = this.parts.shapes;
    const slotsByShape = shapes.map(slotsOf);
    if (!slotsByShape.some((slots) => slots !== undefined)) return undefined;
    // Entry ids of the interner, shifted by one (0 is null); the empty value is no value.
    const dictionary: DictionaryEntry[] = [null];
    for (let entry = 0; entry < interner.size; entry++) dictionary.push(interner.text(entry));
    const emptyAs = new Uint32Array(interner.size);
    for (let entry = 0; entry < interner.size; entry++) emptyAs[entry] = interner.text(entry) === '' ? 0 : entry + 1;
    const multi = new DictionaryBuilder();
    const multiBase = dictionary.length;
    const { shape: shapeOf, offset, arena } = this.parts;
    const ids = new Uint32Array(this.rowCount);
    for (let row = 0; row < this.rowCount; row++) {
      const slots = slotsByShape[shapeOf[row]!];
      if (slots === undefined) continue;
      const base = offset[row]!;
      if (slots.length === 1) {
        ids[row] = emptyAs[arena[base + slots[0]!]!]!;
        continue;
      }
      const values: string[] = [];
      let single = 0;
      for (const slot of slots) {
        const id = emptyAs[arena[base + slot]!]!;
        if (id === 0) continue;
        values.push(dictionary[id] as string);
        single = id;
      }
      ids[row] = values.length <= 1 ? single : multiBase - 1 + multi.idOf(values);
    }
    for (let i = 1; i < multi.entries.length; i++) dictionary.push(multi.entries[i]!);
    return this.finish(ids, dictionary);
  }

  /**
   * A field given by rules: `ruleOf(row)` says which rule applies to the event (undefined: the
   * extracted value, if any); each rule runs once per distinct tuple of the values it reads.
   */
  private ruleColumn(field: string, ruleOf: (row: number) => FieldRule | undefined): DictionaryColumn | undefined {
    const dictionary = new DictionaryBuilder();
    const ids = new Uint32Array(this.rowCount);
    const inputColumns = new Map<FieldRule, (DictionaryColumn | undefined)[]>();
    const memo = new Map<FieldRule, Map<string | number, number>>();
    let base: DictionaryColumn | undefined | null = null;
    const baseIds = new Map<number, number>();
    for (let row = 0; row < this.rowCount; row++) {
      const rule = ruleOf(row);
      if (rule === undefined) {
        if (base === null) base = this.baseColumn(field);
        if (!base) continue;
        const id = base.ids[row]!;
        let out = baseIds.get(id);
        if (out === undefined) baseIds.set(id, (out = dictionary.idOf(base.dictionary[id] ?? null)));
        ids[row] = out;
        continue;
      }
      let columns = inputColumns.get(rule);
      if (!columns) {
        columns = rule.from.map((name) => (name === field ? this.baseColumn(field) : this.column(name)));
        inputColumns.set(rule, columns);
        memo.set(rule, new Map());
      }
      const known = memo.get(rule)!;
      let key: string | number;
      if (columns.length === 0) key = 0;
      else if (columns.length === 1) key = columns[0] ? columns[0].ids[row]! : 0;
      else {
        key = '';
        for (const column of columns) key += `${column ? column.ids[row]! : 0},`;
      }
      let out = known.get(key);
      if (out === undefined) {
        const values = columns.map((column) => (column ? (column.dictionary[column.ids[row]!] ?? null) : null));
        out = dictionary.idOf(rule.value(values));
        known.set(key, out);
      }
      ids[row] = out;
    }
    return this.finish(ids, dictionary.entries);
  }
}
