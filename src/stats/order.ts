/** The order of BY values in stats and tstats output. */
import { compareBytes, parseNumber, type Scalar } from '../core/values.js';

/**
 * Orders two BY values as tstats and stats sort their groups: numerically when both read as
 * decimal numbers, else byte-wise (see docs/semantics.md, "tstats": INF).
 */
/** The same order from precomputed keys: each value's text and its number (NaN if none). */
export function compareAtomKeys(textA: string, numberA: number, textB: string, numberB: number): number {
  if (!Number.isNaN(numberA) && !Number.isNaN(numberB) && numberA !== numberB) return numberA - numberB;
  return compareBytes(textA, textB);
}

export function compareAtoms(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  const na = parseNumber(sa);
  const nb = parseNumber(sb);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return compareBytes(sa, sb);
}
