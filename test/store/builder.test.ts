import { describe, expect, it } from 'vitest';
import { StoreBuilder, valueAt } from '../../src/store/builder.js';
import { NULL_ID } from '../../src/store/types.js';

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

  it('lists only fields that some row has', () => {
    const builder = new StoreBuilder(['a', 'b']);
    builder.addRow(0, ['x', null]);
    const store = builder.build();
    expect(store.fields).toEqual(['a']);
    expect(store.column('b')).toBeUndefined();
  });
});
