/**
 * `join [type=inner|outer|left] [usenull=<bool>] [max=<int>] [overwrite=<bool>] <field-list> [subsearch]`
 * (DOC join, SPL Search Reference): combines each main result with the subsearch results whose
 * join fields have the same values.
 * - type: inner (default) keeps only matched results; outer and left are the same: unmatched
 *   main results are kept unchanged.
 * - max: how many subsearch results each main result joins with; default 1 (the first in
 *   subsearch order); 0 means no limit.
 * - overwrite (default true): subsearch values replace main values of the same field.
 * - usenull (default false): a result missing a join field joins nothing.
 * - No field list: the fields common to both result sets.
 * - The subsearch is limited to 50,000 results (limits.conf [join] subsearch_maxout), not the
 *   10,000 of ordinary subsearches.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { resultCount } from '../core/column-table.js';
import { watchMemory } from '../core/memory.js';
import type { Table } from '../core/table.js';
import { displayValues, type FieldReader, type ResultTable, type Row } from '../core/values.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import type { CommandNodeBase, Subsearch } from '../parse/ast.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface JoinNode extends CommandNodeBase {
  type: 'inner' | 'outer';
  usenull: boolean;
  max: number;
  overwrite: boolean;
  fields: string[];
  subsearch: Subsearch;
}

/** limits.conf [join] subsearch_maxout (CONF Splunk 8.2.12 limits.conf; DOC join: "A maximum of 50,000 rows"). */
const JOIN_SUBSEARCH_MAX_RESULTS = 50_000;

const USAGE = 'Usage: join [type=inner|outer|left] [usenull=<bool>] [max=<int>] [overwrite=<bool>] <field-list> [subsearch]';

function readType(value: string, span: Span): JoinNode['type'] {
  const type = value.toLowerCase();
  if (type === 'inner') return 'inner';
  if (type === 'outer' || type === 'left') return 'outer';
  throw new SpelunkError('syntax', `Invalid value for 'type': '${value}'. Expected inner, outer or left.`, span);
}

/** The key of a row over the join fields, or undefined when a field is missing and nulls do not join. */
function keyOf(row: FieldReader, fields: readonly string[], usenull: boolean): string | undefined {
  const parts: string[] = [];
  for (const field of fields) {
    const values = displayValues(row.get(field));
    if (values.length === 0 && !usenull) return undefined;
    parts.push(values.join('\n'));
  }
  return JSON.stringify(parts);
}

function merge(main: Row, sub: Row, overwrite: boolean): Row {
  const merged: Row = new Map(main);
  for (const [field, value] of sub) {
    if (value === null) continue;
    if (overwrite || !merged.has(field) || merged.get(field) === null) merged.set(field, value);
  }
  return merged;
}

/** The results whose join key is in `index` (a column table keeps its order pending). */
function matchedOnly(input: Table, index: ReadonlyMap<string, unknown>, fields: readonly string[], usenull: boolean): Table {
  if (index.size === 0) return input.filter(() => false);
  return input.filter(
    input.test(new Set(fields), (result) => {
      const key = keyOf(result, fields, usenull);
      return key !== undefined && index.has(key);
    }),
  );
}

/**
 * One implementation for rows and columns. The subsearch runs first: an inner join with an
 * empty one keeps nothing, so a column table not formed yet (tstats) is never formed.
 */
function join(node: JoinNode, input: Table, ctx: ExecContext): ResultTable {
  const sub = ctx.runSubsearch(node.subsearch.pipeline, JOIN_SUBSEARCH_MAX_RESULTS);
  const columns = [...input.columns, ...sub.columns.filter((c) => !input.columns.includes(c))];
  if (node.type === 'inner' && resultCount(sub) === 0) return { columns, rows: [] };
  const fields = node.fields.length > 0 ? node.fields : input.columns.filter((c) => sub.columns.includes(c));
  // No main result: nothing to join, and the subsearch's results need not be put in order.
  if (input.size === 0) return { columns, rows: [] };
  const index = new Map<string, Row[]>();
  for (const row of sub.rows) {
    const key = keyOf(row, fields, node.usenull);
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  }
  // Only the main results that find a match are made into rows (an inner join usually keeps few).
  const main = node.type === 'inner' ? matchedOnly(input, index, fields, node.usenull).rows : input.rows;
  const rows: Row[] = [];
  for (const row of main) {
    const key = keyOf(row, fields, node.usenull);
    const matches = key === undefined ? undefined : index.get(key);
    if (!matches) {
      if (node.type === 'outer') rows.push(row);
      continue;
    }
    const used = node.max === 0 ? matches : matches.slice(0, node.max);
    for (const match of used) {
      watchMemory('join');
      rows.push(merge(row, match, node.overwrite));
    }
  }
  return { columns, rows };
}

export default defineCommand<JoinNode>({
  name: 'join',
  type: 'streaming',
  summary: 'Combines each result with the subsearch results that have the same values in the join fields.',
  parse(cursor) {
    let type: JoinNode['type'] = 'inner';
    let usenull = false;
    let max = 1;
    let overwrite = true;
    const fields: string[] = [];
    let subsearch: Subsearch | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['type', 'usenull', 'max', 'overwrite', 'left', 'right']);
      if (option) {
        if (option.key === 'type') type = readType(option.value, option.span);
        else if (option.key === 'usenull') usenull = booleanOption(option);
        else if (option.key === 'max') max = countOption(option);
        else if (option.key === 'overwrite') overwrite = booleanOption(option);
        else throw new SpelunkError('unsupported', `spelunk does not support join's '${option.key}=' alias syntax.`, option.span);
        continue;
      }
      if (cursor.takeComma()) continue;
      const sub = cursor.takeSubsearch();
      if (sub) {
        subsearch = sub;
        break;
      }
      fields.push(cursor.expectFieldName('to join on').name);
    }
    const found = subsearch ?? cursor.fail(`${USAGE} (the subsearch is missing)`);
    cursor.expectEnd();
    return { name: 'join', span: { start: 0, end: 0 }, type, usenull, max, overwrite, fields, subsearch: found };
  },
  explain(node) {
    const on = node.fields.length > 0 ? node.fields.join(', ') : 'the fields common to both';
    const how = node.max === 0 ? 'every match' : node.max === 1 ? 'the first match' : `up to ${node.max} matches`;
    return {
      text: `join type=${node.type} max=${node.max} overwrite=${node.overwrite} ${node.fields.join(', ')} [...]`,
      note: `${node.type} join on ${on} with ${how} of the subsearch`,
    };
  },
  subsearches: (node) => [node.subsearch.pipeline],
  execute: join,
  executeColumns: join,
});
