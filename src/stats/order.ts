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

/**
 * The number compareAtomKeys needs for a text: parseNumber's value, or NaN. Most BY values
 * (paths, command lines, host names) start with a printable ASCII character that no number
 * can start with and trim() keeps, so they skip the regular expression.
 */
export function numberKey(text: string): number {
  const first = text.charCodeAt(0);
  const maybeNumber = first <= 0x20 || first >= 0x7f || first === 0x2b || first === 0x2d || first === 0x2e || (first >= 0x30 && first <= 0x39);
  if (!maybeNumber) return Number.NaN;
  return parseNumber(text) ?? Number.NaN;
}

/**
 * Sorts atom ids by compareAtomKeys over their texts and numbers (NaN when not numeric); the
 * texts of distinct ids differ.
 * Array.prototype.sort, so the same input order gives the same result even when the order is
 * not total (see isTotalOrder).
 */
export function sortAtomIds(ids: number[], texts: readonly string[], numbers: ArrayLike<number>): number[] {
  // Without numbers the order is the texts' (distinct, so never equal): a cheaper comparator, same signs.
  if (ids.every((id) => Number.isNaN(numbers[id]!))) return ids.sort((a, b) => (texts[a]! < texts[b]! ? -1 : 1));
  return ids.sort((a, b) => compareAtomKeys(texts[a]!, numbers[a]!, texts[b]!, numbers[b]!));
}

/**
 * Whether ids sorted by compareAtomKeys are in an order every pair agrees with. The order is
 * not always transitive: "9" < "10" as numbers, "10" < "1a" and "1a" < "9" as bytes. Numbers
 * among themselves and texts among themselves are total orders, so it suffices that each
 * subsequence ascends and that every non-number sits byte-wise after all numbers before it and
 * before all numbers after it. When it holds, any sort of any subset gives the same order.
 */
export function isTotalOrder(sorted: readonly number[], texts: readonly string[], numbers: ArrayLike<number>): boolean {
  let lastNumber = -1;
  let lastText = -1;
  let largestNumberText: string | undefined;
  for (const id of sorted) {
    const text = texts[id]!;
    if (!Number.isNaN(numbers[id]!)) {
      if (lastNumber >= 0 && compareAtomKeys(texts[lastNumber]!, numbers[lastNumber]!, text, numbers[id]!) >= 0) return false;
      lastNumber = id;
      if (largestNumberText === undefined || text > largestNumberText) largestNumberText = text;
    } else {
      if (lastText >= 0 && !(texts[lastText]! < text)) return false;
      if (largestNumberText !== undefined && !(largestNumberText < text)) return false;
      lastText = id;
    }
  }
  let smallestNumberText: string | undefined;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const id = sorted[i]!;
    const text = texts[id]!;
    if (!Number.isNaN(numbers[id]!)) {
      if (smallestNumberText === undefined || text < smallestNumberText) smallestNumberText = text;
    } else if (smallestNumberText !== undefined && !(text < smallestNumberText)) {
      return false;
    }
  }
  return true;
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
