/**
 * `stats <fn>[(<field>|eval(<expr>))] [AS <name>] ... [BY <field-list>]` (DOC stats, CONF Splunk 8.2.12):
 * one row per BY tuple, BY fields first then the functions in the order written, rows sorted
 * ascending by the BY tuple; rows with a null BY field are dropped; a multivalue BY field
 * counts the row once per value. Without BY there is always exactly one row (count 0 when the
 * input is empty).
 */
import { SpelunkError } from '../core/errors.js';
import { arrayColumn, ColumnTable, computedColumn, type Column } from '../core/column-table.js';
import { rowTableOf, type RowTable } from '../core/table.js';
import { parseNumber, valuesOf, type FieldReader, type ResultTable, type Row, type Value } from '../core/values.js';
import { groupByIds } from '../stats/column-grouping.js';
import { isTotalOrder, sortAtomIds } from '../stats/order.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { Aggregator } from '../stats/aggregate.js';
import { compareTuples, groupTuples, tupleKey, type GroupTuple } from '../stats/grouping.js';
import { aggregatorMaker, expandAggregates, feedRow, newAggregators, parseStatsArguments, writeResults, type StatsAggregate, type StatsArguments } from '../stats/stats-syntax.js';
import type { EvalContext } from '../eval/evaluate.js';
import { booleanOption, takeUnsupportedOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface StatsNode extends CommandNodeBase, StatsArguments {
  /** `allnum=true`: a numeric statistic of a group is null unless every value of its field there is a number (DOC stats). */
  allnum?: boolean;
}

/** Options stats accepts and ignores because they only tune performance (DOC stats). */
const IGNORED_OPTIONS = ['partitions'];
const UNSUPPORTED_OPTIONS = ['delim', 'dedup_splitvals'];

export interface Group {
  tuple: GroupTuple;
  aggregators: Aggregator[];
}

/** The statistics `allnum=true` applies to: those that read their values as numbers (DOC stats, eventstats, streamstats: "numerical statistics"). */
export function isNumericStatistic(fn: string): boolean {
  return /^(avg|mean|sum|sumsq|median|min|max|range|stdev|stdevp|var|varp|(perc|p|exactperc|upperperc)\d+(\.\d+)?)$/.test(fn.toLowerCase());
}

/** Whether a field value counts as numeric for `allnum`: present, and every value a number. */
export function allNumeric(value: Value | undefined): boolean {
  const values = valuesOf(value);
  return values.length > 0 && values.every((v) => typeof v === 'number' || (typeof v === 'string' && parseNumber(v) !== undefined));
}

/**
 * For `allnum=true`: the group keys and aggregate positions (`<key>\u0000<index>`) whose field has
 * a value in the group that is not a number, or no value (DOC eventstats: "applies to empty values
 * as well"). `everyTuple`: a row belongs to each of its BY tuples (stats), else to its first (eventstats).
 */
export function nonNumericGroups(args: StatsArguments, rows: Iterable<FieldReader>, everyTuple: boolean): Set<string> {
  const spoiled = new Set<string>();
  const checked = args.aggregates.map((a, index) => ({ a, index })).filter(({ a }) => a.field !== undefined && isNumericStatistic(a.fn));
  if (checked.length === 0) return spoiled;
  for (const row of rows) {
    const tuples = groupTuples(row, args.by);
    for (const tuple of everyTuple ? tuples : tuples.slice(0, 1)) {
      const key = tupleKey(tuple);
      for (const { a, index } of checked) if (!allNumeric(row.get(a.field!))) spoiled.add(`${key}\u0000${index}`);
    }
  }
  return spoiled;
}

/**
 * Functions whose result does not depend on the order rows arrive in (sums are left out: adding
 * floating-point numbers in another order can change the last digit). With only these, a
 * column table is aggregated in any order, so a pending sort (tstats) need not run.
 */
const ORDER_FREE = new Set(['count', 'c', 'dc', 'distinct_count', 'estdc', 'values', 'min', 'max', 'range']);

/**
 * A column table's indices in the order grouping needs: output order, unless nothing can tell
 * the orders apart. That takes order-free aggregates and BY columns whose ids are ranked (tstats
 * BY fields: one form per printed value, a total order), so neither a group's first-seen value
 * nor the order of groups depends on the order results come in.
 */
function indicesFor(input: ColumnTable, aggregates: readonly StatsAggregate[], by: readonly string[]): Uint32Array {
  const orderFree = aggregates.every((a) => ORDER_FREE.has(a.fn.toLowerCase()));
  const ranked = by.every((field) => input.data.get(field)?.encoding?.ranks?.() !== undefined);
  return orderFree && ranked ? input.unordered() : input.ordered();
}

/** A column table's results one after another, as a cursor moved over it. */
function readersOf(input: ColumnTable, aggregates: readonly StatsAggregate[], by: readonly string[]): Iterable<FieldReader> {
  const indices = indicesFor(input, aggregates, by);
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

/**
 * The input grouped and each group aggregated: the groups in first-seen order; per BY field each
 * group's rank when the column knew its ranks; and, for a column table grouped on ids, the group
 * of any of its results.
 */
export interface Grouped {
  groups: Group[];
  ranks?: (Int32Array | undefined)[];
  groupAt?: (index: number) => Group | undefined;
}

/** Groups the results and aggregates each group. */
export function groupRows(args: StatsArguments, input: RowTable, ctx: EvalContext): Grouped {
  return { groups: aggregateRows(args, input.rows, ctx) };
}

/** As groupRows; a column table whose BY columns have dictionaries is grouped on its ids. */
export function groupColumns(args: StatsArguments, input: ColumnTable, ctx: EvalContext): Grouped {
  if (args.by.length > 0) {
    const newAggregators = aggregatorMaker(args.aggregates);
    const { groups, ranks, groupAt } = groupByIds(
      input,
      args.by,
      indicesFor(input, args.aggregates, args.by),
      (tuple): Group => ({ tuple, aggregators: newAggregators() }),
      (group, row) => feedRow(args.aggregates, group.aggregators, row, ctx),
    );
    if (groups) return { groups, ...(ranks ? { ranks } : {}), ...(groupAt ? { groupAt } : {}) };
  }
  return { groups: aggregateRows(args, readersOf(input, args.aggregates, args.by), ctx) };
}

function aggregateRows(args: StatsArguments, rows: Iterable<FieldReader>, ctx: EvalContext): Group[] {
  const groups = new Map<string, Group>();
  const newAggregators = aggregatorMaker(args.aggregates);
  for (const row of rows) {
    for (const tuple of groupTuples(row, args.by)) {
      const key = tupleKey(tuple);
      let group = groups.get(key);
      if (!group) {
        group = { tuple, aggregators: newAggregators() };
        groups.set(key, group);
      }
      feedRow(args.aggregates, group.aggregators, row, ctx);
    }
  }
  return [...groups.values()];
}

/**
 * Each group's rank among the distinct values of BY field `field`, in compareAtoms order; undefined
 * when that order is not total over these values (then only comparing pairs gives the row path's
 * result).
 */
function fieldRanks(groups: readonly Group[], field: number): Int32Array | undefined {
  const valueIds = new Map<string, number>();
  const texts: string[] = [];
  const numbers: number[] = [];
  const groupValue = new Int32Array(groups.length);
  groups.forEach((group, g) => {
    const value = group.tuple[field]!;
    const text = String(value);
    let id = valueIds.get(text);
    if (id === undefined) {
      id = texts.length;
      valueIds.set(text, id);
      texts.push(text);
      numbers.push(typeof value === 'number' ? value : (parseNumber(text) ?? Number.NaN));
    }
    groupValue[g] = id;
  });
  const sorted = sortAtomIds(texts.map((_, id) => id), texts, numbers);
  if (!isTotalOrder(sorted, texts, numbers)) return undefined;
  const rankOfValue = new Int32Array(texts.length);
  sorted.forEach((id, rank) => (rankOfValue[id] = rank));
  return groupValue.map((id) => rankOfValue[id]!);
}

/**
 * Groups in ascending BY order (compareAtoms). Each field's distinct values are ranked once (or
 * the ranks come `known`, per group, from the column, e.g. a tstats BY field), so the sort
 * compares small integers; a stable sort keeps first-seen order among equal tuples.
 */
function sortedByTuple(groups: readonly Group[], known: readonly (Int32Array | undefined)[] = []): Group[] {
  const width = groups[0]?.tuple.length ?? 0;
  const ranks: Int32Array[] = [];
  for (let f = 0; f < width; f++) {
    const fieldRank = known[f] ?? fieldRanks(groups, f);
    if (fieldRank === undefined) return [...groups].sort((a, b) => compareTuples(a.tuple, b.tuple));
    ranks.push(fieldRank);
  }
  const order = groups.map((_, i) => i);
  order.sort((a, b) => {
    for (let f = 0; f < width; f++) {
      const difference = ranks[f]![a]! - ranks[f]![b]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return order.map((i) => groups[i]!);
}

/** The groups as a column table (physical index = position in output order), so no row Maps are made. */
function groupTable(args: StatsArguments, groups: readonly Group[], columns: string[]): ColumnTable {
  const data = new Map<string, Column>();
  args.by.forEach((field, index) => data.set(field, arrayColumn(groups.map((group) => group.tuple[index]!))));
  // As on rows, an aggregate named like a BY field replaces it.
  args.aggregates.forEach((aggregate, index) => {
    data.set(aggregate.column, computedColumn(groups.length, (g) => groups[g]!.aggregators[index]!.result()));
  });
  const all = new Uint32Array(groups.length);
  for (let g = 0; g < groups.length; g++) all[g] = g;
  return new ColumnTable(columns, data, all, groups.length);
}

/** The BY fields first, then the functions; an aggregate named like a BY field is that column. */
function outputColumns(args: StatsArguments): string[] {
  return [...new Set([...args.by, ...args.aggregates.map((a) => a.column).filter((c) => !args.by.includes(c))])];
}

/** The groups in output order: ascending BY tuples; without BY, always one group. */
function outputGroups(args: StatsArguments, grouped: Grouped): Group[] {
  const groups = sortedByTuple(grouped.groups, grouped.ranks);
  if (args.by.length === 0 && groups.length === 0) groups.push({ tuple: [], aggregators: newAggregators(args.aggregates) });
  return groups;
}

/** The aggregates as written, each wildcard one expanded over the input's columns. */
function expandedArguments(written: StatsArguments, columns: readonly string[]): StatsArguments {
  return { by: written.by, aggregates: expandAggregates(written.aggregates, columns, written.by) };
}

function statsOverColumns(written: StatsArguments, input: ColumnTable, ctx: EvalContext): ColumnTable {
  const args = expandedArguments(written, input.columns);
  return groupTable(args, outputGroups(args, groupColumns(args, input, ctx)), outputColumns(args));
}

function statsOverRows(written: StatsNode, input: RowTable, ctx: EvalContext): ResultTable {
  const args = expandedArguments(written, input.columns);
  const groups = outputGroups(args, groupRows(args, input, ctx));
  const spoiled = written.allnum ? nonNumericGroups(args, input.rows, true) : undefined;
  const rows = groups.map((group): Row => {
    const row: Row = new Map();
    args.by.forEach((field, index) => row.set(field, group.tuple[index]!));
    writeResults(args.aggregates, group.aggregators, row);
    if (spoiled) {
      const key = tupleKey(group.tuple);
      args.aggregates.forEach((a, index) => {
        if (spoiled.has(`${key}\u0000${index}`)) row.delete(a.column);
      });
    }
    return row;
  });
  return { columns: outputColumns(args), rows };
}

/**
 * DOC stats 10.0: "you can't rename one field with multiple names ... | stats first(host) AS site,
 * first(host) AS report" is not valid. The same function of the same field under two names is an error.
 */
function rejectRenamedTwice(args: StatsArguments): void {
  const seen = new Map<string, string>();
  for (const aggregate of args.aggregates) {
    if (aggregate.field === undefined || aggregate.expression !== undefined) continue;
    const key = `${aggregate.fn}(${aggregate.field})`;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== aggregate.column) {
      throw new SpelunkError('syntax', `Error in 'stats' command: ${key} is renamed twice ('${earlier}' and '${aggregate.column}'); a field can have only one new name.`, aggregate.span);
    }
    seen.set(key, aggregate.column);
  }
}

export default defineCommand<StatsNode>({
  name: 'stats',
  type: 'transforming',
  summary: 'Computes statistics (count, dc, values, list, min, max, avg, earliest, latest, ...) over the results, grouped by BY fields (`allnum=`; `partitions=` is accepted and ignored).',
  parse(cursor) {
    let allnum = false;
    const takeOption = (): boolean => {
      const option = cursor.takeOption(['allnum']);
      if (option) allnum = booleanOption(option);
      return option !== undefined || cursor.takeOption(IGNORED_OPTIONS) !== undefined || takeUnsupportedOption(cursor, UNSUPPORTED_OPTIONS);
    };
    const args = parseStatsArguments(cursor, takeOption);
    rejectRenamedTwice(args);
    return { name: 'stats', span: { start: 0, end: 0 }, ...args, ...(allnum ? { allnum } : {}) };
  },
  explain(node) {
    return { note: `computes ${node.aggregates.map((a) => a.column).join(', ')}${node.by.length > 0 ? ` for each ${node.by.join(', ')}; rows with a null BY field are dropped` : ''}` };
  },
  execute: (node, input, ctx) => statsOverRows(node, input, ctx.evalContext),
  // allnum reads every value of a group again: over rows.
  executeColumns: (node, input, ctx) => (node.allnum ? statsOverRows(node, rowTableOf(input), ctx.evalContext) : statsOverColumns(node, input, ctx.evalContext)),
});
