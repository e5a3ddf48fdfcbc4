/**
 * Splunk time modifiers (`earliest=`, `latest=`, `relative_time()`, `--earliest`), as
 * DOC Search Reference: time modifiers describes them.
 * A relative modifier is a chain of offsets (`-70m`, `+1d`) and snaps (`@d`, `@w1`) applied
 * left to right; snaps round down. Calendar units use the `tz` zone's calendar.
 */
import { DateTime } from 'luxon';
import { SpelunkError } from '../core/errors.js';
import { parseTime } from './strptime.js';
import { unitOf, type TimeUnit } from './span.js';
import { inZone } from './zone.js';

/** ECMA-262 §21.4.1.22: a Date holds at most ±8.64e15 ms around 1970. */
export const MAX_EPOCH_SECONDS = 8_640_000_000_000;

function invalid(text: string, term: string): SpelunkError {
  return new SpelunkError('search', `Invalid value "${text}" for time term '${term}'`);
}

function applyOffset(epochSeconds: number, amount: number, unit: TimeUnit, tz: string): number {
  switch (unit) {
    case 's':
      return epochSeconds + amount;
    case 'm':
      return epochSeconds + amount * 60;
    case 'h':
      return epochSeconds + amount * 3600;
    default: {
      const local = DateTime.fromMillis(epochSeconds * 1000, { zone: tz });
      const moved =
        unit === 'd'
          ? local.plus({ days: amount })
          : unit === 'w'
            ? local.plus({ weeks: amount })
            : unit === 'mon'
              ? local.plus({ months: amount })
              : unit === 'q'
                ? local.plus({ months: 3 * amount })
                : local.plus({ years: amount });
      return moved.toMillis() / 1000;
    }
  }
}

/** Rounds down to the start of the unit; `weekday` (0 = Sunday ... 6, 7 = Sunday) for `@w<n>`. */
function applySnap(epochSeconds: number, unit: TimeUnit, weekday: number | undefined, tz: string): number {
  if (unit === 's') return Math.floor(epochSeconds);
  const local = inZone(epochSeconds, tz);
  let snapped: DateTime;
  switch (unit) {
    case 'm':
      snapped = local.startOf('minute');
      break;
    case 'h':
      snapped = local.startOf('hour');
      break;
    case 'd':
      snapped = local.startOf('day');
      break;
    case 'w': {
      const target = (weekday ?? 0) % 7;
      const back = (local.weekday % 7 - target + 7) % 7;
      snapped = local.startOf('day').minus({ days: back });
      break;
    }
    case 'mon':
      snapped = local.startOf('month');
      break;
    case 'q':
      snapped = local.startOf('quarter');
      break;
    default:
      snapped = local.startOf('year');
  }
  return snapped.toMillis() / 1000;
}

const RELATIVE_PART = /^(?:([+-])(\d*)([A-Za-z]+)?|@([A-Za-z]+?)(\d)?)(?=[+\-@]|$)/;

function resolveRelative(text: string, now: number, tz: string, term: string): number {
  let time = now;
  let rest = text;
  if (/^\d*[A-Za-z]+/.test(rest)) rest = `+${rest}`; // `1d` and `s@s`: a leading offset may omit its sign
  while (rest.length > 0) {
    const match = RELATIVE_PART.exec(rest);
    if (!match) throw invalid(text, term);
    if (match[4] !== undefined) {
      const unitText = match[4];
      const weekday = match[5] === undefined ? undefined : Number(match[5]);
      const unit = unitOf(unitText);
      if (!unit || (weekday !== undefined && unit !== 'w') || (weekday !== undefined && weekday > 7)) throw invalid(text, term);
      time = applySnap(time, unit, weekday, tz);
    } else {
      const sign = match[1] === '-' ? -1 : 1;
      const amount = match[2] === '' || match[2] === undefined ? 1 : Number(match[2]);
      const unit = match[3] === undefined ? 's' : unitOf(match[3]);
      if (!unit) throw invalid(text, term);
      time = applyOffset(time, sign * amount, unit, tz);
    }
    rest = rest.slice(match[0].length);
  }
  return time;
}

/**
 * Resolves a time modifier to epoch seconds: `now`/`now()`, epoch seconds, the absolute form
 * `%m/%d/%Y:%H:%M:%S`, ISO 8601, or a relative chain (`-70m@m`, `-1d@d`, `@w0`, `+1h`, `@d-2h`).
 * `term` names the setting in the error message (`earliest`, `latest`, ...).
 */
export function resolveTimeModifier(text: string, now: number, tz: string, term = 'earliest'): number {
  const trimmed = text.trim();
  if (trimmed === '') throw invalid(text, term);
  if (/^(now|now\(\)|rtnow|rt)$/i.test(trimmed)) return now;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const epoch = Number(trimmed);
    if (epoch > MAX_EPOCH_SECONDS) throw new SpelunkError('search', `Invalid value "${text}" for time term '${term}': a time is at most ${MAX_EPOCH_SECONDS} seconds after 1970 (the largest JavaScript date).`);
    return epoch;
  }
  const absolute = parseTime(trimmed, '%m/%d/%Y:%H:%M:%S', tz);
  if (absolute !== null && /^\d{1,2}\/\d{1,2}\/\d{4}:\d{1,2}:\d{1,2}:\d{1,2}$/.test(trimmed)) return absolute;
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const iso = DateTime.fromISO(trimmed, { zone: tz, setZone: false });
    if (!iso.isValid) throw invalid(text, term);
    return iso.toMillis() / 1000;
  }
  const relative = trimmed.replace(/^rt/i, '');
  return resolveRelative(relative, now, tz, term);
}
