/**
 * Time spans (`span=1h`) and the bins they cut time into, as tstats/bin/timechart use them.
 */
import { DateTime } from 'luxon';
import { SpelunkError } from '../core/errors.js';
import { inZone, offsetMinutes } from './zone.js';

export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

export interface TimeSpan {
  amount: number;
  unit: TimeUnit;
}

/** Every spelling Splunk documents for each unit. */
const UNIT_SPELLINGS: Record<string, TimeUnit> = {};
const SPELLINGS: Record<TimeUnit, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['w', 'week', 'weeks'],
  mon: ['mon', 'month', 'months'],
  q: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  y: ['y', 'yr', 'yrs', 'year', 'years'],
};
for (const [unit, spellings] of Object.entries(SPELLINGS)) {
  for (const spelling of spellings) UNIT_SPELLINGS[spelling] = unit as TimeUnit;
}

/** The unit a spelling names (`mins` → `m`), or undefined. */
export function unitOf(spelling: string): TimeUnit | undefined {
  return UNIT_SPELLINGS[spelling.toLowerCase()];
}

const UNIT_SECONDS: Partial<Record<TimeUnit, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Subsecond units (DOC bin 10.0 "Subseconds"): their length in microseconds. */
const SUBSECOND_MICROS: Record<string, number> = { us: 1, ms: 1000, cs: 10_000, ds: 100_000 };

/**
 * A span of a time unit. `subsecond` (bin) also reads `us`, `ms`, `cs` and `ds`, whose amount
 * must divide a second evenly (DOC bin 10.0: "valid millisecond span values are 1, 2, 4, 5, 8,
 * 10, 20, 25, 40, 50, 100, 125, 200, 250, or 500ms ... span = 1000ms is not allowed"): the span
 * is then seconds with a fraction.
 */
export function parseSpan(text: string, options: { subsecond?: boolean } = {}): TimeSpan {
  const match = /^\s*(\d+)?([A-Za-z]+)\s*$/.exec(text);
  const unit = match ? unitOf(match[2] as string) : undefined;
  const amount = match?.[1] === undefined ? 1 : Number(match[1]);
  if (!match || !unit) {
    const micros = match ? SUBSECOND_MICROS[(match[2] as string).toLowerCase()] : undefined;
    if (micros !== undefined && options.subsecond) {
      const length = amount * micros;
      if (amount <= 0 || length >= 1_000_000 || 1_000_000 % length !== 0) {
        throw new SpelunkError('search', `Invalid span '${text}': a subsecond span must divide one second evenly and be shorter than it (use 1s, not 1000ms)`);
      }
      return { amount: length / 1_000_000, unit: 's' };
    }
    if (micros !== undefined) {
      throw new SpelunkError('unsupported', `spelunk does not support subsecond spans ('${text}') here`);
    }
    throw new SpelunkError('search', `Invalid span '${text}': expected a number and a time unit such as 30s, 5m, 1h, 1d, 1mon`);
  }
  if (amount <= 0 || !Number.isSafeInteger(amount)) {
    throw new SpelunkError('search', `Invalid span '${text}': the amount must be a positive whole number`);
  }
  return { amount, unit };
}

/**
 * The start of the bin holding `epochSeconds`. Spans shorter than a day are cut on the local
 * clock of `tz` (for whole-hour zones this is the same as multiples of the span since the
 * epoch); day and week spans start at local midnight, counted in whole days since 1970-01-01;
 * month, quarter and year spans start on the first of a local month.
 */
export function binStart(epochSeconds: number, span: TimeSpan, tz: string): number {
  const seconds = UNIT_SECONDS[span.unit];
  if (!Number.isInteger(span.amount)) {
    // A subsecond span divides a second evenly, so whole-second zone offsets do not move its bins;
    // microseconds keep the arithmetic exact.
    const micros = Math.round(span.amount * 1_000_000);
    return (Math.floor(Math.round(epochSeconds * 1_000_000) / micros) * micros) / 1_000_000;
  }
  if (span.unit === 's' || span.unit === 'm' || span.unit === 'h') {
    const size = (seconds as number) * span.amount;
    const offset = offsetMinutes(epochSeconds, tz) * 60;
    return Math.floor((epochSeconds + offset) / size) * size - offset;
  }
  const local = inZone(epochSeconds, tz);
  if (span.unit === 'd' || span.unit === 'w') {
    const days = span.amount * (span.unit === 'w' ? 7 : 1);
    const dayNumber = Math.floor(
      DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: 'UTC' }).toMillis() / 86_400_000,
    );
    const startDay = Math.floor(dayNumber / days) * days;
    const startDate = DateTime.fromMillis(startDay * 86_400_000, { zone: 'UTC' });
    return DateTime.fromObject({ year: startDate.year, month: startDate.month, day: startDate.day }, { zone: tz }).toMillis() / 1000;
  }
  const months = span.amount * (span.unit === 'q' ? 3 : span.unit === 'y' ? 12 : 1);
  const monthIndex = local.year * 12 + (local.month - 1);
  const startIndex = Math.floor(monthIndex / months) * months;
  return (
    DateTime.fromObject({ year: Math.floor(startIndex / 12), month: (startIndex % 12) + 1, day: 1 }, { zone: tz }).toMillis() / 1000
  );
}

/** A span's length in seconds; months, quarters and years have none (their length varies). */
/** The start of the bin holding `epochSeconds` when bins of `seconds` start at `origin` (bin aligntime=). */
export function alignedBinStart(epochSeconds: number, seconds: number, origin: number): number {
  return origin + Math.floor((epochSeconds - origin) / seconds) * seconds;
}

export function spanSeconds(span: TimeSpan): number {
  const seconds = UNIT_SECONDS[span.unit];
  if (seconds === undefined) throw new SpelunkError('search', `the span '${span.amount}${span.unit}' has no fixed length: use seconds, minutes, hours, days or weeks`);
  return seconds * span.amount;
}
