/**
 * `eventstats <fn>... [BY <field-list>]` (DOC eventstats): computes the same statistics as
 * stats, then adds them to every input row of the group instead of replacing the rows. Rows
 * with a null BY field get no statistics. `allnum` is rejected.
 */
import type { Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { groupTuples, tupleKey } from '../stats/grouping.js';
import { parseStatsArguments, withColumns, writeResults, type StatsArguments } from '../stats/stats-syntax.js';
import { expandAggregates } from '../stats/stats-syntax.js';
import { takeUnsupportedOption } from '../parse/option-values.js';
import { aggregateGroups } from './stats.js';
import { defineCommand } from './types.js';

export interface EventstatsNode extends CommandNodeBase, StatsArguments {}

export default defineCommand<EventstatsNode>({
  name: 'eventstats',
  type: 'streaming',
  summary: 'Adds statistics over the whole result set (per BY group) to every result.',
  parse(cursor) {
    const args = parseStatsArguments(cursor, () => takeUnsupportedOption(cursor, ['allnum']));
    return { name: 'eventstats', span: { start: 0, end: 0 }, ...args };
  },
  explain(node) {
    return { note: `adds ${node.aggregates.map((a) => a.column).join(', ')} to every row${node.by.length > 0 ? `, computed per ${node.by.join(', ')}` : ''}` };
  },
  execute(written, input, ctx) {
    const node = { ...written, aggregates: expandAggregates(written.aggregates, input.columns, written.by) };
    const groups = new Map(aggregateGroups(node, input.rows, ctx.evalContext).map((g) => [tupleKey(g.tuple), g]));
    const rows = input.rows.map((row): Row => {
      const next: Row = new Map(row);
      // A row in several groups (multivalue BY field) takes the statistics of its first one [INF].
      const tuple = groupTuples(row, node.by)[0];
      const group = tuple === undefined ? undefined : groups.get(tupleKey(tuple));
      if (group) writeResults(node.aggregates, group.aggregators, next);
      return next;
    });
    return { columns: withColumns(input.columns, node.aggregates.map((a) => a.column)), rows };
  },
});
