/**
 * `streamstats [current=<bool>] [window=<int>] [time_window=<span>] [global=<bool>] [allnum=<bool>]
 * [reset_on_change=<bool>] [reset_before=<expr>] [reset_after=<expr>] <fn>... [BY <field-list>]`
 * (DOC streamstats 10.0): running statistics, in result order. Each row gets the statistics of
 * the rows of its group seen so far, itself included unless `current=false`. With `window=N`
 * only the last N rows count: per group when `global=false`, else the last N rows overall (of
 * which those in the row's group count); with `time_window=<span>`, the rows whose `_time` lies
 * within the span before the row's own. The reset options clear every statistic: before a row
 * whose group differs from the previous row's (`reset_on_change`), before a row for which an
 * expression is true (`reset_before`), or after it (`reset_after`).
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import { valuesOf, type Row } from '../core/values.js';
import { isTrue } from '../eval/coerce.js';
import { checkFunctions, evaluate, type EvalContext } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { parseEvalExpression } from '../parse/eval-parser.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { CompareOp, isWordLike, Quoted, unquote } from '../parse/tokens.js';
import type { Aggregator } from '../stats/aggregate.js';
import { groupTuples, tupleKey } from '../stats/grouping.js';
import { expandAggregates, feedRow, newAggregators, parseStatsArguments, writeResults, type StatsArguments } from '../stats/stats-syntax.js';
import { parseSpan, spanSeconds } from '../time/span.js';
import { allNumeric, isNumericStatistic } from './stats.js';
import { defineCommand } from './types.js';

export interface StreamstatsNode extends CommandNodeBase, StatsArguments {
  current: boolean;
  /** 0: no window. */
  window: number;
  /** Seconds; 0: no time window. */
  timeWindow: number;
  global: boolean;
  allnum: boolean;
  resetOnChange: boolean;
  resetBefore?: EvalExpr;
  resetAfter?: EvalExpr;
}

/** limits.conf [stats] max_stream_window: the largest `window=` Splunk accepts. */
export const MAX_STREAM_WINDOW = 10_000;

/**
 * `key=<eval-expression>` where the value may be written in pieces, as the page's
 * `reset_after="("match(test,\"yes\")")"` is: adjacent tokens join into one text, each losing its
 * quotes, and that text is read as an eval expression.
 */
function takeExpressionOption(cursor: ArgCursor, keys: readonly string[]): { key: string; expression: EvalExpr } | undefined {
  const key = cursor.peekToken(0);
  const eq = cursor.peekToken(1);
  if (!isWordLike(key) || !keys.includes(key!.image.toLowerCase()) || eq?.tokenType !== CompareOp || eq.image !== '=') return undefined;
  cursor.nextToken();
  cursor.nextToken();
  let text = '';
  let end = eq.startOffset + 1;
  for (let token = cursor.peekToken(); token && token.startOffset === end; token = cursor.peekToken()) {
    cursor.nextToken();
    text += token.tokenType === Quoted || token.image.includes('"') || token.image.includes('\\') ? unquote(token.image).value : token.image;
    end = token.startOffset + token.image.length;
  }
  const span: Span = { start: key!.startOffset, end };
  if (text.trim() === '') throw new SpelunkError('syntax', `${cursor.command}: option '${key!.image}' needs an eval expression.`, span);
  let parsed;
  try {
    parsed = parseEvalExpression(text, 0);
  } catch (error) {
    if (error instanceof SpelunkError) throw new SpelunkError(error.kind, `${cursor.command} ${key!.image.toLowerCase()}: ${error.message}`, span);
    throw error;
  }
  if (text.slice(parsed.end).trim() !== '') {
    throw new SpelunkError('syntax', `${cursor.command} ${key!.image.toLowerCase()}: unexpected '${text.slice(parsed.end).trim()}' after the expression.`, span);
  }
  checkFunctions(parsed.expr);
  return { key: key!.image.toLowerCase(), expression: parsed.expr };
}

function parseStreamstats(cursor: ArgCursor): StreamstatsNode {
  const options = { current: true, window: 0, timeWindow: 0, global: true, allnum: false, resetOnChange: false };
  const expressions: { resetBefore?: EvalExpr; resetAfter?: EvalExpr } = {};
  const takeOption = (): boolean => {
    const reset = takeExpressionOption(cursor, ['reset_before', 'reset_after']);
    if (reset) {
      expressions[reset.key === 'reset_before' ? 'resetBefore' : 'resetAfter'] = reset.expression;
      return true;
    }
    const option = cursor.takeOption(['current', 'window', 'global', 'allnum', 'reset_on_change', 'time_window']);
    if (!option) return false;
    if (option.key === 'window') {
      options.window = countOption(option);
      if (options.window > MAX_STREAM_WINDOW) {
        throw new SpelunkError(
          'search',
          `Error in 'streamstats' command: window=${option.value} is larger than the maximum window of ${MAX_STREAM_WINDOW} (limits.conf max_stream_window).`,
          option.span,
        );
      }
    } else if (option.key === 'time_window') {
      try {
        options.timeWindow = spanSeconds(parseSpan(option.value));
      } catch (error) {
        if (error instanceof SpelunkError) throw new SpelunkError(error.kind, `streamstats time_window: ${error.message}`, option.span);
        throw error;
      }
    } else if (option.key === 'reset_on_change') options.resetOnChange = booleanOption(option);
    else options[option.key as 'current' | 'global' | 'allnum'] = booleanOption(option);
    return true;
  };
  while (takeOption());
  const args = parseStatsArguments(cursor, takeOption);
  return { name: 'streamstats', span: { start: 0, end: 0 }, ...args, ...options, ...expressions };
}

function aggregateOf(node: StreamstatsNode, rows: readonly Row[], ctx: EvalContext): Aggregator[] {
  const aggregators = newAggregators(node.aggregates);
  for (const row of rows) feedRow(node.aggregates, aggregators, row, ctx);
  return aggregators;
}

function timeOf(row: Row): number {
  const value = valuesOf(row.get('_time'))[0];
  const time = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(time) ? time : 0;
}

/** The running state of every group; `reset` clears it all. */
class RunningState {
  running = new Map<string, Aggregator[]>();
  windows = new Map<string, Row[]>();
  /** Group keys and aggregate positions whose field had a value that is not a number (allnum). */
  spoiled = new Set<string>();
  reset(): void {
    this.running.clear();
    this.windows.clear();
    this.spoiled.clear();
  }
}

function streamstats(written: StreamstatsNode, input: { columns: string[]; rows: Row[] }, ctx: EvalContext): { columns: string[]; rows: Row[] } {
  const node = { ...written, aggregates: expandAggregates(written.aggregates, input.columns, written.by) };
  const state = new RunningState();
  const checked = node.allnum ? node.aggregates.map((a, i) => ({ a, i })).filter(({ a }) => a.field !== undefined && isNumericStatistic(a.fn)) : [];
  let previousKey: string | undefined;
  const rows = input.rows.map((row): Row => {
    const next: Row = new Map(row);
    const tuple = groupTuples(row, node.by)[0];
    const key = tuple === undefined ? undefined : tupleKey(tuple);
    if (node.resetOnChange && previousKey !== undefined && key !== undefined && key !== previousKey) state.reset();
    if (key !== undefined) previousKey = key;
    if (node.resetBefore && isTrue(evaluate(node.resetBefore, row, ctx))) state.reset();
    if (key !== undefined) {
      for (const { a, i } of checked) if (!allNumeric(row.get(a.field!))) state.spoiled.add(`${key}\u0000${i}`);
      computeRow(node, state, row, next, key, ctx);
      for (const { a, i } of checked) if (state.spoiled.has(`${key}\u0000${i}`)) next.delete(a.column);
    }
    if (node.resetAfter && isTrue(evaluate(node.resetAfter, next, ctx))) state.reset();
    return next;
  });
  return { columns: appendColumns(input.columns, node.aggregates.map((a) => a.column)), rows };
}

/** The statistics of one row of group `key`, written into `next`. */
function computeRow(node: StreamstatsNode, state: RunningState, row: Row, next: Row, key: string, ctx: EvalContext): void {
  if (node.window === 0 && node.timeWindow === 0) {
    let aggregators = state.running.get(key);
    if (!aggregators) state.running.set(key, (aggregators = newAggregators(node.aggregates)));
    if (node.current) feedRow(node.aggregates, aggregators, row, ctx);
    writeResults(node.aggregates, aggregators, next);
    if (!node.current) feedRow(node.aggregates, aggregators, row, ctx);
    return;
  }
  const windowKey = node.global ? '' : key;
  let window = state.windows.get(windowKey);
  if (!window) state.windows.set(windowKey, (window = []));
  const inGroup = (candidate: Row): boolean => node.global === false || tupleKey(groupTuples(candidate, node.by)[0] ?? []) === key;
  const trim = (rows: Row[]): void => {
    if (node.window > 0 && rows.length > node.window) rows.shift();
    if (node.timeWindow > 0) {
      // The rows within the span before this one's time (DOC: "the number of events in the previous 5 minutes").
      const now = timeOf(row);
      while (rows.length > 0 && now - timeOf(rows[0]!) >= node.timeWindow) rows.shift();
    }
  };
  if (node.current) {
    window.push(row);
    trim(window);
    writeResults(node.aggregates, aggregateOf(node, window.filter(inGroup), ctx), next);
  } else {
    trim(window);
    writeResults(node.aggregates, aggregateOf(node, window.filter(inGroup), ctx), next);
    window.push(row);
  }
}

export default defineCommand<StreamstatsNode>({
  name: 'streamstats',
  type: 'streaming',
  summary:
    'Adds running statistics (so far, or over a window of rows) to each result, in order (`current=`, `window=`, `time_window=`, `global=`, `allnum=`, `reset_on_change=`, `reset_before=`, `reset_after=`).',
  parse: parseStreamstats,
  explain(node) {
    const over = node.window > 0 ? ` over the last ${node.window} rows` : node.timeWindow > 0 ? ` over the last ${node.timeWindow}s of _time` : '';
    return { note: `adds running ${node.aggregates.map((a) => a.column).join(', ')}${node.by.length > 0 ? ` per ${node.by.join(', ')}` : ''}${over}` };
  },
  execute: (node, input, ctx) => streamstats(node, input, ctx.evalContext),
});
