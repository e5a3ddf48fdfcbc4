/**
 * `bin [span=<span>] [bins=<int>] [minspan=<span>] [start=<num>] [end=<num>]
 * [aligntime=(earliest|latest|<time>)] <field> [AS <newfield>]`, alias `bucket` (DOC bin 10.0):
 * puts values into discrete bins. For `_time` the span is a time span and the value becomes the
 * bin's start (the same bins as tstats `span=`, src/time/span.ts); subsecond spans (`250ms`)
 * are allowed. `aligntime` moves the bins of a span shorter than a day to start at another time
 * (`@d+3h`: 3am; `earliest`/`latest`: the search's time range; or an epoch). For another field
 * the span is a number and the value becomes the range text `<start>-<end>` (DOC bin example
 * `span=10` gives "0-10"). Without `span=`, a numeric field's span is the smallest power of ten
 * that cuts the values' range (widened by `start=`/`end=`) into at most `bins` bins (default
 * 100), and no smaller than `minspan` [INF: the page gives no algorithm; Splunk's numeric bins
 * are powers of ten]. Values that are not numbers are left as they are [INF]. Log spans, and
 * `_time` without `span=`, are not supported.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import { fromValues, numberToString, numericValue, valuesOf, type Row, type Scalar } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { ArgCursor, ParsedOption } from '../parse/cursor.js';
import { countOption } from '../parse/option-values.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { alignedBinStart, binStart, parseSpan, spanSeconds, type TimeSpan } from '../time/span.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface BinNode extends CommandNodeBase {
  field: string;
  as: string;
  spanText?: string;
  spanAt: Span;
  /** Automatic numeric bins: at most this many (DOC bin: bins default 100). */
  bins: number;
  minspan?: number;
  start?: number;
  end?: number;
  aligntime?: { text: string; span: Span };
}

const DEFAULT_BINS = 100;

function numericSpan(text: string, span: Span): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
    if (/^log/i.test(text)) throw new SpelunkError('unsupported', `spelunk does not support logarithmic bin spans ('${text}').`, span);
    throw new SpelunkError('search', `Invalid span '${text}' for a numeric field: expected a positive number.`, span);
  }
  return value;
}

function numberOption(option: ParsedOption): number {
  const value = Number(option.value);
  if (option.value.trim() === '' || !Number.isFinite(value)) {
    throw new SpelunkError('syntax', `Invalid value '${option.value}' for option '${option.key}': expected a number.`, option.span);
  }
  return value;
}

/** A span parsed for bin, its error placed at the option. */
function timeSpanAt(text: string, span: Span): TimeSpan {
  try {
    return parseSpan(text, { subsecond: true });
  } catch (error) {
    if (error instanceof SpelunkError && error.span === undefined) throw new SpelunkError(error.kind, `Error in 'bin' command: ${error.message}`, span);
    throw error;
  }
}

/**
 * A span with a time unit (`12h`) bins any field as epoch seconds, as `bucket span=12h hammer`
 * does on a copy of `_time` (DOC bin: "span=<log-span> | <span-length>", with time scales);
 * a plain number bins numerically.
 */
function isTimeSpan(text: string): boolean {
  return /^\d*\.?\d*[a-z]+$/i.test(text) && !/^log/i.test(text);
}

function binNumber(value: number, size: number): string {
  const start = Math.floor(value / size) * size;
  return `${numberToString(start)}-${numberToString(start + size)}`;
}

/** The smallest power of ten that cuts [low, high] into at most `bins` bins, and at least `minspan`. */
function automaticSpan(low: number, high: number, bins: number, minspan: number | undefined): number {
  const range = high - low;
  let span = range > 0 ? 10 ** Math.ceil(Math.log10(range / bins)) : 1;
  // Bins start at multiples of the span, so the range can touch one bin more than range/span.
  while (Math.floor(high / span) - Math.floor(low / span) + 1 > bins) span *= 10;
  if (minspan !== undefined) while (span < minspan) span *= 10;
  return span;
}

/** Where aligned bins start: `earliest`/`latest` of the search's range, an epoch, or a time modifier from now. */
function alignmentOrigin(node: BinNode, ctx: ExecContext): number {
  const { text, span } = node.aligntime!;
  const lower = text.toLowerCase();
  if (lower === 'earliest' || lower === 'latest') {
    const bound = ctx.timeRange[lower];
    if (bound === undefined) throw new SpelunkError('search', `Error in 'bin' command: aligntime=${text} needs a search time range with --${lower}.`, span);
    return bound;
  }
  try {
    return resolveTimeModifier(text, ctx.now, ctx.tz, 'aligntime');
  } catch (error) {
    if (error instanceof SpelunkError) throw new SpelunkError(error.kind, `Error in 'bin' command: ${error.message}`, span);
    throw error;
  }
}

function timeBinner(node: BinNode, timeSpan: TimeSpan, ctx: ExecContext): (epoch: number) => number {
  const fixed = timeSpan.unit === 's' || timeSpan.unit === 'm' || timeSpan.unit === 'h';
  // DOC bin: aligntime is ignored for spans of a day or more.
  if (node.aligntime && fixed) {
    const origin = alignmentOrigin(node, ctx);
    const seconds = spanSeconds(timeSpan);
    return (epoch) => alignedBinStart(epoch, seconds, origin);
  }
  return (epoch) => binStart(epoch, timeSpan, ctx.tz);
}

function parseBin(cursor: ArgCursor): BinNode {
  let spanOption: ParsedOption | undefined;
  let field: string | undefined;
  let as: string | undefined;
  const node: Omit<BinNode, 'field' | 'as'> = { name: 'bin', span: { start: 0, end: 0 }, spanAt: { start: cursor.offset, end: cursor.endOffset }, bins: DEFAULT_BINS };
  while (!cursor.done) {
    const option = cursor.takeOption(['span', 'bins', 'minspan', 'start', 'end', 'aligntime']);
    if (option) {
      if (option.key === 'span') spanOption = option;
      else if (option.key === 'bins') {
        node.bins = countOption(option);
        if (node.bins < 1) throw new SpelunkError('syntax', "Error in 'bin' command: bins must be at least 1.", option.span);
      } else if (option.key === 'minspan') node.minspan = numericSpan(option.value, option.span);
      else if (option.key === 'aligntime') node.aligntime = { text: option.value, span: option.span };
      else node[option.key as 'start' | 'end'] = numberOption(option);
      continue;
    }
    if (field !== undefined && cursor.takeWord('as')) {
      as = cursor.expectFieldName("after 'AS'").name;
      continue;
    }
    if (field !== undefined) cursor.expectEnd();
    field = cursor.expectFieldName('to bin').name;
  }
  if (field === undefined) return cursor.fail("Error in 'bin' command: expected a field name.");
  if (spanOption) {
    node.spanText = spanOption.value;
    node.spanAt = spanOption.span;
    if (field === '_time' || isTimeSpan(spanOption.value)) timeSpanAt(spanOption.value, spanOption.span);
    else numericSpan(spanOption.value, spanOption.span);
  } else if (field === '_time') {
    throw new SpelunkError('unsupported', "spelunk bins _time only with 'span=' (automatic time bins are not supported).", node.spanAt);
  }
  return { ...node, field, as: as ?? field };
}

export default defineCommand<BinNode>({
  name: 'bin',
  aliases: ['bucket'],
  type: 'streaming',
  summary:
    'Puts `_time` (time span, `aligntime=`) or a numeric field ("0-10" ranges) into bins of `span=`, or into at most `bins=` power-of-ten bins (`minspan=`, `start=`, `end=`).',
  parse: parseBin,
  explain(node) {
    return { note: `bins ${node.field} by ${node.spanText ?? `at most ${node.bins} bins`}${node.as !== node.field ? ` into ${node.as}` : ''}` };
  },
  execute(node, input, ctx) {
    const spanText = node.spanText;
    const timeSpan: TimeSpan | undefined = spanText !== undefined && (node.field === '_time' || isTimeSpan(spanText)) ? timeSpanAt(spanText, node.spanAt) : undefined;
    let size = 0;
    if (!timeSpan) {
      if (spanText !== undefined) size = numericSpan(spanText, node.spanAt);
      else {
        const numbers = input.rows.flatMap((row) => valuesOf(row.get(node.field)).map(numericValue).filter((n): n is number => n !== undefined));
        let low = node.start ?? Infinity;
        let high = node.end ?? -Infinity;
        for (const n of numbers) {
          if (n < low) low = n;
          if (n > high) high = n;
        }
        size = Number.isFinite(low) && Number.isFinite(high) ? automaticSpan(low, high, node.bins, node.minspan) : 1;
      }
    }
    const binTime = timeSpan ? timeBinner(node, timeSpan, ctx) : undefined;
    const binOne = (value: Scalar): Scalar => {
      const number = numericValue(value);
      if (number === undefined) return value;
      if (!binTime) return binNumber(number, size);
      try {
        return binTime(number);
      } catch (error) {
        // A time past what a date holds: say where, at the span that bins it.
        if (error instanceof SpelunkError && error.span === undefined) throw new SpelunkError(error.kind, `Error in 'bin' command: ${error.message}`, node.spanAt);
        throw error;
      }
    };
    const rows = input.rows.map((row): Row => {
      const value = row.get(node.field);
      if (value === undefined || value === null) return row;
      const next: Row = new Map(row);
      const binned = fromValues(valuesOf(value).map(binOne));
      if (binned !== null) next.set(node.as, binned);
      return next;
    });
    return { columns: appendColumns(input.columns, [node.as]), rows };
  },
});
