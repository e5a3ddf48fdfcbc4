import { describe, expect, it } from 'vitest';
import { createAggregator, AGGREGATE_FUNCTIONS } from '../../src/stats/aggregate.js';
import { SpelunkError } from '../../src/core/errors.js';
import type { Value } from '../../src/core/values.js';

function aggregate(fn: string, values: Value[], times?: number[]): Value {
  const aggregator = createAggregator({ fn });
  values.forEach((value, index) => aggregator.add(value, times?.[index] ?? index));
  return aggregator.result();
}

describe('stats functions', () => {
  it('count(field) counts non-null values, each value of a multivalue; bare count counts rows', () => {
    expect(aggregate('count', ['a', null, ['b', 'c']])).toBe(3);
    const bare = createAggregator({ fn: 'count' });
    bare.addRow?.();
    bare.addRow?.();
    expect(bare.result()).toBe(2);
  });
  it('values(): distinct, sorted byte-wise as strings (CONF S1: "Order of values is lexigraphical")', () => {
    expect(aggregate('values', ['b', 'a', '10', '9', 'B', 'a'])).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(aggregate('values', ['only'])).toBe('only');
    expect(aggregate('values', [null])).toBeNull();
  });
  it('list(): input order, duplicates kept, at most 100 (limits.conf list_maxsize)', () => {
    expect(aggregate('list', ['b', 'a', 'b'])).toEqual(['b', 'a', 'b']);
    expect((aggregate('list', Array.from({ length: 150 }, (_, i) => String(i))) as string[]).length).toBe(100);
  });
  it('dc / distinct_count', () => {
    expect(aggregate('dc', ['a', 'b', 'a', null])).toBe(2);
    expect(aggregate('distinct_count', [['x', 'y'], 'x'])).toBe(2);
  });
  it('min/max: numeric when numbers are present, else lexicographic', () => {
    expect(aggregate('min', ['10', '9', '100'])).toBe(9);
    expect(aggregate('max', ['10', '9', '100'])).toBe(100);
    expect(aggregate('max', ['apple', 'Zebra', 'mango'])).toBe('mango');
    expect(aggregate('min', [1563442200, 1563442100])).toBe(1563442100);
  });
  it('sum/avg/range ignore non-numeric values', () => {
    expect(aggregate('sum', ['1', '2', 'x', null])).toBe(3);
    expect(aggregate('avg', ['1', '2', 'x'])).toBe(1.5);
    expect(aggregate('mean', ['4'])).toBe(4);
    expect(aggregate('range', ['3', '10', '7'])).toBe(7);
    expect(aggregate('sum', ['x'])).toBeNull();
  });
  it('stdev is the sample deviation, stdevp the population one', () => {
    expect(aggregate('stdev', [2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 8);
    expect(aggregate('stdevp', [2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(aggregate('var', [1, 2, 3, 4])).toBeCloseTo(1.6666666667, 8);
    expect(aggregate('varp', [1, 2, 3, 4])).toBe(1.25);
    expect(aggregate('sumsq', [1, 2, 3])).toBe(14);
  });
  it('median takes the higher middle value for an even count; percentiles', () => {
    expect(aggregate('median', ['1', '2', '3', '4'])).toBe(3);
    expect(aggregate('median', ['5', '1', '3'])).toBe(3);
    expect(aggregate('exactperc50', [1, 2, 3, 4])).toBe(2.5);
    expect(aggregate('perc95', Array.from({ length: 101 }, (_, i) => i))).toBe(95);
    expect(aggregate('p95', Array.from({ length: 101 }, (_, i) => i))).toBe(95);
    // DOC aggregate-functions 10.0: below 1000 values "the upperperc function returns the same
    // percentile as the perc function", and perc interpolates (perc50 of 1..10 "returns 5.5").
    expect(aggregate('upperperc50', [1, 2, 3, 4])).toBe(2.5);
    expect(aggregate('perc50', [1, 2, 3, 4])).toBe(2.5);
  });
  it('mode: the most frequent value, first seen on ties', () => {
    expect(aggregate('mode', ['a', 'b', 'b', 'a', 'c', 'b'])).toBe('b');
    expect(aggregate('mode', ['x', 'y'])).toBe('x');
  });
  it('first/last by arrival, earliest/latest by time', () => {
    const values = ['second', 'first', 'third'];
    const times = [200, 100, 300];
    expect(aggregate('first', values, times)).toBe('second');
    expect(aggregate('last', values, times)).toBe('third');
    expect(aggregate('earliest', values, times)).toBe('first');
    expect(aggregate('latest', values, times)).toBe('third');
    expect(aggregate('earliest_time', values, times)).toBe(100);
    expect(aggregate('latest_time', values, times)).toBe(300);
  });
  it('unknown functions are unsupported, by name', () => {
    expect(() => createAggregator({ fn: 'estdc_error' })).toThrow(SpelunkError);
    expect(() => createAggregator({ fn: 'rate' })).toThrow("spelunk does not support the stats function 'rate'");
    expect(AGGREGATE_FUNCTIONS).toContain('values');
  });
});
