/**
 * The search language evaluated over result rows: what `search` does after the first command.
 * The same tests run over a row or over a table's results (core/table.ts), where a column
 * table tests a dictionary column once per dictionary value.
 */
import type { Table } from '../core/table.js';
import { displayValues, type FieldReader, type Value } from '../core/values.js';
import type { SearchExpr } from '../parse/ast.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { comparisonHolds, comparisonTest, globTest } from './match.js';
import { unresolvedSubsearch } from './subsearch.js';

export type RowPredicate = (row: FieldReader) => boolean;

export interface PredicateClock {
  now: number;
  tz: string;
}

/** A leaf of the expression: a test of one field's value. */
interface FieldTest {
  field: string;
  test(value: Value | undefined): boolean;
}

function fieldTest(expr: Exclude<SearchExpr, { kind: 'and' | 'or' | 'not' | 'subsearch' }>, clock: PredicateClock): FieldTest | 'all' {
  switch (expr.kind) {
    case 'compare': {
      const test = comparisonTest(expr.op, expr.value.value, expr.value.caseSensitive === true);
      const { op } = expr;
      return { field: expr.field, test: (value) => comparisonHolds(op, test, displayValues(value)) };
    }
    case 'in': {
      const tests = expr.values.map((v) => comparisonTest('=', v.value));
      return { field: expr.field, test: (value) => displayValues(value).some((text) => tests.some((t) => t(text))) };
    }
    case 'term': {
      // A bare term matches the raw event text; after a transforming command there is none,
      // so only `*` matches (DOC Search Reference: search, Search Manual: Wildcards).
      if (expr.value.value === '*') return 'all';
      const test = globTest(`*${expr.value.value}*`, expr.value.caseSensitive === true);
      return { field: '_raw', test: (value) => displayValues(value).some((text) => test(text)) };
    }
    case 'timeBound': {
      const bound = resolveTimeModifier(expr.value.value, clock.now, clock.tz, expr.bound);
      const isEarliest = expr.bound === 'earliest';
      return {
        field: '_time',
        test(value) {
          const time = Number(displayValues(value)[0]);
          if (Number.isNaN(time)) return false;
          return isEarliest ? time >= bound : time < bound;
        },
      };
    }
  }
}

/** Compiles `expr` with `leaf` turning each field test into a predicate over T. */
function compile<T>(expr: SearchExpr, clock: PredicateClock, leaf: (test: FieldTest) => (item: T) => boolean): (item: T) => boolean {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.operands.map((e) => compile(e, clock, leaf));
      return (item) => parts.every((p) => p(item));
    }
    case 'or': {
      const parts = expr.operands.map((e) => compile(e, clock, leaf));
      return (item) => parts.some((p) => p(item));
    }
    case 'not': {
      const inner = compile(expr.operand, clock, leaf);
      return (item) => !inner(item);
    }
    case 'subsearch':
      return unresolvedSubsearch(expr);
    default: {
      const test = fieldTest(expr, clock);
      return test === 'all' ? () => true : leaf(test);
    }
  }
}

export function compileRowPredicate(expr: SearchExpr, clock: PredicateClock): RowPredicate {
  return compile<FieldReader>(expr, clock, ({ field, test }) => (row) => test(row.get(field)));
}

/** The expression over a table's results by position, each field test made through the table's `test`. */
export function compileTablePredicate(expr: SearchExpr, clock: PredicateClock, table: Table): (position: number) => boolean {
  return compile<number>(expr, clock, ({ field, test }) => table.test(new Set([field]), (result) => test(result.get(field))));
}
