/**
 * A result table held as columns, for the commands that follow `tstats`.
 *
 * A broad tstats search makes about one result per event. Held as one Map per result, every
 * later command (rename, convert, lookup, search, ...) would touch a million Maps. Held as
 * columns, `rename` is a change of names, `convert` and `eval` compute a column only for the
 * results still selected when something reads it, and a filter keeps a list of indices.
 *
 * Columns are addressed by "physical" index (a tstats group id). The table keeps the indices it
 * selects, not necessarily in output order: tstats sorts its groups by the BY values, and that
 * sort is put off (`pendingOrder`) until a command needs the order, so filters that drop most
 * groups make the sort cheap. Commands that only know rows read `rows`, which applies the order
 * and builds the Maps once.
 */
import type { FieldReader, ResultTable, Row, Value } from './values.js';

/** One column: the value at a physical index, and, when there is one, its dictionary. */
export interface Column {
  get(index: number): Value;
  readonly encoding?: Encoding;
}

/** A column whose values come from a dictionary: `ids[index]` names the value `value(id)`. */
export interface Encoding {
  readonly ids: ArrayLike<number>;
  readonly size: number;
  value(id: number): Value;
  /**
   * Ranks by id in the order stats and tstats sort values in, when known to be total over the
   * ids the column holds (tstats knows them for its BY fields); undefined when not known.
   */
  ranks?(): Int32Array | undefined;
}

/** Puts physical indices into output order (a new array). */
export type IndexOrder = (indices: Uint32Array) => Uint32Array;

const PENDING: unique symbol = Symbol('pending');

const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;

/**
 * Remembers `compute(key)` for keys 0..size-1, in pages of 4,096 made when first touched: a
 * search that reads a few keys of a million-entry dictionary pays for a few pages, and one that
 * reads them all pays no more than for one array.
 */
export function memoized<T>(size: number, compute: (key: number) => T): (key: number) => T {
  const pages = new Array<(T | typeof PENDING)[] | undefined>(Math.ceil(size / PAGE_SIZE)).fill(undefined);
  return (key) => {
    const pageNumber = key >> PAGE_BITS;
    let page = pages[pageNumber];
    if (page === undefined) pages[pageNumber] = page = new Array<T | typeof PENDING>(PAGE_SIZE).fill(PENDING);
    const slot = key & (PAGE_SIZE - 1);
    let known = page[slot] as T | typeof PENDING;
    if (known === PENDING) page[slot] = known = compute(key);
    return known;
  };
}

/** Values from a dictionary, each worked out once, the first time a row holds it. */
export function encodedColumn(ids: ArrayLike<number>, size: number, valueOfId: (id: number) => Value): Column {
  const value = memoized(size, valueOfId);
  return { get: (index) => value(ids[index]!), encoding: { ids, size, value } };
}

/** Values of a dictionary already at hand: nothing to work out or remember. */
export function dictionaryColumn(ids: ArrayLike<number>, values: readonly Value[], ranks?: () => Int32Array | undefined): Column {
  const value = (id: number): Value => values[id] ?? null;
  let known: Int32Array | undefined | null = null;
  const remembered = ranks && ((): Int32Array | undefined => (known === null ? (known = ranks()) : known));
  return { get: (index) => value(ids[index]!), encoding: { ids, size: values.length, value, ...(remembered ? { ranks: remembered } : {}) } };
}

/** Values held in an array by physical index. */
export function arrayColumn(values: readonly Value[]): Column {
  return { get: (index) => values[index] ?? null };
}

/** Values computed on first read and remembered; `length` bounds the physical indices. */
export function computedColumn(length: number, compute: (index: number) => Value): Column {
  return { get: memoized(length, compute) };
}

/**
 * `transform` applied to each value of `source`: once per dictionary entry when the source has a
 * dictionary (the result shares its ids), else once per row read.
 */
export function mappedColumn(source: Column, length: number, transform: (value: Value) => Value): Column {
  const encoding = source.encoding;
  if (encoding) return encodedColumn(encoding.ids, encoding.size, (id) => transform(encoding.value(id)));
  return computedColumn(length, (index) => transform(source.get(index)));
}

/** Reads the fields of one result at a time; `index` is the physical index it stands on. */
export class RowCursor implements FieldReader {
  index = 0;
  constructor(private readonly data: ReadonlyMap<string, Column>) {}
  get(field: string): Value | undefined {
    const column = this.data.get(field);
    return column === undefined ? undefined : column.get(this.index);
  }
}

export class ColumnTable implements ResultTable {
  private outputIndices: Uint32Array | undefined;
  private materialized: Row[] | undefined;

  /**
   * @param names the column names, in display order
   * @param data the columns by name (a name may be missing: no values)
   * @param selected the physical indices selected, in output order unless `pendingOrder` is given
   * @param length one more than the largest physical index any column holds
   * @param pendingOrder puts `selected` into output order, when it is not yet
   * @param limit keep only this many results of the output order
   */
  constructor(
    readonly names: readonly string[],
    readonly data: ReadonlyMap<string, Column>,
    private readonly selected: Uint32Array,
    readonly length: number,
    private readonly pendingOrder?: IndexOrder,
    private readonly limit?: number,
  ) {}

  get columns(): string[] {
    return [...this.names];
  }

  /** The results as Maps, in output order; built once. Absent and null values are left out. */
  get rows(): Row[] {
    if (this.materialized) return this.materialized;
    const indices = this.ordered();
    const fields = this.names.map((name) => [name, this.data.get(name)] as const).filter((entry) => entry[1] !== undefined);
    const rows: Row[] = new Array<Row>(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i]!;
      const row: Row = new Map();
      for (const [name, column] of fields) {
        const value = column!.get(index);
        if (value !== null) row.set(name, value);
      }
      rows[i] = row;
    }
    this.materialized = rows;
    return rows;
  }

  /** How many results the table holds, without ordering them. */
  get size(): number {
    return this.limit === undefined ? this.selected.length : Math.min(this.limit, this.selected.length);
  }

  /** The selected physical indices in output order. */
  ordered(): Uint32Array {
    if (this.outputIndices) return this.outputIndices;
    let indices = this.pendingOrder ? this.pendingOrder(this.selected) : this.selected;
    if (this.limit !== undefined && indices.length > this.limit) indices = indices.slice(0, this.limit);
    this.outputIndices = indices;
    return indices;
  }

  /**
   * The selected physical indices in any order, for work whose result does not depend on order
   * (a filter that keeps the order pending).
   */
  unordered(): Uint32Array {
    return this.limit === undefined ? this.selected : this.ordered();
  }

  /** The same columns over the selected indices for which `keep` holds; a pending order stays pending. */
  filter(keep: (index: number) => boolean): ColumnTable {
    const source = this.unordered();
    const kept = new Uint32Array(source.length);
    let count = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i]!;
      if (keep(index)) kept[count++] = index;
    }
    const order = this.limit === undefined ? this.pendingOrder : undefined;
    return new ColumnTable(this.names, this.data, kept.slice(0, count), this.length, order);
  }

  /** The same selection with other columns. */
  withColumns(names: readonly string[], data: ReadonlyMap<string, Column>): ColumnTable {
    return new ColumnTable(names, data, this.selected, this.length, this.pendingOrder, this.limit);
  }

  /** The first `count` results in output order, ordered only when they are read. */
  head(count: number): ColumnTable {
    const limit = this.limit === undefined ? count : Math.min(this.limit, count);
    return new ColumnTable(this.names, this.data, this.selected, this.length, this.pendingOrder, limit);
  }

  cursor(): RowCursor {
    return new RowCursor(this.data);
  }
}

export function isColumnTable(table: ResultTable): table is ColumnTable {
  return table instanceof ColumnTable;
}

/** How many results a table holds, without ordering or forming a column table's rows. */
export function resultCount(table: ResultTable): number {
  return isColumnTable(table) ? table.size : table.rows.length;
}

/** The table as plain rows, for code that must not see a column table. */
export function asRowTable(table: ResultTable): ResultTable {
  return isColumnTable(table) ? { columns: table.columns, rows: table.rows } : table;
}

/** Values as a dictionary column: equal scalars share an id; each multivalue has its own. */
function dictionaryColumnOf(values: readonly Value[]): Column {
  const ids = new Uint32Array(values.length);
  const dictionary: Value[] = [];
  const idOf = new Map<Value, number>();
  values.forEach((value, index) => {
    let id = Array.isArray(value) ? undefined : idOf.get(value);
    if (id === undefined) {
      id = dictionary.length;
      dictionary.push(value);
      if (!Array.isArray(value)) idOf.set(value, id);
    }
    ids[index] = id;
  });
  return dictionaryColumn(ids, dictionary);
}

/**
 * A row table as a column table of dictionary columns (physical index = row number), for tests
 * and for commands that take either.
 */
export function columnTableOf(table: ResultTable): ColumnTable {
  if (isColumnTable(table)) return table;
  const rows = table.rows;
  const data = new Map<string, Column>();
  for (const name of table.columns) data.set(name, dictionaryColumnOf(rows.map((row) => row.get(name) ?? null)));
  const all = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) all[i] = i;
  return new ColumnTable(table.columns, data, all, rows.length);
}

/**
 * A table whose work is put off until a command needs it. tstats hands one on, so that `join`
 * can see its subsearch gave nothing (an inner join then keeps nothing) before a million
 * groups are formed; the executor forces it for every other command.
 */
export class DeferredTable implements ResultTable {
  private built: ResultTable | undefined;
  constructor(
    private readonly names: readonly string[],
    private readonly build: () => ResultTable,
  ) {}
  get columns(): string[] {
    return [...this.names];
  }
  get rows(): Row[] {
    return this.force().rows;
  }
  force(): ResultTable {
    return (this.built ??= this.build());
  }
}

/** The table itself, or the work a deferred table put off, done. */
export function forced(table: ResultTable): ResultTable {
  return table instanceof DeferredTable ? table.force() : table;
}

/**
 * Runs a command over a deferred table without forming it, for commands whose columns and
 * warnings follow from the input's columns alone (rename, convert): they run now over no
 * results, for the columns and warnings, and again over the results if these are ever formed.
 */
export function deferredThrough(input: ResultTable, apply: (table: ResultTable, warn: (message: string) => void) => ResultTable, warn: (message: string) => void): ResultTable {
  if (!(input instanceof DeferredTable)) return apply(input, warn);
  const shape = apply({ columns: input.columns, rows: [] }, warn);
  return new DeferredTable(shape.columns, () => apply(input.force(), () => {}));
}
