/**
 * `bin [span=<span>] <field> [AS <newfield>]`, alias `bucket` (DOC bin): puts values into
 * discrete bins. For `_time` the span is a time span and the value becomes the bin's start
 * (the same bins as tstats `span=`, src/time/span.ts). For another field the span is a number
 * and the value becomes the range text `<start>-<end>` (DOC bin example `span=10` gives
 * "0-10"). Values that are not numbers are left as they are [INF]. bins=, minspan=, start=,
 * end=, aligntime= and log spans are not supported.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import { fromValues, numberToString, numericValue, valuesOf, type Row, type Scalar } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { binStart, parseSpan, type TimeSpan } from '../time/span.js';
import { defineCommand } from './types.js';

export interface BinNode extends CommandNodeBase {
  field: string;
  as: string;
  spanText: string;
  spanAt: Span;
}

function numericSpan(text: string, span: Span): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
    if (/^log/i.test(text)) throw new SpelunkError('unsupported', `spelunk does not support logarithmic bin spans ('${text}').`, span);
    throw new SpelunkError('search', `Invalid span '${text}' for a numeric field: expected a positive number.`, span);
  }
  return value;
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

export default defineCommand<BinNode>({
  name: 'bin',
  aliases: ['bucket'],
  type: 'streaming',
  summary: 'Puts `_time` (time span) or a numeric field (number span, "0-10" ranges) into bins of `span=`.',
  parse(cursor) {
    let spanOption: { value: string; span: Span } | undefined;
    let field: string | undefined;
    let as: string | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['span']);
      if (option) {
        spanOption = option;
        continue;
      }
      const other = cursor.takeOption(['bins', 'minspan', 'start', 'end', 'aligntime']);
      if (other) throw new SpelunkError('unsupported', `spelunk does not support the bin option '${other.key}'.`, other.span);
      if (field !== undefined && cursor.takeWord('as')) {
        as = cursor.expectFieldName("after 'AS'").name;
        continue;
      }
      if (field !== undefined) cursor.expectEnd();
      field = cursor.expectFieldName('to bin').name;
    }
    if (field === undefined) return cursor.fail("Error in 'bin' command: expected a field name.");
    if (!spanOption) throw new SpelunkError('unsupported', "spelunk supports bin only with 'span=' (automatic bins are not supported).", { start: cursor.offset, end: cursor.endOffset });
    if (field === '_time' || isTimeSpan(spanOption.value)) parseSpan(spanOption.value);
    else numericSpan(spanOption.value, spanOption.span);
    return { name: 'bin', span: { start: 0, end: 0 }, field, as: as ?? field, spanText: spanOption.value, spanAt: spanOption.span };
  },
  explain(node) {
    return { note: `bins ${node.field} by ${node.spanText}${node.as !== node.field ? ` into ${node.as}` : ''}` };
  },
  execute(node, input, ctx) {
    const timeSpan: TimeSpan | undefined = node.field === '_time' || isTimeSpan(node.spanText) ? parseSpan(node.spanText) : undefined;
    const size = timeSpan ? 0 : numericSpan(node.spanText, node.spanAt);
    const binOne = (value: Scalar): Scalar => {
      const number = numericValue(value);
      if (number === undefined) return value;
      return timeSpan ? binStart(number, timeSpan, ctx.tz) : binNumber(number, size);
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
