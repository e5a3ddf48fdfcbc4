/**
 * Per-group statistics over a columnar store, for tstats. The common functions keep plain
 * arrays indexed by group (count, min/max of `_time`) or sets of dictionary ids (values, dc);
 * the rest fall back to the shared aggregators of aggregate.ts, one per group.
 */
import { compareBytes, fromValues, type Value } from '../core/values.js';
import type { ColumnarStore, DictionaryColumn } from '../store/types.js';
import { createAggregator, type Aggregator } from './aggregate.js';

export interface GroupAccumulator {
  add(group: number, row: number): void;
  result(group: number): Value;
}

/** Where an aggregate's input comes from: `_time`, a column, or nothing (a field the model lacks). */
export type AggregateInput = { kind: 'time' } | { kind: 'column'; column: DictionaryColumn } | { kind: 'none' };

function entryStrings(column: DictionaryColumn, id: number): readonly string[] {
  const entry = column.dictionary[id];
  if (entry === null || entry === undefined) return [];
  return typeof entry === 'string' ? [entry] : entry;
}

/**
 * A number per group in a typed array that doubles as groups appear: one group per row is
 * common (BY process_guid), and a holey JS array of a million numbers is several times slower.
 */
class GroupNumbers {
  private data: Float64Array;
  constructor(private readonly initial: number) {
    this.data = new Float64Array(1024).fill(initial);
  }
  get(group: number): number {
    return group < this.data.length ? this.data[group]! : this.initial;
  }
  set(group: number, value: number): void {
    if (group >= this.data.length) this.grow(group);
    this.data[group] = value;
  }
  private grow(group: number): void {
    let size = this.data.length * 2;
    while (size <= group) size *= 2;
    const data = new Float64Array(size).fill(this.initial);
    data.set(this.data);
    this.data = data;
  }
}

class RowCount implements GroupAccumulator {
  private counts = new GroupNumbers(0);
  add(group: number): void {
    this.counts.set(group, this.counts.get(group) + 1);
  }
  result(group: number): Value {
    return this.counts.get(group);
  }
}

/** count(field): the values present, each value of a multivalue counted. */
class ValueCount implements GroupAccumulator {
  private counts = new GroupNumbers(0);
  constructor(private readonly column: DictionaryColumn) {}
  add(group: number, row: number): void {
    const entry = this.column.dictionary[this.column.ids[row]!];
    const n = typeof entry === 'string' ? 1 : entry ? entry.length : 0;
    if (n > 0) this.counts.set(group, this.counts.get(group) + n);
  }
  result(group: number): Value {
    return this.counts.get(group);
  }
}

/**
 * values() and dc(): the distinct dictionary ids per group, turned into strings at the end. Most
 * groups of a broad search hold one id, kept in a typed array; a Set is made only for a group
 * that meets a second one.
 */
class DistinctValues implements GroupAccumulator {
  private firstIds = new GroupNumbers(-1);
  private moreIds = new Map<number, Set<number>>();
  constructor(
    private readonly column: DictionaryColumn,
    private readonly countOnly: boolean,
  ) {}
  add(group: number, row: number): void {
    const id = this.column.ids[row]!;
    if (this.column.dictionary[id] === null) return;
    const first = this.firstIds.get(group);
    if (first === -1) this.firstIds.set(group, id);
    else if (first !== id) {
      const more = this.moreIds.get(group);
      if (more) more.add(id);
      else this.moreIds.set(group, new Set([first, id]));
    }
  }
  result(group: number): Value {
    const first = this.firstIds.get(group);
    const ids = first === -1 ? undefined : (this.moreIds.get(group) ?? [first]);
    if (!ids) return this.countOnly ? 0 : null;
    const strings = new Set<string>();
    for (const id of ids) for (const value of entryStrings(this.column, id)) strings.add(value);
    if (this.countOnly) return strings.size;
    // values(): distinct, in byte order (DOC Search Reference: multivalue stats functions).
    return fromValues([...strings].sort(compareBytes));
  }
}

class TimeExtreme implements GroupAccumulator {
  private extremes = new GroupNumbers(0);
  /** 1 once a group has a time; a separate flag, so any time (even NaN) behaves as before. */
  private seen = new GroupNumbers(0);
  constructor(
    private readonly time: Float64Array,
    private readonly wantMax: boolean,
  ) {}
  add(group: number, row: number): void {
    const t = this.time[row]!;
    if (this.seen.get(group) === 0) {
      this.seen.set(group, 1);
      this.extremes.set(group, t);
      return;
    }
    const current = this.extremes.get(group);
    if (this.wantMax ? t > current : t < current) this.extremes.set(group, t);
  }
  result(group: number): Value {
    return this.seen.get(group) === 0 ? null : this.extremes.get(group);
  }
}

/**
 * first() and last() over events: Splunk returns "the first seen value", and events reach stats
 * newest first, so first() is the value of the latest event and last() that of the earliest
 * (DOC stats first/last; INF for tstats, which reads the same events). Equal times keep the
 * event read first.
 */
class TimeOrderedPick implements GroupAccumulator {
  private times: number[] = [];
  private rows: number[] = [];
  constructor(
    private readonly input: AggregateInput,
    private readonly store: ColumnarStore,
    private readonly latest: boolean,
  ) {}
  add(group: number, row: number): void {
    if (this.input.kind === 'column' && this.input.column.dictionary[this.input.column.ids[row]!] === null) return;
    const time = this.store.time[row]!;
    const best = this.times[group];
    if (best === undefined || (this.latest ? time > best : time < best)) {
      this.times[group] = time;
      this.rows[group] = row;
    }
  }
  result(group: number): Value {
    const row = this.rows[group];
    if (row === undefined) return null;
    if (this.input.kind === 'time') return this.store.time[row]!;
    if (this.input.kind === 'none') return null;
    return this.input.column.dictionary[this.input.column.ids[row]!] ?? null;
  }
}

/** Any other function: one shared aggregator per group, fed the row's value and time. */
class PerGroupAggregators implements GroupAccumulator {
  private aggregators: Aggregator[] = [];
  constructor(
    private readonly fn: string,
    private readonly input: AggregateInput,
    private readonly store: ColumnarStore,
  ) {}
  private valueOf(row: number): Value {
    switch (this.input.kind) {
      case 'time':
        return this.store.time[row]!;
      case 'none':
        return null;
      case 'column': {
        const entry = this.input.column.dictionary[this.input.column.ids[row]!];
        return entry === undefined ? null : entry;
      }
    }
  }
  add(group: number, row: number): void {
    const aggregator = (this.aggregators[group] ??= createAggregator({ fn: this.fn }));
    aggregator.add(this.valueOf(row), this.store.time[row]!);
  }
  result(group: number): Value {
    return (this.aggregators[group] ?? createAggregator({ fn: this.fn })).result();
  }
}

/** The accumulator for one tstats function; `input` undefined means a bare `count`. */
export function accumulatorFor(fn: string, input: AggregateInput | undefined, store: ColumnarStore): GroupAccumulator {
  if (input === undefined) return new RowCount();
  if (input.kind === 'column') {
    if (fn === 'count' || fn === 'c') return new ValueCount(input.column);
    if (fn === 'values') return new DistinctValues(input.column, false);
    if (fn === 'dc' || fn === 'distinct_count') return new DistinctValues(input.column, true);
  }
  if (input.kind === 'time') {
    if (fn === 'min' || fn === 'earliest_time') return new TimeExtreme(store.time, false);
    if (fn === 'max' || fn === 'latest_time') return new TimeExtreme(store.time, true);
  }
  if (fn === 'first') return new TimeOrderedPick(input, store, true);
  if (fn === 'last') return new TimeOrderedPick(input, store, false);
  return new PerGroupAggregators(fn, input, store);
}
