/**
 * How one search-language comparison matches one value. Shared by the tstats WHERE clause
 * (evaluated once per distinct dictionary value) and the `search` command (per row).
 *
 * - `=`/`!=` compare strings, case-insensitively (DOC Search Manual: CASE() and TERM()), `*` matching any run of characters,
 *   anywhere in the value, also inside quotes (DOC Search Reference: search, Search Manual: Wildcards). "1" does not equal "1.0" (DOC Search Reference: search).
 * - `<`, `<=`, `>`, `>=` compare numerically when both sides are numbers, else byte-wise (DOC Search Reference: search).
 * - A value in CIDR notation, IPv4 or IPv6, matches IP addresses in that network (DOC Search Reference: search; DOC
 *   search 10.0 example "2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120").
 */
import type { ComparisonOperator } from '../parse/ast.js';
import { compareBytes, parseNumber } from '../core/values.js';
import { cidrMatch } from '../eval/cidr.js';

/**
 * A test of one value. Callers that test many patterns against one value may pass its lower-case
 * form once, so case-insensitive tests do not lower-case it again.
 */
export type StringTest = (value: string, lowered?: string) => boolean;

/**
 * A glob test that runs in linear time: the pattern is split at `*` into literal pieces; the
 * first must start the value, the last must end it, and the middle ones are found left to right.
 * Leftmost placement is always safe for `*`-only globs, so no backtracking. Case-insensitive
 * unless `caseSensitive` (lookups can ask for it).
 */
export function globTest(pattern: string, caseSensitive = false): StringTest {
  if (caseSensitive) {
    const match = globOverFolded(pattern);
    // The text as written stands in for its folded form, so case is compared exactly.
    return (value) => match(value, value);
  }
  return globOverFolded(pattern.toLowerCase());
}

/** A glob whose pattern is already folded; a value's folded form is passed in or lower-cased. */
function globOverFolded(lowered: string): StringTest {
  if (!lowered.includes('*')) {
    return (value, valueLowered) => value.length === lowered.length && (valueLowered ?? value.toLowerCase()) === lowered;
  }
  const pieces = lowered.split('*');
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p.length > 0);
  const minimumLength = head.length + tail.length + middle.reduce((n, p) => n + p.length, 0);
  if (head === '' && tail === '' && middle.length === 0) return () => true;
  return (value, valueLowered) => {
    if (value.length < minimumLength) return false;
    const text = valueLowered ?? value.toLowerCase();
    if (!text.startsWith(head)) return false;
    const end = text.length - tail.length;
    if (!text.endsWith(tail) || end < head.length) return false;
    let at = head.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

const CIDR = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/;

function ipv4ToNumber(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

function cidrTest(cidr: string): StringTest | undefined {
  const match = CIDR.exec(cidr);
  if (!match) return undefined;
  const base = ipv4ToNumber(match[1]!);
  const bits = Number(match[2]);
  if (base === undefined || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const start = Math.floor(base / size) * size;
  return (value) => {
    const ip = ipv4ToNumber(value.trim());
    return ip !== undefined && ip >= start && ip < start + size;
  };
}

const IPV6_CIDR = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/\d{1,3}$/;

/** An IPv6 network literal (`2001:db8::/32`), tested as cidrmatch() tests it (DOC search 10.0). */
function ipv6CidrTest(cidr: string): StringTest | undefined {
  if (!IPV6_CIDR.test(cidr) || !cidrMatch(cidr, cidr.slice(0, cidr.indexOf('/')))) return undefined;
  return (value) => cidrMatch(cidr, value);
}

/** A test for `=` against a written value: glob, or CIDR for an IPv4 or IPv6 network literal. */
export function equalityTest(written: string): StringTest {
  return cidrTest(written) ?? ipv6CidrTest(written) ?? globTest(written);
}

/**
 * Texts that the lower-case form of every value matching `=` against `written` contains: the
 * glob's literal pieces; none for a CIDR network. Lets a dictionary skip values lacking one.
 */
export function equalityPieces(written: string): string[] {
  if (cidrTest(written) ?? ipv6CidrTest(written)) return [];
  return written
    .toLowerCase()
    .split('*')
    .filter((piece) => piece.length > 0);
}

/** A test for `<`, `<=`, `>`, `>=`: numeric when both sides are numbers, else byte-wise. */
export function orderingTest(op: ComparisonOperator, written: string): StringTest {
  const writtenNumber = parseNumber(written);
  const holds = (order: number): boolean =>
    op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
  return (value) => {
    const valueNumber = writtenNumber === undefined ? undefined : parseNumber(value);
    if (valueNumber !== undefined && writtenNumber !== undefined) return holds(valueNumber - writtenNumber);
    return holds(compareBytes(value, written));
  };
}

/**
 * Whether a field with these values satisfies `field <op> written`. A null field (no values)
 * never satisfies a comparison, `!=` included (DOC Search Manual: != and NOT); a multivalue field satisfies `=` when
 * any value does, and `!=` when it has values and none equals (INF, see docs/semantics.md).
 */
export function comparisonHolds(
  op: ComparisonOperator,
  test: StringTest,
  values: readonly string[],
  lowered?: readonly string[],
): boolean {
  if (values.length === 0) return false;
  let any = false;
  for (let i = 0; i < values.length && !any; i++) any = test(values[i]!, lowered?.[i]);
  return op === '!=' ? !any : any;
}

/** `caseSensitive`: the value was written `CASE(value)` (DOC Search Manual: CASE() and TERM()), matched as a case-sensitive glob. */
export function comparisonTest(op: ComparisonOperator, written: string, caseSensitive = false): StringTest {
  if (caseSensitive && (op === '=' || op === '!=')) return globTest(written, true);
  return op === '=' || op === '!=' ? equalityTest(written) : orderingTest(op, written);
}
