import type { ColumnarStore, DictionaryEntry } from '../../src/store/types.js';

/** The value of `field` on row `row`, or null. */
export function valueAt(store: ColumnarStore, field: string, row: number): DictionaryEntry {
  const column = store.column(field);
  if (!column) return null;
  return column.dictionary[column.ids[row]!] ?? null;
}
