/**
 * eval printf(): C-style formatting with the conversions Splunk documents
 * (%d %i %u %f %F %e %E %g %G %x %X %o %a %A %p %s %z %c %%), flags `- + space 0 # '`, width and precision
 * (`*` takes them from the arguments).
 *
 * Widths and precisions are bounded (docs/semantics.md, "Limits"): a wider field or a longer
 * precision is a search error, not an out-of-memory abort. A negative `*` width or precision
 * means what C says (C11 7.21.6.1): a `-` flag with the positive width; precision omitted.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { scalarToString, type Scalar, type Value } from '../core/values.js';
import { toNumber } from './coerce.js';

/** The widest field printf pads to: spelunk's own bound (Splunk documents none). */
export const PRINTF_MAX_WIDTH = 10_000;
/** The longest precision: JavaScript's number formatting (toFixed, toExponential, toPrecision) stops at 100. */
export const PRINTF_MAX_PRECISION = 100;

interface Directive {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conversion: string;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, d: Directive): string {
  let body: string;
  const precision = d.precision;
  switch (d.conversion) {
    case 'd':
    case 'i':
    case 'u':
      body = Math.trunc(Math.abs(value)).toString();
      if (d.flags.includes("'")) body = group(body);
      break;
    case 'f':
    case 'F': {
      body = Math.abs(value).toFixed(precision ?? 6);
      if (d.flags.includes("'")) {
        const [whole, fraction] = body.split('.');
        body = group(whole as string) + (fraction !== undefined ? `.${fraction}` : '');
      }
      break;
    }
    case 'e':
    case 'E': {
      const text = Math.abs(value).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      body = d.conversion === 'E' ? text.toUpperCase() : text;
      break;
    }
    case 'g':
    case 'G': {
      const p = precision === 0 ? 1 : (precision ?? 6);
      let text = Math.abs(value).toPrecision(p);
      if (!d.flags.includes('#') && text.includes('.') && !text.includes('e')) text = text.replace(/\.?0+$/, '');
      text = text.replace(/e([+-])(\d)$/, 'e$10$2');
      body = d.conversion === 'G' ? text.toUpperCase() : text;
      break;
    }
    case 'x':
    case 'X': {
      const text = Math.trunc(Math.abs(value)).toString(16);
      body = (d.flags.includes('#') && value !== 0 ? '0x' : '') + text;
      if (d.conversion === 'X') body = body.toUpperCase();
      break;
    }
    case 'o':
      body = (d.flags.includes('#') ? '0' : '') + Math.trunc(Math.abs(value)).toString(8);
      break;
    case 'p':
      // Splunk prints %p of a number as upper-case hex (DOC conversion-functions 10.0: "a,A,A").
      body = Math.trunc(Math.abs(value)).toString(16).toUpperCase();
      break;
    case 'a':
    case 'A': {
      const text = hexFloat(Math.abs(value), precision);
      body = d.conversion === 'A' ? text.toUpperCase() : text;
      break;
    }
    default:
      body = String(value);
  }
  const sign = value < 0 || Object.is(value, -0) ? '-' : d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '';
  return pad(sign, body, d);
}

/** C's %a: 0x1.<hex digits>p<exponent>, rounded to `precision` hex digits when given (C11 7.21.6.1). */
function hexFloat(value: number, precision: number | undefined): string {
  if (value === 0) return precision ? `0x0.${'0'.repeat(precision)}p+0` : '0x0p+0';
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : 'inf';
  let exponent = Math.floor(Math.log2(value));
  let mantissa = value / 2 ** exponent;
  if (mantissa >= 2) {
    mantissa /= 2;
    exponent++;
  } else if (mantissa < 1) {
    mantissa *= 2;
    exponent--;
  }
  // 13 hex digits hold a double's 52 fraction bits exactly.
  const digits = precision ?? 13;
  let scaled = Math.round((mantissa - 1) * 16 ** digits);
  let lead = 1;
  if (scaled >= 16 ** digits) {
    scaled -= 16 ** digits;
    lead = 2;
  }
  let fraction = digits === 0 ? '' : scaled.toString(16).padStart(digits, '0');
  if (precision === undefined) fraction = fraction.replace(/0+$/, '');
  const sign = exponent < 0 ? '-' : '+';
  return `0x${lead}${fraction === '' ? '' : `.${fraction}`}p${sign}${Math.abs(exponent)}`;
}

function pad(sign: string, body: string, d: Directive): string {
  const width = d.width ?? 0;
  const length = sign.length + body.length;
  if (length >= width) return sign + body;
  if (d.flags.includes('-')) return sign + body + ' '.repeat(width - length);
  if (d.flags.includes('0') && 'diufFeEgGxXoaAp'.includes(d.conversion)) return sign + '0'.repeat(width - length) + body;
  return ' '.repeat(width - length) + sign + body;
}

function asText(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return (value as readonly Scalar[]).map(scalarToString).join(',');
  return scalarToString(value as Scalar);
}

/**
 * Formats `args` by `format`. `span` is where the printf() call is in the search, for errors.
 */
export function printf(format: string, args: readonly Value[], span?: Span): string {
  let next = 0;
  const take = (): Value | undefined => args[next++];
  const fail = (directive: string, what: string): never => {
    throw new SpelunkError('search', `Error in 'printf': the conversion '${directive}' ${what}.`, span);
  };
  return format.replace(
    /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([diufFeEgGxXoscpaAz%])/g,
    (whole: string, givenFlags: string, widthText: string | undefined, precisionText: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      let flags = givenFlags;
      let width = widthText === '*' ? toNumber(take() ?? null) : widthText === undefined ? undefined : Number(widthText);
      if (width !== undefined) {
        width = Math.trunc(width);
        if (width < 0) {
          flags += '-';
          width = -width;
        }
        if (!(width <= PRINTF_MAX_WIDTH)) fail(whole, `asks for a width of ${width}; the largest is ${PRINTF_MAX_WIDTH}`);
      }
      let precision =
        precisionText === '*' ? toNumber(take() ?? null) : precisionText === undefined ? undefined : Number(precisionText || '0');
      if (precision !== undefined) {
        precision = Math.trunc(precision);
        if (precision < 0) precision = undefined;
        else if (!(precision <= PRINTF_MAX_PRECISION)) fail(whole, `asks for a precision of ${precision}; the largest is ${PRINTF_MAX_PRECISION}`);
      }
      const directive: Directive = { flags, width, precision, conversion };
      const value = take();
      // A lone %z (a length modifier with no conversion) prints its argument as %s does
      // (DOC conversion-functions 10.0: printf("%s%z", "foo", "bar") "returns foobar").
      if (conversion === 's' || conversion === 'z' || (conversion === 'p' && toNumber(value ?? null) === undefined)) {
        const text = asText(value);
        return pad('', precision === undefined ? text : text.slice(0, precision), directive);
      }
      if (conversion === 'c') {
        const number = toNumber(value ?? null);
        const code = number === undefined ? undefined : Math.trunc(number);
        if (code !== undefined && !(code >= 0 && code <= 0x10ffff)) {
          fail(whole, `needs a character code from 0 to 1114111 (0x10FFFF), not ${number}`);
        }
        const text = code !== undefined ? String.fromCodePoint(code) : asText(value).slice(0, 1);
        return pad('', text, directive);
      }
      const number = toNumber(value ?? null);
      if (number === undefined) return pad('', asText(value), directive);
      return formatNumber(number, directive);
    },
  );
}
