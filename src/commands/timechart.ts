/**
 * `timechart [span=<span>] [limit=<int>] [useother=<bool>] [usenull=<bool>] [otherstr=] [nullstr=]
 * [cont=<bool>] <stats-agg-term>... [BY <field>]` (DOC timechart,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Timechart): one result per
 * time bin (`_time` its start, `_span` its width in seconds), one column per function, or with BY
 * one column per value of the field. Per the page: limit (default 10) keeps the series with the
 * largest sums and gathers the rest in `OTHER` (useother=true, otherstr), results without the BY
 * field go to `NULL` (usenull=true, nullstr); limit=0 keeps every series; with several functions
 * and BY the columns are `<function>: <value>`; cont=true (the default) makes the bins continuous
 * from the first to the last. INF (docs/semantics.md): without span=, the smallest of 1s 5s 10s
 * 30s 1m 5m 10m 30m 1h 1d 7d 30d giving at most 100 bins over the results' time range (Splunk
 * derives it from the search's time range, which offline is the data's); count and dc give 0 in
 * an empty cell, other functions nothing; series columns are in lexicographic order, then NULL,
 * then OTHER; a multivalue BY field counts under each of its values.
 */
import { SpelunkError } from '../core/errors.js';
import type { RowTable } from '../core/table.js';
import { compareBytes, displayValues, numericValue, valuesOf, type ResultTable, type Row, type Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { expandAggregates, feedRow, newAggregators, parseStatsArguments, type StatsAggregate } from '../stats/stats-syntax.js';
import type { Aggregator } from '../stats/aggregate.js';
import { binStart, parseSpan, type TimeSpan } from '../time/span.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface TimechartNode extends CommandNodeBase {
  binSpan?: TimeSpan;
  limit: number;
  useother: boolean;
  usenull: boolean;
  otherstr: string;
  nullstr: string;
  cont: boolean;
  aggregates: StatsAggregate[];
  by?: string;
}

const FIXED_SECONDS: Partial<Record<TimeSpan['unit'], number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const AUTO_SPANS: TimeSpan[] = [
  { amount: 1, unit: 's' }, { amount: 5, unit: 's' }, { amount: 10, unit: 's' }, { amount: 30, unit: 's' },
  { amount: 1, unit: 'm' }, { amount: 5, unit: 'm' }, { amount: 10, unit: 'm' }, { amount: 30, unit: 'm' },
  { amount: 1, unit: 'h' }, { amount: 1, unit: 'd' }, { amount: 7, unit: 'd' }, { amount: 30, unit: 'd' },
];
const MAX_AUTO_BINS = 100;

function timeOf(row: Row): number | undefined {
  const value = valuesOf(row.get('_time'))[0];
  return value === undefined ? undefined : numericValue(value);
}

function spanSeconds(span: TimeSpan): number | undefined {
  const unit = FIXED_SECONDS[span.unit];
  return unit === undefined ? undefined : unit * span.amount;
}

function autoSpan(times: readonly number[]): TimeSpan {
  const range = Math.max(...times) - Math.min(...times);
  return AUTO_SPANS.find((span) => range / spanSeconds(span)! < MAX_AUTO_BINS) ?? AUTO_SPANS[AUTO_SPANS.length - 1]!;
}

/** The start of the bin after the one starting at `start` (for month spans, via a date far enough on). */
function nextBin(start: number, span: TimeSpan, tz: string): number {
  const seconds = spanSeconds(span);
  if (seconds !== undefined && span.unit !== 'd' && span.unit !== 'w') return start + seconds;
  // Day and longer bins follow the local calendar: step past the bin and snap back.
  const step = seconds ?? 86400 * 31 * span.amount * (span.unit === 'q' ? 3 : span.unit === 'y' ? 12 : 1);
  return binStart(start + step + 3 * 3600, span, tz);
}

const fillsZero = (fn: string): boolean => ['count', 'c', 'dc', 'distinct_count'].includes(fn);

function timechart(node: TimechartNode, input: RowTable, ctx: ExecContext): ResultTable {
  const timed = input.rows.filter((row) => timeOf(row) !== undefined);
  if (timed.length === 0) return { columns: ['_time'], rows: [] };
  const span = node.binSpan ?? autoSpan(timed.map((row) => timeOf(row)!));
  const aggregates = expandAggregates(node.aggregates, input.columns, node.by ? [node.by] : []);
  // First pass: each row's bin and series values.
  const entries = timed.map((row) => {
    const bin = binStart(timeOf(row)!, span, ctx.tz);
    const values = node.by === undefined ? [''] : displayValues(row.get(node.by));
    return { row, bin, series: values.length > 0 ? values : [null] };
  });
  let label = (value: string | null): string | undefined => (value === null ? (node.usenull ? node.nullstr : undefined) : value);
  if (node.by !== undefined && node.limit > 0) {
    // The series with the largest sums of their values (the page: "the top values" by sum).
    const totals = new Map<string, Map<string, Aggregator[]>>();
    for (const entry of entries) {
      for (const value of entry.series) {
        if (value === null) continue;
        let bins = totals.get(value);
        if (!bins) totals.set(value, (bins = new Map()));
        let aggregators = bins.get(String(entry.bin));
        if (!aggregators) bins.set(String(entry.bin), (aggregators = newAggregators(aggregates)));
        feedRow(aggregates, aggregators, entry.row, ctx.evalContext);
      }
    }
    const score = (bins: Map<string, Aggregator[]>): number => {
      let sum = 0;
      for (const aggregators of bins.values()) {
        for (const aggregator of aggregators) {
          const number = numericValue(valuesOf(aggregator.result())[0] ?? '');
          if (number !== undefined) sum += number;
        }
      }
      return sum;
    };
    const ranked = [...totals].map(([value, bins]) => ({ value, score: score(bins) }));
    ranked.sort((a, b) => b.score - a.score || compareBytes(a.value, b.value));
    const kept = new Set(ranked.slice(0, node.limit).map((r) => r.value));
    const plain = label;
    label = (value) => (value !== null && !kept.has(value) ? (node.useother ? node.otherstr : undefined) : plain(value));
  }
  // Second pass: aggregate per (bin, series label).
  const cells = new Map<number, Map<string, Aggregator[]>>();
  const seriesSeen = new Set<string>();
  for (const entry of entries) {
    const labels = new Set(entry.series.map(label).filter((l): l is string => l !== undefined));
    for (const series of labels) {
      seriesSeen.add(series);
      let bin = cells.get(entry.bin);
      if (!bin) cells.set(entry.bin, (bin = new Map()));
      let aggregators = bin.get(series);
      if (!aggregators) bin.set(series, (aggregators = newAggregators(aggregates)));
      feedRow(aggregates, aggregators, entry.row, ctx.evalContext);
    }
  }
  const series = node.by === undefined ? [''] : [...seriesSeen].sort((a, b) => {
    const rank = (s: string): number => (s === node.otherstr && node.useother ? 2 : s === node.nullstr && node.usenull ? 1 : 0);
    return rank(a) - rank(b) || compareBytes(a, b);
  });
  const column = (aggregate: StatsAggregate, value: string): string =>
    node.by === undefined ? aggregate.column : aggregates.length === 1 ? value : `${aggregate.column}: ${value}`;
  const columns = ['_time', ...aggregates.flatMap((a) => series.map((s) => column(a, s)))];
  const fixed = spanSeconds(span);
  if (fixed !== undefined) columns.push('_span');
  const starts = [...cells.keys()].sort((a, b) => a - b);
  const bins: number[] = [];
  if (node.cont) {
    for (let start = starts[0]!; start <= starts[starts.length - 1]!; start = nextBin(start, span, ctx.tz)) bins.push(start);
  } else {
    bins.push(...starts);
  }
  const rows: Row[] = bins.map((start) => {
    const row: Row = new Map<string, Value>([['_time', start]]);
    const bin = cells.get(start);
    aggregates.forEach((aggregate, index) => {
      for (const value of series) {
        const aggregators = bin?.get(value);
        const result = aggregators ? aggregators[index]!.result() : fillsZero(aggregate.fn) ? 0 : null;
        if (result !== null) row.set(column(aggregate, value), result);
      }
    });
    if (fixed !== undefined) row.set('_span', fixed);
    return row;
  });
  return { columns, rows };
}

export default defineCommand<TimechartNode>({
  name: 'timechart',
  type: 'transforming',
  summary: 'Counts or aggregates per time bin (`span=`), optionally split by one field with limit, OTHER and NULL.',
  parse(cursor) {
    const node: TimechartNode = {
      name: 'timechart', span: { start: 0, end: 0 }, limit: 10, useother: true, usenull: true, otherstr: 'OTHER', nullstr: 'NULL', cont: true, aggregates: [],
    };
    const takeOption = (): boolean => {
      const option = cursor.takeOption(['span', 'limit', 'useother', 'usenull', 'otherstr', 'nullstr', 'cont', 'partial', 'bins', 'minspan', 'fixedrange', 'aligntime', 'sep', 'format', 'agg']);
      if (!option) return false;
      if (option.key === 'span') {
        try {
          node.binSpan = parseSpan(option.value);
        } catch (error) {
          if (error instanceof SpelunkError) throw new SpelunkError(error.kind, error.message, option.span);
          throw error;
        }
      } else if (option.key === 'limit') node.limit = countOption(option);
      else if (option.key === 'useother') node.useother = booleanOption(option);
      else if (option.key === 'usenull') node.usenull = booleanOption(option);
      else if (option.key === 'otherstr') node.otherstr = option.value;
      else if (option.key === 'nullstr') node.nullstr = option.value;
      else if (option.key === 'cont') node.cont = booleanOption(option);
      else if (option.key === 'partial' || option.key === 'fixedrange') booleanOption(option);
      else throw new SpelunkError('unsupported', `spelunk does not support the timechart option '${option.key}'.`, option.span);
      return true;
    };
    while (takeOption()) {
      // options first
    }
    const args = parseStatsArguments(cursor, takeOption);
    if (args.by.length > 1) throw new SpelunkError('syntax', "Error in 'timechart' command: only one field may follow BY.", { start: cursor.offset, end: cursor.endOffset });
    node.aggregates = args.aggregates;
    if (args.by[0] !== undefined) node.by = args.by[0];
    return node;
  },
  explain(node) {
    return { note: `aggregates per ${node.binSpan ? `${node.binSpan.amount}${node.binSpan.unit}` : 'automatic'} time bin${node.by ? ` split by ${node.by} (limit ${node.limit})` : ''}` };
  },
  execute: timechart,
});
