/**
 * `search` as the first command: the events of the event store that match, newest first, as a
 * column table (each field a dictionary column shared with the store), so later commands read
 * a field once per distinct value. The expression is the one the tstats WHERE clause uses, over
 * the same evaluator (src/search/store-predicate.ts); bare terms test the event's `_raw`.
 *
 * The session binds the first `search` of each pipeline to its event store (bindEventSearch):
 * the command then generates events instead of filtering its input.
 */
import { arrayColumn, ColumnTable, computedColumn, dictionaryColumn, type Column } from '../core/column-table.js';
import type { CommandNodeBase, Pipeline, SearchExpr } from '../parse/ast.js';
import { allRows, rowsMatchingOnStore, type StoreClock, type StoreFieldResolver } from '../search/store-predicate.js';
import type { DictionaryColumn } from '../store/types.js';
import { EventStore, RAW } from './store.js';

const eventSearches = new WeakMap<CommandNodeBase, () => EventStore>();

/** Makes the first command of `pipeline`, when it is `search`, read the events of `events()`. */
export function bindEventSearch(pipeline: Pipeline, events: () => EventStore): void {
  const first = pipeline.commands[0];
  if (first && first.name === 'search') eventSearches.set(first, events);
}

/** The event store a `search` node generates from, when it is the first command of its pipeline. */
export function eventStoreOf(node: CommandNodeBase): EventStore | undefined {
  return eventSearches.get(node)?.();
}

/** Fields shown first, in this order, when an event has them (Splunk's default fields). */
const LEADING = ['_raw', '_time', 'host', 'index', 'linecount', 'source', 'sourcetype', 'splunk_server'];

export interface EventTimeRange {
  earliest?: number;
  latest?: number;
}

/** How search field names map onto the event store. */
export function eventResolver(store: EventStore): StoreFieldResolver {
  return {
    isTime: (field) => field === '_time',
    column: (field) => (field === '_time' ? undefined : store.column(field)),
    raw: (row) => store.raw(row),
  };
}

/** The events (store rows, ascending) in `range` that match `expr`. */
export function matchingEvents(expr: SearchExpr | undefined, store: EventStore, clock: StoreClock, range: EventTimeRange = {}): Uint32Array {
  let rows = allRows(store.rowCount);
  const { earliest, latest } = range;
  if (earliest !== undefined || latest !== undefined) {
    const time = store.time;
    rows = rows.filter((row) => (earliest === undefined || time[row]! >= earliest) && (latest === undefined || time[row]! < latest));
  }
  if (!expr) return rows;
  return rowsMatchingOnStore(expr, store, eventResolver(store), clock, rows);
}

/** Newest first; events of the same time in the reverse of the order they were read (INF). */
export function newestFirst(store: EventStore, rows: Uint32Array): Uint32Array {
  const time = store.time;
  return Uint32Array.from(rows).sort((a, b) => time[b]! - time[a]! || b - a);
}

/** Whether some row of `rows` has a value in `column`. */
function presentIn(column: DictionaryColumn | undefined, rows: Uint32Array): boolean {
  if (!column) return false;
  const ids = column.ids;
  for (let i = 0; i < rows.length; i++) if (ids[rows[i]!] !== 0) return true;
  return false;
}

/**
 * The fields at least one of `rows` has, default fields first, then by name (a field no event
 * has is not in the results: Splunk's schema holds only fields with a value, DOC fillnull).
 */
export function fieldsOf(store: EventStore, rows: Uint32Array): string[] {
  const present: string[] = [];
  if (rows.length === 0) return [];
  for (const field of store.fields) {
    if (field === RAW || field === '_time') continue;
    if (presentIn(store.column(field), rows)) present.push(field);
  }
  const leading = LEADING.filter((field) => field === RAW || field === '_time' || present.includes(field));
  const rest = present.filter((field) => !LEADING.includes(field)).sort();
  return [...leading, ...rest];
}

/** The matching events as a column table, newest first. */
export function eventTable(store: EventStore, rows: Uint32Array): ColumnTable {
  const ordered = newestFirst(store, rows);
  const names = fieldsOf(store, rows);
  const data = new Map<string, Column>();
  for (const name of names) {
    if (name === RAW) data.set(name, computedColumn(store.rowCount, (row) => store.raw(row)));
    else if (name === '_time') data.set(name, arrayColumn(Array.from(store.time)));
    else {
      const column = store.column(name);
      if (column) data.set(name, dictionaryColumn(column.ids, column.dictionary));
    }
  }
  return new ColumnTable(names, data, ordered, store.rowCount);
}
