/**
 * The verbs both kinds of result table have: a row table (one Map per result, below) and a
 * column table (src/core/column-table.ts, what tstats hands on). A command whose semantics are
 * per result, written with these verbs, has one implementation for both kinds; the column table
 * does the same work once per dictionary value where it can.
 *
 * Results are addressed by position: a row table's row number, a column table's physical index.
 * A position is only meaningful to the table that gave it out (through `test`).
 */
import type { FieldReader, ResultTable, Row, Value } from './values.js';

export interface Table extends ResultTable {
  /** How many results the table holds, without forming rows. */
  readonly size: number;
  /**
   * A test of each result, to hand to `filter`. `holds` reads only `fields` (undefined: it may
   * read any field), so a column table tests once per dictionary value when that is one
   * dictionary column, and once in all when it is none. Worked out when first asked.
   */
  test(fields: ReadonlySet<string> | undefined, holds: (result: FieldReader) => boolean): (position: number) => boolean;
  /** The results at whose position `keep` holds, in order. When `keep` throws, the error is that of the first result in output order. */
  filter(keep: (position: number) => boolean): Table;
  /** The results with only the fields `names`, in that order (a name no result has is an empty column). */
  project(names: readonly string[]): Table;
  /**
   * Field `name` added (at the end of the columns) or replaced: in each result, `value` of the
   * result as it was, a null value leaving the field out. `value` reads only `fields`, as in
   * `test`, and must not throw: a column table works it out when a value is read.
   */
  withColumn(name: string, fields: ReadonlySet<string> | undefined, value: (result: FieldReader) => Value): Table;
  /**
   * Fields moved to new names, old name → new name, in the columns `columns`. When several move
   * to one name the last wins; a move from a field that is not a column clears the new name.
   */
  rename(columns: readonly string[], renames: ReadonlyMap<string, string>): Table;
  /** The first `count` results. */
  head(count: number): Table;
}

/** Old name → new name, as `rename` applies them: each new name's source (the last one given), then every old name. */
export function renameTargets(renames: ReadonlyMap<string, string>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [from, to] of renames) targets.set(to, from);
  return targets;
}

/** A result table held as rows: the reference representation every command can read. */
export class RowTable implements Table {
  constructor(
    public columns: string[],
    public rows: Row[],
  ) {}

  get size(): number {
    return this.rows.length;
  }

  test(_fields: ReadonlySet<string> | undefined, holds: (result: FieldReader) => boolean): (position: number) => boolean {
    const rows = this.rows;
    return (position) => holds(rows[position]!);
  }

  filter(keep: (position: number) => boolean): RowTable {
    return new RowTable(this.columns, this.rows.filter((_, position) => keep(position)));
  }

  project(names: readonly string[]): RowTable {
    const rows = this.rows.map((row) => {
      const next: Row = new Map();
      for (const name of names) {
        const value = row.get(name);
        if (value !== undefined && value !== null) next.set(name, value);
      }
      return next;
    });
    return new RowTable([...names], rows);
  }

  withColumn(name: string, _fields: ReadonlySet<string> | undefined, value: (result: FieldReader) => Value): RowTable {
    const rows = this.rows.map((row) => {
      const next: Row = new Map(row);
      const computed = value(row);
      if (computed === null) next.delete(name);
      else next.set(name, computed);
      return next;
    });
    return new RowTable(this.columns.includes(name) ? this.columns : [...this.columns, name], rows);
  }

  rename(columns: readonly string[], renames: ReadonlyMap<string, string>): RowTable {
    const targets = renameTargets(renames);
    const present = new Set(this.columns);
    // Rows belong to this stage of the pipeline, so they are changed in place.
    const moved: Value[] = [];
    for (const row of this.rows) {
      moved.length = 0;
      for (const [, from] of targets) moved.push(present.has(from) ? (row.get(from) ?? null) : null);
      for (const [from] of renames) row.delete(from);
      let index = 0;
      for (const [to] of targets) {
        const value = moved[index++]!;
        if (value === null) row.delete(to);
        else row.set(to, value);
      }
    }
    return new RowTable([...columns], this.rows);
  }

  head(count: number): RowTable {
    return new RowTable(this.columns, this.rows.slice(0, count));
  }
}

/** Any result table as a row table (a column table forms its rows). */
export function rowTableOf(table: ResultTable): RowTable {
  return table instanceof RowTable ? table : new RowTable(table.columns, table.rows);
}
