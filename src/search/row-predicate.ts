/**
 * The search language evaluated over result rows: what `search` does after the first command.
 */
import { displayValues, type Row } from '../core/values.js';
import type { SearchExpr } from '../parse/ast.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { comparisonHolds, comparisonTest, globTest } from './match.js';
import { unresolvedSubsearch } from './subsearch.js';

export type RowPredicate = (row: Row) => boolean;

export interface PredicateClock {
  now: number;
  tz: string;
}

export function compileRowPredicate(expr: SearchExpr, clock: PredicateClock): RowPredicate {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.operands.map((e) => compileRowPredicate(e, clock));
      return (row) => parts.every((p) => p(row));
    }
    case 'or': {
      const parts = expr.operands.map((e) => compileRowPredicate(e, clock));
      return (row) => parts.some((p) => p(row));
    }
    case 'not': {
      const inner = compileRowPredicate(expr.operand, clock);
      return (row) => !inner(row);
    }
    case 'compare': {
      const test = comparisonTest(expr.op, expr.value.value);
      const { field, op } = expr;
      return (row) => comparisonHolds(op, test, displayValues(row.get(field)));
    }
    case 'in': {
      const tests = expr.values.map((v) => comparisonTest('=', v.value));
      const { field } = expr;
      return (row) => displayValues(row.get(field)).some((value) => tests.some((t) => t(value)));
    }
    case 'term': {
      // A bare term matches the raw event text; after a transforming command there is none,
      // so only `*` matches (DOC S2, S6).
      if (expr.value.value === '*') return () => true;
      const test = globTest(`*${expr.value.value}*`);
      return (row) => displayValues(row.get('_raw')).some((value) => test(value));
    }
    case 'timeBound': {
      const bound = resolveTimeModifier(expr.value.value, clock.now, clock.tz);
      const isEarliest = expr.bound === 'earliest';
      return (row) => {
        const time = Number(displayValues(row.get('_time'))[0]);
        if (Number.isNaN(time)) return false;
        return isEarliest ? time >= bound : time < bound;
      };
    }
    case 'subsearch':
      return unresolvedSubsearch(expr);
  }
}
