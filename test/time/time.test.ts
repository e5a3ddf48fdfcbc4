import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/time/strftime.js';
import { parseTime } from '../../src/time/strptime.js';
import { resolveTimeModifier } from '../../src/time/modifiers.js';
import { binStart, parseSpan } from '../../src/time/span.js';
import { SpelunkError } from '../../src/core/errors.js';

// 2019-07-18T09:30:00.123456Z, a Thursday (DOC S10 uses "Thu Jul 18 09:30:00 2019" for %c).
const T = 1563442200.123456;
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('formatTime (DOC S10 variables)', () => {
  it('formats the security_content ctime format, truncating the fraction', () => {
    expect(formatTime(T, '%Y-%m-%dT%H:%M:%S', 'UTC')).toBe('2019-07-18T09:30:00');
    expect(formatTime(59.999, '%S', 'UTC')).toBe('59');
  });
  it('default convert format %m/%d/%Y %H:%M:%S (CONF S1)', () => {
    expect(formatTime(T, '%m/%d/%Y %H:%M:%S', 'UTC')).toBe('07/18/2019 09:30:00');
  });
  it('subseconds only where asked: %3N %6N %N %Q %f', () => {
    expect(formatTime(T, '%3N|%6N|%N|%Q|%6Q|%f', 'UTC')).toBe('123|123456|123456000|123|123456|123456');
  });
  it('names, day numbers and 12-hour clock', () => {
    expect(formatTime(T, '%a %A %b %B %e %j %I %p %y %w %U %V', 'UTC')).toBe('Thu Thursday Jul July 18 199 09 AM 19 4 28 29');
    expect(formatTime(T, '%c', 'UTC')).toBe('Thu Jul 18 09:30:00 2019');
    expect(formatTime(T, '%T %F %s %%', 'UTC')).toBe('09:30:00 2019-07-18 1563442200 %');
  });
  it('zones: %z %:z %Z in the requested zone', () => {
    expect(formatTime(T, '%H:%M %z %:z %::z %:::z', 'America/New_York')).toBe('05:30 -0400 -04:00 -04:00:00 -04');
    expect(formatTime(T, '%Z', 'America/New_York')).toBe('EDT');
    expect(formatTime(T, '%H:%M %z', 'Asia/Kolkata')).toBe('15:00 +0530');
  });
});

describe('parseTime', () => {
  it('reads what formatTime writes', () => {
    expect(parseTime('2019-07-18T09:30:00', '%Y-%m-%dT%H:%M:%S', 'UTC')).toBe(1563442200);
    expect(parseTime('07/18/2019 05:30:00', '%m/%d/%Y %H:%M:%S', 'America/New_York')).toBe(1563442200);
    expect(parseTime('18 Jul 2019 09:30:00.250 +0000', '%d %b %Y %H:%M:%S.%3N %z', 'Asia/Tokyo')).toBe(1563442200.25);
    expect(parseTime('07/18/2019 09:30:00 PM', '%m/%d/%Y %I:%M:%S %p', 'UTC')).toBe(1563442200 + 12 * 3600);
  });
  it('returns null for text that does not fit', () => {
    expect(parseTime('yesterday', '%Y-%m-%d', 'UTC')).toBeNull();
    expect(parseTime('2019-13-40', '%Y-%m-%d', 'UTC')).toBeNull();
  });
});

describe('resolveTimeModifier (DOC S11)', () => {
  // Friday 2023-11-17 14:37:25 UTC
  const now = utc('2023-11-17T14:37:25Z');
  it('now, epoch seconds, absolute %m/%d/%Y:%H:%M:%S and ISO 8601', () => {
    expect(resolveTimeModifier('now', now, 'UTC')).toBe(now);
    expect(resolveTimeModifier('now()', now, 'UTC')).toBe(now);
    expect(resolveTimeModifier('0', now, 'UTC')).toBe(0);
    expect(resolveTimeModifier('1', now, 'UTC')).toBe(1);
    expect(resolveTimeModifier('11/15/2022:20:00:00', now, 'UTC')).toBe(utc('2022-11-15T20:00:00Z'));
    expect(resolveTimeModifier('2022-11-15T20:00:00Z', now, 'UTC')).toBe(utc('2022-11-15T20:00:00Z'));
  });
  it('offset first, then snap, rounding down: -70m@m, -2h@h, -1d@d', () => {
    expect(resolveTimeModifier('-70m@m', now, 'UTC')).toBe(utc('2023-11-17T13:27:00Z'));
    expect(resolveTimeModifier('-2h@h', now, 'UTC')).toBe(utc('2023-11-17T12:00:00Z'));
    expect(resolveTimeModifier('-1d@d', now, 'UTC')).toBe(utc('2023-11-16T00:00:00Z'));
    expect(resolveTimeModifier('-1d@d', now, 'America/New_York')).toBe(utc('2023-11-16T05:00:00Z'));
  });
  it('"@d-2h snaps to the beginning of today ... then applies -2h ... 10 PM yesterday"', () => {
    expect(resolveTimeModifier('@d-2h', now, 'UTC')).toBe(utc('2023-11-16T22:00:00Z'));
  });
  it('week snaps: @w0/@w7 Sunday, @w1 Monday, @w6 on a Friday is the previous Saturday', () => {
    expect(resolveTimeModifier('@w0', now, 'UTC')).toBe(utc('2023-11-12T00:00:00Z'));
    expect(resolveTimeModifier('@w7', now, 'UTC')).toBe(utc('2023-11-12T00:00:00Z'));
    expect(resolveTimeModifier('@w', now, 'UTC')).toBe(utc('2023-11-12T00:00:00Z'));
    expect(resolveTimeModifier('-5d@w1', now, 'UTC')).toBe(utc('2023-11-06T00:00:00Z'));
    expect(resolveTimeModifier('@w6', now, 'UTC')).toBe(utc('2023-11-11T00:00:00Z'));
  });
  it('month, quarter and year units; unit spellings', () => {
    expect(resolveTimeModifier('@mon', now, 'UTC')).toBe(utc('2023-11-01T00:00:00Z'));
    expect(resolveTimeModifier('@q', now, 'UTC')).toBe(utc('2023-10-01T00:00:00Z'));
    expect(resolveTimeModifier('-1y@y', now, 'UTC')).toBe(utc('2022-01-01T00:00:00Z'));
    expect(resolveTimeModifier('-30minutes', now, 'UTC')).toBe(now - 1800);
    expect(resolveTimeModifier('+1h', now, 'UTC')).toBe(now + 3600);
    expect(resolveTimeModifier('-h', now, 'UTC')).toBe(now - 3600);
  });
  it('rejects nonsense with a search error naming the value', () => {
    expect(() => resolveTimeModifier('-5x', now, 'UTC')).toThrow(SpelunkError);
    expect(() => resolveTimeModifier('tomorrow', now, 'UTC', 'latest')).toThrow(`Invalid value "tomorrow" for time term 'latest'`);
  });
});

describe('spans and bins', () => {
  it('parses spans with every unit spelling', () => {
    expect(parseSpan('1h')).toEqual({ amount: 1, unit: 'h' });
    expect(parseSpan('5m')).toEqual({ amount: 5, unit: 'm' });
    expect(parseSpan('30sec')).toEqual({ amount: 30, unit: 's' });
    expect(parseSpan('1mon')).toEqual({ amount: 1, unit: 'mon' });
    expect(parseSpan('2days')).toEqual({ amount: 2, unit: 'd' });
    expect(() => parseSpan('1x')).toThrow(SpelunkError);
    expect(() => parseSpan('0h')).toThrow(SpelunkError);
  });
  it('cuts sub-day spans on the clock', () => {
    expect(binStart(utc('2023-11-17T14:37:25Z'), parseSpan('1h'), 'UTC')).toBe(utc('2023-11-17T14:00:00Z'));
    expect(binStart(utc('2023-11-17T14:37:25Z'), parseSpan('5m'), 'America/New_York')).toBe(utc('2023-11-17T14:35:00Z'));
    // Half-hour zone: hour bins start on the local hour.
    expect(binStart(utc('2023-11-17T14:37:25Z'), parseSpan('1h'), 'Asia/Kolkata')).toBe(utc('2023-11-17T14:30:00Z'));
  });
  it('aligns day and month bins to the local day boundary (DOC S17)', () => {
    expect(binStart(utc('2023-11-17T03:00:00Z'), parseSpan('1d'), 'America/New_York')).toBe(utc('2023-11-16T05:00:00Z'));
    expect(binStart(utc('2023-11-17T03:00:00Z'), parseSpan('1d'), 'UTC')).toBe(utc('2023-11-17T00:00:00Z'));
    expect(binStart(utc('2023-11-17T03:00:00Z'), parseSpan('1mon'), 'UTC')).toBe(utc('2023-11-01T00:00:00Z'));
    expect(binStart(utc('2023-11-17T03:00:00Z'), parseSpan('1q'), 'UTC')).toBe(utc('2023-10-01T00:00:00Z'));
  });
});

describe('strftime in UTC takes a fast path that agrees with the general one', () => {
  it('gives the same text as the zone-aware path for every specifier over many instants', async () => {
    const { formatTime } = await import('../../src/time/strftime.js');
    const format = '%Y %y %m %d %e %H %I %k %M %S %p %j %a %A %b %B %V %U %w %u %T %F %z %:z %s %3N %%'; // %Z: UTC vs GMT by name
    // Every 97,001 s from 1999 to 2031 crosses day, month, year and ISO-week boundaries.
    for (let t = 915_148_800; t < 1_924_992_000; t += 97_001) {
      expect(formatTime(t + 0.25, format, 'UTC')).toBe(formatTime(t + 0.25, format, 'Africa/Abidjan'));
    }
  });
});
