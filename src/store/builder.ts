/**
 * Builds a ColumnarStore row by row. Each field gets a dictionary of distinct strings and a
 * column of ids whose width grows (8 -> 16 -> 32 bits) only when the dictionary outgrows it,
 * so low-cardinality fields such as `sourcetype` cost one byte per row.
 */
import type { ColumnarStore, DictionaryColumn, DictionaryEntry, IdArray } from './types.js';
import { NULL_ID } from './types.js';

const INITIAL_CAPACITY = 1024;

class ColumnBuilder {
  ids: IdArray = new Uint8Array(INITIAL_CAPACITY);
  readonly dictionary: DictionaryEntry[] = [null];
  private readonly idByValue = new Map<string, number>();
  /**
   * How many dictionary entries (null included) are in `idByValue`. Values added with `addNew`
   * are put in the Map only when a lookup needs it: a caller that already knows a value is new
   * (ProcessGuid, most command lines) thus never pays for a Map that large.
   */
  private mapped = 1;
  /** Largest id the current `ids` width can hold. */
  private maxId = 0xff;
  /** The last value looked up: consecutive rows often repeat it (host, sourcetype, ...). */
  private lastValue: string | undefined;
  private lastId = 0;

  idOf(value: string): number {
    if (value === this.lastValue) return this.lastId;
    if (this.mapped < this.dictionary.length) this.mapPending();
    let id = this.idByValue.get(value);
    if (id === undefined) {
      id = this.dictionary.length;
      this.dictionary.push(value);
      this.idByValue.set(value, id);
      this.mapped++;
      if (id > this.maxId) this.widen();
    }
    this.lastValue = value;
    this.lastId = id;
    return id;
  }

  /** Adds `value`, which must not be in the dictionary yet; its id. */
  addNew(value: string): number {
    const id = this.dictionary.length;
    this.dictionary.push(value);
    if (id > this.maxId) this.widen();
    return id;
  }

  private mapPending(): void {
    for (let id = this.mapped; id < this.dictionary.length; id++) this.idByValue.set(this.dictionary[id] as string, id);
    this.mapped = this.dictionary.length;
  }

  /** Copies the ids into the next wider array type. */
  private widen(): void {
    const wider: IdArray =
      this.maxId === 0xff ? new Uint16Array(this.ids.length) : new Uint32Array(this.ids.length);
    wider.set(this.ids);
    this.ids = wider;
    this.maxId = this.maxId === 0xff ? 0xffff : 0xffffffff;
  }

  grow(capacity: number): void {
    const larger = new (this.ids.constructor as new (length: number) => IdArray)(capacity);
    larger.set(this.ids);
    this.ids = larger;
  }

  finish(rowCount: number): DictionaryColumn {
    return { ids: this.ids.slice(0, rowCount), dictionary: this.dictionary };
  }

  hasValues(): boolean {
    return this.dictionary.length > 1;
  }
}

export class StoreBuilder {
  private readonly columns: ColumnBuilder[];
  private time = new Float64Array(INITIAL_CAPACITY);
  private capacity = INITIAL_CAPACITY;
  private rows = 0;

  /** `fields` fixes the column order; `addRow` takes values in the same order. */
  constructor(readonly fields: readonly string[]) {
    this.columns = fields.map(() => new ColumnBuilder());
  }

  get rowCount(): number {
    return this.rows;
  }

  /** The id of `value` in column `column` (an index into `fields`), adding it when new. */
  idOf(column: number, value: string): number {
    return this.columns[column]!.idOf(value);
  }

  /** Number of entries in the dictionary of column `column`, the null entry included. */
  dictionarySize(column: number): number {
    return this.columns[column]!.dictionary.length;
  }

  /**
   * Adds `value` to column `column`'s dictionary and returns its id, without looking it up: for
   * callers that know the value is not there yet (see ColumnBuilder.mapped).
   */
  addNewValue(column: number, value: string): number {
    return this.columns[column]!.addNew(value);
  }

  /**
   * Appends one row given as ids (from `idOf`, or NULL_ID); for callers that keep their own
   * value -> id caches and so skip the dictionary lookups of addRow.
   */
  addIds(time: number, ids: ArrayLike<number>): void {
    if (this.rows === this.capacity) this.grow();
    const row = this.rows++;
    this.time[row] = time;
    for (let i = 0; i < this.columns.length; i++) this.columns[i]!.ids[row] = ids[i]!;
  }

  /** Appends one row; `values[i]` is the value of `fields[i]`, null when absent. */
  addRow(time: number, values: readonly (string | null | undefined)[]): void {
    if (this.rows === this.capacity) this.grow();
    const row = this.rows++;
    this.time[row] = time;
    for (let i = 0; i < this.columns.length; i++) {
      const value = values[i];
      const column = this.columns[i]!;
      // The id first: idOf may widen `column.ids`, and the row must land in the new array.
      const id = value === null || value === undefined ? NULL_ID : column.idOf(value);
      column.ids[row] = id;
    }
  }

  /**
   * Appends the rows of a store built elsewhere (another thread), as if each had been added
   * with addRow in order: ids are remapped into this builder's dictionaries, which grow in the
   * order the other store first met each value, so the result equals a one-builder run.
   */
  appendStore(time: Float64Array, columns: ReadonlyMap<string, DictionaryColumn>): void {
    const count = time.length;
    while (this.rows + count > this.capacity) this.grow();
    this.time.set(time, this.rows);
    this.fields.forEach((field, i) => {
      const target = this.columns[i]!;
      const source = columns.get(field);
      if (!source) {
        target.ids.fill(NULL_ID, this.rows, this.rows + count);
        return;
      }
      const remap = new Uint32Array(source.dictionary.length);
      for (let id = 1; id < source.dictionary.length; id++) {
        const entry = source.dictionary[id];
        if (typeof entry !== 'string') throw new Error(`appendStore: field '${field}' holds a multivalue entry`);
        remap[id] = target.idOf(entry);
      }
      const ids = target.ids;
      for (let row = 0; row < count; row++) ids[this.rows + row] = remap[source.ids[row]!]!;
    });
    this.rows += count;
  }

  private grow(): void {
    this.capacity *= 2;
    const time = new Float64Array(this.capacity);
    time.set(this.time);
    this.time = time;
    for (const column of this.columns) column.grow(this.capacity);
  }

  build(): ColumnarStore {
    const byField = new Map<string, DictionaryColumn>();
    this.fields.forEach((field, i) => {
      const column = this.columns[i]!;
      if (column.hasValues()) byField.set(field, column.finish(this.rows));
    });
    return new DictionaryStore(this.time.slice(0, this.rows), byField);
  }
}

class DictionaryStore implements ColumnarStore {
  readonly rowCount: number;
  readonly fields: readonly string[];

  constructor(
    readonly time: Float64Array,
    private readonly columns: ReadonlyMap<string, DictionaryColumn>,
  ) {
    this.rowCount = time.length;
    this.fields = [...columns.keys()];
  }

  column(field: string): DictionaryColumn | undefined {
    return this.columns.get(field);
  }
}

/** Bytes held by the id and time columns, and by the distinct strings (UTF-16, 2 bytes a char). */
export function storeSize(store: ColumnarStore): { columnBytes: number; dictionaryBytes: number } {
  let columnBytes = store.time.byteLength;
  let dictionaryBytes = 0;
  for (const field of store.fields) {
    const column = store.column(field)!;
    columnBytes += column.ids.byteLength;
    for (const entry of column.dictionary) {
      if (typeof entry === 'string') dictionaryBytes += entry.length * 2;
      else if (entry) for (const part of entry) dictionaryBytes += part.length * 2;
    }
  }
  return { columnBytes, dictionaryBytes };
}
