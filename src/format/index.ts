/**
 * Output formats. All show the same fields in the same order, every value as a string, as
 * Splunk's REST API returns it; they differ in how a result is written:
 *
 *   table        aligned columns for a person: the wide layout, or fitted to a terminal's width
 *                (src/format/table-fit.ts), one record per result when no table fits
 *   csv          Splunk's CSV export
 *   json         the results as a bare array of objects (spelunk's own, kept for scripts)
 *   splunk-json  the document of REST `output_mode=json`: preview, init_offset, messages, fields, results
 */
import type { ResultTable } from '../core/values.js';
import { formatCsv } from './csv.js';
import { formatJson, formatSplunkJson } from './json.js';
import type { FormatOptions, OutputFormat } from './options.js';
import { formatFittedTable } from './table-fit.js';
import { formatWideTable } from './table-wide.js';

export { OUTPUT_FORMATS, type FormatOptions, type OutputFormat, type SearchMessage } from './options.js';
export { cellStrings, populatedColumns, visibleColumns } from './cells.js';
export { formatCsv } from './csv.js';
export { formatJson, formatSplunkJson, splunkResultsDocument, warningMessages, type ResultObject, type SplunkResultsDocument } from './json.js';
export { TABLE_CELL_WIDTH, formatWideTable } from './table-wide.js';
export { DEFAULT_MAX_CELL_LINES, MIN_COLUMN_WIDTH, formatFittedTable } from './table-fit.js';
export { footerLine, type RunSummary } from './footer.js';
export { formatForPath } from './output-path.js';
export { DEFAULT_TABLE_WIDTH, parseWidth, tableWidth, type WidthSources } from './terminal.js';
// For the CLI's own messages on a terminal: the same word-boundary wrapping and width count.
export { ELLIPSIS, wrapLine, type LongWord, type Wrapped } from './wrap.js';
export { textWidth } from './text.js';

/**
 * The table: records when `vertical` (as wide as `width`, or unlimited); the wide layout when
 * `wide` or when no `width` is given; else fitted to `width`.
 */
export function formatTextTable(table: ResultTable, options: FormatOptions = {}): string {
  if (options.vertical) return formatFittedTable(table, options.width ?? Infinity, options);
  if (options.wide || options.width === undefined) return formatWideTable(table, options);
  return formatFittedTable(table, options.width, options);
}

/**
 * The results as text in `format`, ending with a newline (CSV of no results with no fields is
 * empty). As the CLI writes them, except that the CLI also picks the table's width.
 */
export function formatResults(table: ResultTable, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(table, options);
    case 'splunk-json':
      return formatSplunkJson(table, options);
    case 'csv':
      return formatCsv(table, options);
    case 'table':
      return formatTextTable(table, options);
  }
}
