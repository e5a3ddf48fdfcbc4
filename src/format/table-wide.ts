/**
 * The wide table layout (`--wide`, and the table when no width is given): aligned columns up to
 * TABLE_CELL_WIDTH wide, as long a line as the columns make.
 */
import type { ResultTable } from '../core/values.js';
import { cellStrings, visibleColumns } from './cells.js';
import type { FormatOptions } from './options.js';

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

export function formatWideTable(table: ResultTable, options: FormatOptions = {}): string {
  const columns = visibleColumns(table);
  if (columns.length === 0) return table.rows.length === 0 ? '(no results)\n' : '';
  const cells = table.rows.map((row) =>
    columns.map((c) => cellStrings(c, row.get(c), options).flatMap((value) => wrap(value, TABLE_CELL_WIDTH))),
  );
  // Loops, not Math.max(...): a spread of every row overflows the stack on large results.
  const widths = columns.map((c) => c.length);
  for (const rowCells of cells) rowCells.forEach((lines, i) => lines.forEach((s) => (widths[i] = Math.max(widths[i]!, s.length))));
  const line = (parts: string[]): string => parts.map((p, i) => p.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  const heights = cells.map((rowCells) => rowCells.reduce((h, c) => Math.max(h, c.length), 1));
  // When a row takes several lines, a blank line between rows shows where each one ends.
  const separate = heights.some((h) => h > 1);
  cells.forEach((rowCells, index) => {
    if (separate && index > 0) out.push('');
    for (let k = 0; k < heights[index]!; k++) out.push(line(rowCells.map((c) => c[k] ?? '')));
  });
  if (table.rows.length === 0) out.push('(no results)');
  return out.join('\n') + '\n';
}
