/**
 * `stats <fn>[(<field>|eval(<expr>))] [AS <name>] ... [BY <field-list>]` (DOC stats, CONF S1):
 * one row per BY tuple, BY fields first then the functions in the order written, rows sorted
 * ascending by the BY tuple; rows with a null BY field are dropped; a multivalue BY field
 * counts the row once per value. Without BY there is always exactly one row (count 0 when the
 * input is empty).
 */
import { isColumnTable } from '../core/column-table.js';
import type { FieldReader, ResultTable, Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { Aggregator } from '../stats/aggregate.js';
import { compareTuples, groupTuples, tupleKey, type GroupTuple } from '../stats/grouping.js';
import { expandAggregates, feedRow, newAggregators, parseStatsArguments, writeResults, type StatsAggregate, type StatsArguments } from '../stats/stats-syntax.js';
import type { EvalContext } from '../eval/evaluate.js';
import { takeUnsupportedOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface StatsNode extends CommandNodeBase, StatsArguments {}

/** Options stats accepts and ignores because they only tune performance (DOC stats). */
const IGNORED_OPTIONS = ['partitions'];
const UNSUPPORTED_OPTIONS = ['allnum', 'delim', 'dedup_splitvals'];

export interface Group {
  tuple: GroupTuple;
  aggregators: Aggregator[];
}

/**
 * Functions whose result does not depend on the order rows arrive in (sums are left out: adding
 * floating-point numbers in another order can change the last digit). With only these, a
 * column table is aggregated in any order, so a pending sort (tstats) need not run.
 */
const ORDER_FREE = new Set(['count', 'c', 'dc', 'distinct_count', 'estdc', 'values', 'min', 'max', 'range']);

/** The input's results one after another: its rows, or a cursor moved over a column table. */
export function readersOf(input: ResultTable, aggregates: readonly StatsAggregate[]): Iterable<FieldReader> {
  if (!isColumnTable(input)) return input.rows;
  const ordered = !aggregates.every((a) => ORDER_FREE.has(a.fn.toLowerCase()));
  const indices = ordered ? input.ordered() : input.unordered();
  const cursor = input.cursor();
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < indices.length; i++) {
        cursor.index = indices[i]!;
        yield cursor;
      }
    },
  };
}

/** Groups the rows and aggregates each group; groups come back in first-seen order. */
export function aggregateGroups(args: StatsArguments, rows: Iterable<FieldReader>, ctx: EvalContext): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    for (const tuple of groupTuples(row, args.by)) {
      const key = tupleKey(tuple);
      let group = groups.get(key);
      if (!group) {
        group = { tuple, aggregators: newAggregators(args.aggregates) };
        groups.set(key, group);
      }
      feedRow(args.aggregates, group.aggregators, row, ctx);
    }
  }
  return [...groups.values()];
}

export function executeStats(written: StatsArguments, input: ResultTable, ctx: EvalContext): ResultTable {
  const args = { by: written.by, aggregates: expandAggregates(written.aggregates, input.columns, written.by) };
  const groups = aggregateGroups(args, readersOf(input, args.aggregates), ctx);
  if (args.by.length === 0 && groups.length === 0) groups.push({ tuple: [], aggregators: newAggregators(args.aggregates) });
  groups.sort((a, b) => compareTuples(a.tuple, b.tuple));
  const columns = [...args.by, ...args.aggregates.map((a) => a.column).filter((c) => !args.by.includes(c))];
  const rows = groups.map((group): Row => {
    const row: Row = new Map();
    args.by.forEach((field, index) => row.set(field, group.tuple[index]!));
    writeResults(args.aggregates, group.aggregators, row);
    return row;
  });
  return { columns: [...new Set(columns)], rows };
}

export default defineCommand<StatsNode>({
  name: 'stats',
  type: 'transforming',
  summary: 'Computes statistics (count, dc, values, list, min, max, avg, earliest, latest, ...) over the results, grouped by BY fields.',
  parse(cursor) {
    const takeOption = (): boolean => cursor.takeOption(IGNORED_OPTIONS) !== undefined || takeUnsupportedOption(cursor, UNSUPPORTED_OPTIONS);
    const args = parseStatsArguments(cursor, takeOption);
    return { name: 'stats', span: { start: 0, end: 0 }, ...args };
  },
  explain(node) {
    return { note: `computes ${node.aggregates.map((a) => a.column).join(', ')}${node.by.length > 0 ? ` for each ${node.by.join(', ')}; rows with a null BY field are dropped` : ''}` };
  },
  execute(node, input, ctx) {
    return executeStats(node, input, ctx.evalContext);
  },
});
