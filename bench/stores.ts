/**
 * Store views for the scaling runs: a prefix of a store (fewer rows) and a store repeated
 * k times (more rows). Ingesting 10M events would take an 18 GB file; repeating the 1M-event
 * store gives the same query work per row (same dictionaries, same selectivity) at 10M rows.
 * Each copy's times are shifted by a whole span so firstTime/lastTime stay meaningful.
 */
import type { ColumnarStore, DictionaryColumn, IdArray } from './engine.js';

function newIdArray(like: IdArray, length: number): IdArray {
  if (like instanceof Uint8Array) return new Uint8Array(length);
  if (like instanceof Uint16Array) return new Uint16Array(length);
  return new Uint32Array(length);
}

function viewStore(rowCount: number, time: Float64Array, fields: readonly string[], columns: Map<string, DictionaryColumn>): ColumnarStore {
  return {
    rowCount,
    time,
    fields,
    column: (field: string) => columns.get(field),
  };
}

/** The first `rowCount` rows of `store` (no copy of the data). */
export function prefixStore(store: ColumnarStore, rowCount: number): ColumnarStore {
  const count = Math.min(rowCount, store.rowCount);
  const columns = new Map<string, DictionaryColumn>();
  for (const field of store.fields) {
    const column = store.column(field);
    if (!column) continue;
    columns.set(field, { ids: column.ids.subarray(0, count), dictionary: column.dictionary });
  }
  return viewStore(count, store.time.subarray(0, count), store.fields, columns);
}

/** Seconds between copies: the store's time span rounded up, plus one second. */
export function copySpan(store: ColumnarStore): number {
  let low = Infinity;
  let high = -Infinity;
  for (const t of store.time) {
    if (t < low) low = t;
    if (t > high) high = t;
  }
  return store.rowCount === 0 ? 1 : Math.ceil(high - low) + 1;
}

/** `store` repeated `copies` times; copy k has its times moved k * copySpan(store) later. */
export function repeatStore(store: ColumnarStore, copies: number): ColumnarStore {
  const rows = store.rowCount;
  const span = copySpan(store);
  const columns = new Map<string, DictionaryColumn>();
  for (const field of store.fields) {
    const column = store.column(field);
    if (!column) continue;
    const ids = newIdArray(column.ids, rows * copies);
    for (let copy = 0; copy < copies; copy++) ids.set(column.ids.subarray(0, rows), copy * rows);
    columns.set(field, { ids, dictionary: column.dictionary });
  }
  const time = new Float64Array(rows * copies);
  for (let copy = 0; copy < copies; copy++) {
    const shift = copy * span;
    for (let row = 0; row < rows; row++) time[copy * rows + row] = (store.time[row] as number) + shift;
  }
  return viewStore(rows * copies, time, store.fields, columns);
}
