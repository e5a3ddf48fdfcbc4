import { describe, expect, it } from 'vitest';
import { StoreBuilder } from '../../src/store/builder.js';
import { NULL_ID } from '../../src/store/types.js';
import { valueAt } from './helpers.js';

describe('StoreBuilder', () => {
  it('keeps null (id 0) apart from the empty string', () => {
    const builder = new StoreBuilder(['user']);
    builder.addRow(1, [null]);
    builder.addRow(2, ['']);
    const store = builder.build();
    const column = store.column('user')!;
    expect(column.ids[0]).toBe(NULL_ID);
    expect(column.ids[1]).not.toBe(NULL_ID);
    expect([valueAt(store, 'user', 0), valueAt(store, 'user', 1)]).toEqual([null, '']);
  });

  it('widens the id column as the dictionary grows, keeping earlier ids', () => {
    const builder = new StoreBuilder(['process_guid', 'sourcetype']);
    for (let i = 0; i < 70_000; i++) builder.addRow(i, [`guid-${i}`, 'XmlWinEventLog']);
    const store = builder.build();
    expect(store.rowCount).toBe(70_000);
    expect(store.column('process_guid')!.ids).toBeInstanceOf(Uint32Array);
    expect(store.column('sourcetype')!.ids).toBeInstanceOf(Uint8Array);
    expect(valueAt(store, 'process_guid', 3)).toBe('guid-3');
    expect(valueAt(store, 'process_guid', 69_999)).toBe('guid-69999');
    expect(store.time[69_999]).toBe(69_999);
  });

  it('keeps the value of the row whose new value widens the column (the 256th and 65,536th distinct)', () => {
    const builder = new StoreBuilder(['process_id']);
    for (let i = 0; i < 66_000; i++) builder.addRow(i, [`pid-${i}`]);
    const store = builder.build();
    // Id 256 is the first that needs 16 bits (row 255), id 65,536 the first that needs 32 (row 65,535).
    for (const row of [254, 255, 256, 65_534, 65_535, 65_536]) expect(valueAt(store, 'process_id', row)).toBe(`pid-${row}`);
  });

  it('appendStore remaps another store into the same ids a single builder gives', () => {
    const rows = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `v${(from + i) % 300}`);
    const single = new StoreBuilder(['f', 'g']);
    for (const [i, value] of [...rows(0, 400), ...rows(100, 700)].entries()) single.addRow(i, [value, i % 2 ? null : 'x']);
    const first = new StoreBuilder(['f', 'g']);
    rows(0, 400).forEach((value, i) => first.addRow(i, [value, i % 2 ? null : 'x']));
    const second = new StoreBuilder(['f']);
    rows(100, 700).forEach((value, i) => second.addRow(400 + i, [value]));
    const merged = new StoreBuilder(['f', 'g']);
    for (const part of [first.build(), second.build()]) {
      merged.appendStore(part.time, new Map(part.fields.map((field) => [field, part.column(field)!])));
    }
    const a = single.build();
    const b = merged.build();
    expect([...b.column('f')!.ids]).toEqual([...a.column('f')!.ids]);
    expect(b.column('f')!.dictionary).toEqual(a.column('f')!.dictionary);
    // The second part has no `g`: its rows are null there.
    expect(valueAt(b, 'g', 400)).toBeNull();
    expect(valueAt(b, 'g', 398)).toBe('x');
    expect([...b.time]).toEqual([...a.time].map((_, i) => i));
  });

  it('gives the ids addRow gives when rows come as ids, with values added unlooked-up', () => {
    const values = Array.from({ length: 700 }, (_, i) => [`guid-${i}`, `v${i % 300}`] as const);
    const byRow = new StoreBuilder(['guid', 'v']);
    values.forEach(([guid, v], i) => byRow.addRow(i, [guid, v]));
    const byIds = new StoreBuilder(['guid', 'v']);
    values.forEach(([guid, v], i) => {
      // Every guid is new: added without a lookup, as the ingest does for a value it knows is new.
      expect(byIds.dictionarySize(0)).toBe(i + 1);
      byIds.addIds(i, [byIds.addNewValue(0, guid), byIds.idOf(1, v)]);
    });
    // A later lookup finds the values added without one.
    expect(byIds.idOf(0, 'guid-3')).toBe(4);
    expect(byIds.idOf(0, 'guid-699')).toBe(700);
    byIds.addIds(700, [byIds.idOf(0, 'guid-5'), NULL_ID]);
    byRow.addRow(700, ['guid-5', null]);
    const a = byRow.build();
    const b = byIds.build();
    for (const field of ['guid', 'v']) {
      expect([...b.column(field)!.ids]).toEqual([...a.column(field)!.ids]);
      expect(b.column(field)!.dictionary).toEqual(a.column(field)!.dictionary);
    }
    expect(b.column('guid')!.ids).toBeInstanceOf(Uint16Array);
    expect([...b.time]).toEqual([...a.time]);
  });

  it('lists only fields that some row has', () => {
    const builder = new StoreBuilder(['a', 'b']);
    builder.addRow(0, ['x', null]);
    const store = builder.build();
    expect(store.fields).toEqual(['a']);
    expect(store.column('b')).toBeUndefined();
  });
});
