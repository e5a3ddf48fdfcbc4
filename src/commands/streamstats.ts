/**
 * `streamstats [current=<bool>] [window=<int>] [global=<bool>] <fn>... [BY <field-list>]`
 * (DOC streamstats): running statistics, in result order. Each row gets the statistics of
 * the rows of its group seen so far, itself included unless `current=false`. With `window=N`
 * only the last N rows count: per group when `global=false`, else the last N rows overall
 * (of which those in the row's group count). reset_* and time_window are not supported.
 */
import { SpelunkError } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import type { Row } from '../core/values.js';
import type { EvalContext } from '../eval/evaluate.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { Aggregator } from '../stats/aggregate.js';
import { groupTuples, tupleKey } from '../stats/grouping.js';
import { feedRow, newAggregators, parseStatsArguments, writeResults, type StatsArguments } from '../stats/stats-syntax.js';
import { expandAggregates } from '../stats/stats-syntax.js';
import { takeUnsupportedOption } from '../parse/option-values.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface StreamstatsNode extends CommandNodeBase, StatsArguments {
  current: boolean;
  /** 0: no window. */
  window: number;
  global: boolean;
}

/** limits.conf [stats] max_stream_window: the largest `window=` Splunk accepts. */
export const MAX_STREAM_WINDOW = 10_000;

const UNSUPPORTED = ['reset_on_change', 'reset_before', 'reset_after', 'time_window', 'allnum'];

function aggregateOf(node: StreamstatsNode, rows: readonly Row[], ctx: EvalContext): Aggregator[] {
  const aggregators = newAggregators(node.aggregates);
  for (const row of rows) feedRow(node.aggregates, aggregators, row, ctx);
  return aggregators;
}

export default defineCommand<StreamstatsNode>({
  name: 'streamstats',
  type: 'streaming',
  summary: 'Adds running statistics (so far, or over a window of rows) to each result, in order.',
  parse(cursor) {
    const options = { current: true, window: 0, global: true };
    const takeOption = (): boolean => {
      const option = cursor.takeOption(['current', 'window', 'global']);
      if (!option) return takeUnsupportedOption(cursor, UNSUPPORTED);
      if (option.key === 'window') {
        options.window = countOption(option);
        if (options.window > MAX_STREAM_WINDOW) {
          throw new SpelunkError(
            'search',
            `Error in 'streamstats' command: window=${option.value} is larger than the maximum window of ${MAX_STREAM_WINDOW} (limits.conf max_stream_window).`,
            option.span,
          );
        }
      }
      else options[option.key as 'current' | 'global'] = booleanOption(option);
      return true;
    };
    while (takeOption());
    const args = parseStatsArguments(cursor, takeOption);
    return { name: 'streamstats', span: { start: 0, end: 0 }, ...args, ...options };
  },
  explain(node) {
    return { note: `adds running ${node.aggregates.map((a) => a.column).join(', ')}${node.by.length > 0 ? ` per ${node.by.join(', ')}` : ''}${node.window > 0 ? ` over the last ${node.window} rows` : ''}` };
  },
  execute(written, input, ctx) {
    const node = { ...written, aggregates: expandAggregates(written.aggregates, input.columns, written.by) };
    const running = new Map<string, Aggregator[]>();
    const windows = new Map<string, Row[]>();
    const rows = input.rows.map((row): Row => {
      const next: Row = new Map(row);
      const tuple = groupTuples(row, node.by)[0];
      if (tuple === undefined) return next;
      const key = tupleKey(tuple);
      if (node.window === 0) {
        let aggregators = running.get(key);
        if (!aggregators) running.set(key, (aggregators = newAggregators(node.aggregates)));
        if (node.current) feedRow(node.aggregates, aggregators, row, ctx.evalContext);
        writeResults(node.aggregates, aggregators, next);
        if (!node.current) feedRow(node.aggregates, aggregators, row, ctx.evalContext);
        return next;
      }
      const windowKey = node.global ? '' : key;
      let window = windows.get(windowKey);
      if (!window) windows.set(windowKey, (window = []));
      const inGroup = (candidate: Row): boolean => node.global === false || tupleKey(groupTuples(candidate, node.by)[0] ?? []) === key;
      if (node.current) {
        window.push(row);
        if (window.length > node.window) window.shift();
        writeResults(node.aggregates, aggregateOf(node, window.filter(inGroup), ctx.evalContext), next);
      } else {
        writeResults(node.aggregates, aggregateOf(node, window.filter(inGroup), ctx.evalContext), next);
        window.push(row);
        if (window.length > node.window) window.shift();
      }
      return next;
    });
    return { columns: appendColumns(input.columns, node.aggregates.map((a) => a.column)), rows };
  },
});
