/** Luxon helpers shared by the time modules: a DateTime in the user's zone, with a clear error for a bad zone. */
import { DateTime } from 'luxon';
import { SpelunkError } from '../core/errors.js';

export function inZone(epochSeconds: number, tz: string): DateTime {
  const dateTime = DateTime.fromMillis(Math.floor(epochSeconds) * 1000, { zone: tz });
  if (!dateTime.isValid) {
    // An instant past what a date can hold is invalid in every zone: name the time, not the zone.
    if (DateTime.fromMillis(0, { zone: tz }).isValid) {
      throw new SpelunkError('search', `The time ${epochSeconds} is out of range: a time is at most 8640000000000 seconds (about 275,000 years) from 1970.`);
    }
    throw new SpelunkError('usage', `Unknown time zone '${tz}': use a canonical name such as America/Los_Angeles or UTC`);
  }
  return dateTime;
}

/** The zone's offset from UTC, in minutes, at the given instant. */
export function offsetMinutes(epochSeconds: number, tz: string): number {
  return inZone(epochSeconds, tz).offset;
}
