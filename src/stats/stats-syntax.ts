/**
 * The argument syntax stats, eventstats and streamstats share (CONF Splunk 8.2.12 stats-agg-term, DOC
 * stats): `<fn>[(<field> | eval(<expr>))] [AS <name>]`, comma or space separated, then an
 * optional `BY <field-list>`. Options before the functions are read by each command.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { countWildcards, fillWildcards, matchFieldPattern } from '../core/field-names.js';
import { valuesOf, type FieldReader, type Row, type Value } from '../core/values.js';
import { checkFunctions, evaluate, type EvalContext } from '../eval/evaluate.js';
import type { EvalExpr } from '../parse/ast.js';
import type { ArgCursor, FieldName } from '../parse/cursor.js';
import { CompareOp, isWordLike, LParen, RParen, tokenSpan } from '../parse/tokens.js';
import { aggregatorFactory, createAggregator, type Aggregator } from './aggregate.js';

export interface StatsAggregate {
  /** Function name in lower case. */
  fn: string;
  field?: string;
  /** `fn(eval(<expr>))`: the expression replaces the field. */
  expression?: EvalExpr;
  /** Output column: the AS name, or the function as written, e.g. `dc(user)`. */
  column: string;
  span: Span;
}

export interface StatsArguments {
  aggregates: StatsAggregate[];
  by: string[];
}

function parseAggregate(cursor: ArgCursor): StatsAggregate {
  const fnToken = cursor.nextToken();
  const written = fnToken.image;
  const fn = written.toLowerCase();
  const span = { start: fnToken.startOffset, end: fnToken.startOffset + written.length };
  if (cursor.isToken(CompareOp)) {
    // `name=value` where a function belongs: an option this command does not have.
    const value = cursor.peekToken(1);
    const end = value ? value.startOffset + value.image.length : span.end + 1;
    throw new SpelunkError('syntax', `Error in '${cursor.command}' command: The argument '${cursor.text.slice(span.start, end)}' is invalid.`, { start: span.start, end });
  }
  try {
    createAggregator({ fn });
  } catch (error) {
    if (error instanceof SpelunkError) throw new SpelunkError(error.kind, error.message, span);
    throw error;
  }
  let field: string | undefined;
  let expression: EvalExpr | undefined;
  let end = span.end;
  if (cursor.take(LParen)) {
    if (cursor.isWord('eval') && cursor.isToken(LParen, 1)) {
      cursor.nextToken();
      expression = cursor.evalExpression();
      checkFunctions(expression);
    } else {
      field = expectStatsFieldName(cursor, `inside ${written}()`).name;
    }
    end = cursor.expect(RParen, `')' to close ${written}(`).startOffset + 1;
  } else if (fn !== 'count' && fn !== 'c') {
    throw new SpelunkError('syntax', `Error in '${cursor.command}' command: the function '${written}' needs a field, as in ${written}(<field>).`, span);
  }
  let column = field !== undefined ? `${written}(${field})` : cursor.text.slice(span.start, end);
  if (cursor.takeWord('as')) {
    const alias = expectAsName(cursor);
    if (field !== undefined && countWildcards(field) !== countWildcards(alias.name)) {
      throw new SpelunkError('syntax', `Error in '${cursor.command}' command: the wildcards of '${field}' and '${alias.name}' do not match.`, alias.span);
    }
    column = alias.name;
    end = alias.span.end;
  } else if (expression) {
    // Splunk: "You must specify a rename for the aggregation specifier on the dynamically evaluated field".
    throw new SpelunkError(
      'syntax',
      `Error in '${cursor.command}' command: You must specify a rename for the aggregation specifier on the dynamically evaluated field '${column}'.`,
      { start: span.start, end },
    );
  }
  return { fn, ...(field !== undefined ? { field } : {}), ...(expression ? { expression } : {}), column, span: { start: span.start, end } };
}

/**
 * A field name where stats reads one: a bare word, a double-quoted string, or a name in single
 * quotes, which may hold spaces (DOC stats examples: `perc50('visitors total')`, `AS 'visitors
 * total'`; the column is named without the quotes, `perc50(visitors total)`).
 */
function expectStatsFieldName(cursor: ArgCursor, context: string): FieldName {
  return takeSingleQuotedName(cursor) ?? cursor.expectFieldName(context);
}

/**
 * `'name with spaces'`: the lexer knows no single quotes (they are ordinary characters in the
 * search language), so the name is the text between the quote that opens a word and the next
 * word that ends with one, taken as written.
 */
function takeSingleQuotedName(cursor: ArgCursor): FieldName | undefined {
  const first = cursor.peekToken();
  if (!isWordLike(first) || !first!.image.startsWith("'")) return undefined;
  for (let ahead = 0; ; ahead++) {
    const token = cursor.peekToken(ahead);
    if (!token) cursor.fail(`${cursor.command}: the single quote opened here is not closed.`, tokenSpan(first!));
    const image = token.image;
    const closes = ahead === 0 ? image.length > 1 && image.endsWith("'") : image.endsWith("'");
    if (!closes) continue;
    for (let i = 0; i <= ahead; i++) cursor.nextToken();
    const span = { start: first!.startOffset, end: tokenSpan(token).end };
    return { name: cursor.text.slice(span.start + 1, span.end - 1), quoted: true, span };
  }
}

/**
 * The name after AS. A bare name may go on with parenthesised groups written against it, as
 * in `values(aceFlags) as aceFlags(inheritance)` (five published security_content detections,
 * tested in Splunk): the column is then named `aceFlags(inheritance)` [INF: the name as written,
 * since Splunk accepts it and the following `table` lists it so].
 */
function expectAsName(cursor: ArgCursor): FieldName {
  const quoted = takeSingleQuotedName(cursor);
  if (quoted) return quoted;
  const alias = cursor.expectFieldName("after 'AS'");
  if (alias.quoted) return alias;
  let end = alias.span.end;
  while (cursor.isToken(LParen) && cursor.peekToken()!.startOffset === end) {
    let depth = 0;
    do {
      const token = cursor.nextToken();
      if (token.tokenType === LParen) depth++;
      else if (token.tokenType === RParen) depth--;
      end = tokenSpan(token).end;
      if (depth > 0 && cursor.done) cursor.fail(`${cursor.command}: the '(' in the name after AS is not closed.`, alias.span);
    } while (depth > 0);
  }
  if (end === alias.span.end) return alias;
  const span = { start: alias.span.start, end };
  return { name: cursor.text.slice(span.start, span.end), quoted: false, span };
}

/**
 * Expands `fn(<wildcard>) [AS <wildcard>]` into one function per matching field of the input
 * (DOC stats: "latest(*) as *"). The BY fields and internal `_` fields are not matched [INF].
 */
export function expandAggregates(aggregates: readonly StatsAggregate[], columns: readonly string[], by: readonly string[]): StatsAggregate[] {
  const out: StatsAggregate[] = [];
  for (const aggregate of aggregates) {
    if (aggregate.field === undefined || !aggregate.field.includes('*')) {
      out.push(aggregate);
      continue;
    }
    for (const column of columns) {
      if (by.includes(column) || column.startsWith('_')) continue;
      const parts = matchFieldPattern(aggregate.field, column);
      if (!parts) continue;
      out.push({ ...aggregate, field: column, column: fillWildcards(aggregate.column, parts) });
    }
  }
  return out;
}

function isByWord(cursor: ArgCursor): boolean {
  return cursor.isWord('by');
}

/**
 * Reads the functions and the BY clause. `takeOption` reads the command's own `key=value`
 * options wherever they appear before BY; it returns false when the next item is not one.
 */
export function parseStatsArguments(cursor: ArgCursor, takeOption: () => boolean): StatsArguments {
  const aggregates: StatsAggregate[] = [];
  while (!cursor.done && !isByWord(cursor)) {
    if (takeOption()) continue;
    if (cursor.takeComma()) continue;
    aggregates.push(parseAggregate(cursor));
  }
  if (aggregates.length === 0) cursor.fail(`Error in '${cursor.command}' command: at least one statistical function is required, such as count.`);
  const by: string[] = [];
  if (cursor.takeWord('by')) {
    while (!cursor.done) {
      if (takeOption()) continue;
      if (cursor.takeComma()) continue;
      const field = expectStatsFieldName(cursor, 'in the BY clause');
      if (field.name.includes('*')) cursor.fail(`Error in '${cursor.command}' command: wildcards are not allowed in the BY clause.`, field.span);
      by.push(field.name);
    }
    if (by.length === 0) cursor.fail(`Error in '${cursor.command}' command: the BY clause names no field.`);
  }
  return { aggregates, by };
}

/** A fresh aggregator for each function. */
export function newAggregators(aggregates: readonly StatsAggregate[]): Aggregator[] {
  return aggregatorMaker(aggregates)();
}

/** Makes a group's aggregators, the functions resolved once: stats may make a million groups. */
export function aggregatorMaker(aggregates: readonly StatsAggregate[]): () => Aggregator[] {
  const factories = aggregates.map((a) => aggregatorFactory({ fn: a.fn }));
  return () => factories.map((make) => make());
}

/** The event time of a row, for earliest/latest: `_time` as a number, or 0 without one. */
function rowTime(row: FieldReader): number {
  const time = valuesOf(row.get('_time'))[0];
  const number = typeof time === 'number' ? time : typeof time === 'string' ? Number(time) : NaN;
  return Number.isFinite(number) ? number : 0;
}

/**
 * What `fn(eval(expr))` sees for one row: the expression's value, where a false or null test
 * counts as no value (so `count(eval(x>5))` counts the rows where the test holds, DOC stats
 * "count(eval(...))" example) and a true test as the value 1 [INF].
 */
function expressionValue(expression: EvalExpr, row: FieldReader, ctx: EvalContext): Value {
  const value = evaluate(expression, row, ctx);
  if (typeof value === 'boolean') return value ? 1 : null;
  return value;
}

/** Feeds one row to a group's aggregators. */
export function feedRow(aggregates: readonly StatsAggregate[], aggregators: readonly Aggregator[], row: FieldReader, ctx: EvalContext): void {
  const time = rowTime(row);
  aggregates.forEach((aggregate, index) => {
    const aggregator = aggregators[index]!;
    if (aggregate.expression) aggregator.add(expressionValue(aggregate.expression, row, ctx), time);
    else if (aggregate.field !== undefined) aggregator.add(row.get(aggregate.field) ?? null, time);
    else if (aggregator.addRow) aggregator.addRow();
    else aggregator.add(null, time);
  });
}

/** Sets the aggregate results on a row (a null result removes the field). */
export function writeResults(aggregates: readonly StatsAggregate[], aggregators: readonly Aggregator[], row: Row): void {
  aggregates.forEach((aggregate, index) => {
    const value = aggregators[index]!.result();
    if (value === null) row.delete(aggregate.column);
    else row.set(aggregate.column, value);
  });
}
