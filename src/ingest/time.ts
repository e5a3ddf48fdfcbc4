/** Timestamp parsing for the readers: to epoch seconds, microsecond precision. */

const ISO_TIME = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * `2025-10-24T14:14:51.751878600Z`, `2021-03-14T01:40:15.342Z`, `2021-03-14 01:40:15`. A time
 * without a zone is taken as UTC. Fractions beyond microseconds are truncated.
 */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const millis = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(millis)) return undefined;
  let seconds = millis / 1000;
  if (fraction) seconds += Number(fraction.slice(0, 6).padEnd(6, '0')) / 1e6;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return seconds;
}

/** CrowdStrike `timestamp`: milliseconds since the epoch, as a decimal string. */
export function parseEpochMillis(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  return Number(text) / 1000;
}
