/**
 * The search language evaluated over a columnar store, for the tstats WHERE clause.
 *
 * Evaluation narrows a list of candidate rows: an AND hands each operand only the rows the
 * previous ones kept, cheapest first, so a selective test (`parent_process_name=w3wp.exe`)
 * spares the others most rows. A subtree that reads one field is decided once per distinct
 * dictionary value: lazily, only for the values the candidate rows hold, when they are few;
 * for the whole dictionary at once (see dictionary-index.ts) when they are many, the verdicts
 * then kept with the column for later searches.
 */
import type { ComparisonOperator, SearchExpr } from '../parse/ast.js';
import { type ColumnarStore, type DictionaryColumn, type DictionaryEntry, type IdArray } from '../store/types.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { dictionaryValues, emptyBits, entriesWithPassingValue, type EntryBits, verdictCache, type VerdictCache } from './dictionary-index.js';
import { comparisonHolds, comparisonTest, equalityPieces, equalityTest, orderingTest, type StringTest } from './match.js';
import { rawTermTest } from './segments.js';
import { unresolvedSubsearch } from './subsearch.js';

export interface StoreFieldResolver {
  /** The store column behind a search field name, or undefined when no row has the field. */
  column(field: string): DictionaryColumn | undefined;
  /** True for `_time`, which lives in the store's float column. */
  isTime(field: string): boolean;
  /** An event's `_raw`, for bare terms; absent for a store without raw text (tstats). */
  raw?(row: number): string;
}

export interface StoreClock {
  now: number;
  tz: string;
}

type EntryDecision = (values: readonly string[], lowered: readonly string[]) => boolean;

const NO_VALUES: readonly string[] = [];

/**
 * The lower-case form of each dictionary value, filled as values are first needed and kept for
 * the life of the (immutable) store, so case-insensitive tests lower-case each value once.
 */
const loweredDictionaries = new WeakMap<DictionaryColumn, (readonly string[] | undefined)[]>();

function entryValues(entry: DictionaryEntry | undefined): readonly string[] {
  if (entry === null || entry === undefined) return NO_VALUES;
  return typeof entry === 'string' ? [entry] : entry;
}

function loweredValues(column: DictionaryColumn, id: number, values: readonly string[]): readonly string[] {
  let cache = loweredDictionaries.get(column);
  if (!cache) {
    cache = new Array<readonly string[] | undefined>(column.dictionary.length);
    loweredDictionaries.set(column, cache);
  }
  let lowered = cache[id];
  if (!lowered) {
    lowered = values.map((v) => v.toLowerCase());
    cache[id] = lowered;
  }
  return lowered;
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

/** Decides a single-field subtree for the values of one dictionary entry. */
function entryDecision(expr: SearchExpr): EntryDecision {
  switch (expr.kind) {
    case 'compare': {
      const test = comparisonTest(expr.op, expr.value.value, expr.value.caseSensitive === true);
      const op = expr.op;
      return (values, lowered) => comparisonHolds(op, test, values, lowered);
    }
    case 'in': {
      const tests: StringTest[] = expr.values.map((v) => comparisonTest('=', v.value));
      return (values, lowered) => tests.some((test) => comparisonHolds('=', test, values, lowered));
    }
    case 'not': {
      const inner = entryDecision(expr.operand);
      return (values, lowered) => !inner(values, lowered);
    }
    case 'and': {
      const parts = expr.operands.map(entryDecision);
      return (values, lowered) => parts.every((p) => p(values, lowered));
    }
    case 'or': {
      const parts = expr.operands.map(entryDecision);
      return (values, lowered) => parts.some((p) => p(values, lowered));
    }
    default:
      return () => false;
  }
}

/** A one-value test whose verdicts over a whole dictionary can be computed and cached. */
interface ValueTest {
  key: string;
  test: StringTest;
  /** Texts every passing value's lower-case form contains. */
  pieces: readonly string[];
}

function valueTest(op: ComparisonOperator, written: string, caseSensitive = false): ValueTest {
  if (caseSensitive && (op === '=' || op === '!=')) return { key: `=\u0001${written}`, test: comparisonTest(op, written, true), pieces: equalityPieces(written) };
  // `=` and `!=` share one test; they differ only in how a field's values combine.
  if (op === '=' || op === '!=') return { key: `=\u0000${written}`, test: equalityTest(written), pieces: equalityPieces(written) };
  return { key: `${op}\u0000${written}`, test: orderingTest(op, written), pieces: [] };
}

/** The one-value tests a single-field subtree is built from. */
function valueTests(expr: SearchExpr): ValueTest[] {
  switch (expr.kind) {
    case 'compare':
      return [valueTest(expr.op, expr.value.value, expr.value.caseSensitive === true)];
    case 'in':
      return expr.values.map((v) => valueTest('=', v.value));
    case 'not':
      return valueTests(expr.operand);
    case 'and':
    case 'or':
      return expr.operands.flatMap(valueTests);
    default:
      return [];
  }
}

/**
 * A single-field subtree decided for every entry of a column's dictionary at once, with the same
 * multivalue and null rules as entryDecision: `=` holds when any value passes, `!=` when there
 * are values and none passes.
 */
class WholeDictionaryDecision {
  private readonly cache: VerdictCache;

  constructor(private readonly column: DictionaryColumn) {
    this.cache = verdictCache(column);
  }

  /** Whether every test the subtree needs is already decided for this column. */
  isCached(expr: SearchExpr): boolean {
    return valueTests(expr).every((t) => this.cache.get(t.key) !== undefined);
  }

  /** The entries that satisfy the subtree. The result may be a cached bitset: do not modify it. */
  entries(expr: SearchExpr): EntryBits {
    switch (expr.kind) {
      case 'compare': {
        const passing = this.passing(valueTest(expr.op, expr.value.value, expr.value.caseSensitive === true));
        if (expr.op !== '!=') return passing;
        const hasValues = dictionaryValues(this.column).hasValues;
        const bits = new Uint32Array(passing.length);
        for (let w = 0; w < bits.length; w++) bits[w] = hasValues[w]! & ~passing[w]!;
        return bits;
      }
      case 'in':
        return this.combine(
          expr.values.map((v) => this.passing(valueTest('=', v.value))),
          0,
        );
      case 'not': {
        const inner = this.entries(expr.operand);
        const bits = new Uint32Array(inner.length);
        for (let w = 0; w < bits.length; w++) bits[w] = ~inner[w]!;
        return bits;
      }
      case 'and':
        return this.combine(expr.operands.map((e) => this.entries(e)), ~0);
      case 'or':
        return this.combine(expr.operands.map((e) => this.entries(e)), 0);
      default:
        return emptyBits(this.column.dictionary.length);
    }
  }

  /** The word-wise AND (start ~0) or OR (start 0) of bitsets, into a new bitset. */
  private combine(parts: EntryBits[], start: number): EntryBits {
    const bits = emptyBits(this.column.dictionary.length).fill(start);
    for (const part of parts) {
      if (start === 0) for (let w = 0; w < bits.length; w++) bits[w]! |= part[w]!;
      else for (let w = 0; w < bits.length; w++) bits[w]! &= part[w]!;
    }
    return bits;
  }

  private passing(test: ValueTest): EntryBits {
    let bits = this.cache.get(test.key);
    if (!bits) {
      bits = entriesWithPassingValue(dictionaryValues(this.column), test.test, test.pieces);
      this.cache.set(test.key, bits);
    }
    return bits;
  }
}

/** Rows of `candidates` whose entry has its bit set: one tight pass, no per-row call. */
function rowsWithEntryBit(candidates: Uint32Array, ids: IdArray, bits: EntryBits): Uint32Array {
  const kept = new Uint32Array(candidates.length);
  let count = 0;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    const id = ids[row]!;
    if (((bits[id >>> 5]! >>> (id & 31)) & 1) !== 0) kept[count++] = row;
  }
  return kept.subarray(0, count);
}

/**
 * Below this many candidate rows per dictionary entry, deciding only the entries the rows hold
 * is cheaper than deciding the whole dictionary.
 */
const WHOLE_DICTIONARY_SHARE = 0.25;

/** Rows 0..n-1: the candidates before any test. */
export function allRows(rowCount: number): Uint32Array {
  const rows = new Uint32Array(rowCount);
  for (let row = 0; row < rowCount; row++) rows[row] = row;
  return rows;
}

function keep(candidates: Uint32Array, holds: (row: number) => boolean): Uint32Array {
  const kept = new Uint32Array(candidates.length);
  let count = 0;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    if (holds(row)) kept[count++] = row;
  }
  return kept.subarray(0, count);
}

/** Rows of `candidates` that are not in `removed` (both ascending). */
function without(candidates: Uint32Array, removed: Uint32Array): Uint32Array {
  const out = new Uint32Array(candidates.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    while (j < removed.length && removed[j]! < row) j++;
    if (j < removed.length && removed[j] === row) continue;
    out[count++] = row;
  }
  return out.subarray(0, count);
}

/** The union of ascending row lists, ascending. */
function union(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0]!;
  const total = lists.reduce((n, l) => n + l.length, 0);
  const merged = new Uint32Array(total);
  let offset = 0;
  for (const list of lists) {
    merged.set(list, offset);
    offset += list.length;
  }
  merged.sort();
  let count = 0;
  for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[count++] = merged[i]!;
  return merged.subarray(0, count);
}

class StoreEvaluator {
  constructor(
    private readonly store: ColumnarStore,
    private readonly resolver: StoreFieldResolver,
    private readonly clock: StoreClock,
  ) {}

  /** How many distinct values a subtree may have to decide: a rough cost for ordering ANDs. */
  private cost(expr: SearchExpr): number {
    // A bare term renders and scans every candidate's `_raw`: the dearest test, run last.
    if (expr.kind === 'term' && this.resolver.raw && expr.value.value !== '*') return this.store.rowCount * 64;
    const field = singleField(expr, this.resolver);
    if (typeof field === 'string') return this.resolver.column(field)?.dictionary.length ?? 0;
    if (expr.kind === 'and' || expr.kind === 'or') return expr.operands.reduce((n, e) => n + this.cost(e), 0);
    if (expr.kind === 'not') return this.cost(expr.operand);
    return this.store.rowCount;
  }

  rowsMatching(expr: SearchExpr, candidates: Uint32Array): Uint32Array {
    if (candidates.length === 0) return candidates;
    const field = singleField(expr, this.resolver);
    if (typeof field === 'string') return this.bySingleField(expr, field, candidates);
    switch (expr.kind) {
      case 'and': {
        let rows = candidates;
        const cheapestFirst = [...expr.operands].sort((a, b) => this.cost(a) - this.cost(b));
        for (const operand of cheapestFirst) rows = this.rowsMatching(operand, rows);
        return rows;
      }
      case 'or': {
        if (expr.operands.length === 0) return candidates.subarray(0, 0);
        const found: Uint32Array[] = [];
        let remaining = candidates;
        for (const operand of expr.operands) {
          const matched = this.rowsMatching(operand, remaining);
          if (matched.length === 0) continue;
          found.push(matched);
          remaining = without(remaining, matched);
          if (remaining.length === 0) break;
        }
        return found.length === 0 ? candidates.subarray(0, 0) : union(found);
      }
      case 'not':
        return without(candidates, this.rowsMatching(expr.operand, candidates));
      case 'compare':
      case 'in': {
        // `_time` compared as written: numerically when both sides are numbers.
        const decide = entryDecision(expr);
        const time = this.store.time;
        return keep(candidates, (row) => {
          const text = String(time[row]);
          return decide([text], [text]);
        });
      }
      case 'term': {
        const raw = this.resolver.raw;
        // tstats reads indexed fields only; no raw text holds a bare term, so only `*` matches
        // (DOC Search Reference: tstats: "WHERE clauses ... can contain only indexed fields").
        if (!raw) return expr.value.value === '*' ? candidates : candidates.subarray(0, 0);
        const test = rawTermTest(expr.value.value, { caseSensitive: expr.value.caseSensitive === true, exact: expr.exact === true });
        if (!test) return candidates;
        return keep(candidates, (row) => test(raw.call(this.resolver, row)));
      }
      case 'timeBound': {
        const bound = resolveTimeModifier(expr.value.value, this.clock.now, this.clock.tz, expr.bound);
        const time = this.store.time;
        return expr.bound === 'earliest' ? keep(candidates, (row) => time[row]! >= bound) : keep(candidates, (row) => time[row]! < bound);
      }
      case 'subsearch':
        return unresolvedSubsearch(expr);
    }
  }

  private bySingleField(expr: SearchExpr, field: string, candidates: Uint32Array): Uint32Array {
    const decide = entryDecision(expr);
    const column = this.resolver.column(field);
    if (!column) return decide(NO_VALUES, NO_VALUES) ? candidates : candidates.subarray(0, 0);
    const ids = column.ids;
    const dictionary = column.dictionary;
    const whole = new WholeDictionaryDecision(column);
    if (candidates.length >= dictionary.length * WHOLE_DICTIONARY_SHARE || whole.isCached(expr)) {
      return rowsWithEntryBit(candidates, ids, whole.entries(expr));
    }
    // 0 = not decided yet, 1 = holds, 2 = does not hold.
    const decided = new Uint8Array(dictionary.length);
    return keep(candidates, (row) => {
      const id = ids[row]!;
      let verdict = decided[id]!;
      if (verdict === 0) {
        const values = entryValues(dictionary[id]);
        verdict = decide(values, loweredValues(column, id, values)) ? 1 : 2;
        decided[id] = verdict;
      }
      return verdict === 1;
    });
  }
}

/** The rows (ascending) among `candidates` that satisfy a search expression over the store. */
export function rowsMatchingOnStore(
  expr: SearchExpr,
  store: ColumnarStore,
  resolver: StoreFieldResolver,
  clock: StoreClock,
  candidates: Uint32Array = allRows(store.rowCount),
): Uint32Array {
  return new StoreEvaluator(store, resolver, clock).rowsMatching(expr, candidates);
}
