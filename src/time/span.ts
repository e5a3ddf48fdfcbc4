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

export function parseSpan(text: string): TimeSpan {
  const match = /^\s*(\d+)?([A-Za-z]+)\s*$/.exec(text);
  const unit = match ? unitOf(match[2] as string) : undefined;
  const amount = match?.[1] === undefined ? 1 : Number(match[1]);
  if (!match || !unit) {
    if (match && /^(us|ms|cs|ds)$/i.test(match[2] as string)) {
      throw new SpelunkError('unsupported', `spelunk does not support subsecond spans ('${text}')`);
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
