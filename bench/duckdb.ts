/**
 * The reference engine: the W3WP query in DuckDB SQL over an in-memory table holding the same
 * rows as spelunk's store. Loading is not timed against spelunk; only the query is.
 *
 * Semantics carried over from Splunk (docs/semantics notes, spl_semantics.md):
 * - tstats WHERE uses search precedence, OR before AND: `P AND cmd OR ps` is `P AND (cmd OR ps)`.
 * - `field=value` in search is case-insensitive: compared through lower().
 * - fillnull_value=null: a missing BY field groups as the literal string "null".
 * - values(): distinct non-null values, sorted byte-wise (DuckDB's default binary collation).
 * - Rows sorted by the BY fields, byte-wise; columns: BY fields, then aggregates.
 * - security_content_ctime: `%Y-%m-%dT%H:%M:%S` of the whole-second epoch, UTC here.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnarStore } from './engine.js';
import { copySpan } from './stores.js';

/** Store fields the W3WP query reads. */
export const W3WP_FIELDS = ['dest', 'parent_process', 'original_file_name', 'user', 'process_name', 'process', 'parent_process_name'] as const;

/** The expanded `process_cmd` and `process_powershell` macros (security_content macros/). */
const SHELL_CONDITION = [
  "lower(process_name) = 'cmd.exe'",
  "lower(original_file_name) = 'cmd.exe'",
  "lower(process_name) IN ('pwsh.exe', 'sqlps.exe', 'sqltoolsps.exe', 'powershell.exe', 'powershell_ise.exe')",
  "lower(original_file_name) IN ('pwsh.dll', 'powershell.exe', 'powershell_ise.exe')",
].join(' OR ');

export function w3wpSql(table: string): string {
  const ctime = (expression: string): string =>
    `strftime(make_timestamp(CAST(floor(${expression}) AS BIGINT) * 1000000), '%Y-%m-%dT%H:%M:%S')`;
  return `
SELECT coalesce(dest, 'null') AS dest,
       coalesce(parent_process, 'null') AS parent_process,
       coalesce(original_file_name, 'null') AS original_file_name,
       coalesce("user", 'null') AS "user",
       count(*) AS count,
       list_sort(list_distinct(list(process_name))) AS process_name,
       list_sort(list_distinct(list(process))) AS process,
       ${ctime('min(_time)')} AS firstTime,
       ${ctime('max(_time)')} AS lastTime
FROM ${table}
WHERE lower(parent_process_name) = 'w3wp.exe' AND (${SHELL_CONDITION})
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4`;
}

export type Cell = readonly string[];

export class DuckDbReference {
  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(): Promise<DuckDbReference> {
    const instance = await DuckDBInstance.create(':memory:');
    return new DuckDbReference(await instance.connect());
  }

  async threads(): Promise<number> {
    const reader = await this.connection.runAndReadAll("SELECT current_setting('threads')");
    return Number(reader.getRowsJS()[0]?.[0]);
  }

  /**
   * Loads the W3WP fields of `store` into table `table`: dictionaries and id columns are
   * appended as integers, then joined into string columns inside DuckDB.
   */
  async load(store: ColumnarStore, table: string): Promise<void> {
    const present = W3WP_FIELDS.filter((field) => store.column(field) !== undefined);
    for (const field of present) {
      const column = store.column(field)!;
      await this.connection.run(`CREATE OR REPLACE TABLE dict_${field} (id UINTEGER, v VARCHAR)`);
      const appender = await this.connection.createAppender(`dict_${field}`);
      column.dictionary.forEach((entry, id) => {
        if (entry === null) return;
        if (typeof entry !== 'string') {
          throw new Error(`field ${field} holds a multivalue (${entry.join(' | ')}); the DuckDB mirror supports single values only`);
        }
        appender.appendUInteger(id);
        appender.appendVarchar(entry);
        appender.endRow();
      });
      appender.closeSync();
    }
    const idColumns = present.map((field) => `${field}_id UINTEGER`).join(', ');
    await this.connection.run(`CREATE OR REPLACE TABLE ids (_time DOUBLE${idColumns ? `, ${idColumns}` : ''})`);
    const appender = await this.connection.createAppender('ids');
    const columns = present.map((field) => store.column(field)!.ids);
    for (let row = 0; row < store.rowCount; row++) {
      appender.appendDouble(store.time[row] as number);
      for (const ids of columns) appender.appendUInteger(ids[row] as number);
      appender.endRow();
    }
    appender.closeSync();
    const selects = W3WP_FIELDS.map((field) =>
      present.includes(field) ? `dict_${field}.v AS "${field}"` : `CAST(NULL AS VARCHAR) AS "${field}"`,
    );
    const joins = present.map((field) => `LEFT JOIN dict_${field} ON dict_${field}.id = ids.${field}_id`);
    await this.connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ids._time, ${selects.join(', ')} FROM ids ${joins.join(' ')}`);
    await this.connection.run('DROP TABLE ids');
    for (const field of present) await this.connection.run(`DROP TABLE dict_${field}`);
  }

  /** `target` = `source` repeated `copies` times, times shifted like stores.repeatStore. */
  async repeat(source: string, target: string, copies: number, store: ColumnarStore): Promise<void> {
    const span = copySpan(store);
    const fields = W3WP_FIELDS.map((field) => `"${field}"`).join(', ');
    await this.connection.run(
      `CREATE OR REPLACE TABLE ${target} AS SELECT _time + CAST(copy AS DOUBLE) * ${span} AS _time, ${fields} ` +
        `FROM range(${copies}) AS copies(copy), ${source} ORDER BY copy`,
    );
  }

  /** Runs the W3WP query; cells as lists of strings (a single value is a one-item list). */
  async w3wp(table: string): Promise<{ columns: string[]; rows: Cell[][] }> {
    const reader = await this.connection.runAndReadAll(w3wpSql(table));
    const columns = reader.columnNames();
    const rows = reader.getRowsJS().map((row) => row.map(toCell));
    return { columns, rows };
  }
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((item) => String(item));
  return [String(value)];
}
