/** What every format shares: which fields are shown, and the display strings of one cell. */
import { DateTime } from 'luxon';
import type { ResultTable, Value } from '../core/values.js';
import { displayValues, isNull } from '../core/values.js';
import type { FormatOptions } from './options.js';

/** Fields shown in output: internal `_` fields are hidden except `_time` and `_raw`. */
export function visibleColumns(table: ResultTable): string[] {
  return table.columns.filter((c) => !c.startsWith('_') || c === '_time' || c === '_raw');
}

/**
 * The visible fields that have a value in at least one result: a field null in every result
 * is not part of the result set's schema, so Splunk's CSV export has no column for it.
 */
export function populatedColumns(table: ResultTable): string[] {
  return visibleColumns(table).filter((column) => table.rows.some((row) => !isNull(row.get(column))));
}

/** The display strings of one cell; `_time` as an ISO timestamp in the output zone. */
export function cellStrings(column: string, value: Value | undefined, options: FormatOptions): string[] {
  if (column === '_time' && typeof value === 'number') return [formatTimeField(value, options.tz ?? 'UTC')];
  return displayValues(value);
}

function formatTimeField(epochSeconds: number, tz: string): string {
  return DateTime.fromMillis(Math.round(epochSeconds * 1000), { zone: tz }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}
