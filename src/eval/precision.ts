/**
 * The precision rules of sigfig() (DOC mathematical-functions 10.0): a product or quotient has
 * as many significant figures as its least precise factor ("1.00*1111" → 1110), a sum or
 * difference as many decimal places as its least precise term ("123.0 + 4.567" → 127.6). A
 * number written in the search carries the precision of its digits; any other value (a field, a
 * function's result) is taken as exact, so `test*1.00` keeps three significant figures.
 */
import type { EvalExpr } from '../parse/ast.js';

interface Precision {
  /** Significant figures; Infinity when exact. */
  figures: number;
  /** Decimal places; Infinity when exact. */
  decimals: number;
}

const EXACT: Precision = { figures: Infinity, decimals: Infinity };

/** The precision of a number as written: `1.00` has 3 figures and 2 decimals, `1111` 4 and 0. */
function literalPrecision(text: string): Precision {
  const mantissa = text.toLowerCase().split('e')[0]!.replace(/^[+-]/, '');
  const [whole = '', fraction] = mantissa.split('.');
  const decimals = fraction === undefined ? 0 : fraction.length;
  const digits = (whole + (fraction ?? '')).replace(/^0+/, '');
  // Trailing zeros of a whole number are not significant ("1110"); those after a point are.
  const figures = fraction === undefined ? digits.replace(/0+$/, '').length : digits.length;
  return { figures: Math.max(1, figures), decimals };
}

export function precisionOf(expr: EvalExpr): Precision {
  if (expr.kind === 'number') return literalPrecision(expr.text);
  if (expr.kind === 'negate') return precisionOf(expr.operand);
  if (expr.kind !== 'binary') return EXACT;
  const left = precisionOf(expr.left);
  const right = precisionOf(expr.right);
  if (expr.op === '*' || expr.op === '/') return { figures: Math.min(left.figures, right.figures), decimals: Infinity };
  if (expr.op === '+' || expr.op === '-') return { figures: Infinity, decimals: Math.min(left.decimals, right.decimals) };
  return EXACT;
}

/** `value` rounded as the expression's precision allows, as Splunk prints it (trailing zeros kept). */
export function withPrecision(value: number, precision: Precision): string | number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (precision.decimals !== Infinity && precision.decimals <= 20) return value.toFixed(precision.decimals);
  if (precision.figures !== Infinity && precision.figures <= 21) {
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    const decimals = precision.figures - 1 - magnitude;
    if (decimals > 0) return value.toFixed(Math.min(decimals, 20));
    const unit = 10 ** -decimals;
    return Math.round(value / unit) * unit;
  }
  return value;
}
