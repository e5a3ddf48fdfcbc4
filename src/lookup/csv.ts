/**
 * Lookup tables as CSV files: the first row names the fields, every other row is one entry.
 * Reading tolerates what security_content's files contain (CRLF or mixed line endings, a BOM,
 * short rows, white space after a comma); writing quotes the way Splunk's outputlookup does (only when needed).
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { SpelunkError } from '../core/errors.js';
import { displayValues, type ResultTable } from '../core/values.js';

export interface LookupTable {
  /** The header row, in file order. */
  fields: string[];
  /** One array per entry, aligned with `fields`; a missing cell is ''. */
  rows: string[][];
}

const cache = new Map<string, { stamp: string; table: LookupTable }>();

/** Reads (and caches, until the file changes) one CSV lookup file. */
export function readLookupCsv(path: string): LookupTable {
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch (error) {
    throw new SpelunkError('input', `cannot read lookup file ${path}: ${reason(error)}`);
  }
  const cached = cache.get(path);
  if (cached && cached.stamp === stamp) return cached.table;
  const table = parseLookupCsv(readText(path), path);
  cache.set(path, { stamp, table });
  return table;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SpelunkError('input', `cannot read lookup file ${path}: ${reason(error)}`);
  }
}

export function parseLookupCsv(text: string, shownPath: string): LookupTable {
  let records: string[][];
  try {
    // `trim`: white space around an unquoted cell is dropped, inside quotes it is kept (see
    // docs/semantics.md, "Lookup cells with a leading space": security_content's
    // `*.3d-game.com*, True` must read as `True` for its production detection to match).
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new SpelunkError('input', `${shownPath}: invalid CSV: ${reason(error)}`);
  }
  const [header, ...body] = records;
  if (!header) return { fields: [], rows: [] };
  const fields = header.map((name) => name.trim());
  const rows = body.map((record) => fields.map((_, index) => record[index] ?? ''));
  return { fields, rows };
}

/** A result table as CSV text: header of its columns, multivalues joined by newlines (DOC tenzir#103/Search Manual: multivalue fields CSV export). */
export function tableToCsv(table: ResultTable): string {
  const columns = table.columns;
  const lines = [columns.map(quoteCell).join(',')];
  for (const row of table.rows) {
    lines.push(columns.map((column) => quoteCell(displayValues(row.get(column)).join('\n'))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
