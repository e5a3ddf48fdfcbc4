import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComparisonOperator, SearchExpr } from '../../src/parse/ast.js';
import { comparisonHolds, comparisonTest } from '../../src/search/match.js';
import { allRows, rowsMatchingOnStore, type StoreFieldResolver } from '../../src/search/store-predicate.js';
import type { ColumnarStore, DictionaryColumn, DictionaryEntry } from '../../src/store/types.js';

const span = { start: 0, end: 0 };
const value = (text: string) => ({ value: text, quoted: true, span });
const compare = (field: string, op: ComparisonOperator, text: string): SearchExpr => ({ kind: 'compare', field, op, value: value(text), span });
const isIn = (field: string, texts: string[]): SearchExpr => ({ kind: 'in', field, values: texts.map(value), span });
const not = (operand: SearchExpr): SearchExpr => ({ kind: 'not', operand, span });
const and = (...operands: SearchExpr[]): SearchExpr => ({ kind: 'and', operands, span });
const or = (...operands: SearchExpr[]): SearchExpr => ({ kind: 'or', operands, span });

interface Table {
  store: ColumnarStore;
  resolver: StoreFieldResolver;
  /** The values of a field on a row, for the reference evaluation. */
  values(field: string, row: number): readonly string[];
}

/** A store whose fields `f` and `g` hold the given entries, row by row as `rows` picks them. */
function table(dictionaries: Record<string, DictionaryEntry[]>, rows: Record<string, number[]>, rowCount: number): Table {
  const columns = new Map<string, DictionaryColumn>();
  for (const [field, entries] of Object.entries(dictionaries)) {
    const dictionary = [null, ...entries];
    const ids = new Uint32Array(rowCount);
    for (let row = 0; row < rowCount; row++) ids[row] = rows[field]![row]! % dictionary.length;
    columns.set(field, { ids, dictionary });
  }
  const store: ColumnarStore = {
    rowCount,
    time: new Float64Array(rowCount),
    fields: [...columns.keys()],
    column: (field) => columns.get(field),
  };
  return {
    store,
    resolver: { column: (field) => columns.get(field), isTime: (field) => field === '_time' },
    values(field, row) {
      const column = columns.get(field);
      const entry = column ? column.dictionary[column.ids[row]!] : null;
      if (entry === null || entry === undefined) return [];
      return typeof entry === 'string' ? [entry] : entry;
    },
  };
}

/** The expression decided row by row, value by value: what every fast path must agree with. */
function holds(expr: SearchExpr, t: Table, row: number): boolean {
  switch (expr.kind) {
    case 'compare':
      return comparisonHolds(expr.op, comparisonTest(expr.op, expr.value.value), t.values(expr.field, row));
    case 'in':
      return expr.values.some((v) => comparisonHolds('=', comparisonTest('=', v.value), t.values(expr.field, row)));
    case 'not':
      return !holds(expr.operand, t, row);
    case 'and':
      return expr.operands.every((e) => holds(e, t, row));
    case 'or':
      return expr.operands.some((e) => holds(e, t, row));
    default:
      throw new Error(`not generated: ${expr.kind}`);
  }
}

function expected(expr: SearchExpr, t: Table, candidates: Uint32Array): number[] {
  return [...candidates].filter((row) => holds(expr, t, row));
}

const clock = { now: 0, tz: 'UTC' };

const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '-', ' ', '1', '2', '.', 'İ', '\u0000', '*'), maxLength: 8 });
const entry: fc.Arbitrary<DictionaryEntry> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const field = fc.constantFrom('f', 'f', 'f', 'g', 'missing');
const op = fc.constantFrom<ComparisonOperator>('=', '=', '!=', '<', '>=');
const pattern = fc.oneof(text, text.map((t) => `*${t}*`), fc.constantFrom('*', '', '1', '10.0.0.0/8', '*a*b*'));

const { expression } = fc.letrec<{ expression: SearchExpr }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(field, op, pattern).map(([f, o, p]) => compare(f, o, p)),
    fc.tuple(field, fc.array(pattern, { maxLength: 3 })).map(([f, ps]) => isIn(f, ps)),
    tie('expression').map(not),
    fc.array(tie('expression'), { maxLength: 3 }).map((es) => and(...es)),
    fc.array(tie('expression'), { maxLength: 3 }).map((es) => or(...es)),
  ),
}));

const tables = fc
  .record({
    f: fc.array(entry, { maxLength: 40 }),
    g: fc.array(entry, { maxLength: 6 }),
    rowCount: fc.integer({ min: 1, max: 60 }),
  })
  .chain(({ f, g, rowCount }) =>
    fc
      .record({
        f: fc.array(fc.nat(), { minLength: rowCount, maxLength: rowCount }),
        g: fc.array(fc.nat(), { minLength: rowCount, maxLength: rowCount }),
      })
      .map((rows) => table({ f, g }, rows, rowCount)),
  );

describe('the tstats WHERE clause over the store', () => {
  it('decides whole dictionaries and single entries alike, and agrees with a row-by-row reading', () => {
    fc.assert(
      fc.property(tables, expression, fc.nat(), (t, expr, pick) => {
        const all = allRows(t.store.rowCount);
        // One candidate row: entries are decided one by one (fewer rows than a quarter of the dictionary).
        const one = Uint32Array.of(pick % t.store.rowCount);
        expect([...rowsMatchingOnStore(expr, t.store, t.resolver, clock, one)]).toEqual(expected(expr, t, one));
        // All rows: whole dictionaries, whose verdicts are then cached for the single row again.
        expect([...rowsMatchingOnStore(expr, t.store, t.resolver, clock, all)]).toEqual(expected(expr, t, all));
        expect([...rowsMatchingOnStore(expr, t.store, t.resolver, clock, one)]).toEqual(expected(expr, t, one));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a wildcard literal in a large dictionary, multivalue entries and null included', () => {
    const entries: DictionaryEntry[] = [];
    for (let i = 0; i < 5000; i++) entries.push(i % 97 === 0 ? ['x', `cmd.exe -M LOCAL ${i}`] : i % 89 === 0 ? null : `proc ${i} -m loc`);
    const rowCount = 20000;
    const rows = Array.from({ length: rowCount }, (_, row) => (row * 7919) % (entries.length + 1));
    const t = table({ f: entries }, { f: rows }, rowCount);
    const all = allRows(rowCount);
    for (const expr of [
      compare('f', '=', '*-m local*'),
      compare('f', '!=', '*-m local*'),
      not(compare('f', '=', '*-M LOC*')),
      and(compare('f', '=', 'cmd*'), compare('f', '=', '*1*')),
      or(compare('f', '=', '*loc'), isIn('f', ['x', 'proc 1? -m loc', 'PROC 12 -M LOC'])),
      compare('f', '=', 'proc 4999 -m loc'),
      compare('f', '>', 'proc 5'),
    ]) {
      expect([...rowsMatchingOnStore(expr, t.store, t.resolver, clock, all)]).toEqual(expected(expr, t, all));
    }
  });
});
