/**
 * groupStoreRows against a plain reference: each selected row's BY values, one group per
 * distinct tuple, ordered by compareAtoms field by field. The stores are shaped to reach the
 * grouping's special paths: fillnull text already in the dictionary, multivalue entries, keys
 * that must be renumbered, column ranks kept between searches, and an order that is not total.
 */
import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../src/core/values.js';
import { StoreBuilder } from '../../src/store/builder.js';
import { NULL_ID, type ColumnarStore, type DictionaryColumn, type DictionaryEntry } from '../../src/store/types.js';
import { compareAtoms } from '../../src/stats/order.js';
import { groupStoreRows, type ByField, type Grouping } from '../../src/stats/store-grouping.js';

type Cell = string | readonly string[] | null;

function builtStore(fields: string[], rows: (string | null)[][]): ColumnarStore {
  const builder = new StoreBuilder(fields);
  rows.forEach((values, i) => builder.addRow(1_700_000_000 + i * 37, values));
  return builder.build();
}

/** A store whose cells may be multivalue, which the builder does not make. */
function handStore(fields: string[], rows: Cell[][]): ColumnarStore {
  const columns = new Map<string, DictionaryColumn>();
  fields.forEach((field, f) => {
    const dictionary: DictionaryEntry[] = [null];
    const idOf = new Map<string, number>();
    const ids = Uint32Array.from(rows, (row) => {
      const cell = row[f] ?? null;
      if (cell === null) return NULL_ID;
      const key = JSON.stringify(cell);
      let id = idOf.get(key);
      if (id === undefined) {
        id = dictionary.length;
        dictionary.push(cell);
        idOf.set(key, id);
      }
      return id;
    });
    columns.set(field, { ids, dictionary });
  });
  return { rowCount: rows.length, time: Float64Array.from(rows, (_, i) => i), fields, column: (field) => columns.get(field) };
}

const allRows = (store: ColumnarStore): Uint32Array => Uint32Array.from({ length: store.rowCount }, (_, i) => i);
const byColumns = (store: ColumnarStore, fields: string[]): ByField[] => fields.map((field) => ({ kind: 'column', column: store.column(field) }));

/** Tuples in output order, and the (row, tuple) pairs. */
function described(grouping: Grouping): { ordered: Scalar[][]; pairs: [number, Scalar[]][] } {
  const tuple = (group: number): Scalar[] => grouping.atoms.map((atoms, f) => atoms[grouping.groupAtoms[f]![group]!]!);
  return {
    ordered: Array.from(grouping.order, tuple),
    pairs: Array.from(grouping.rows, (row, k) => [row, tuple(grouping.groups[k]!)]),
  };
}

function compareTuples(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = compareAtoms(a[i]!, b[i]!);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The reference: per row, the product of its fields' value lists, deduplicated per field. */
function reference(store: ColumnarStore, selected: Uint32Array, fields: string[], fillnull: string | undefined): { ordered: Scalar[][]; pairs: [number, Scalar[]][] } {
  const pairs: [number, Scalar[]][] = [];
  for (const row of selected) {
    let combinations: Scalar[][] = [[]];
    for (const field of fields) {
      const column = store.column(field);
      const entry = column ? column.dictionary[column.ids[row]!] : null;
      let values: string[] = entry === null || entry === undefined ? [] : typeof entry === 'string' ? [entry] : [...new Set(entry)];
      if (values.length === 0) values = fillnull === undefined ? [] : [fillnull];
      combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value]));
    }
    for (const combination of combinations) pairs.push([row, combination]);
  }
  const distinct = new Map(pairs.map(([, tuple]) => [JSON.stringify(tuple), tuple]));
  return { ordered: [...distinct.values()].sort(compareTuples), pairs };
}

function expectMatchesReference(store: ColumnarStore, fields: string[], fillnull?: string, selected = allRows(store)): Grouping {
  const grouping = groupStoreRows(store, selected, byColumns(store, fields), fillnull);
  const got = described(grouping);
  const want = reference(store, selected, fields, fillnull);
  expect(got.ordered).toEqual(want.ordered);
  expect(got.pairs).toEqual(want.pairs);
  return grouping;
}

/** A deterministic pseudo-random sequence. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('groupStoreRows', () => {
  it('makes the fillnull value and an equal value already in the column one group', () => {
    const store = builtStore(['dest', 'user'], [['unknown', 'a'], [null, 'a'], ['web', 'a'], [null, 'b'], ['unknown', 'b']]);
    const grouping = expectMatchesReference(store, ['dest', 'user'], 'unknown');
    expect(grouping.groupCount).toBe(3);
    expectMatchesReference(store, ['dest', 'user'], 'NA');
    expect(expectMatchesReference(store, ['dest', 'user']).groupCount).toBe(3);
  });

  it('fills or drops a BY field the data model lacks', () => {
    const store = builtStore(['dest'], [['a'], ['b']]);
    const by: ByField[] = [{ kind: 'column', column: store.column('dest') }, { kind: 'column', column: undefined }];
    expect(groupStoreRows(store, allRows(store), by, undefined).groupCount).toBe(0);
    expect(described(groupStoreRows(store, allRows(store), by, 'x')).ordered).toEqual([['a', 'x'], ['b', 'x']]);
  });

  it('puts a row with multivalue BY fields in one group per combination', () => {
    const store = handStore(
      ['process', 'user', 'dest'],
      [
        [['b', 'a', 'b'], ['u2', 'u1'], 'h1'],
        ['a', 'u1', 'h1'],
        [[], 'u1', 'h2'],
        [['c'], null, 'h2'],
        [['a', 'c'], 'u3', null],
      ],
    );
    expect(expectMatchesReference(store, ['process', 'user', 'dest']).groupCount).toBe(4);
    expectMatchesReference(store, ['dest', 'process', 'user'], 'none');
    expectMatchesReference(store, ['user', 'process'], 'a');
  });

  it('renumbers keys when many high-cardinality BY fields overflow 2^53', () => {
    const random = sequence(7);
    const fields = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9'];
    // Wide dictionaries (about 1,500 entries each: 1500^10 is far past 2^53), few distinct tuples.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      fields.map((_, f) => (random() < 0.05 ? null : f % 3 === 0 ? String(Math.floor(random() * 1500)) : `v${(i * (f + 3)) % 1500}`)),
    );
    rows.push(...rows.slice(0, 500));
    const store = builtStore(fields, rows);
    const grouping = expectMatchesReference(store, fields, 'null');
    expect(grouping.groupCount).toBe(3000);
    expectMatchesReference(store, fields);
  });

  it('sortGroups of any subset is the full order restricted to it, for small and large subsets', () => {
    const random = sequence(11);
    const rows = Array.from({ length: 4000 }, () => [String(Math.floor(random() * 900)), `h${Math.floor(random() * 50)}`, random() < 0.1 ? null : `u${Math.floor(random() * 7)}`]);
    const store = builtStore(['pid', 'dest', 'user'], rows);
    const grouping = expectMatchesReference(store, ['pid', 'dest', 'user'], 'unknown');
    for (const keep of [0.001, 0.05, 0.5, 1]) {
      const subset = Uint32Array.from({ length: grouping.groupCount }, (_, g) => g).filter(() => random() < keep);
      subset.reverse();
      const inSubset = new Set(subset);
      expect(Array.from(grouping.sortGroups(subset))).toEqual(Array.from(grouping.order).filter((g) => inSubset.has(g)));
    }
  });

  it('sortGroups of a few groups is the full order restricted to them, with numbers and texts mixed', () => {
    const random = sequence(5);
    // "name…" and "…x" texts sort after every number byte-wise: a total order; adding "1a"-style
    // texts between numbers breaks it. Both must give the full order restricted to the subset.
    for (const breakOrder of [false, true]) {
      const rows = Array.from({ length: 3000 }, (_, i) => {
        const kind = i % 3;
        const v = kind === 0 ? String(Math.floor(random() * 5000)) : kind === 1 ? `name${Math.floor(random() * 900)}` : breakOrder ? `${Math.floor(random() * 90)}a` : `x${i}`;
        return [v, `h${Math.floor(random() * 20)}`];
      });
      const store = builtStore(['v', 'dest'], rows);
      const grouping = groupStoreRows(store, allRows(store), byColumns(store, ['v', 'dest']), undefined);
      for (const size of [2, 3, 7, 20]) {
        const subset = Uint32Array.from({ length: size }, () => Math.floor(random() * grouping.groupCount));
        const distinct = Uint32Array.from(new Set(subset));
        const inSubset = new Set(distinct);
        expect(Array.from(grouping.sortGroups(distinct))).toEqual(Array.from(grouping.order).filter((g) => inSubset.has(g)));
      }
    }
  });

  it('orders the same whether a column was ranked whole or only for the atoms in use', () => {
    const values = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? String(i * 7) : i % 3 === 1 ? `name${i}` : `${i}x`));
    const store = builtStore(['v'], values.map((v) => [v]));
    // A handful of rows first (ranked per search), then all (ranked whole and kept), then a handful again.
    expectMatchesReference(store, ['v'], undefined, Uint32Array.of(5, 17, 399, 200));
    expectMatchesReference(store, ['v']);
    expectMatchesReference(store, ['v'], undefined, Uint32Array.of(3, 1, 150));
    expectMatchesReference(store, ['v'], '55');
  });

  it('when numbers and texts form no total order, sorts the atoms in the order rows first meet them', () => {
    // "9" < "10" as numbers, "10" < "1a" and "1a" < "9" as bytes: a cycle.
    const values = ['1a', '10', '9', '1a', '9', 'b'];
    const store = builtStore(['v', 'w'], values.map((v, i) => [v, i === 0 ? null : 'w']));
    for (const fields of [['v'], ['w', 'v']]) {
      const grouping = groupStoreRows(store, allRows(store), byColumns(store, fields), undefined);
      const reached = fields[0] === 'w' ? values.slice(1) : values;
      const expected = [...new Set(reached)].sort(compareAtoms);
      expect(described(grouping).ordered.map((tuple) => tuple[tuple.length - 1])).toEqual(expected);
    }
  });

  it('groups by _time bins and keeps pairs in row order', () => {
    const store = builtStore(['dest'], [['a'], ['b'], ['a'], [null], ['b']]);
    const by: ByField[] = [{ kind: 'time', span: { amount: 1, unit: 'm' }, tz: 'UTC' }, { kind: 'column', column: store.column('dest') }];
    const grouping = groupStoreRows(store, allRows(store), by, undefined);
    expect(Array.from(grouping.rows)).toEqual([0, 1, 2, 4]);
    const ordered = described(grouping).ordered;
    expect(ordered).toEqual([...ordered].sort(compareTuples));
    expect(new Set(ordered.map((t) => JSON.stringify(t))).size).toBe(grouping.groupCount);
  });
});
