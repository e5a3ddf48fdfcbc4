import { describe, expect, it } from 'vitest';
import { arrayColumn, ColumnTable, columnTableOf, deferredThrough, encodedColumn, type Column } from '../../src/core/column-table.js';

/** Five results; the pending order sorts by `name`, and counts how often it ran. */
function sample(): { table: ColumnTable; sorts: { count: number }; reads: number[] } {
  const names = ['delta', 'alpha', 'echo', 'bravo', 'charlie'];
  const reads: number[] = [];
  const name = encodedColumn(Uint8Array.from([0, 1, 2, 3, 4]), 5, (id) => {
    reads.push(id);
    return names[id]!;
  });
  const size = arrayColumn([4, 5, 4, 5, 7]);
  const sorts = { count: 0 };
  const order = (indices: Uint32Array): Uint32Array => {
    sorts.count++;
    return Uint32Array.from(indices).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  };
  const data = new Map<string, Column>([
    ['name', name],
    ['size', size],
  ]);
  return { table: new ColumnTable(['name', 'size'], data, Uint32Array.from([0, 1, 2, 3, 4]), 5, order), sorts, reads };
}

describe('ColumnTable', () => {
  it('sorts only when the order is needed, and after filters', () => {
    const { table, sorts } = sample();
    const kept = table.filter((index) => table.data.get('size')!.get(index) === 5);
    expect(sorts.count).toBe(0);
    expect(kept.size).toBe(2);
    expect(kept.rows.map((row) => row.get('name'))).toEqual(['alpha', 'bravo']);
    expect(sorts.count).toBe(1);
    kept.rows;
    expect(sorts.count).toBe(1);
  });

  it('takes the first results of the output order, whatever is filtered after', () => {
    const { table } = sample();
    const firstThree = table.head(3);
    expect(firstThree.size).toBe(3);
    // alpha, bravo and charlie come first; none of them has size 4 (delta and echo do).
    const sizeFour = firstThree.filter((index) => table.data.get('size')!.get(index) === 4);
    expect(sizeFour.rows).toEqual([]);
    const sizeSeven = firstThree.filter((index) => table.data.get('size')!.get(index) === 7);
    expect(sizeSeven.rows.map((row) => row.get('name'))).toEqual(['charlie']);
  });

  it('works out a dictionary value once however many rows hold it', () => {
    const reads: number[] = [];
    const column = encodedColumn(Uint8Array.from([1, 0, 1, 1, 0]), 2, (id) => {
      reads.push(id);
      return id === 0 ? 'x' : 'y';
    });
    expect([0, 1, 2, 3, 4].map((i) => column.get(i))).toEqual(['y', 'x', 'y', 'y', 'x']);
    expect(reads).toEqual([1, 0]);
  });

  it('leaves null values out of its rows, and round-trips a row table', () => {
    const rows = [new Map([['a', 'one']]), new Map<string, string | null>([['b', 'two']])];
    const table = columnTableOf({ columns: ['a', 'b'], rows: rows as Map<string, string>[] });
    expect(table.rows.map((row) => Object.fromEntries(row))).toEqual([{ a: 'one' }, { b: 'two' }]);
    expect(table.columns).toEqual(['a', 'b']);
  });

  it('reads values only for the rows it materialises', () => {
    const { table, reads } = sample();
    const one = table.filter((index) => index === 2);
    expect(one.rows.map((row) => row.get('name'))).toEqual(['echo']);
    expect(reads).toEqual([2]);
  });
});

describe('deferredThrough', () => {
  it('gives columns and warnings now and forms nothing until asked', () => {
    let formed = 0;
    const input = ColumnTable.later(['a'], () => {
      formed++;
      return columnTableOf({ columns: ['a'], rows: [new Map([['a', 'x']])] });
    });
    const warnings: string[] = [];
    const renamed = deferredThrough(
      input,
      (table, warn) => {
        warn('shape');
        return { columns: ['b'], rows: table.rows.map((row) => new Map([['b', row.get('a') ?? null]])) };
      },
      (message) => warnings.push(message),
    );
    expect(renamed.columns).toEqual(['b']);
    expect(warnings).toEqual(['shape']);
    expect(formed).toBe(0);
    expect(renamed.rows.map((row) => Object.fromEntries(row))).toEqual([{ b: 'x' }]);
    expect(formed).toBe(1);
    expect(warnings).toEqual(['shape']);
  });
});
