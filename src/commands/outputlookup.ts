/**
 * `outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>]
 *  <filename> | <tablename>` (DOC outputlookup): writes the results to a CSV lookup file and
 * passes them on unchanged. spelunk writes only inside the folder the user named with
 * `--output-lookups`, and never outside it: plain file names only, and no symbolic link is
 * followed (src/lookup/safe-write.ts).
 */
import { mkdirSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { SpelunkError, type Span } from '../core/errors.js';
import type { ResultTable } from '../core/values.js';
import { LookupCatalog, parseLookupCsv, tableToCsv } from '../lookup/index.js';
import { readInside, removeInside, writeInside } from '../lookup/safe-write.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { defineCommand } from './types.js';

export interface OutputlookupNode extends CommandNodeBase {
  table: string;
  tableSpan: Span;
  append: boolean;
  createEmpty: boolean;
  overrideIfEmpty: boolean;
  max: number | undefined;
}

const UNSUPPORTED_OPTIONS = ['key_field', 'allow_updates', 'createinapp', 'create_context', 'output_format'];

/** The file name `outputlookup` writes: the table itself when it names a .csv, else its definition's file. */
function targetFileName(node: OutputlookupNode, catalog: LookupCatalog): string {
  if (/\.csv\.gz$/i.test(node.table)) {
    throw new SpelunkError('unsupported', 'spelunk does not support writing compressed (.csv.gz) lookups.', node.tableSpan);
  }
  const name = /\.csv$/i.test(node.table) ? node.table : basename(catalog.resolve(node.table, node.tableSpan).file!);
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || name.includes('\0')) {
    throw new SpelunkError('search', `outputlookup: '${node.table}' is not a plain file name; paths are not allowed.`, node.tableSpan);
  }
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new SpelunkError('search', `outputlookup: '${JSON.stringify(name).slice(1, -1)}' has control characters; they are not allowed in file names.`, node.tableSpan);
  }
  return name;
}

function writeTable(folder: string, file: string, table: ResultTable): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new SpelunkError('input', `outputlookup: cannot create ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  writeInside(file, table.columns.length === 0 ? '' : tableToCsv(table));
}

/** append=true: existing rows first, then the new ones; the header is the union of both (existing first). */
function appended(file: string, table: ResultTable): ResultTable {
  const text = readInside(file);
  if (text === undefined) return table;
  const existing = parseLookupCsv(text, file);
  const columns = [...existing.fields, ...table.columns.filter((c) => !existing.fields.includes(c))];
  const oldRows = existing.rows.map((entry) => new Map(existing.fields.flatMap((f, i) => (entry[i] ? [[f, entry[i]!] as const] : []))));
  return { columns, rows: [...oldRows, ...table.rows] };
}

export default defineCommand<OutputlookupNode>({
  name: 'outputlookup',
  type: 'streaming',
  summary: 'Writes the results to a CSV lookup file in the --output-lookups folder; passes them on unchanged.',
  parse(cursor) {
    const node: OutputlookupNode = {
      name: 'outputlookup',
      span: { start: 0, end: 0 },
      table: '',
      tableSpan: { start: 0, end: 0 },
      append: false,
      createEmpty: true,
      overrideIfEmpty: true,
      max: undefined,
    };
    const keys = ['append', 'create_empty', 'override_if_empty', 'max', ...UNSUPPORTED_OPTIONS];
    for (let option = cursor.takeOption(keys); option; option = cursor.takeOption(keys)) {
      if (UNSUPPORTED_OPTIONS.includes(option.key)) {
        throw new SpelunkError('unsupported', `spelunk does not support the outputlookup option '${option.key}'.`, option.span);
      }
      if (option.key === 'append') node.append = booleanOption(option);
      else if (option.key === 'create_empty') node.createEmpty = booleanOption(option);
      else if (option.key === 'override_if_empty') node.overrideIfEmpty = booleanOption(option);
      else node.max = countOption(option);
    }
    const table = cursor.takeFieldName() ?? cursor.fail('Usage: outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>] <filename> | <tablename>');
    cursor.expectEnd();
    return { ...node, table: table.name, tableSpan: table.span };
  },
  explain(node) {
    return { note: `${node.append ? 'appends' : 'writes'} the results to lookup '${node.table}' (in the --output-lookups folder)` };
  },
  validate(node, ctx) {
    if (ctx.outputLookupDir === undefined) {
      throw new SpelunkError(
        'search',
        `outputlookup: writing lookup files is off. Give --output-lookups DIR to let outputlookup write '${node.table}' into DIR.`,
        node.tableSpan,
      );
    }
  },
  execute(node, input, ctx) {
    const folder = resolve(ctx.outputLookupDir!);
    const name = targetFileName(node, LookupCatalog.forSearch(ctx.lookupPaths, ctx.outputLookupDir));
    const file = resolve(folder, name);
    const inside = relative(folder, file);
    if (inside === '' || inside.startsWith('..') || inside.includes(sep)) {
      throw new SpelunkError('search', `outputlookup: '${node.table}' would be written outside ${folder}.`, node.tableSpan);
    }
    const rows = node.max === undefined ? input.rows : input.rows.slice(0, node.max);
    if (rows.length === 0) {
      // DOC outputlookup: with no results, override_if_empty=false keeps the file; otherwise it is
      // replaced by an empty file (create_empty=true) or removed.
      if (!node.overrideIfEmpty) return input;
      if (node.createEmpty) writeTable(folder, file, { columns: [], rows: [] });
      else removeInside(file);
      return input;
    }
    const table: ResultTable = { columns: input.columns, rows };
    writeTable(folder, file, node.append ? appended(file, table) : table);
    return input;
  },
});
