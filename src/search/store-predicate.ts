/**
 * The search language evaluated over a columnar store, for the tstats WHERE clause. A
 * comparison is decided once per distinct dictionary value, then spread to the rows through
 * the id column; subtrees that read one column only are folded per value before touching rows.
 */
import type { SearchExpr } from '../parse/ast.js';
import { type ColumnarStore, type DictionaryColumn, type DictionaryEntry } from '../store/types.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { comparisonHolds, comparisonTest, type StringTest } from './match.js';
import { unresolvedSubsearch } from './subsearch.js';

export interface StoreFieldResolver {
  /** The store column behind a search field name, or undefined when no row has the field. */
  column(field: string): DictionaryColumn | undefined;
  /** True for `_time`, which lives in the store's float column. */
  isTime(field: string): boolean;
}

export interface StoreClock {
  now: number;
  tz: string;
}

function entryValues(entry: DictionaryEntry): readonly string[] {
  if (entry === null) return [];
  return typeof entry === 'string' ? [entry] : entry;
}

/** The one field a subtree reads, when it reads exactly one non-time field and no time bound. */
function singleField(expr: SearchExpr, resolver: StoreFieldResolver): string | undefined | null {
  switch (expr.kind) {
    case 'compare':
    case 'in':
      return resolver.isTime(expr.field) ? null : expr.field;
    case 'not':
      return singleField(expr.operand, resolver);
    case 'and':
    case 'or': {
      let field: string | undefined;
      for (const operand of expr.operands) {
        const f = singleField(operand, resolver);
        if (f === null) return null;
        if (f === undefined) continue;
        if (field !== undefined && f !== field) return null;
        field = f;
      }
      return field;
    }
    default:
      return null;
  }
}

/** Decides a single-field subtree for one dictionary entry. */
function entryPredicate(expr: SearchExpr): (values: readonly string[]) => boolean {
  switch (expr.kind) {
    case 'compare': {
      const test = comparisonTest(expr.op, expr.value.value);
      const op = expr.op;
      return (values) => comparisonHolds(op, test, values);
    }
    case 'in': {
      const tests: StringTest[] = expr.values.map((v) => comparisonTest('=', v.value));
      return (values) => values.some((value) => tests.some((t) => t(value)));
    }
    case 'not': {
      const inner = entryPredicate(expr.operand);
      return (values) => !inner(values);
    }
    case 'and': {
      const parts = expr.operands.map(entryPredicate);
      return (values) => parts.every((p) => p(values));
    }
    case 'or': {
      const parts = expr.operands.map(entryPredicate);
      return (values) => parts.some((p) => p(values));
    }
    default:
      return () => false;
  }
}

function fill(rowCount: number, value: 0 | 1): Uint8Array {
  const bits = new Uint8Array(rowCount);
  if (value === 1) bits.fill(1);
  return bits;
}

/** Row selection (1 = row matches) for a search expression over the store. */
export function evaluateOnStore(expr: SearchExpr, store: ColumnarStore, resolver: StoreFieldResolver, clock: StoreClock): Uint8Array {
  const rowCount = store.rowCount;
  const field = singleField(expr, resolver);
  if (typeof field === 'string') {
    const column = resolver.column(field);
    const decide = entryPredicate(expr);
    if (!column) return fill(rowCount, decide([]) ? 1 : 0);
    const table = new Uint8Array(column.dictionary.length);
    for (let id = 0; id < table.length; id++) table[id] = decide(entryValues(column.dictionary[id] ?? null)) ? 1 : 0;
    const ids = column.ids;
    const bits = new Uint8Array(rowCount);
    for (let row = 0; row < rowCount; row++) bits[row] = table[ids[row]!]!;
    return bits;
  }
  switch (expr.kind) {
    case 'and': {
      const bits = fill(rowCount, 1);
      for (const operand of expr.operands) {
        const part = evaluateOnStore(operand, store, resolver, clock);
        for (let row = 0; row < rowCount; row++) bits[row]! &= part[row]!;
      }
      return bits;
    }
    case 'or': {
      const bits = fill(rowCount, 0);
      for (const operand of expr.operands) {
        const part = evaluateOnStore(operand, store, resolver, clock);
        for (let row = 0; row < rowCount; row++) bits[row]! |= part[row]!;
      }
      return bits;
    }
    case 'not': {
      const bits = evaluateOnStore(expr.operand, store, resolver, clock);
      for (let row = 0; row < rowCount; row++) bits[row] = bits[row]! ^ 1;
      return bits;
    }
    case 'compare':
    case 'in':
      return evaluateTimeComparison(expr, store);
    case 'term': {
      // tstats reads indexed fields only; there is no raw text to hold a bare term, so only
      // `*` matches (DOC S7: "WHERE clauses ... can contain only indexed fields").
      return fill(rowCount, expr.value.value === '*' ? 1 : 0);
    }
    case 'timeBound': {
      const bound = resolveTimeModifier(expr.value.value, clock.now, clock.tz);
      const bits = new Uint8Array(rowCount);
      const time = store.time;
      if (expr.bound === 'earliest') for (let row = 0; row < rowCount; row++) bits[row] = time[row]! >= bound ? 1 : 0;
      else for (let row = 0; row < rowCount; row++) bits[row] = time[row]! < bound ? 1 : 0;
      return bits;
    }
    case 'subsearch':
      return unresolvedSubsearch(expr);
  }
}

/** `_time` comparisons: per row, on the epoch seconds as written (numeric when both are numbers). */
function evaluateTimeComparison(expr: Extract<SearchExpr, { kind: 'compare' | 'in' }>, store: ColumnarStore): Uint8Array {
  const decide = entryPredicate(expr);
  const bits = new Uint8Array(store.rowCount);
  for (let row = 0; row < store.rowCount; row++) bits[row] = decide([String(store.time[row])]) ? 1 : 0;
  return bits;
}

