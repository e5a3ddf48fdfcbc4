/**
 * `| inputlookup [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] <filename> | <tablename>
 *  [WHERE <search-query>]` (DOC inputlookup): the rows of a lookup table as results, each CSV
 * column a field (empty cells are null), in file order.
 */
import type { Span } from '../core/errors.js';
import type { ResultTable, Row } from '../core/values.js';
import { LookupCatalog, readLookupCsv } from '../lookup/index.js';
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { compileRowPredicate } from '../search/row-predicate.js';
import { defineCommand } from './types.js';

export interface InputlookupNode extends CommandNodeBase {
  table: string;
  tableSpan: Span;
  append: boolean;
  start: number;
  max: number;
  where: SearchExpr | undefined;
}

/** DOC inputlookup: `max` default 1000000000, `start` default 0. */
const DEFAULT_MAX = 1_000_000_000;

export default defineCommand<InputlookupNode>({
  name: 'inputlookup',
  type: 'generating',
  summary: 'Returns the rows of a lookup table (definition name or CSV file name).',
  parse(cursor) {
    let append = false;
    let start = 0;
    let max = DEFAULT_MAX;
    for (let option = cursor.takeOption(['append', 'strict', 'start', 'max']); option; option = cursor.takeOption(['append', 'strict', 'start', 'max'])) {
      if (option.key === 'append') append = booleanOption(option);
      else if (option.key === 'start') start = countOption(option);
      else if (option.key === 'max') max = countOption(option);
      // strict= only changes how a failing KV store or external lookup is reported.
    }
    const table = cursor.takeFieldName() ?? cursor.fail('Usage: inputlookup [append=<bool>] [start=<int>] [max=<int>] <filename> | <tablename> [WHERE <search-query>]');
    let where: SearchExpr | undefined;
    if (cursor.takeWord('where')) where = cursor.searchExpression(cursor.takeUntil(() => false));
    cursor.expectEnd();
    return { name: 'inputlookup', span: { start: 0, end: 0 }, table: table.name, tableSpan: table.span, append, start, max, where };
  },
  explain(node) {
    return { note: `reads the rows of lookup '${node.table}'${node.where ? ' that match the WHERE clause' : ''}` };
  },
  allowedAfterFirst: (node) => node.append,
  validate(node, ctx) {
    LookupCatalog.forSearch(ctx.lookupPaths, ctx.outputLookupDir).resolve(node.table, node.tableSpan);
  },
  execute(node, input, ctx) {
    const definition = LookupCatalog.forSearch(ctx.lookupPaths, ctx.outputLookupDir).resolve(node.table, node.tableSpan);
    const table = readLookupCsv(definition.file!);
    const keep = node.where ? compileRowPredicate(node.where, { now: ctx.now, tz: ctx.tz }) : () => true;
    const rows: Row[] = [];
    for (const entry of table.rows.slice(node.start)) {
      const row: Row = new Map();
      table.fields.forEach((field, index) => {
        const cell = entry[index]!;
        if (cell !== '') row.set(field, cell);
      });
      if (!keep(row)) continue;
      rows.push(row);
      if (rows.length >= node.max) break;
    }
    const read: ResultTable = { columns: [...table.fields], rows };
    if (!node.append) return read;
    // append=true: the table's rows follow the current results (DOC inputlookup, append).
    const columns = [...input.columns, ...read.columns.filter((c) => !input.columns.includes(c))];
    return { columns, rows: [...input.rows, ...read.rows] };
  },
});
