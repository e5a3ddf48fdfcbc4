/**
 * The verbs both table kinds share (src/core/table.ts) give the same results on a row table and
 * on a column table holding the same results, including which error a failing test throws.
 */
import { describe, expect, it } from 'vitest';
import { arrayColumn, ColumnTable, encodedColumn, type Column } from '../../src/core/column-table.js';
import { RowTable, type Table } from '../../src/core/table.js';
import type { Row, Value } from '../../src/core/values.js';

const NAMES = ['delta', 'alpha', 'echo', 'bravo', 'charlie'];
const SIZES = [4, 5, 4, 5, 7];

/** The same five results both ways; the column table keeps them in storage order with its sort pending (by name). */
function both(): { rows: RowTable; columns: ColumnTable; nameReads: number[] } {
  const order = [1, 3, 4, 0, 2];
  const rows = new RowTable(
    ['name', 'size'],
    order.map((i) => new Map<string, Value>([['name', NAMES[i]!], ['size', SIZES[i]!]]) as Row),
  );
  const nameReads: number[] = [];
  const name = encodedColumn(Uint8Array.from([0, 1, 2, 3, 4]), 5, (id) => {
    nameReads.push(id);
    return NAMES[id]!;
  });
  const data = new Map<string, Column>([
    ['name', name],
    ['size', arrayColumn(SIZES)],
  ]);
  const sort = (indices: Uint32Array): Uint32Array => Uint32Array.from(indices).sort((a, b) => (NAMES[a]! < NAMES[b]! ? -1 : 1));
  return { rows, columns: new ColumnTable(['name', 'size'], data, Uint32Array.from([0, 1, 2, 3, 4]), 5, sort), nameReads };
}

const plain = (table: Table): Record<string, Value>[] => table.rows.map((row) => Object.fromEntries(row));

/** Applies `verbs` to both kinds and expects the same columns and rows. */
function same(verbs: (table: Table) => Table): Record<string, Value>[] {
  const { rows, columns } = both();
  const byRows = verbs(rows);
  const byColumns = verbs(columns);
  expect(byColumns.columns).toEqual(byRows.columns);
  expect(plain(byColumns)).toEqual(plain(byRows));
  expect(byColumns.size).toBe(byRows.size);
  return plain(byRows);
}

describe('the table verbs', () => {
  it('filter by a test of one field, of several, or of none', () => {
    expect(same((t) => t.filter(t.test(new Set(['size']), (r) => r.get('size') === 5)))).toEqual([
      { name: 'alpha', size: 5 },
      { name: 'bravo', size: 5 },
    ]);
    expect(same((t) => t.filter(t.test(undefined, (r) => r.get('size') === 4 || r.get('name') === 'charlie'))).map((r) => r['name'])).toEqual([
      'charlie',
      'delta',
      'echo',
    ]);
    expect(same((t) => t.filter(t.test(new Set(), () => false)))).toEqual([]);
    expect(same((t) => t.filter(t.test(new Set(['missing']), (r) => r.get('missing') === undefined)))).toHaveLength(5);
  });

  it('test a dictionary column once per value', () => {
    const { columns, nameReads } = both();
    let tests = 0;
    const keep = columns.test(new Set(['name']), (r) => {
      tests++;
      return String(r.get('name')).includes('a');
    });
    columns.filter(keep);
    columns.filter(keep);
    expect(tests).toBe(5);
    expect(nameReads).toEqual([0, 1, 2, 3, 4]);
  });

  it('project, add or replace a field, rename, and take the first N', () => {
    expect(same((t) => t.project(['size', 'none']))).toEqual([{ size: 5 }, { size: 5 }, { size: 7 }, { size: 4 }, { size: 4 }]);
    expect(same((t) => t.withColumn('big', new Set(['size']), (r) => (Number(r.get('size')) > 4 ? 'yes' : null)).project(['big']))).toEqual([
      { big: 'yes' },
      { big: 'yes' },
      { big: 'yes' },
      {},
      {},
    ]);
    expect(same((t) => t.withColumn('size', new Set(['size']), (r) => Number(r.get('size')) * 2).head(2))).toEqual([
      { name: 'alpha', size: 10 },
      { name: 'bravo', size: 10 },
    ]);
    const renames = new Map([
      ['name', 'size'],
      ['missing', 'name'],
    ]);
    expect(same((t) => t.rename(['size'], renames))).toEqual([{ size: 'alpha' }, { size: 'bravo' }, { size: 'charlie' }, { size: 'delta' }, { size: 'echo' }]);
    expect(same((t) => t.head(3).filter(t.test(new Set(['size']), (r) => r.get('size') === 4)))).toEqual([]);
  });

  it('throw, when a test throws, the error of the first result in output order', () => {
    const failing = (t: Table): Table =>
      t.filter(
        t.test(new Set(['name']), (r) => {
          const name = String(r.get('name'));
          if (name === 'echo' || name === 'bravo') throw new Error(`bad ${name}`);
          return true;
        }),
      );
    const { rows, columns } = both();
    // Storage order meets echo first; output order (by name) meets bravo first.
    expect(() => failing(rows)).toThrow('bad bravo');
    expect(() => failing(columns)).toThrow('bad bravo');
  });
});
