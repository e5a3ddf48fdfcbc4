/**
 * JSON: `json` is the bare array of result objects spelunk has always printed; `splunk-json`
 * the whole document Splunk's REST API returns for `output_mode=json`.
 */
import type { ResultTable } from '../core/values.js';
import { isMultiValue } from '../core/values.js';
import { cellStrings, populatedColumns, visibleColumns } from './cells.js';
import type { FormatOptions, SearchMessage } from './options.js';

/** One result as REST JSON writes it: every value a string, a multivalue an array, null fields left out. */
export type ResultObject = Record<string, string | string[]>;

function resultObjects(table: ResultTable, columns: readonly string[], options: FormatOptions): ResultObject[] {
  return table.rows.map((row) => {
    const object: ResultObject = {};
    for (const column of columns) {
      const value = row.get(column);
      const strings = cellStrings(column, value, options);
      if (strings.length === 0) continue;
      object[column] = isMultiValue(value) && strings.length > 1 ? strings : strings[0]!;
    }
    return object;
  });
}

/** The results as an array of objects, keys in column order, indented by two spaces. */
export function formatJson(table: ResultTable, options: FormatOptions = {}): string {
  return JSON.stringify(resultObjects(table, visibleColumns(table), options), null, 2) + '\n';
}

/** Splunk's `output_mode=json` results document. */
export interface SplunkResultsDocument {
  preview: false;
  init_offset: 0;
  messages: SearchMessage[];
  fields: { name: string }[];
  results: ResultObject[];
  highlighted: Record<string, never>;
}

export function splunkResultsDocument(table: ResultTable, options: FormatOptions = {}): SplunkResultsDocument {
  const columns = populatedColumns(table);
  return {
    // Final results of a finished job, from the first one.
    preview: false,
    init_offset: 0,
    messages: (options.messages ?? []).map((m) => ({ type: m.type, text: m.text })),
    fields: columns.map((name) => ({ name })),
    results: resultObjects(table, columns, options),
    highlighted: {},
  };
}

/** The document on one line, as splunkd sends it. */
export function formatSplunkJson(table: ResultTable, options: FormatOptions = {}): string {
  return JSON.stringify(splunkResultsDocument(table, options)) + '\n';
}

/** spelunk's warnings as the document's messages. */
export function warningMessages(warnings: readonly string[]): SearchMessage[] {
  return warnings.map((text) => ({ type: 'WARN', text }));
}
