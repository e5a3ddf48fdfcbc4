/**
 * Sort keys as `sort` and `dedup ... sortby` read them (DOC sort): `[+|-]<field>` or
 * `[+|-]auto|str|num|ip(<field>)`, comma or space separated. Order rules (DOC sort usage):
 * `auto` compares two values numerically when both are numbers, otherwise lexicographically by
 * bytes (upper case before lower case); `str` always lexicographically; `num` numbers first in
 * numeric order; `ip` by address. A result missing the field sorts last in both directions
 * ("the largest possible value if ascending, the smallest if descending").
 */
import type { Span } from '../../core/errors.js';
import { compareBytes, numericValue, scalarToString, valuesOf, type Row, type Scalar } from '../../core/values.js';
import { compareScalars } from '../../eval/coerce.js';
import type { ArgCursor } from '../../parse/cursor.js';
import { LParen, RParen } from '../../parse/tokens.js';

export type SortMode = 'auto' | 'str' | 'num' | 'ip';

export interface SortKey {
  field: string;
  descending: boolean;
  mode: SortMode;
  span: Span;
}

const MODES: readonly string[] = ['auto', 'str', 'num', 'ip'];

/** One sort key at the cursor, or undefined when the next item is not one. */
export function takeSortKey(cursor: ArgCursor): SortKey | undefined {
  const token = cursor.peekToken();
  if (!token) return undefined;
  let word = token.image;
  let descending = false;
  const start = token.startOffset;
  if (word === '+' || word === '-') {
    cursor.nextToken();
    descending = word === '-';
    const next = cursor.peekToken();
    if (!next) cursor.fail(`${cursor.command}: expected a field after '${word}'.`);
    word = next.image;
  } else if ((word.startsWith('+') || word.startsWith('-')) && word.length > 1) {
    descending = word.startsWith('-');
    word = word.slice(1);
  }
  const mode = word.toLowerCase();
  if (MODES.includes(mode) && cursor.isToken(LParen, 1)) {
    cursor.nextToken();
    cursor.nextToken();
    const field = cursor.expectFieldName(`inside ${mode}()`);
    const close = cursor.expect(RParen, `')' after ${field.name}`);
    return { field: field.name, descending, mode: mode as SortMode, span: { start, end: close.startOffset + 1 } };
  }
  const field = cursor.expectFieldName('to sort by');
  const name = field.span.start === start && !field.quoted && (field.name.startsWith('+') || field.name.startsWith('-')) ? field.name.slice(1) : field.name;
  return { field: name, descending, mode: 'auto', span: { start, end: field.span.end } };
}

function ipNumber(text: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  return match.slice(1).reduce((sum, part) => sum * 256 + Number(part), 0);
}

function compareByMode(a: Scalar, b: Scalar, mode: SortMode): number {
  switch (mode) {
    case 'str':
      return compareBytes(scalarToString(a), scalarToString(b));
    case 'num': {
      const x = numericValue(a);
      const y = numericValue(b);
      if (x !== undefined && y !== undefined) return x - y;
      if (x !== undefined) return -1;
      if (y !== undefined) return 1;
      return compareBytes(scalarToString(a), scalarToString(b));
    }
    case 'ip': {
      const x = ipNumber(scalarToString(a));
      const y = ipNumber(scalarToString(b));
      if (x !== undefined && y !== undefined) return x - y;
      return compareScalars(a, b);
    }
    default:
      return compareScalars(a, b);
  }
}

/** A comparator over rows for the keys; a stable sort with it keeps ties in input order. */
export function rowComparator(keys: readonly SortKey[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const key of keys) {
      // A multivalue field sorts by its first value [INF].
      const x = valuesOf(a.get(key.field))[0];
      const y = valuesOf(b.get(key.field))[0];
      if (x === undefined || y === undefined) {
        if (x === undefined && y === undefined) continue;
        return x === undefined ? 1 : -1;
      }
      const order = compareByMode(x, y, key.mode);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  };
}
