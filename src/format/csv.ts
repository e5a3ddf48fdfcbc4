/**
 * CSV as Splunk exports it: a header of the fields that have a value in at least one result,
 * in column order; a multivalue cell's values joined by newlines inside one quoted cell.
 */
import type { ResultTable } from '../core/values.js';
import { cellStrings, populatedColumns } from './cells.js';
import type { FormatOptions } from './options.js';

function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(table: ResultTable, options: FormatOptions = {}): string {
  const columns = populatedColumns(table);
  if (columns.length === 0) return '';
  const lines = [columns.map(csvQuote).join(',')];
  for (const row of table.rows) {
    lines.push(columns.map((c) => csvQuote(cellStrings(c, row.get(c), options).join('\n'))).join(','));
  }
  return lines.join('\n') + '\n';
}
