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
 *
 * A column table may also be formed later (`ColumnTable.later`): tstats hands one on, so that
 * `join` can see its subsearch gave nothing (an inner join then keeps nothing) before a million
 * groups are formed. Its columns are known at once; anything else forms it.
 */
import { FirstError } from './first-error.js';
import { renameTargets, type Table } from './table.js';
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

/** Reads one field, at `index`, and nothing else: for a test or value that reads only that field. */
class OneFieldReader implements FieldReader {
  index = 0;
  constructor(
    private readonly field: string,
    private readonly column: Column,
  ) {}
  get(field: string): Value | undefined {
    return field === this.field ? this.column.get(this.index) : undefined;
  }
}

const NO_FIELDS: FieldReader = { get: () => undefined };

/** A reader of one field that holds `value`. */
function readerOfValue(field: string, value: Value): FieldReader {
  return { get: (name) => (name === field ? value : undefined) };
}

/** `compute` of nothing, worked out on first use, so that an error shows only if a result asks. */
function constantOnDemand<T>(compute: () => T): () => T {
  let known = false;
  let value: T;
  return () => {
    if (!known) {
      value = compute();
      known = true;
    }
    return value;
  };
}

const UNDECIDED = 2;

/** What a column table holds once formed. */
interface Formed {
  readonly data: ReadonlyMap<string, Column>;
  readonly selected: Uint32Array;
  readonly length: number;
  readonly pendingOrder: IndexOrder | undefined;
  readonly limit: number | undefined;
}

export class ColumnTable implements Table {
  private formedState: Formed | undefined;
  private former: (() => ColumnTable) | undefined;
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
    data: ReadonlyMap<string, Column>,
    selected: Uint32Array,
    length: number,
    pendingOrder?: IndexOrder,
    limit?: number,
  ) {
    this.formedState = { data, selected, length, pendingOrder, limit };
  }

  /** A column table with columns `names`, formed by `form` when anything but its columns is read. */
  static later(names: readonly string[], form: () => ColumnTable): ColumnTable {
    const table = new ColumnTable(names, new Map(), new Uint32Array(0), 0);
    table.formedState = undefined;
    table.former = form;
    return table;
  }

  /** Whether the results are formed (a table made by `later` is not until something reads them). */
  get isFormed(): boolean {
    return this.formedState !== undefined;
  }

  private get state(): Formed {
    if (this.formedState === undefined) {
      const formed = this.former!().state;
      this.former = undefined;
      this.formedState = formed;
    }
    return this.formedState;
  }

  /** The table, its results formed now. */
  formed(): ColumnTable {
    void this.state;
    return this;
  }

  get data(): ReadonlyMap<string, Column> {
    return this.state.data;
  }

  /** One more than the largest physical index any column holds. */
  get length(): number {
    return this.state.length;
  }

  get columns(): string[] {
    return [...this.names];
  }

  /** The results as Maps, in output order; built once. Absent and null values are left out. */
  get rows(): Row[] {
    if (this.materialized) return this.materialized;
    const indices = this.ordered();
    const data = this.data;
    const fields = this.names.map((name) => [name, data.get(name)] as const).filter((entry) => entry[1] !== undefined);
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
    const { selected, limit } = this.state;
    return limit === undefined ? selected.length : Math.min(limit, selected.length);
  }

  /** The selected physical indices in output order. */
  ordered(): Uint32Array {
    if (this.outputIndices) return this.outputIndices;
    const { selected, pendingOrder, limit } = this.state;
    let indices = pendingOrder ? pendingOrder(selected) : selected;
    if (limit !== undefined && indices.length > limit) indices = indices.slice(0, limit);
    this.outputIndices = indices;
    return indices;
  }

  /**
   * The selected physical indices in any order, for work whose result does not depend on order
   * (a filter that keeps the order pending).
   */
  unordered(): Uint32Array {
    const { selected, limit } = this.state;
    return limit === undefined ? selected : this.ordered();
  }

  test(fields: ReadonlySet<string> | undefined, holds: (result: FieldReader) => boolean): (index: number) => boolean {
    const field = fields?.size === 1 ? [...fields][0]! : undefined;
    const column = field === undefined ? undefined : this.data.get(field);
    if (fields?.size === 0 || (field !== undefined && column === undefined)) {
      const constant = constantOnDemand(() => holds(NO_FIELDS));
      return () => constant();
    }
    if (field === undefined || column === undefined) {
      const cursor = this.cursor();
      return (index) => {
        cursor.index = index;
        return holds(cursor);
      };
    }
    const encoding = column.encoding;
    if (encoding === undefined) {
      const reader = new OneFieldReader(field, column);
      return (index) => {
        reader.index = index;
        return holds(reader);
      };
    }
    const decided = new Uint8Array(encoding.size).fill(UNDECIDED);
    const ids = encoding.ids;
    return (index) => {
      const id = ids[index]!;
      let verdict = decided[id]!;
      if (verdict === UNDECIDED) decided[id] = verdict = holds(readerOfValue(field, encoding.value(id))) ? 1 : 0;
      return verdict === 1;
    };
  }

  /**
   * The same columns over the selected indices for which `keep` holds; a pending order stays
   * pending. They are tested in storage order, so an error is the one the row path would meet
   * first: that of the earliest result in output order (core/first-error.ts).
   */
  filter(keep: (index: number) => boolean): ColumnTable {
    const source = this.unordered();
    const kept = new Uint32Array(source.length);
    const errors = new FirstError();
    let count = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i]!;
      try {
        if (keep(index)) kept[count++] = index;
      } catch (error) {
        errors.note(index, 0, error);
      }
    }
    errors.throwFirst(this);
    const { data, length, pendingOrder, limit } = this.state;
    return new ColumnTable(this.names, data, kept.slice(0, count), length, limit === undefined ? pendingOrder : undefined);
  }

  project(names: readonly string[]): ColumnTable {
    const data = new Map<string, Column>();
    for (const name of names) {
      const column = this.data.get(name);
      if (column !== undefined) data.set(name, column);
    }
    return this.withData(names, data);
  }

  withColumn(name: string, fields: ReadonlySet<string> | undefined, value: (result: FieldReader) => Value): ColumnTable {
    const data = new Map(this.data);
    data.set(name, this.valueColumn(fields, value));
    return this.withData(this.names.includes(name) ? this.names : [...this.names, name], data);
  }

  /** `value` of each result as a column: by dictionary value where valuesByDictionary can, else on first read. */
  private valueColumn(fields: ReadonlySet<string> | undefined, value: (result: FieldReader) => Value): Column {
    const byValue = valuesByDictionary(this.data, fields, value);
    if (byValue) return byValue;
    const cursor = this.cursor();
    return computedColumn(this.length, (index) => {
      cursor.index = index;
      return value(cursor);
    });
  }

  rename(columns: readonly string[], renames: ReadonlyMap<string, string>): ColumnTable {
    const data = new Map(this.data);
    const present = new Set(this.names);
    const moved = [...renameTargets(renames)].map(([to, from]) => [to, present.has(from) ? this.data.get(from) : undefined] as const);
    for (const [from] of renames) data.delete(from);
    for (const [to, column] of moved) {
      if (column === undefined) data.delete(to);
      else data.set(to, column);
    }
    return this.withData(columns, data);
  }

  /** The first `count` results in output order, ordered only when they are read. */
  head(count: number): ColumnTable {
    const { data, selected, length, pendingOrder, limit } = this.state;
    return new ColumnTable(this.names, data, selected, length, pendingOrder, limit === undefined ? count : Math.min(limit, count));
  }

  /** The same selection with other columns. */
  withData(names: readonly string[], data: ReadonlyMap<string, Column>): ColumnTable {
    const { selected, length, pendingOrder, limit } = this.state;
    return new ColumnTable(names, data, selected, length, pendingOrder, limit);
  }

  cursor(): RowCursor {
    return new RowCursor(this.data);
  }
}

/**
 * `compute` of each result as a column that needs no result of its own: when `compute` reads
 * only `fields` and that is one dictionary column (sharing its ids, once per dictionary value),
 * or none, or a field no column holds (once in all, on first read). Undefined otherwise: each
 * result must then be computed on its own.
 */
export function valuesByDictionary(
  data: ReadonlyMap<string, Column>,
  fields: ReadonlySet<string> | undefined,
  compute: (result: FieldReader) => Value,
): Column | undefined {
  const field = fields?.size === 1 ? [...fields][0]! : undefined;
  const column = field === undefined ? undefined : data.get(field);
  if (fields?.size === 0 || (field !== undefined && column === undefined)) {
    const constant = constantOnDemand(() => compute(NO_FIELDS));
    return { get: () => constant() };
  }
  const encoding = column?.encoding;
  if (field === undefined || encoding === undefined) return undefined;
  return encodedColumn(encoding.ids, encoding.size, (id) => compute(readerOfValue(field, encoding.value(id))));
}

export function isColumnTable(table: ResultTable): table is ColumnTable {
  return table instanceof ColumnTable;
}

/** How many results a table holds, without ordering or forming a column table's rows. */
export function resultCount(table: ResultTable): number {
  return isColumnTable(table) ? table.size : table.rows.length;
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
 * A result table as a column table: itself, or its rows as dictionary columns (physical index =
 * row number), for tests and for a table formed later from any command's result.
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
 * Runs a command over a column table not formed yet without forming it, for commands whose
 * columns and warnings follow from the input's columns alone (rename, convert): it runs now over
 * no results, for the columns and warnings, and again over the results if these are ever formed.
 */
export function deferredThrough(
  input: ColumnTable,
  apply: (table: ResultTable, warn: (message: string) => void) => ResultTable,
  warn: (message: string) => void,
): ColumnTable {
  const shape = apply({ columns: input.columns, rows: [] }, warn);
  return ColumnTable.later(shape.columns, () => columnTableOf(apply(input.formed(), () => {})));
}
