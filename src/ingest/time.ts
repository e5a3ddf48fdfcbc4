/** Timestamp parsing for the readers: to epoch seconds, microsecond precision. */
import type { TimeFormat } from '../datamodel/mapping-table.js';

const ISO_TIME = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * `2025-10-24T14:14:51.751878600Z`, `2021-03-14T01:40:15.342Z`, `2021-03-14 01:40:15`. A time
 * without a zone is taken as UTC. Fractions beyond microseconds are truncated.
 */
function parseIsoTime(text: string): number | undefined {
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
function parseEpochMillis(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  return Number(text) / 1000;
}

/** The parser of each time format a mapping table may name. */
export const TIME_PARSERS: Readonly<Record<TimeFormat, (text: string) => number | undefined>> = {
  iso8601: parseIsoTime,
  epoch_millis: parseEpochMillis,
};

/** `Date.UTC` of the last date part seen: events of one file share a few dates. */
let cachedDateKey = -1;
let cachedDateMillis = 0;

function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * parseIsoTime for the usual `YYYY-MM-DDTHH:MM:SS[.fraction]Z` at `bytes[start, end)`, without
 * making a string; undefined for any other form (the caller then uses parseIsoTime). Gives the
 * same number as parseIsoTime: Date.UTC(y, m, d, h, mi, s) is Date.UTC(y, m, d) plus the time of
 * day in whole milliseconds (ECMA-262 MakeDate/MakeTime are exact integer sums in this range).
 */
export function parseIsoTimeBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 20 || bytes[end - 1] !== 0x5a /* Z */) return undefined;
  if (bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d || bytes[start + 10] !== 0x54) return undefined;
  if (bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a) return undefined;
  const year = digitsAt(bytes, start, 4);
  const month = digitsAt(bytes, start + 5, 2);
  const day = digitsAt(bytes, start + 8, 2);
  const hour = digitsAt(bytes, start + 11, 2);
  const minute = digitsAt(bytes, start + 14, 2);
  const second = digitsAt(bytes, start + 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let micros = -1;
  const fractionEnd = end - 1;
  if (fractionEnd > start + 19) {
    if (bytes[start + 19] !== 0x2e || fractionEnd === start + 20) return undefined;
    // Number(fraction.slice(0, 6).padEnd(6, '0')), and every digit must be a digit.
    if (digitsAt(bytes, start + 20, fractionEnd - start - 20) < 0) return undefined;
    const kept = Math.min(6, fractionEnd - start - 20);
    micros = digitsAt(bytes, start + 20, kept) * 10 ** (6 - kept);
  }
  const dateKey = (year * 100 + month) * 100 + day;
  if (dateKey !== cachedDateKey) {
    cachedDateMillis = Date.UTC(year, month - 1, day, 0, 0, 0);
    cachedDateKey = dateKey;
  }
  let seconds = (cachedDateMillis + hour * 3_600_000 + minute * 60_000 + second * 1000) / 1000;
  if (micros >= 0) seconds += micros / 1e6;
  return seconds;
}
