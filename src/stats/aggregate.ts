/**
 * Aggregate functions shared by stats, tstats, eventstats, streamstats, top and friends.
 * Each aggregator is fed the group's values one event at a time (`add(value, time)`, plus
 * `addRow()` for a bare `count`) and reports one Value at the end.
 */
import { SpelunkError } from '../core/errors.js';
import { compareBytes, fromValues, parseNumber, scalarToString, valuesOf, type Scalar, type Value } from '../core/values.js';
import { percentile, type PercentileMethod } from './percentile.js';

export interface AggregateSpec {
  /** The function as written, lower-cased: count, dc, values, perc95, ... */
  fn: string;
}

export interface Aggregator {
  add(value: Value, time: number): void;
  /** For a bare `count`: one more event in the group. */
  addRow?(): void;
  result(): Value;
}

/** list() keeps at most this many values: limits.conf [stats] list_maxsize = 100. */
const LIST_LIMIT = 100;

function numberOf(value: Scalar): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : undefined;
}

class Count implements Aggregator {
  private count = 0;
  add(value: Value): void {
    this.count += valuesOf(value).length;
  }
  addRow(): void {
    this.count++;
  }
  result(): Value {
    return this.count;
  }
}

/**
 * The distinct texts of a group's values. Most groups of a broad search see one value, so the
 * Set is made only when a second distinct text comes.
 */
class DistinctTexts {
  private first: string | undefined;
  private more: Set<string> | undefined;
  add(value: Value): void {
    for (const v of valuesOf(value)) {
      const text = scalarToString(v);
      if (this.first === undefined) this.first = text;
      else if (this.more) this.more.add(text);
      else if (text !== this.first) this.more = new Set([this.first, text]);
    }
  }
  texts(): string[] {
    return this.more ? [...this.more] : this.first === undefined ? [] : [this.first];
  }
}

class DistinctCount extends DistinctTexts implements Aggregator {
  result(): Value {
    return this.texts().length;
  }
}

class Values extends DistinctTexts implements Aggregator {
  result(): Value {
    return fromValues(this.texts().sort(compareBytes));
  }
}

class List implements Aggregator {
  private readonly items: Scalar[] = [];
  add(value: Value): void {
    for (const v of valuesOf(value)) if (this.items.length < LIST_LIMIT) this.items.push(v);
  }
  result(): Value {
    return fromValues(this.items);
  }
}

/** min/max: numeric when any value is a number, otherwise byte-wise over strings. */
class Extreme implements Aggregator {
  private bestNumber: number | undefined;
  private bestText: string | undefined;
  constructor(private readonly wantMax: boolean) {}
  add(value: Value): void {
    for (const v of valuesOf(value)) {
      const n = numberOf(v);
      if (n !== undefined) {
        if (this.bestNumber === undefined || (this.wantMax ? n > this.bestNumber : n < this.bestNumber)) this.bestNumber = n;
      } else {
        const text = scalarToString(v);
        const order = this.bestText === undefined ? 0 : compareBytes(text, this.bestText);
        if (this.bestText === undefined || (this.wantMax ? order > 0 : order < 0)) this.bestText = text;
      }
    }
  }
  result(): Value {
    return this.bestNumber ?? this.bestText ?? null;
  }
}

/** Running moments over the numeric values (non-numeric values are ignored). */
class Moments implements Aggregator {
  private count = 0;
  private sum = 0;
  private sumSquares = 0;
  private mean = 0;
  private m2 = 0;
  private low = Infinity;
  private high = -Infinity;
  constructor(private readonly fn: 'sum' | 'avg' | 'range' | 'stdev' | 'stdevp' | 'var' | 'varp' | 'sumsq') {}
  add(value: Value): void {
    for (const v of valuesOf(value)) {
      const n = numberOf(v);
      if (n === undefined) continue;
      this.count++;
      this.sum += n;
      this.sumSquares += n * n;
      const delta = n - this.mean;
      this.mean += delta / this.count;
      this.m2 += delta * (n - this.mean);
      this.low = Math.min(this.low, n);
      this.high = Math.max(this.high, n);
    }
  }
  result(): Value {
    if (this.count === 0) return null;
    switch (this.fn) {
      case 'sum':
        return this.sum;
      case 'avg':
        return this.sum / this.count;
      case 'range':
        return this.high - this.low;
      case 'sumsq':
        return this.sumSquares;
      case 'var':
        return this.count < 2 ? 0 : this.m2 / (this.count - 1);
      case 'varp':
        return this.m2 / this.count;
      case 'stdev':
        return this.count < 2 ? 0 : Math.sqrt(this.m2 / (this.count - 1));
      default:
        return Math.sqrt(this.m2 / this.count);
    }
  }
}

class Percentile implements Aggregator {
  private readonly numbers: number[] = [];
  constructor(
    private readonly percent: number,
    private readonly method: PercentileMethod,
  ) {}
  add(value: Value): void {
    for (const v of valuesOf(value)) {
      const n = numberOf(v);
      if (n !== undefined) this.numbers.push(n);
    }
  }
  result(): Value {
    return percentile([...this.numbers].sort((a, b) => a - b), this.percent, this.method);
  }
}

class Mode implements Aggregator {
  private readonly counts = new Map<string, number>();
  add(value: Value): void {
    for (const v of valuesOf(value)) {
      const key = scalarToString(v);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }
  result(): Value {
    let best: string | undefined;
    let bestCount = 0;
    // Ties go to the value seen first (Map keeps insertion order).
    for (const [key, count] of this.counts) {
      if (count > bestCount) {
        best = key;
        bestCount = count;
      }
    }
    return best ?? null;
  }
}

/** first/last by arrival order; earliest/latest (and their _time variants) by event time. */
class Positional implements Aggregator {
  private chosen: Value = null;
  private chosenTime = 0;
  private seen = false;
  constructor(private readonly fn: 'first' | 'last' | 'earliest' | 'latest' | 'earliest_time' | 'latest_time') {}
  private replaces(time: number): boolean {
    if (!this.seen) return true;
    switch (this.fn) {
      case 'first':
        return false;
      case 'last':
        return true;
      case 'earliest':
      case 'earliest_time':
        return time < this.chosenTime;
      default:
        // On equal times the later arrival wins.
        return time >= this.chosenTime;
    }
  }
  add(value: Value, time: number): void {
    if (valuesOf(value).length === 0 || !this.replaces(time)) return;
    this.chosen = value;
    this.chosenTime = time;
    this.seen = true;
  }
  result(): Value {
    if (this.fn === 'earliest_time' || this.fn === 'latest_time') return this.seen ? this.chosenTime : null;
    return this.chosen;
  }
}

const SIMPLE: Record<string, () => Aggregator> = {
  count: () => new Count(),
  c: () => new Count(),
  dc: () => new DistinctCount(),
  distinct_count: () => new DistinctCount(),
  values: () => new Values(),
  list: () => new List(),
  min: () => new Extreme(false),
  max: () => new Extreme(true),
  sum: () => new Moments('sum'),
  avg: () => new Moments('avg'),
  mean: () => new Moments('avg'),
  range: () => new Moments('range'),
  stdev: () => new Moments('stdev'),
  stdevp: () => new Moments('stdevp'),
  var: () => new Moments('var'),
  varp: () => new Moments('varp'),
  sumsq: () => new Moments('sumsq'),
  median: () => new Percentile(50, 'nearest'),
  mode: () => new Mode(),
  first: () => new Positional('first'),
  last: () => new Positional('last'),
  earliest: () => new Positional('earliest'),
  latest: () => new Positional('latest'),
  earliest_time: () => new Positional('earliest_time'),
  latest_time: () => new Positional('latest_time'),
};

export const AGGREGATE_FUNCTIONS: readonly string[] = [
  ...Object.keys(SIMPLE),
  'perc<N>',
  'p<N>',
  'exactperc<N>',
  'upperperc<N>',
].sort();

const PERCENTILE_NAME = /^(perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

export function createAggregator(spec: AggregateSpec): Aggregator {
  return aggregatorFactory(spec)();
}

/** Makes aggregators for one function: resolved once, for stats to make one per group cheaply. */
export function aggregatorFactory(spec: AggregateSpec): () => Aggregator {
  const fn = spec.fn.toLowerCase();
  const simple = Object.prototype.hasOwnProperty.call(SIMPLE, fn) ? SIMPLE[fn] : undefined;
  if (simple) return simple;
  const match = PERCENTILE_NAME.exec(fn);
  if (match) {
    const percent = Number(match[2]);
    if (percent > 100) throw new SpelunkError('search', `Invalid percentile '${spec.fn}': the percentile must be between 0 and 100`);
    // perc, p, exactperc and upperperc agree below 1000 values (DOC: "Otherwise the upperperc
    // function returns the same percentile as the perc function"); spelunk is exact at any count.
    return () => new Percentile(percent, 'interpolated');
  }
  throw new SpelunkError('unsupported', `spelunk does not support the stats function '${spec.fn}'`);
}
