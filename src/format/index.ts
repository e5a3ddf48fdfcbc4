/**
 * Output formats. All three show the same columns in the same order; they differ only in how
 * a row is written. Every value is shown as a string, as Splunk's REST API returns it.
 */
import { DateTime } from 'luxon';
import type { ResultTable, Value } from '../core/values.js';
import { displayValues, isMultiValue } from '../core/values.js';

export type OutputFormat = 'table' | 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json'];

export interface FormatOptions {
  /** IANA zone for rendering `_time`; UTC by default. */
  tz?: string;
}

/** Fields shown in output: internal `_` fields are hidden except `_time` and `_raw`. */
export function visibleColumns(table: ResultTable): string[] {
  return table.columns.filter((c) => !c.startsWith('_') || c === '_time' || c === '_raw');
}

export function formatResults(table: ResultTable, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(table, options);
    case 'csv':
      return formatCsv(table, options);
    case 'table':
      return formatTextTable(table, options);
  }
}

/** The display strings of one cell; `_time` as an ISO timestamp in the output zone. */
function cellStrings(column: string, value: Value | undefined, options: FormatOptions): string[] {
  if (column === '_time' && typeof value === 'number') return [formatTimeField(value, options.tz ?? 'UTC')];
  return displayValues(value);
}

function formatTimeField(epochSeconds: number, tz: string): string {
  return DateTime.fromMillis(Math.round(epochSeconds * 1000), { zone: tz }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}

function formatJson(table: ResultTable, options: FormatOptions = {}): string {
  const columns = visibleColumns(table);
  const objects = table.rows.map((row) => {
    const object: Record<string, string | string[]> = {};
    for (const column of columns) {
      const value = row.get(column);
      const strings = cellStrings(column, value, options);
      if (strings.length === 0) continue;
      object[column] = isMultiValue(value) && strings.length > 1 ? strings : strings[0]!;
    }
    return object;
  });
  return JSON.stringify(objects, null, 2) + '\n';
}

function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCsv(table: ResultTable, options: FormatOptions = {}): string {
  const columns = visibleColumns(table);
  const lines = [columns.map(csvQuote).join(',')];
  for (const row of table.rows) {
    lines.push(columns.map((c) => csvQuote(cellStrings(c, row.get(c), options).join('\n'))).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Widest a table column grows; longer values wrap onto more lines, as a results table wraps them. */
export const TABLE_CELL_WIDTH = 60;

/** Breaks after the last space that fits, else at the width; no character is dropped. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width - 1);
    const cut = space > 0 ? space + 1 : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

function formatTextTable(table: ResultTable, options: FormatOptions = {}): string {
  const columns = visibleColumns(table);
  if (columns.length === 0) return table.rows.length === 0 ? '(no results)\n' : '';
  const cells = table.rows.map((row) =>
    columns.map((c) => cellStrings(c, row.get(c), options).flatMap((value) => wrap(value, TABLE_CELL_WIDTH))),
  );
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((rowCells) => Math.max(0, ...rowCells[i]!.map((s) => s.length)))),
  );
  const line = (parts: string[]): string => parts.map((p, i) => p.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  const heights = cells.map((rowCells) => Math.max(1, ...rowCells.map((c) => c.length)));
  // When a row takes several lines, a blank line between rows shows where each one ends.
  const separate = heights.some((h) => h > 1);
  cells.forEach((rowCells, index) => {
    if (separate && index > 0) out.push('');
    for (let k = 0; k < heights[index]!; k++) out.push(line(rowCells.map((c) => c[k] ?? '')));
  });
  if (table.rows.length === 0) out.push('(no results)');
  return out.join('\n') + '\n';
}
