/**
 * eval printf(): C-style formatting with the conversions Splunk documents
 * (%d %i %u %f %F %e %E %g %G %x %X %o %s %c %%), flags `- + space 0 # '`, width and precision
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
    default:
      body = String(value);
  }
  const sign = value < 0 || Object.is(value, -0) ? '-' : d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '';
  return pad(sign, body, d);
}

function pad(sign: string, body: string, d: Directive): string {
  const width = d.width ?? 0;
  const length = sign.length + body.length;
  if (length >= width) return sign + body;
  if (d.flags.includes('-')) return sign + body + ' '.repeat(width - length);
  if (d.flags.includes('0') && 'diufFeEgGxXo'.includes(d.conversion)) return sign + '0'.repeat(width - length) + body;
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
    /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([diufFeEgGxXoscp%])/g,
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
      if (conversion === 's' || conversion === 'p') {
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
