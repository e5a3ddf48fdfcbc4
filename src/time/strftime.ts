/**
 * Splunk's strftime (eval strftime(), convert ctime(), ...): the variables Splunk documents in
 * "Date and time format variables". Whole seconds are truncated, never rounded;
 * the fraction appears only where a subsecond variable asks for it.
 */

import { inZone } from './zone.js';

/** The calendar fields strftime reads: a luxon DateTime has them, and so does utcFields(). */
interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday (ISO, as luxon). */
  weekday: number;
  /** Day of the year, 1-based. */
  ordinal: number;
  /** ISO 8601 week number. */
  weekNumber: number;
  /** Minutes east of UTC. */
  offset: number;
  zoneName: string | null;
  offsetNameShort: string | null;
  toFormat(format: string): string;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z']);

/** The fields of an instant in UTC from Date's UTC getters: much cheaper than a luxon DateTime. */
function utcFields(epochSeconds: number): CalendarFields {
  const date = new Date(Math.floor(epochSeconds) * 1000);
  const year = date.getUTCFullYear();
  const startOfYear = Date.UTC(year, 0, 1);
  const startOfDay = Date.UTC(year, date.getUTCMonth(), date.getUTCDate());
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // ISO week: the week holding this week's Thursday, counted in that Thursday's year.
  const thursday = new Date(startOfDay + (4 - weekday) * 86_400_000);
  const thursdayYearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const weekNumber = Math.ceil(((thursday.getTime() - thursdayYearStart) / 86_400_000 + 1) / 7);
  return {
    year,
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    weekday,
    weekNumber,
    ordinal: Math.round((startOfDay - startOfYear) / 86_400_000) + 1,
    offset: 0,
    zoneName: 'UTC',
    offsetNameShort: 'UTC',
    toFormat: () => 'UTC',
  };
}

function calendarFields(epochSeconds: number, tz: string): CalendarFields {
  return UTC_ZONES.has(tz) ? utcFields(epochSeconds) : inZone(epochSeconds, tz);
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(value: number, width: number, fill = '0'): string {
  return String(value).padStart(width, fill);
}

/**
 * The first `digits` digits of the fraction of a second, truncated. The fraction is read to the
 * microsecond (the precision of Splunk's _time), which also absorbs binary floating-point noise.
 */
function subsecond(epochSeconds: number, digits: number): string {
  const micros = Math.min(Math.round((epochSeconds - Math.floor(epochSeconds)) * 1e6), 999_999);
  return `${pad(micros, 6)}000`.slice(0, Math.max(1, Math.min(9, digits)));
}

function offsetText(minutes: number, separator: string, withSeconds: boolean, hoursOnly: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  const text = `${sign}${hours}${separator}${pad(abs % 60, 2)}`;
  return withSeconds ? `${text}${separator}00` : text;
}

/** %U: week of the year with Sunday as the first day; days before the first Sunday are week 0. */
function sundayWeek(dateTime: CalendarFields): number {
  const weekday = dateTime.weekday % 7;
  return Math.floor((dateTime.ordinal - 1 - weekday + 7) / 7);
}

function hour12(dateTime: CalendarFields): number {
  return dateTime.hour % 12 === 0 ? 12 : dateTime.hour % 12;
}

function zoneAbbreviation(dateTime: CalendarFields): string {
  if (dateTime.zoneName === 'UTC' || dateTime.zoneName === 'Etc/UTC') return 'UTC';
  return dateTime.offsetNameShort ?? dateTime.toFormat('ZZZZ');
}

function expand(dateTime: CalendarFields, epochSeconds: number, spec: string, digits: number | undefined): string | undefined {
  const weekday = dateTime.weekday % 7;
  switch (spec) {
    case 'Y':
      return String(dateTime.year);
    case 'y':
      return pad(dateTime.year % 100, 2);
    case 'C':
      return pad(Math.floor(dateTime.year / 100), 2);
    case 'm':
      return pad(dateTime.month, 2);
    case 'd':
      return pad(dateTime.day, 2);
    case 'e':
      return pad(dateTime.day, 2, ' ');
    case 'j':
      return pad(dateTime.ordinal, 3);
    case 'H':
      return pad(dateTime.hour, 2);
    case 'k':
      return pad(dateTime.hour, 2, ' ');
    case 'I':
      return pad(hour12(dateTime), 2);
    case 'l':
      return pad(hour12(dateTime), 2, ' ');
    case 'M':
      return pad(dateTime.minute, 2);
    case 'S':
      return pad(dateTime.second, 2);
    case 'p':
      return dateTime.hour < 12 ? 'AM' : 'PM';
    case 'b':
    case 'h':
      return SHORT_MONTHS[dateTime.month - 1];
    case 'B':
      return LONG_MONTHS[dateTime.month - 1];
    case 'a':
      return SHORT_DAYS[weekday];
    case 'A':
      return LONG_DAYS[weekday];
    case 'w':
      return String(weekday);
    case 'u':
      return String(dateTime.weekday);
    case 'U':
      return pad(sundayWeek(dateTime), 2);
    case 'V':
      return pad(dateTime.weekNumber, 2);
    case 's':
      return String(Math.floor(epochSeconds));
    case 'N':
      return subsecond(epochSeconds, digits ?? 9);
    case 'Q':
      return subsecond(epochSeconds, digits ?? 3);
    case 'f':
      return subsecond(epochSeconds, 6);
    case 'z':
      return offsetText(dateTime.offset, '', false, false);
    case ':z':
      return offsetText(dateTime.offset, ':', false, false);
    case '::z':
      return offsetText(dateTime.offset, ':', true, false);
    case ':::z':
      return offsetText(dateTime.offset, ':', false, true);
    case 'Ez':
      return String(dateTime.offset);
    case 'Z':
      return zoneAbbreviation(dateTime);
    case 'T':
      return `${pad(dateTime.hour, 2)}:${pad(dateTime.minute, 2)}:${pad(dateTime.second, 2)}`;
    case 'R':
      return `${pad(dateTime.hour, 2)}:${pad(dateTime.minute, 2)}`;
    case 'F':
      return `${dateTime.year}-${pad(dateTime.month, 2)}-${pad(dateTime.day, 2)}`;
    case 'D':
      return `${pad(dateTime.month, 2)}/${pad(dateTime.day, 2)}/${pad(dateTime.year % 100, 2)}`;
    case 'c':
      return expandAll(dateTime, epochSeconds, '%a %b %e %H:%M:%S %Y');
    case '+':
      return expandAll(dateTime, epochSeconds, '%a %b %e %H:%M:%S %Z %Y');
    case 'x':
      return `${dateTime.month}/${dateTime.day}/${dateTime.year}`;
    case 'X':
      return `${dateTime.hour}:${pad(dateTime.minute, 2)}:${pad(dateTime.second, 2)}`;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

const SPECIFIER = /%(\d*)(:{1,3}z|Ez|[A-Za-z%+])/g;

function expandAll(dateTime: CalendarFields, epochSeconds: number, format: string): string {
  return format.replace(SPECIFIER, (whole, digitText: string, spec: string) => {
    const digits = digitText === '' ? undefined : Number(digitText);
    // An unknown variable is printed as written, as C's strftime does.
    return expand(dateTime, epochSeconds, spec, digits) ?? whole;
  });
}

/** Recent results: detections format the same few times (firstTime, lastTime) on many rows. */
const recentlyFormatted = new Map<string, string>();
const RECENT_LIMIT = 4096;

/** Formats epoch seconds in zone `tz` with Splunk's strftime variables. */
export function formatTime(epochSeconds: number, format: string, tz: string): string {
  const key = `${epochSeconds}\u0000${format}\u0000${tz}`;
  const cached = recentlyFormatted.get(key);
  if (cached !== undefined) return cached;
  const text = expandAll(calendarFields(epochSeconds, tz), epochSeconds, format);
  if (recentlyFormatted.size >= RECENT_LIMIT) recentlyFormatted.clear();
  recentlyFormatted.set(key, text);
  return text;
}
