/**
 * How eval reads values: numbers from numeric strings, truth values, and comparisons.
 * Field values from events are strings; eval treats a string that reads as a number as that
 * number (`where count >= 10` on a string "12" is numeric).
 */
import { compareBytes, parseNumber, scalarToString, type Scalar, type Value } from '../core/values.js';

export function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumber(value);
  return undefined;
}

/** Text that names NaN: a field value "NaN" reads as the number NaN in arithmetic (DOC informational-functions 10.0: `strval % 1` of "NaN" is NaN). */
export function isNanText(value: Value): boolean {
  return typeof value === 'string' && /^\s*nan\s*$/i.test(value);
}

/** As toNumber, and NaN text is NaN: for the arithmetic operators only, so comparisons never see NaN. */
export function toArithmeticNumber(value: Value): number | undefined {
  return isNanText(value) ? Number.NaN : toNumber(value);
}

/** A single value's string form; undefined for null and multivalues. */
export function toText(value: Value): string | undefined {
  if (value === null || Array.isArray(value)) return undefined;
  return scalarToString(value as Scalar);
}

/** Three-valued truth: true, false, or null (unknown, e.g. a comparison with a missing field). */
export function toBoolean(value: Value): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const number = parseNumber(value);
    if (number !== undefined) return number !== 0;
    return null;
  }
  return null;
}

/** `where`/`if` truthiness: only a true result keeps the row. */
export function isTrue(value: Value): boolean {
  return toBoolean(value) === true;
}

/**
 * Orders two scalars as eval does: numerically when both read as numbers, otherwise by the
 * bytes of their string forms (case-sensitive).
 */
export function compareScalars(left: Scalar, right: Scalar): number {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
  return compareBytes(scalarToString(left), scalarToString(right));
}

export function scalarsEqual(left: Scalar, right: Scalar): boolean {
  return compareScalars(left, right) === 0;
}
