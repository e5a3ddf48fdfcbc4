/**
 * Binary XML values (substitution values and their array forms) rendered as text the way the
 * Windows event renderer writes them (docs/semantics.md, "EVTX"): integers in decimal, hex
 * integers as `0x` and lower-case digits without padding, GUIDs lower-case in braces, FILETIME
 * and SYSTEMTIME as ISO 8601 UTC with nine fractional digits, SIDs as `S-1-...`, binary as
 * upper-case hex, booleans as `true`/`false`. Value type codes are those of libyal's "Windows
 * XML Event Log (EVTX)" format description, section "Value types".
 */

export const NULL_TYPE = 0x00;
export const STRING_TYPE = 0x01;
export const ANSI_STRING_TYPE = 0x02;
export const INT8_TYPE = 0x03;
export const UINT8_TYPE = 0x04;
export const INT16_TYPE = 0x05;
export const UINT16_TYPE = 0x06;
export const INT32_TYPE = 0x07;
export const UINT32_TYPE = 0x08;
export const INT64_TYPE = 0x09;
export const UINT64_TYPE = 0x0a;
export const REAL32_TYPE = 0x0b;
export const REAL64_TYPE = 0x0c;
export const BOOL_TYPE = 0x0d;
export const BINARY_TYPE = 0x0e;
export const GUID_TYPE = 0x0f;
export const SIZE_T_TYPE = 0x10;
export const FILETIME_TYPE = 0x11;
export const SYSTEMTIME_TYPE = 0x12;
export const SID_TYPE = 0x13;
export const HEX_INT32_TYPE = 0x14;
export const HEX_INT64_TYPE = 0x15;
export const EVT_HANDLE_TYPE = 0x20;
export const BINXML_TYPE = 0x21;
export const EVT_XML_TYPE = 0x23;
export const ARRAY_FLAG = 0x80;

/** A value the renderer cannot read; the record it belongs to becomes a fault with this reason. */
export class ValueError extends Error {}

/** Bytes each element of a fixed-size type takes; 0 for variable-size types. */
export function fixedSize(type: number): number {
  switch (type) {
    case INT8_TYPE:
    case UINT8_TYPE:
      return 1;
    case INT16_TYPE:
    case UINT16_TYPE:
      return 2;
    case INT32_TYPE:
    case UINT32_TYPE:
    case REAL32_TYPE:
    case BOOL_TYPE:
    case HEX_INT32_TYPE:
      return 4;
    case INT64_TYPE:
    case UINT64_TYPE:
    case REAL64_TYPE:
    case FILETIME_TYPE:
    case HEX_INT64_TYPE:
      return 8;
    case GUID_TYPE:
    case SYSTEMTIME_TYPE:
      return 16;
    default:
      return 0;
  }
}

const HEX_LOWER: string[] = [];
const HEX_UPPER: string[] = [];
for (let i = 0; i < 256; i++) {
  HEX_LOWER.push(i.toString(16).padStart(2, '0'));
  HEX_UPPER.push(i.toString(16).padStart(2, '0').toUpperCase());
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/**
 * Decodes UTF-16LE bytes. Buffer's own ucs2Slice when there (every Node release has it on
 * Buffer.prototype; toString's argument handling around it cost a tenth of the reading time),
 * toString otherwise.
 */
type Ucs2Slice = (this: Buffer, start: number, end: number) => string;
const ucs2Slice = (Buffer.prototype as unknown as { ucs2Slice?: Ucs2Slice }).ucs2Slice;
export const decodeUtf16: (b: Buffer, start: number, end: number) => string = ucs2Slice
  ? (b, start, end) => ucs2Slice.call(b, start, end)
  : (b, start, end) => b.toString('utf16le', start, end);

/**
 * UTF-16LE text of `b[start, end)` up to its first NUL: strings in substitution values often
 * carry their terminator, and the Windows renderer treats them as C strings (docs/semantics.md).
 */
export function utf16(b: Buffer, start: number, end: number): string {
  const text = decodeUtf16(b, start, end - ((end - start) & 1));
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

/** Text of an ANSI string: bytes up to the first NUL, read as Windows-1252's Latin-1 subset. */
export function ansi(b: Buffer, start: number, end: number): string {
  let stop = start;
  while (stop < end && b[stop] !== 0) stop++;
  return b.toString('latin1', start, stop);
}

function hex(b: Uint8Array, start: number, end: number, digits: readonly string[]): string {
  let text = '';
  for (let i = start; i < end; i++) text += digits[b[i]!];
  return text;
}

/** `0x` and the lower-case digits of the unsigned 64-bit value at `at`, without padding. */
function hex64(b: Uint8Array, at: number): string {
  const low = u32(b, at);
  const high = u32(b, at + 4);
  if (high === 0) return `0x${low.toString(16)}`;
  return `0x${high.toString(16)}${low.toString(16).padStart(8, '0')}`;
}

const TWO_32 = 4294967296;

function uint64(b: Uint8Array, at: number): string {
  const low = u32(b, at);
  const high = u32(b, at + 4);
  if (high < 0x200000) return String(high * TWO_32 + low);
  return ((BigInt(high) << 32n) | BigInt(low)).toString();
}

function int64(b: Uint8Array, at: number): string {
  const high = u32(b, at + 4);
  if (high < 0x80000000) return uint64(b, at);
  const low = u32(b, at);
  if (high >= 0xffe00000) return String((high - TWO_32) * TWO_32 + low);
  return (((BigInt(high) << 32n) | BigInt(low)) - (1n << 64n)).toString();
}

function guid(b: Uint8Array, at: number): string {
  const h = HEX_LOWER;
  return (
    `{${h[b[at + 3]!]}${h[b[at + 2]!]}${h[b[at + 1]!]}${h[b[at]!]}-${h[b[at + 5]!]}${h[b[at + 4]!]}-` +
    `${h[b[at + 7]!]}${h[b[at + 6]!]}-${h[b[at + 8]!]}${h[b[at + 9]!]}-` +
    `${h[b[at + 10]!]}${h[b[at + 11]!]}${h[b[at + 12]!]}${h[b[at + 13]!]}${h[b[at + 14]!]}${h[b[at + 15]!]}}`
  );
}

/** `S-<revision>-<authority>-<sub>...`; the authority in hex when it needs more than 32 bits ([MS-DTYP] 2.4.2.1). */
function sid(b: Uint8Array, start: number, end: number): string {
  if (end - start < 8) throw new ValueError(`SID of ${end - start} bytes is shorter than its 8-byte header`);
  const count = b[start + 1]!;
  if (8 + 4 * count > end - start) throw new ValueError(`SID with ${count} sub-authorities does not fit in ${end - start} bytes`);
  const authorityHigh = (b[start + 2]! << 8) | b[start + 3]!;
  const authorityLow = ((b[start + 4]! << 24) | (b[start + 5]! << 16) | (b[start + 6]! << 8) | b[start + 7]!) >>> 0;
  const authority =
    authorityHigh === 0 ? String(authorityLow) : `0x${hex(b, start + 2, start + 8, HEX_UPPER)}`;
  let text = `S-${b[start]!}-${authority}`;
  for (let i = 0; i < count; i++) text += `-${u32(b, start + 8 + 4 * i)}`;
  return text;
}

/** Seconds between 1601-01-01 and 1970-01-01. */
const FILETIME_EPOCH_SECONDS = 11644473600;

let cachedSecond = Number.NaN;
let cachedSecondText = '';

/** `YYYY-MM-DDTHH:MM:SS` of a Unix time in whole seconds (UTC); the last one is cached, as records come in time order. */
function isoSecond(seconds: number): string {
  if (seconds === cachedSecond) return cachedSecondText;
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new ValueError(`time ${seconds} s after 1970 is outside years 1 to 9999`);
  cachedSecond = seconds;
  cachedSecondText = date.toISOString().slice(0, 19);
  return cachedSecondText;
}

/** A FILETIME (100 ns ticks since 1601) as `2021-04-21T14:56:43.234146800Z`, split into two halves to stay within doubles. */
export function filetimeText(low: number, high: number): string {
  // ticks = high * 2^32 + low, and 2^32 = 429 * 10^7 + 4967296.
  const rest = high * 4967296 + low;
  const seconds = high * 429 + Math.floor(rest / 1e7);
  const fraction = rest % 1e7;
  return `${isoSecond(seconds - FILETIME_EPOCH_SECONDS)}.${String(fraction).padStart(7, '0')}00Z`;
}

/** Milliseconds since 1970 of a FILETIME, to the tick. */
export function filetimeMillis(low: number, high: number): number {
  const rest = high * 4967296 + low;
  const seconds = high * 429 + Math.floor(rest / 1e7);
  return (seconds - FILETIME_EPOCH_SECONDS) * 1000 + (rest % 1e7) / 1e4;
}

/**
 * A SYSTEMTIME (year, month, weekday, day, hour, minute, second, millisecond) in the FILETIME
 * form. Its fields are written as stored, unchecked: a zeroed SYSTEMTIME ("not set") renders as
 * zeros rather than making its record unreadable.
 */
function systemtimeText(b: Uint8Array, at: number): string {
  const field = (offset: number, digits: number): string => String(u16(b, at + offset)).padStart(digits, '0');
  return `${field(0, 4)}-${field(2, 2)}-${field(6, 2)}T${field(8, 2)}:${field(10, 2)}:${field(12, 2)}.${field(14, 3)}000000Z`;
}

/**
 * A float as the shortest decimal that reads back to the same value (for Real32, the same
 * single-precision value): INF, no real record in the corpus holds a float (docs/semantics.md).
 * Infinities and NaN as libyal lists them for Windows.
 */
function real(value: number, single: boolean): string {
  if (Number.isNaN(value)) return '-1.#IND';
  if (value === Infinity) return '1.#INF';
  if (value === -Infinity) return '-1.#INF';
  if (single) {
    for (let precision = 1; precision < 9; precision++) {
      const text = value.toPrecision(precision);
      if (Math.fround(Number(text)) === value) return String(Number(text));
    }
  }
  return String(value);
}

const ESCAPE_TEXT = /[&<>]/;
const ESCAPE_ATTRIBUTE = /[&<>']/;

/** Element text escaped as the Windows renderer does it: `&`, `<` and `>` only (quotes stay). */
export function escapeText(text: string): string {
  if (!ESCAPE_TEXT.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute text inside single quotes: also `'`. */
export function escapeAttribute(text: string): string {
  if (!ESCAPE_ATTRIBUTE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

/**
 * The text of one scalar value of `type` at `b[start, end)`, not yet escaped: the caller escapes
 * the string types (needsEscape).
 */
export function scalarText(type: number, b: Buffer, start: number, end: number): string {
  const size = end - start;
  const need = fixedSize(type);
  if (need !== 0 && size < need) throw new ValueError(`value of type 0x${type.toString(16)} has ${size} bytes, needs ${need}`);
  switch (type) {
    case NULL_TYPE:
      return '';
    case STRING_TYPE:
      return utf16(b, start, end);
    case ANSI_STRING_TYPE:
      return ansi(b, start, end);
    case INT8_TYPE:
      return String((b[start]! << 24) >> 24);
    case UINT8_TYPE:
      return String(b[start]!);
    case INT16_TYPE:
      return String((u16(b, start) << 16) >> 16);
    case UINT16_TYPE:
      return String(u16(b, start));
    case INT32_TYPE:
      return String(u32(b, start) | 0);
    case UINT32_TYPE:
      return String(u32(b, start));
    case INT64_TYPE:
      return int64(b, start);
    case UINT64_TYPE:
      return uint64(b, start);
    case REAL32_TYPE:
      return real(b.readFloatLE(start), true);
    case REAL64_TYPE:
      return real(b.readDoubleLE(start), false);
    case BOOL_TYPE:
      return u32(b, start) !== 0 ? 'true' : 'false';
    case BINARY_TYPE:
    case EVT_HANDLE_TYPE:
    case EVT_XML_TYPE:
      return hex(b, start, end, HEX_UPPER);
    case GUID_TYPE:
      return guid(b, start);
    case SIZE_T_TYPE:
      if (size === 4) return `0x${u32(b, start).toString(16)}`;
      if (size === 8) return hex64(b, start);
      throw new ValueError(`size_t value of ${size} bytes (expected 4 or 8)`);
    case FILETIME_TYPE:
      return filetimeText(u32(b, start), u32(b, start + 4));
    case SYSTEMTIME_TYPE:
      return systemtimeText(b, start);
    case SID_TYPE:
      return sid(b, start, end);
    case HEX_INT32_TYPE:
      return `0x${u32(b, start).toString(16)}`;
    case HEX_INT64_TYPE:
      return hex64(b, start);
    default:
      throw new ValueError(`unknown value type 0x${type.toString(16)}`);
  }
}

/** Whether the text of `type` can hold characters that need escaping. */
export function needsEscape(type: number): boolean {
  return type === STRING_TYPE || type === ANSI_STRING_TYPE;
}

/** The items of an array value (type without ARRAY_FLAG) at `b[start, end)`, as unescaped texts. */
export function arrayItems(type: number, b: Buffer, start: number, end: number): string[] {
  const items: string[] = [];
  if (type === STRING_TYPE) {
    // NUL-terminated UTF-16LE strings one after the other.
    let at = start;
    while (at + 1 < end) {
      let stop = at;
      while (stop + 1 < end && (b[stop]! | b[stop + 1]!) !== 0) stop += 2;
      items.push(stop > at ? decodeUtf16(b, at, stop) : '');
      at = stop + 2;
    }
    return items;
  }
  if (type === ANSI_STRING_TYPE) {
    let at = start;
    while (at < end) {
      let stop = at;
      while (stop < end && b[stop] !== 0) stop++;
      items.push(b.toString('latin1', at, stop));
      at = stop + 1;
    }
    return items;
  }
  if (type === SID_TYPE) {
    let at = start;
    while (at + 8 <= end) {
      const length = 8 + 4 * b[at + 1]!;
      if (at + length > end) throw new ValueError('SID array item does not fit in its value');
      items.push(sid(b, at, at + length));
      at += length;
    }
    if (at !== end) throw new ValueError('SID array has trailing bytes');
    return items;
  }
  const width = type === SIZE_T_TYPE ? 0 : fixedSize(type);
  if (width === 0) throw new ValueError(`array of value type 0x${type.toString(16)} is not supported`);
  if ((end - start) % width !== 0) throw new ValueError(`array of ${end - start} bytes is not a whole number of ${width}-byte items`);
  for (let at = start; at < end; at += width) items.push(scalarText(type, b, at, at + width));
  return items;
}
