/**
 * Splunk's strptime (eval strptime(), convert mktime(), absolute time modifiers): reads text
 * with the same variables as strftime. Returns epoch seconds (with a fraction when the text
 * has subseconds) or null when the text does not fit the format.
 */
import { DateTime } from 'luxon';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const LONG_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: number;
  pm?: boolean;
  offsetMinutes?: number;
  epoch?: number;
  dayOfYear?: number;
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  digits(min: number, max: number): number | undefined {
    if (this.text[this.pos] === ' ' && min === 1) this.pos++;
    const match = new RegExp(`^\\d{${min},${max}}`).exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return Number(match[0]);
  }

  signedDigits(): number | undefined {
    const match = /^-?\d+/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return Number(match[0]);
  }

  /** Index of the longest name (case-insensitive) at the current position. */
  name(...lists: string[][]): number | undefined {
    const rest = this.text.slice(this.pos).toLowerCase();
    let best: { index: number; length: number } | undefined;
    for (const list of lists) {
      list.forEach((word, index) => {
        if (rest.startsWith(word) && (!best || word.length > best.length)) best = { index, length: word.length };
      });
    }
    if (!best) return undefined;
    this.pos += best.length;
    return best.index;
  }

  literal(ch: string): boolean {
    if (/\s/.test(ch)) {
      while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
      return true;
    }
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }
}

function readOffset(reader: Reader): number | undefined {
  const rest = reader.text.slice(reader.pos);
  if (/^(Z|UTC|GMT)/i.test(rest)) {
    reader.pos += rest[0] === 'Z' || rest[0] === 'z' ? 1 : 3;
    return 0;
  }
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(rest);
  if (!match) return undefined;
  reader.pos += match[0].length;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  return match[1] === '-' ? -minutes : minutes;
}

/** Reads one variable into `parts`; false when the text does not fit. */
function readVariable(reader: Reader, spec: string, digits: number | undefined, parts: Parts): boolean {
  const set = (value: number | undefined, apply: (v: number) => void): boolean => {
    if (value === undefined) return false;
    apply(value);
    return true;
  };
  switch (spec) {
    case 'Y':
      return set(reader.digits(4, 4), (v) => (parts.year = v));
    case 'y':
      return set(reader.digits(2, 2), (v) => (parts.year = v < 69 ? 2000 + v : 1900 + v));
    case 'm':
      return set(reader.digits(1, 2), (v) => (parts.month = v));
    case 'd':
    case 'e':
      return set(reader.digits(1, 2), (v) => (parts.day = v));
    case 'j':
      return set(reader.digits(1, 3), (v) => (parts.dayOfYear = v));
    case 'H':
    case 'k':
    case 'I':
    case 'l':
      return set(reader.digits(1, 2), (v) => (parts.hour = v));
    case 'M':
      return set(reader.digits(1, 2), (v) => (parts.minute = v));
    case 'S':
      return set(reader.digits(1, 2), (v) => (parts.second = v));
    case 'N':
    case 'Q':
    case 'f': {
      const width = digits ?? (spec === 'N' ? 9 : spec === 'Q' ? 3 : 6);
      const match = new RegExp(`^\\d{1,${width}}`).exec(reader.text.slice(reader.pos));
      if (!match) return false;
      reader.pos += match[0].length;
      parts.fraction = Number(`0.${match[0]}`);
      return true;
    }
    case 'p': {
      const index = reader.name(['am', 'pm']);
      return set(index, (v) => (parts.pm = v === 1));
    }
    case 'b':
    case 'h':
    case 'B':
      return set(reader.name(LONG_MONTHS, MONTHS), (v) => (parts.month = v + 1));
    case 'a':
    case 'A':
      return reader.name(LONG_DAYS, DAYS) !== undefined;
    case 's':
      return set(reader.signedDigits(), (v) => (parts.epoch = v));
    case 'z':
    case ':z':
    case 'Z':
      return set(readOffset(reader), (v) => (parts.offsetMinutes = v));
    case 'T':
      return readFormat(reader, '%H:%M:%S', parts);
    case 'F':
      return readFormat(reader, '%Y-%m-%d', parts);
    case 'D':
      return readFormat(reader, '%m/%d/%y', parts);
    case 'R':
      return readFormat(reader, '%H:%M', parts);
    case '%':
      return reader.literal('%');
    default:
      return false;
  }
}

function readFormat(reader: Reader, format: string, parts: Parts): boolean {
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      if (!reader.literal(ch)) return false;
      continue;
    }
    const match = /^%(\d*)(:z|Ez|[A-Za-z%])/.exec(format.slice(i));
    if (!match) return false;
    i += match[0].length - 1;
    const digits = match[1] === '' ? undefined : Number(match[1]);
    if (!readVariable(reader, match[2] as string, digits, parts)) return false;
  }
  return true;
}

/** Parses `text` with a strptime `format` in zone `tz` (unless the text carries an offset). */
export function parseTime(text: string, format: string, tz: string): number | null {
  const parts: Parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0 };
  const reader = new Reader(text);
  if (!readFormat(reader, format, parts)) return null;
  if (parts.epoch !== undefined) return parts.epoch + parts.fraction;
  let hour = parts.hour;
  if (parts.pm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (parts.pm ? 12 : 0);
  }
  const zone = parts.offsetMinutes !== undefined ? fixedZone(parts.offsetMinutes) : tz;
  let dateTime = DateTime.fromObject(
    { year: parts.year, month: parts.month, day: parts.day, hour, minute: parts.minute, second: parts.second },
    { zone },
  );
  if (parts.dayOfYear !== undefined) dateTime = dateTime.set({ month: 1, day: 1 }).plus({ days: parts.dayOfYear - 1 });
  if (!dateTime.isValid) return null;
  return dateTime.toMillis() / 1000 + parts.fraction;
}

function fixedZone(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}
