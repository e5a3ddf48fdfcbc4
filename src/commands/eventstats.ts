/**
 * `eventstats <fn>... [BY <field-list>]` (DOC eventstats): computes the same statistics as
 * stats, then adds them to every input row of the group instead of replacing the rows. Rows
 * with a null BY field get no statistics. With `allnum=true`, a numeric statistic of a group is
 * left out when a value of its field there is not a number or is missing (DOC eventstats 10.0).
 */
import { computedColumn, memoized, type Column, type ColumnTable } from '../core/column-table.js';
import { appendColumns } from '../core/field-names.js';
import { rowTableOf } from '../core/table.js';
import type { ResultTable, Row, Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { groupTuples, tupleKey } from '../stats/grouping.js';
import { parseStatsArguments, type StatsArguments } from '../stats/stats-syntax.js';
import { expandAggregates } from '../stats/stats-syntax.js';
import { booleanOption } from '../parse/option-values.js';
import { groupColumns, groupRows, nonNumericGroups, type Group } from './stats.js';
import { defineCommand } from './types.js';

export interface EventstatsNode extends CommandNodeBase, StatsArguments {
  allnum?: boolean;
}

/** The group of a result found from its BY values, as on rows (the first when a value is a multivalue). */
function tupleGroups(input: ColumnTable, node: StatsArguments, groups: ReadonlyMap<string, Group>): (index: number) => Group | undefined {
  const cursor = input.cursor();
  return (index) => {
    cursor.index = index;
    const tuple = groupTuples(cursor, node.by)[0];
    return tuple === undefined ? undefined : groups.get(tupleKey(tuple));
  };
}

/** Each statistic as a column of a column table: the value of the result's group, looked up when read. */
function statisticColumns(input: ColumnTable, node: StatsArguments, findGroup: (index: number) => Group | undefined): Map<string, Column> {
  const data = new Map(input.data);
  const groupAt = memoized(input.length, findGroup);
  node.aggregates.forEach((aggregate, position) => {
    const previous = input.data.get(aggregate.column);
    const results = new Map<Group, Value>();
    data.set(
      aggregate.column,
      computedColumn(input.length, (index) => {
        const group = groupAt(index);
        // A result without a group keeps what it had.
        if (group === undefined) return previous?.get(index) ?? null;
        let value = results.get(group);
        if (value === undefined) results.set(group, (value = group.aggregators[position]!.result()));
        return value;
      }),
    );
  });
  return data;
}

/** The node with each wildcard aggregate expanded over the input's columns. */
function expanded(written: EventstatsNode, columns: readonly string[]): EventstatsNode {
  return { ...written, aggregates: expandAggregates(written.aggregates, columns, written.by) };
}

function byTuple(groups: readonly Group[]): Map<string, Group> {
  return new Map(groups.map((g) => [tupleKey(g.tuple), g]));
}

/** The input's columns, then each statistic it does not have yet. */
function statisticNames(input: ResultTable, node: StatsArguments): string[] {
  return appendColumns(input.columns, node.aggregates.map((a) => a.column));
}

export default defineCommand<EventstatsNode>({
  name: 'eventstats',
  type: 'streaming',
  summary: 'Adds statistics over the whole result set (per BY group) to every result (`allnum=`).',
  parse(cursor) {
    let allnum = false;
    const args = parseStatsArguments(cursor, () => {
      const option = cursor.takeOption(['allnum']);
      if (option) allnum = booleanOption(option);
      return option !== undefined;
    });
    return { name: 'eventstats', span: { start: 0, end: 0 }, ...args, ...(allnum ? { allnum } : {}) };
  },
  explain(node) {
    return { note: `adds ${node.aggregates.map((a) => a.column).join(', ')} to every row${node.by.length > 0 ? `, computed per ${node.by.join(', ')}` : ''}` };
  },
  execute(written, input, ctx) {
    const node = expanded(written, input.columns);
    const groups = byTuple(groupRows(node, input, ctx.evalContext).groups);
    // Each group's results are computed once, then copied: a result such as perc95 sorts its
    // values, and computing it for every row made large inputs quadratic.
    const computed = new Map<Group, Row>();
    const spoiled = node.allnum ? nonNumericGroups(node, input.rows, false) : undefined;
    const rows = input.rows.map((row): Row => {
      const next: Row = new Map(row);
      // A row in several groups (multivalue BY field) takes the statistics of its first one [INF].
      const tuple = groupTuples(row, node.by)[0];
      const group = tuple === undefined ? undefined : groups.get(tupleKey(tuple));
      if (group) {
        let results = computed.get(group);
        if (results === undefined) {
          results = new Map();
          const key = tupleKey(group.tuple);
          node.aggregates.forEach((aggregate, index) =>
            results!.set(aggregate.column, spoiled?.has(`${key}\u0000${index}`) ? null : group.aggregators[index]!.result()),
          );
          computed.set(group, results);
        }
        for (const [column, value] of results) {
          if (value === null) next.delete(column);
          else next.set(column, value);
        }
      }
      return next;
    });
    return { columns: statisticNames(input, node), rows };
  },
  executeColumns(written, input, ctx) {
    // allnum reads every value of a group again: over rows.
    if (written.allnum) return this.execute(written, rowTableOf(input), ctx);
    const node = expanded(written, input.columns);
    const grouped = groupColumns(node, input, ctx.evalContext);
    const findGroup = grouped.groupAt ?? tupleGroups(input, node, byTuple(grouped.groups));
    return input.withData(statisticNames(input, node), statisticColumns(input, node, findGroup));
  },
});
