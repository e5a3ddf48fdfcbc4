/**
 * `| makeresults [count=<int>] [annotate=<bool>]` and `| makeresults format=(json|csv)
 * data=<text>` (DOC makeresults 10.0). The first form generates `count` results (default 1)
 * holding only `_time`, the search's now. With annotate=true the results also carry `_raw`,
 * `host`, `source`, `sourcetype`, `splunk_server` and `splunk_server_group`, in that order after
 * `_time`: empty offline except splunk_server, "the name of the server that the makeresults
 * command is run on" (this machine's host name). The second form makes one result per JSON
 * object of an array, or per CSV line after the header line; it ignores count and annotate, as
 * the page says, and data that does not parse is an error.
 */
import { hostname } from 'node:os';
import { parse as parseCsv } from 'csv-parse/sync';
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import { watchMemory } from '../core/memory.js';
import { fromValues, type Row, type Scalar, type Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface MakeresultsNode extends CommandNodeBase {
  count: number;
  annotate: boolean;
  /** The inline data's results (format= and data=), read when the search is parsed. */
  data?: { columns: string[]; rows: Row[] };
}

const ANNOTATED_COLUMNS = ['_raw', 'host', 'source', 'sourcetype', 'splunk_server', 'splunk_server_group'];

/** A JSON value as a field value: text as it is, numbers and Booleans as JSON writes them, arrays as multivalues, objects as JSON text [INF]. */
function fieldValueOf(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return fromValues(value.map((item) => fieldValueOf(item)).filter((v): v is Scalar => v !== null && !Array.isArray(v)));
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function dataError(format: string, detail: string, span: Span): SpelunkError {
  return new SpelunkError('search', `Error in 'makeresults' command: the data is not valid ${format.toUpperCase()}: ${detail}`, span);
}

/** The results the inline data describes. */
function inlineResults(format: string, text: string, span: Span): { columns: string[]; rows: Row[] } {
  let columns: string[] = [];
  const rows: Row[] = [];
  const add = (entries: [string, Value][]): void => {
    const row: Row = new Map();
    for (const [name, value] of entries) if (value !== null) row.set(name, value);
    columns = appendColumns(columns, entries.map(([name]) => name));
    rows.push(row);
  };
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw dataError(format, error instanceof Error ? error.message : String(error), span);
    }
    const objects = Array.isArray(parsed) ? parsed : [parsed];
    for (const object of objects) {
      if (typeof object !== 'object' || object === null || Array.isArray(object)) throw dataError(format, 'expected JSON objects', span);
      add(Object.entries(object as Record<string, unknown>).map(([k, v]) => [k, fieldValueOf(v)]));
    }
    return { columns, rows };
  }
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw dataError(format, error instanceof Error ? error.message : String(error), span);
  }
  const [header, ...lines] = records;
  if (!header) throw dataError(format, 'no header line', span);
  for (const line of lines) add(header.map((name, i) => [name, line[i] === undefined || line[i] === '' ? null : line[i]!]));
  if (rows.length === 0) columns = [...header];
  return { columns, rows };
}

export default defineCommand<MakeresultsNode>({
  name: 'makeresults',
  type: 'generating',
  summary: 'Generates `count=` results (default 1) with `_time` set to now (`annotate=`), or the results of inline `format=json|csv data=`.',
  parse(cursor) {
    let count = 1;
    let annotate = false;
    let format: { value: string; span: Span } | undefined;
    let data: { value: string; span: Span } | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['count', 'annotate', 'splunk_server', 'splunk_server_group', 'format', 'data']);
      if (!option) cursor.expectEnd();
      else if (option.key === 'count') count = countOption(option);
      else if (option.key === 'annotate') annotate = booleanOption(option);
      else if (option.key === 'format') {
        const value = option.value.toLowerCase();
        if (value !== 'json' && value !== 'csv') throw new SpelunkError('syntax', `Error in 'makeresults' command: format must be json or csv, not '${option.value}'.`, option.span);
        format = { value, span: option.span };
      } else if (option.key === 'data') data = { value: option.value, span: option.span };
    }
    const node: MakeresultsNode = { name: 'makeresults', span: { start: 0, end: 0 }, count, annotate };
    if (data === undefined) {
      if (format) throw new SpelunkError('syntax', "Error in 'makeresults' command: format= needs data=.", format.span);
      return node;
    }
    return { ...node, data: inlineResults(format?.value ?? 'json', data.value, data.span) };
  },
  explain(node) {
    return { note: node.data ? `makes ${node.data.rows.length} result(s) from the inline data` : `makes ${node.count} result(s) with _time = now` };
  },
  execute(node, _input, ctx) {
    if (node.data) {
      // Each search gets its own rows: later commands change rows in place.
      return { columns: ['_time', ...node.data.columns.filter((c) => c !== '_time')], rows: node.data.rows.map((row) => new Map([['_time', ctx.now], ...row])) };
    }
    const rows: Row[] = [];
    const server = node.annotate ? hostname() : undefined;
    for (let i = 0; i < node.count; i++) {
      watchMemory('makeresults');
      const row: Row = new Map([['_time', ctx.now]]);
      if (server !== undefined) row.set('splunk_server', server);
      rows.push(row);
    }
    return { columns: node.annotate ? ['_time', ...ANNOTATED_COLUMNS] : ['_time'], rows };
  },
});
