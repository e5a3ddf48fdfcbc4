/**
 * eval printf(): C-style formatting with the conversions Splunk documents
 * (%d %i %u %f %F %e %E %g %G %x %X %o %s %c %%), flags `- + space 0 # '`, width and precision
 * (`*` takes them from the arguments).
 */
import { scalarToString, type Scalar, type Value } from '../core/values.js';
import { toNumber } from './coerce.js';

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

export function printf(format: string, args: readonly Value[]): string {
  let next = 0;
  const take = (): Value | undefined => args[next++];
  return format.replace(
    /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([diufFeEgGxXoscp%])/g,
    (_whole, flags: string, widthText: string | undefined, precisionText: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      const width = widthText === '*' ? toNumber(take() ?? null) : widthText === undefined ? undefined : Number(widthText);
      const precision =
        precisionText === '*' ? toNumber(take() ?? null) : precisionText === undefined ? undefined : Number(precisionText || '0');
      const directive: Directive = { flags, width, precision, conversion };
      const value = take();
      if (conversion === 's' || conversion === 'p') {
        const text = asText(value);
        return pad('', precision === undefined ? text : text.slice(0, precision), directive);
      }
      if (conversion === 'c') {
        const number = toNumber(value ?? null);
        const text = number !== undefined ? String.fromCodePoint(Math.trunc(number)) : asText(value).slice(0, 1);
        return pad('', text, directive);
      }
      const number = toNumber(value ?? null);
      if (number === undefined) return pad('', asText(value), directive);
      return formatNumber(number, directive);
    },
  );
}
