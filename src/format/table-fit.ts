/**
 * Results fitted to a terminal's width. No line is longer than the width.
 *
 * First a table: when every column fits unwrapped, as it is; otherwise the columns share the
 * width, none narrower than its header or than MIN_COLUMN_WIDTH (unless its content is
 * narrower), and cells wrap at word boundaries, a cell longer than `maxCellLines` lines
 * ending in an ellipsis. When even the narrowest columns do not fit, one record per result
 * instead (psql's expanded display, `\x`): a `field  value` line per field, long values wrapped
 * under themselves, every character shown, a blank line between results.
 */
import { SpelunkError } from '../core/errors.js';
import type { ResultTable } from '../core/values.js';
import { cellStrings, visibleColumns } from './cells.js';
import type { FormatOptions } from './options.js';
import { textWidth, valueLines } from './text.js';
import { withEllipsis, wrapLine } from './wrap.js';

/** Narrowest a column with wider content gets: a timestamp (19) or a host name still fits. */
export const MIN_COLUMN_WIDTH = 20;
/** Most lines a table cell takes before it is cut with an ellipsis, unless told otherwise. */
export const DEFAULT_MAX_CELL_LINES = 6;
/** Spaces between two columns, and between a field's name and its value in a record. */
const GAP = 2;
/** Below this width a record's values start on the line after their field's name, not indented. */
const NARROWEST_SIDE_BY_SIDE = 8;

const NO_RESULTS = '(no results)';

/** Each cell as its lines of text: one per value of a multivalue, split at newlines. */
type CellText = string[];

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

function cellTexts(table: ResultTable, columns: string[], options: FormatOptions): CellText[][] {
  return table.rows.map((row) =>
    columns.map((c) => {
      const strings = cellStrings(c, row.get(c), options);
      return strings.length === 1 ? valueLines(strings[0]!) : strings.flatMap(valueLines);
    }),
  );
}

/** Column widths with no wrapping: the header or the longest line of any cell. */
function naturalWidths(columns: string[], cells: CellText[][]): number[] {
  const widths = columns.map(textWidth);
  for (const row of cells) row.forEach((cell, i) => cell.forEach((text) => (widths[i] = Math.max(widths[i]!, textWidth(text)))));
  return widths;
}

/**
 * Shares `available` columns out: each column first gets its minimum, then the rest goes in
 * equal shares to the columns that want more, a column never getting more than it needs
 * (max-min fairness). Undefined when the minimums do not fit.
 */
export function shareWidth(headers: readonly number[], natural: readonly number[], available: number): number[] | undefined {
  if (natural.reduce((a, b) => a + b, 0) <= available) return [...natural];
  const widths = natural.map((n, i) => Math.max(headers[i]!, Math.min(n, MIN_COLUMN_WIDTH)));
  let spare = available - widths.reduce((a, b) => a + b, 0);
  if (spare < 0) return undefined;
  let wanting = widths.flatMap((w, i) => (natural[i]! > w ? [i] : []));
  while (spare > 0 && wanting.length > 0) {
    const share = Math.floor(spare / wanting.length);
    if (share === 0) {
      // Fewer spare columns than columns wanting one: the leftmost get them.
      for (const i of wanting.slice(0, spare)) widths[i]! += 1;
      break;
    }
    for (const i of wanting) {
      const give = Math.min(share, natural[i]! - widths[i]!);
      widths[i]! += give;
      spare -= give;
    }
    wanting = wanting.filter((i) => natural[i]! > widths[i]!);
  }
  return widths;
}

/** A cell's lines in a column `width` wide: wrapped, cut with an ellipsis past `maxLines`. */
export function cellLines(texts: CellText, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const text of texts) {
    const wrapped = wrapLine(text, width, 'truncate');
    for (const piece of wrapped.lines) lines.push(piece);
    if (wrapped.cut || lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, width);
  return kept;
}

function renderTable(columns: string[], cells: CellText[][], widths: number[], maxLines: number, width: number): string[] {
  const line = (parts: string[]): string => parts.map((p, i) => pad(p, widths[i]!)).join(' '.repeat(GAP)).trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  const rows = cells.map((row) => row.map((cell, i) => cellLines(cell, widths[i]!, maxLines)));
  // When a row takes several lines, a blank line between rows shows where each one ends.
  const separate = rows.some((row) => row.some((cell) => cell.length > 1));
  rows.forEach((row, index) => {
    if (separate && index > 0) out.push('');
    const height = row.reduce((h, cell) => Math.max(h, cell.length), 1);
    for (let k = 0; k < height; k++) out.push(line(row.map((cell) => cell[k] ?? '')));
  });
  if (cells.length === 0) out.push(...wrapLine(NO_RESULTS, width, 'break').lines);
  return out;
}

/**
 * One result as `field  value` lines, values starting in `valueColumn`; a name too wide to
 * stand beside its value gets a line of its own, its value on the lines under it.
 */
function renderRecord(columns: string[], row: CellText[], width: number, valueColumn: number, out: string[]): void {
  const valueWidth = width - valueColumn;
  const indent = ' '.repeat(valueColumn);
  columns.forEach((name, i) => {
    const sideBySide = valueColumn > 0 && textWidth(name) + GAP <= valueColumn;
    if (!sideBySide) out.push(...wrapLine(name, width, 'break').lines);
    let first = sideBySide;
    for (const text of row[i]!) {
      for (const value of wrapLine(text, valueWidth, 'break').lines) {
        out.push(((first ? pad(name, valueColumn) : indent) + value).trimEnd());
        first = false;
      }
    }
    if (first) out.push(name);
  });
}

/**
 * Where values start: after the longest name that takes at most half the line, so a value
 * always has the other half (or, when no name is that short, two spaces in).
 */
function recordValueColumn(columns: string[], width: number): number {
  if (width < NARROWEST_SIDE_BY_SIDE) return 0;
  const half = Math.floor((width - GAP) / 2);
  const beside = columns.map(textWidth).filter((w) => w <= half);
  return beside.reduce((widest, w) => Math.max(widest, w), 0) + GAP;
}

function renderRecords(columns: string[], cells: CellText[][], width: number): string[] {
  if (cells.length === 0) return wrapLine(NO_RESULTS, width, 'break').lines;
  const valueColumn = recordValueColumn(columns, width);
  const out: string[] = [];
  cells.forEach((row, index) => {
    if (index > 0) out.push('');
    renderRecord(columns, row, width, valueColumn, out);
  });
  return out;
}

export function checkWidth(width: number): void {
  if (!(width >= 1)) throw new SpelunkError('usage', `a table needs a width of at least 1 column, got ${width}`);
}

/** The table or the records, fitted to `width` columns (Infinity: no limit). */
export function formatFittedTable(table: ResultTable, width: number, options: FormatOptions = {}): string {
  checkWidth(width);
  const columns = visibleColumns(table);
  if (columns.length === 0) return table.rows.length === 0 ? wrapLine(NO_RESULTS, width, 'break').lines.join('\n') + '\n' : '';
  const cells = cellTexts(table, columns, options);
  const maxLines = Math.max(1, options.maxCellLines ?? DEFAULT_MAX_CELL_LINES);
  const widths = options.vertical
    ? undefined
    : shareWidth(columns.map(textWidth), naturalWidths(columns, cells), Math.floor(width) - GAP * (columns.length - 1));
  const lines = widths ? renderTable(columns, cells, widths, maxLines, Math.floor(width)) : renderRecords(columns, cells, Math.floor(width));
  return lines.join('\n') + '\n';
}
