/**
 * `convert [timeformat=<fmt>] <fn>(<wc-field>) [AS <field>] ...`: converts field values
 * (DOC Search Reference: convert, CONF Splunk 8.2.12). ctime/mktime use `timeformat`, default `%m/%d/%Y %H:%M:%S`, rendered in
 * the search's zone. Without AS the values are replaced; with AS the original stays.
 */
import { computedColumn, mappedColumn, type ColumnTable } from '../core/column-table.js';
import type { Span } from '../core/errors.js';
import { matchFieldPattern } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import type { ResultTable } from '../core/values.js';
import { isNull, parseNumber, scalarToString, valuesOf, fromValues, type Scalar, type Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { LParen, RParen } from '../parse/tokens.js';
import { formatTime } from '../time/strftime.js';
import { parseTime } from '../time/strptime.js';
import { defineCommand } from './types.js';

export const CONVERT_FUNCTIONS = ['auto', 'ctime', 'dur2sec', 'memk', 'mktime', 'mstime', 'none', 'num', 'rmcomma', 'rmunit'] as const;
export type ConvertFunction = (typeof CONVERT_FUNCTIONS)[number];

const DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

export interface Conversion {
  fn: ConvertFunction;
  field: string;
  as?: string;
  span: Span;
}

export interface ConvertNode extends CommandNodeBase {
  timeformat: string;
  conversions: Conversion[];
}

type Converter = (value: Scalar, timeformat: string, tz: string) => Scalar | undefined;

/** "[D+]HH:MM:SS" to seconds. */
function durationToSeconds(text: string): number | undefined {
  const match = /^\s*(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 86400 + Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

/** "[MM:]SS.SSS" to seconds. */
function minutesSecondsToSeconds(text: string): number | undefined {
  const match = /^\s*(?:(\d+):)?(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

/** A memory amount with an optional k/m/g suffix, in kilobytes (k is the default unit). */
function memoryToKilobytes(text: string): number | undefined {
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text);
  if (!match) return undefined;
  const scale = { '': 1, k: 1, m: 1024, g: 1024 * 1024 }[match[2]!.toLowerCase()] ?? 1;
  return Number(match[1]) * scale;
}

/** The leading number of a value, dropping trailing units: "10 KB" → 10. */
function leadingNumber(text: string): number | undefined {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function autoNumber(text: string): number | undefined {
  return parseNumber(text) ?? parseNumber(text.replace(/,/g, '')) ?? durationToSeconds(text) ?? memoryToKilobytes(text) ?? leadingNumber(text);
}

const converters: Record<ConvertFunction, Converter> = {
  ctime: (value, timeformat, tz) => {
    const epoch = typeof value === 'number' ? value : parseNumber(scalarToString(value));
    return epoch === undefined ? value : formatTime(epoch, timeformat, tz);
  },
  mktime: (value, timeformat, tz) => {
    if (typeof value === 'number') return value;
    return parseTime(scalarToString(value), timeformat, tz) ?? value;
  },
  dur2sec: (value) => durationToSeconds(scalarToString(value)) ?? value,
  mstime: (value) => minutesSecondsToSeconds(scalarToString(value)) ?? value,
  memk: (value) => memoryToKilobytes(scalarToString(value)) ?? value,
  // The number as written without its commas: "1,000,000.00" becomes 1000000.00 (DOC convert 10.0).
  rmcomma: (value) => {
    const text = scalarToString(value).replace(/,/g, '');
    return parseNumber(text) !== undefined ? text.trim() : value;
  },
  rmunit: (value) => leadingNumber(scalarToString(value)) ?? value,
  auto: (value) => (typeof value === 'number' ? value : autoNumber(scalarToString(value)) ?? value),
  // num: like auto, but values that cannot be converted are removed (DOC Search Reference: convert).
  num: (value) => (typeof value === 'number' ? value : autoNumber(scalarToString(value))),
  none: (value) => value,
};

function convertValue(value: Value, convert: Converter, timeformat: string, tz: string): Value {
  const converted: Scalar[] = [];
  for (const item of valuesOf(value)) {
    const result = convert(item, timeformat, tz);
    if (result !== undefined) converted.push(result);
  }
  return fromValues(converted);
}

interface ConversionPlan {
  conversion: Conversion;
  sources: string[];
}

/** What each conversion reads (a wildcard names every matching column), and the columns after the command. */
function planConversions(node: ConvertNode, input: ResultTable): { columns: string[]; plans: ConversionPlan[] } {
  const columns = [...input.columns];
  // none(<field>) exempts the fields it names from the other conversions' wildcards (DOC convert
  // 10.0: "In the presence of other wildcards, indicates that the matching fields should not be converted").
  const exempt = node.conversions.filter((c) => c.fn === 'none').map((c) => c.field);
  const isExempt = (column: string): boolean => exempt.some((pattern) => matchFieldPattern(pattern, column) !== undefined);
  const plans = node.conversions.map((conversion) => {
    const sources = conversion.field.includes('*')
      ? input.columns.filter((c) => matchFieldPattern(conversion.field, c) !== undefined && (conversion.fn === 'none' || !isExempt(c)))
      : [conversion.field];
    return { conversion, sources };
  });
  for (const { conversion, sources } of plans) {
    if (conversion.as !== undefined && sources.length > 0 && !columns.includes(conversion.as)) columns.push(conversion.as);
  }
  return { columns, plans };
}

/**
 * The conversions on a column table: each target becomes a column computed from its source as
 * it was before the command, once per dictionary value or on first read.
 */
function convertColumns(node: ConvertNode, input: ColumnTable, tz: string): ColumnTable {
  const { columns, plans } = planConversions(node, input);
  const timeformat = node.timeformat;
  const data = new Map(input.data);
  for (const { conversion, sources } of plans) {
    for (const source of sources) {
      const original = input.data.get(source);
      if (original === undefined) continue;
      const convert = converters[conversion.fn];
      const converted = (value: Value): Value => (isNull(value) ? value : convertValue(value, convert, timeformat, tz));
      const target = conversion.as ?? source;
      const previous = data.get(target);
      // A null source leaves the target as it was: another field (AS), or this one as an earlier
      // conversion of the same command left it.
      data.set(
        target,
        previous === original
          ? mappedColumn(original, input.length, converted)
          : previous === undefined
            ? mappedColumn(original, input.length, (value) => (isNull(value) ? null : converted(value)))
            : computedColumn(input.length, (index) => {
              const value = original.get(index);
              return isNull(value) ? previous.get(index) : converted(value);
            }),
      );
    }
  }
  return input.withData(columns, data);
}

export default defineCommand<ConvertNode>({
  name: 'convert',
  type: 'streaming',
  summary: 'Converts field values: epoch times to text (ctime), text to epoch (mktime), durations and units to numbers.',
  parse(cursor) {
    let timeformat = DEFAULT_TIMEFORMAT;
    const conversions: Conversion[] = [];
    while (!cursor.done) {
      const option = cursor.takeOption(['timeformat']);
      if (option) {
        timeformat = option.value;
        continue;
      }
      const fnToken = cursor.nextToken();
      const fn = fnToken.image.toLowerCase() as ConvertFunction;
      if (!CONVERT_FUNCTIONS.includes(fn)) {
        cursor.fail(
          `Error in 'convert' command: '${fnToken.image}' is not a conversion function (expected one of ${CONVERT_FUNCTIONS.join(', ')}).`,
          { start: fnToken.startOffset, end: fnToken.startOffset + fnToken.image.length },
        );
      }
      cursor.expect(LParen, `'(' after ${fn}`);
      const field = cursor.expectFieldName(`inside ${fn}()`);
      const close = cursor.expect(RParen, `')' after the field name`);
      let as: string | undefined;
      let end = close.startOffset + 1;
      if (cursor.takeWord('as')) {
        const target = cursor.expectFieldName("after 'AS'");
        as = target.name;
        end = target.span.end;
      }
      conversions.push({ fn, field: field.name, ...(as !== undefined ? { as } : {}), span: { start: fnToken.startOffset, end } });
      cursor.takeComma();
    }
    if (conversions.length === 0) cursor.fail("Error in 'convert' command: no conversion function was given.");
    return { name: 'convert', span: { start: 0, end: 0 }, timeformat, conversions };
  },
  explain(node) {
    const list = node.conversions.map((c) => `${c.fn}(${c.field})${c.as ? ` as ${c.as}` : ''}`).join(', ');
    return { note: `converts ${list}${node.conversions.some((c) => c.fn === 'ctime' || c.fn === 'mktime') ? ` with timeformat "${node.timeformat}"` : ''}` };
  },
  execute: (node, input, ctx) => convertRows(node, input, ctx.tz),
  executeColumns: (node, input, ctx) => convertColumns(node, input, ctx.tz),
  shapeFromColumns: true,
});

function convertRows(node: ConvertNode, input: RowTable, tz: string): ResultTable {
  const { columns, plans } = planConversions(node, input);
  // Rows belong to this stage of the pipeline, so they are changed in place. Conversions read
  // the values as they were before the command, so `ctime(a) as b, ctime(b)` sees the old b.
  const originals: Value[] = [];
  for (const row of input.rows) {
    originals.length = 0;
    for (const { sources } of plans) for (const source of sources) originals.push(row.get(source) ?? null);
    let index = 0;
    for (const { conversion, sources } of plans) {
      for (const source of sources) {
        const value = originals[index++]!;
        if (isNull(value)) continue;
        const converted = convertValue(value, converters[conversion.fn], node.timeformat, tz);
        const target = conversion.as ?? source;
        if (converted === null) row.delete(target);
        else row.set(target, converted);
      }
    }
  }
  return { columns, rows: input.rows };
}
