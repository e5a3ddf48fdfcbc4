/**
 * The eval function library. Each entry states its argument count (checked before any row is
 * read, as Splunk type-checks at parse time) and computes a Value from its arguments.
 */
import { createHash } from 'node:crypto';
import { childrenOf, type EvalExpr } from '../parse/ast.js';
import { SpelunkError, type Span } from '../core/errors.js';
import {
  compareBytes,
  fromValues,
  isNull,
  numberToString,
  parseNumber,
  scalarToString,
  valuesOf,
  type FieldReader,
  type Scalar,
  type Value,
} from '../core/values.js';
import { isNanText, isTrue, scalarsEqual, toNumber, toText } from './coerce.js';
import { childOf, deleteChild, parentOf, pathSteps, setChild, valuesAt } from './json-paths.js';
import { precisionOf, withPrecision } from './precision.js';
import { compilePcre } from './pcre.js';
import { BoundedRegExp } from '../regex/bounded-regexp.js';
import { formatTime } from '../time/strftime.js';
import { parseTime } from '../time/strptime.js';
import { resolveTimeModifier } from '../time/modifiers.js';
import { printf } from './printf.js';
import { cidrMatch } from './cidr.js';

export interface EvalContext {
  /** The search's "now", epoch seconds. */
  now: number;
  /** IANA zone for strftime/strptime/relative_time. */
  tz: string;
  /** Injected by the search layer for searchmatch(). */
  searchMatch?: (query: string, row: FieldReader) => boolean;
}

/** What a function implementation may use: its arguments' values on demand, the row and the context. */
export interface CallEnv {
  args: readonly EvalExpr[];
  row: FieldReader;
  ctx: EvalContext;
  span: Span;
  value(index: number): Value;
  evaluateIn(expr: EvalExpr, row: FieldReader): Value;
}

/** How a function computes its value, and the argument counts it takes. */
interface Implementation {
  min: number;
  max: number;
  /** Extra shape rule beyond the count (e.g. case() takes pairs). */
  check?: (argumentCount: number) => boolean;
  run(env: CallEnv): Value;
}

export interface FunctionSpec extends Implementation {
  /** One line for the README's function table. */
  summary: string;
  /**
   * Whether the value follows from the arguments' values alone (the search's now and zone held
   * fixed): a column table may then work an expression out once per dictionary value
   * (eval/dependencies.ts). searchmatch() reads the whole result and time() the clock.
   */
  pure: boolean;
}

function described(summary: string, implementation: Implementation, options: { pure: boolean } = { pure: true }): FunctionSpec {
  return { ...implementation, summary, pure: options.pure };
}

type Eager = (values: Value[], env: CallEnv) => Value;

function eager(min: number, max: number, run: Eager): Implementation {
  return {
    min,
    max,
    run(env) {
      return run(
        env.args.map((_, index) => env.value(index)),
        env,
      );
    },
  };
}



/** The largest value the bitwise functions take: they work on 53-bit unsigned integers (DOC bitwise-functions 10.0). */
const BIT_LIMIT = 2n ** 53n;

/** A value as a bitwise operand, or undefined when it is not an integer in [0, 2^53). */
function bitOperand(value: Value | undefined): bigint | undefined {
  const n = toNumber(value ?? null);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n >= 2 ** 53) return undefined;
  return BigInt(n);
}

function bitwise(min: number, max: number, compute: (operands: bigint[]) => bigint | undefined): Implementation {
  return eager(min, max, (values) => {
    const operands = values.map(bitOperand);
    if (operands.some((o) => o === undefined)) return null;
    const result = compute(operands as bigint[]);
    return result === undefined ? null : Number(result);
  });
}

/**
 * sum() and avg() over their arguments: a field value that is not a number is left out, a
 * string written in the call is an error (DOC mathematical-functions, statistical-eval-functions
 * 10.0: "returns an error because the string argument is specified directly within the function").
 */
function overArguments(reduce: (numbers: number[]) => number): Implementation {
  return {
    min: 1,
    max: Infinity,
    run(env) {
      const numbers: number[] = [];
      env.args.forEach((arg, index) => {
        if (arg.kind === 'string') throw new SpelunkError('search', 'Error in eval expression: the arguments to this function must be numbers, not a quoted string.', arg.span);
        for (const value of valuesOf(env.value(index))) {
          const n = toNumber(value);
          if (n !== undefined) numbers.push(n);
        }
      });
      return numbers.length === 0 ? null : reduce(numbers);
    },
  };
}


/** The JSON a text holds, or undefined when it is not valid JSON. */
function parsedJson(value: Value | undefined): unknown {
  const text = toText(value ?? null);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first field an expression reads, depth first (mvmap's iterated field). */
function firstFieldOf(expr: EvalExpr): string | undefined {
  if (expr.kind === 'field') return expr.name;
  for (const child of childrenOf(expr)) {
    const found = firstFieldOf(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An IPv4 address as its four octets, or undefined. */
function octetsOf(text: string): number[] | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}


/**
 * An argument as a JSON value for json_object()/json_array(): text that holds a JSON object or
 * array is embedded as that JSON (so calls nest), numbers and Booleans stay themselves, a
 * multivalue becomes an array, other text a JSON string.
 */
function jsonValueOf(value: Value | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return (value as readonly Scalar[]).map((v) => jsonValueOf(v));
  if (typeof value !== 'string') return value;
  const parsed = parsedJson(value);
  return typeof parsed === 'object' && parsed !== null ? parsed : value;
}

/** A JSON object held as text, or undefined when the text is not one. */
function jsonObjectOf(value: Value | undefined): Record<string, unknown> | undefined {
  const parsed = parsedJson(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** json_set(): each path's dotted keys walked (objects made as needed) and the last one set. */
function jsonSet(exact: boolean): Implementation {
  return {
    min: 3,
    max: Infinity,
    check: (count) => count % 2 === 1,
    run(env) {
      const target = jsonObjectOf(env.value(0));
      if (!target) return null;
      for (let i = 1; i + 1 < env.args.length; i += 2) {
        const path = toText(env.value(i));
        if (path === undefined) return null;
        const keys = exact ? [path] : path.split('.');
        let node: Record<string, unknown> = target;
        for (const key of keys.slice(0, -1)) {
          const next = node[key];
          if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
          node = node[key] as Record<string, unknown>;
        }
        node[keys[keys.length - 1]!] = jsonValueOf(env.value(i + 1));
      }
      return JSON.stringify(target);
    },
  };
}

/** A multivalue's value as a JSON value for toarray(): numbers stay numbers, other text is a string. */
function inferredJson(value: Scalar): unknown {
  if (typeof value !== 'string') return value;
  const n = parseNumber(value);
  return n !== undefined ? n : value;
}

/** What one json_extract path gives: nothing (null), one value natively, or several as a JSON array. */
function extracted(values: readonly unknown[]): Value {
  if (values.length === 0) return null;
  if (values.length > 1) return JSON.stringify(values);
  const only = values[0];
  if (only === null || only === undefined) return null;
  if (typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean') return only;
  return JSON.stringify(only);
}

function jsonExtract(exact: boolean): Implementation {
  return eager(1, Infinity, ([v, ...paths]) => {
    const root = parsedJson(v);
    if (root === undefined) return null;
    if (paths.length === 0) return JSON.stringify(root);
    const results = paths.map((path) => {
      const text = toText(path ?? null);
      if (text === undefined) return [];
      return text === '' ? [root] : valuesAt(root, pathSteps(text, exact));
    });
    if (results.length === 1) return extracted(results[0]!);
    return JSON.stringify(results.map((values) => (values.length === 0 ? null : values.length === 1 ? values[0] : values)));
  });
}

/** json_append (one value per path) and json_extend (the elements of an array per path). */
function jsonAdd(extend: boolean): Implementation {
  return {
    min: 3,
    max: Infinity,
    check: (count) => count % 2 === 1,
    run(env) {
      const root = parsedJson(env.value(0));
      if (typeof root !== 'object' || root === null) return null;
      for (let i = 1; i + 1 < env.args.length; i += 2) {
        const path = toText(env.value(i));
        if (path === undefined) continue;
        const added = jsonValueOf(env.value(i + 1));
        const items = extend ? (Array.isArray(added) ? added : []) : [added];
        const place = parentOf(root, pathSteps(path));
        if (!place) {
          if (path === '' && Array.isArray(root)) root.push(...items);
          continue;
        }
        const target = childOf(place.parent, place.last);
        if (Array.isArray(target)) target.push(...items);
        else if (target !== undefined) setChild(place.parent, place.last, [target, ...items]);
      }
      return JSON.stringify(root);
    },
  };
}

/** The command names of a search string: the first word after each top-level `|`, the start counting as search. */
function commandNames(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth--;
    if (ch === '|' && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const names: string[] = [];
  parts.forEach((part, index) => {
    const word = /^\s*([A-Za-z_][\w-]*)/.exec(part)?.[1]?.toLowerCase();
    if (index === 0) {
      if (part.trim() !== '') names.push('search');
      return;
    }
    if (word) names.push(word);
  });
  return names;
}

/** Characters (code points) in a text, as len() counts them: a surrogate pair is one. */
function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** A function of one text argument, applied to each value of a multivalue. */
function textMap(transform: (text: string) => Value): Implementation {
  return eager(1, 1, ([value]) => {
    if (isNull(value ?? null)) return null;
    if (Array.isArray(value)) {
      const mapped = (value as readonly Scalar[]).map((v) => transform(scalarToString(v)));
      return fromValues(mapped.filter((v): v is Scalar => v !== null && !Array.isArray(v)));
    }
    return transform(scalarToString(value as Scalar));
  });
}

function numeric(arity: number, compute: (...numbers: number[]) => number): Implementation {
  return eager(arity, arity, (values) => {
    const numbers = values.map(toNumber);
    if (numbers.some((n) => n === undefined)) return null;
    return compute(...(numbers as number[]));
  });
}

function regexOf(pattern: string, env: CallEnv, flags = ''): RegExp {
  return compilePcre(pattern, flags, env.args[1]?.span ?? env.span);
}

/** Rounds half away from zero at `digits` decimals, shifting by decimal exponent so 1.005 → 1.01. */
function roundHalfAway(value: number, digits: number): number {
  const abs = Math.abs(value);
  const shifted = Number(`${abs}e${digits}`);
  const rounded = Number.isNaN(shifted) ? Math.round(abs * 10 ** digits) / 10 ** digits : Number(`${Math.round(shifted)}e${-digits}`);
  return value < 0 ? -rounded : rounded;
}

function withCommas(value: number): string {
  const rounded = Number.isInteger(value) ? value : roundHalfAway(value, 2);
  const [whole, fraction] = numberToString(Math.abs(rounded)).split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function duration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds));
  const days = Math.floor(total / 86400);
  const hh = String(Math.floor((total % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  const clock = `${hh}:${mm}:${ss}`;
  return `${seconds < 0 ? '-' : ''}${days > 0 ? `${days}+` : ''}${clock}`;
}

function toStringValue(value: Value, format: string | undefined): Value {
  if (value === null) return null;
  if (Array.isArray(value)) return fromValues((value as readonly Scalar[]).map((v) => scalarToString(v)));
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (format === undefined) return scalarToString(value as Scalar);
  const number = toNumber(value);
  if (number === undefined) return scalarToString(value as Scalar);
  switch (format) {
    case 'hex':
      return `0x${Math.trunc(number).toString(16).toUpperCase()}`;
    case 'binary':
      return Math.trunc(number).toString(2);
    case 'commas':
      return withCommas(number);
    case 'duration':
      return duration(number);
    default:
      return scalarToString(value as Scalar);
  }
}

function toNumberValue(value: Value, base: number): Value {
  if (typeof value === 'number') return value;
  const text = toText(value);
  if (text === undefined) return null;
  if (base === 10) return parseNumber(text) ?? null;
  const trimmed = text.trim().replace(/^0x/i, base === 16 ? '' : '0x');
  if (trimmed === '') return null;
  let result = 0;
  for (const ch of trimmed.toLowerCase()) {
    const digit = parseInt(ch, 36);
    if (Number.isNaN(digit) || digit >= base) return null;
    result = result * base + digit;
  }
  return result;
}

function likePattern(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  // Bounded like every other pattern: `%a%a%a%a%b` backtracks polynomially on a native engine.
  return new BoundedRegExp(`^${source}$`);
}

export function like(value: Value, pattern: Value): Value {
  const text = toText(value);
  const patternText = toText(pattern);
  if (patternText === undefined) return null;
  if (Array.isArray(value)) return (value as readonly Scalar[]).some((v) => likePattern(patternText).test(scalarToString(v)));
  if (text === undefined) return null;
  return likePattern(patternText).test(text);
}

/** Eval's min/max order: numbers by value, below every non-numeric string, strings by bytes. */
function extremeOf(values: Value[], wantMax: boolean): Value {
  const all = values.flatMap((v) => valuesOf(v));
  if (all.length === 0) return null;
  const rank = (a: Scalar, b: Scalar): number => {
    const na = toNumber(a);
    const nb = toNumber(b);
    if (na !== undefined && nb !== undefined) return na - nb;
    if (na !== undefined) return -1;
    if (nb !== undefined) return 1;
    return compareBytes(scalarToString(a), scalarToString(b));
  };
  let best = all[0] as Scalar;
  for (const candidate of all.slice(1)) {
    const order = rank(candidate, best);
    if (wantMax ? order > 0 : order < 0) best = candidate;
  }
  const asNumber = toNumber(best);
  return asNumber !== undefined ? asNumber : best;
}

/** The only field an mvfilter() expression reads; Splunk allows exactly one. */
function singleFieldOf(expr: EvalExpr, span: Span): string {
  const names = new Set<string>();
  const walk = (node: EvalExpr): void => {
    if (node.kind === 'field') names.add(node.name);
    childrenOf(node).forEach(walk);
  };
  walk(expr);
  if (names.size !== 1) {
    throw new SpelunkError('search', 'The mvfilter function requires an expression that references exactly one field.', span);
  }
  return [...names][0] as string;
}

function hash(algorithm: string): Implementation {
  return textMap((text) => createHash(algorithm).update(text, 'utf8').digest('hex'));
}

function urldecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Decode each valid escape on its own; malformed ones stay as written.
    return spaced.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

function substr(text: string, start: number, length: number | undefined): string {
  const chars = Array.from(text);
  let from = start < 0 ? chars.length + start : start - 1;
  if (from < 0) from = 0;
  const to = length === undefined ? chars.length : from + Math.max(0, length);
  return chars.slice(from, to).join('');
}

function trimmer(where: 'both' | 'left' | 'right'): Implementation {
  return eager(1, 2, ([value, chars]) => {
    const text = toText(value ?? null);
    if (text === undefined) return null;
    const set = chars === undefined ? ' \t' : (toText(chars) ?? ' \t');
    let start = 0;
    let end = text.length;
    if (where !== 'right') while (start < end && set.includes(text[start] as string)) start++;
    if (where !== 'left') while (end > start && set.includes(text[end - 1] as string)) end--;
    return text.slice(start, end);
  });
}

/** Converts a PCRE replacement (`\1` back-references) to JavaScript's (`$1`). */
function replacementOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && /\d/.test(text[i + 1] ?? '')) {
      out += `$${text[i + 1]}`;
      i++;
    } else if (ch === '\\' && text[i + 1] === '\\') {
      out += '\\';
      i++;
    } else if (ch === '$') {
      out += '$$';
    } else {
      out += ch;
    }
  }
  return out;
}

function typeName(value: Value): string {
  if (value === null) return 'Invalid';
  if (Array.isArray(value)) return 'Multivalue';
  if (typeof value === 'boolean') return 'Bool';
  if (typeof value === 'number' || parseNumber(value as string) !== undefined) return 'Number';
  return 'String';
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  // Comparison and conditional
  if: described('if(test, a, b): a when the test is true, else b.', {
    min: 3,
    max: 3,
    run: (env) => (isTrue(env.value(0)) ? env.value(1) : env.value(2)),
  }),
  case: described('The value after the first true test of case(test1, value1, test2, value2, ...); null when none is true.', {
    min: 2,
    max: Infinity,
    check: (count) => count % 2 === 0,
    run(env) {
      for (let i = 0; i + 1 < env.args.length; i += 2) if (isTrue(env.value(i))) return env.value(i + 1);
      return null;
    },
  }),
  coalesce: described('The first argument that is not null.', {
    min: 1,
    max: Infinity,
    run(env) {
      for (let i = 0; i < env.args.length; i++) {
        const value = env.value(i);
        if (!isNull(value)) return value;
      }
      return null;
    },
  }),
  nullif: described('Null when the two arguments are equal, else the first.', eager(2, 2, ([a, b]) => {
    if (a === null || a === undefined) return null;
    if (b === null || b === undefined || Array.isArray(a) || Array.isArray(b)) return a;
    return scalarsEqual(a as Scalar, b as Scalar) ? null : a;
  })),
  validate: described('The value after the first false test of validate(test1, value1, ...); null when every test holds.', {
    min: 2,
    max: Infinity,
    check: (count) => count % 2 === 0,
    run(env) {
      for (let i = 0; i + 1 < env.args.length; i += 2) if (!isTrue(env.value(i))) return env.value(i + 1);
      return null;
    },
  }),
  in: described('Whether the first argument equals one of the others.', eager(1, Infinity, ([value, ...candidates]) => {
    if (value === null || value === undefined) return null;
    const values = valuesOf(value);
    return candidates.some((c) => valuesOf(c ?? null).some((cv) => values.some((v) => scalarsEqual(v, cv))));
  })),
  like: described('Whether the text matches a SQL LIKE pattern (`%` any text, `_` one character).', eager(2, 2, ([value, pattern]) => like(value ?? null, pattern ?? null))),
  match: described('Whether a value matches a PCRE regex.', eager(2, 2, ([value, pattern], env) => {
    const patternText = toText(pattern ?? null);
    if (patternText === undefined || value === null || value === undefined) return null;
    const regex = regexOf(patternText, env);
    return valuesOf(value).some((v) => regex.test(scalarToString(v)));
  })),
  searchmatch: described('Whether the result matches a search-language expression (it reads the whole result).', eager(1, 1, ([query], env) => {
    const text = toText(query ?? null);
    if (!env.ctx.searchMatch) throw new SpelunkError('unsupported', 'searchmatch() is not available here', env.span);
    if (text === undefined) return null;
    try {
      return env.ctx.searchMatch(text, env.row);
    } catch (error) {
      // The query's own errors point into the query text: place them at the call in the search.
      if (error instanceof SpelunkError && error.kind !== 'internal') throw new SpelunkError(error.kind === 'syntax' ? 'search' : error.kind, error.message, env.span);
      throw error;
    }
  }), { pure: false }),
  cidrmatch: described('Whether an IP address lies in a CIDR network.', eager(2, 2, ([cidr, ip]) => {
    const cidrText = toText(cidr ?? null);
    if (cidrText === undefined || ip === null || ip === undefined) return null;
    return valuesOf(ip).some((v) => cidrMatch(cidrText, scalarToString(v)));
  })),
  true: described('True.', eager(0, 0, () => true)),
  false: described('False.', eager(0, 0, () => false)),
  null: described('Null.', eager(0, 0, () => null)),

  // Informational
  isnull: described('Whether the value is null.', eager(1, 1, ([v]) => isNull(v ?? null))),
  isnotnull: described('Whether the value is not null.', eager(1, 1, ([v]) => !isNull(v ?? null))),
  // A field holding "NaN" is numeric, and also a string; a quoted "NaN" in the call is only a
  // string (DOC informational-functions 10.0: literalNanIsNumeric false, strvalIsNumeric true).
  isnum: described('Whether the value is a number or numeric text (a field holding NaN is numeric).', {
    min: 1,
    max: 1,
    run(env) {
      const v = env.value(0);
      return typeName(v) === 'Number' || (env.args[0]?.kind !== 'string' && (isNanText(v) || (typeof v === 'number' && Number.isNaN(v))));
    },
  }),
  isint: described('Whether the value is an integer or integer text.', eager(1, 1, ([v]) => {
    const n = typeName(v ?? null) === 'Number' ? toNumber(v ?? null) : undefined;
    return n !== undefined && Number.isInteger(n);
  })),
  isstr: described('Whether the value is text that is not a number, or NaN.', eager(1, 1, ([v]) => typeName(v ?? null) === 'String' || isNanText(v ?? null) || (typeof v === 'number' && Number.isNaN(v)))),
  isbool: described('Whether the value is a Boolean (the result of a comparison).', eager(1, 1, ([v]) => typeof v === 'boolean')),
  isdouble: described('Whether the value is a number (or numeric text) with a fractional part.', eager(1, 1, ([v]) => {
    const n = typeName(v ?? null) === 'Number' ? toNumber(v ?? null) : undefined;
    return n !== undefined && !Number.isInteger(n);
  })),
  ismv: described('Whether the value is a multivalue.', eager(1, 1, ([v]) => Array.isArray(v))),
  isarray: described('Whether the value is text holding a JSON array.', eager(1, 1, ([v]) => Array.isArray(parsedJson(v)))),
  isobject: described('Whether the value is text holding a JSON object.', eager(1, 1, ([v]) => {
    const parsed = parsedJson(v);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  })),
  typeof: described('The type of the value: Number, String, Bool, Multivalue or Invalid (null).', eager(1, 1, ([v]) => typeName(v ?? null))),

  // Text
  len: described('The number of characters of the text (of each value of a multivalue).', textMap(codePointLength)),
  lower: described('The text in lower case.', textMap((text) => text.toLowerCase())),
  upper: described('The text in upper case.', textMap((text) => text.toUpperCase())),
  trim: described('The text without the given characters (default space and tab) at both ends.', trimmer('both')),
  ltrim: described('The text without the given characters (default space and tab) at the start.', trimmer('left')),
  rtrim: described('The text without the given characters (default space and tab) at the end.', trimmer('right')),
  urldecode: described('The text with URL escapes (`%XX`, `+`) decoded.', textMap(urldecode)),
  substr: described('substr(text, start[, length]): the characters from start (1 is the first, negative counts from the end).', eager(2, 3, ([value, start, length]) => {
    const text = toText(value ?? null);
    const from = toNumber(start ?? null);
    const count = length === undefined ? undefined : toNumber(length);
    if (text === undefined || from === undefined || (length !== undefined && count === undefined)) return null;
    return substr(text, Math.trunc(from), count === undefined ? undefined : Math.trunc(count));
  })),
  replace: described('The text with every match of a PCRE regex replaced (`\\1` is a group).', eager(3, 3, ([value, pattern, replacement], env) => {
    const text = toText(value ?? null);
    const patternText = toText(pattern ?? null);
    const replacementText = toText(replacement ?? null);
    if (text === undefined || patternText === undefined || replacementText === undefined) return null;
    return text.replace(regexOf(patternText, env, 'g'), replacementOf(replacementText));
  })),
  split: described('The text split at a delimiter, as a multivalue.', eager(2, 2, ([value, delimiter]) => {
    const text = toText(value ?? null);
    const delim = toText(delimiter ?? null);
    if (text === undefined || delim === undefined) return null;
    const parts = delim === '' ? Array.from(text) : text.split(delim);
    return parts.length === 1 ? (parts[0] as string) : parts;
  })),
  printf: described('Text formatted as C printf formats it.', eager(1, Infinity, ([format, ...rest], env) => {
    const text = toText(format ?? null);
    if (text === undefined) return null;
    return printf(text, rest, env.span);
  })),
  tostring: described('The value as text; "hex", "commas" or "duration" format a number.', eager(1, 2, ([value, format]) => toStringValue(value ?? null, format === undefined ? undefined : toText(format)))),
  tonumber: described('The text as a number, in base 2 to 36 (default 10); null when it is not one.', eager(1, 2, ([value, base]) => {
    const radix = base === undefined ? 10 : toNumber(base);
    if (radix === undefined || radix < 2 || radix > 36) return null;
    return toNumberValue(value ?? null, Math.trunc(radix));
  })),
  toint: described('The number (or numeric text) without its fractional part; null when it is not a number.', eager(1, 1, ([v]) => {
    const n = typeName(v ?? null) === 'Number' ? toNumber(v ?? null) : undefined;
    return n === undefined ? null : Math.trunc(n);
  })),
  // A whole number prints with one decimal: todouble(5) is 5.0 (DOC conversion-functions 10.0).
  todouble: described('The number (or numeric text) as a double (a whole number prints as 5.0); null when it is not one.', eager(1, 1, ([v]) => {
    const n = typeName(v ?? null) === 'Number' ? toNumber(v ?? null) : undefined;
    if (n === undefined) return null;
    return Number.isInteger(n) && Math.abs(n) < 1e21 ? `${n}.0` : n;
  })),
  toarray: described('A multivalue as a JSON array (numbers inferred), or text holding a JSON array as compact JSON; else null.', eager(1, 1, ([v]) => {
    if (Array.isArray(v)) return JSON.stringify((v as readonly Scalar[]).map(inferredJson));
    const parsed = parsedJson(v);
    return Array.isArray(parsed) ? JSON.stringify(parsed) : null;
  })),
  toobject: described('Text holding a JSON object, as compact JSON; else null.', eager(1, 1, ([v]) => {
    const object = jsonObjectOf(v);
    return object ? JSON.stringify(object) : null;
  })),
  tomv: described('A JSON array as a multivalue, strings without their quotes; else null.', eager(1, 1, ([v]) => {
    const parsed = parsedJson(v);
    if (!Array.isArray(parsed)) return null;
    return fromValues(parsed.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item))));
  })),
  tobool: described('A number as true when not 0; the texts "true" and "false" (any case); else null.', eager(1, 1, ([v]) => {
    if (typeof v === 'boolean') return v;
    const n = typeName(v ?? null) === 'Number' ? toNumber(v ?? null) : undefined;
    if (n !== undefined) return n !== 0;
    const text = toText(v ?? null)?.trim().toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : null;
  })),
  ipmask: described('ipmask(mask, ip): each octet of an IPv4 address ANDed with the mask\'s.', eager(2, 2, ([mask, ip]) => {
    const m = octetsOf(toText(mask ?? null) ?? '');
    const a = octetsOf(toText(ip ?? null) ?? '');
    if (!m || !a) return null;
    return a.map((octet, i) => octet & m[i]!).join('.');
  })),
  md5: described('The MD5 digest of the text, in hex.', hash('md5')),
  sha1: described('The SHA-1 digest of the text, in hex.', hash('sha1')),
  sha256: described('The SHA-256 digest of the text, in hex.', hash('sha256')),
  sha512: described('The SHA-512 digest of the text, in hex.', hash('sha512')),

  // Math
  abs: described('The absolute value.', numeric(1, Math.abs)),
  ceil: described('The smallest integer not below the number.', numeric(1, Math.ceil)),
  ceiling: described('The smallest integer not below the number (as ceil).', numeric(1, Math.ceil)),
  floor: described('The largest integer not above the number.', numeric(1, Math.floor)),
  exp: described('e to the power of the number.', numeric(1, Math.exp)),
  ln: described('The natural logarithm.', numeric(1, (x) => (x > 0 ? Math.log(x) : NaN))),
  sqrt: described('The square root.', numeric(1, (x) => (x >= 0 ? Math.sqrt(x) : NaN))),
  pow: described('pow(x, y): x to the power y.', numeric(2, Math.pow)),
  pi: described('The number pi.', eager(0, 0, () => Math.PI)),
  sigfig: described('The number rounded to the precision its calculation allows: significant figures for * and /, decimal places for + and -.', {
    min: 1,
    max: 1,
    run(env) {
      const value = toNumber(env.value(0));
      return value === undefined ? null : withPrecision(value, precisionOf(env.args[0]!));
    },
  }),
  exact: described('The number with full precision (spelunk computes every number in full).', numeric(1, (x) => x)),
  random: described('A pseudo-random whole number from 0 to 2^31−1.', eager(0, 0, () => Math.floor(Math.random() * 2 ** 31)), { pure: false }),
  log: described('log(x[, base]): the logarithm of x, base 10 by default.', eager(1, 2, ([value, base]) => {
    const x = toNumber(value ?? null);
    const b = base === undefined ? 10 : toNumber(base);
    if (x === undefined || b === undefined) return null;
    // log10 and log2 are exact at powers of their base, where ln(x)/ln(b) can be one ulp off.
    if (b === 10) return Math.log10(x);
    if (b === 2) return Math.log2(x);
    return Math.log(x) / Math.log(b);
  })),
  round: described('round(x[, digits]): x rounded half away from zero, to 0 decimals by default.', eager(1, 2, ([value, digits]) => {
    const x = toNumber(value ?? null);
    const n = digits === undefined ? 0 : toNumber(digits);
    if (x === undefined || n === undefined) return null;
    return roundHalfAway(x, Math.trunc(n));
  })),
  sum: described('The sum of the numeric values of the arguments; a quoted string argument is an error.', overArguments((ns) => ns.reduce((a, b) => a + b, 0))),
  avg: described('The average of the numeric values of the arguments; a quoted string argument is an error.', overArguments((ns) => ns.reduce((a, b) => a + b, 0) / ns.length)),

  // Trig and hyperbolic
  acos: described('The arc cosine, in radians.', numeric(1, Math.acos)),
  acosh: described('The inverse hyperbolic cosine.', numeric(1, Math.acosh)),
  asin: described('The arc sine, in radians.', numeric(1, Math.asin)),
  asinh: described('The inverse hyperbolic sine.', numeric(1, Math.asinh)),
  atan: described('The arc tangent, in radians.', numeric(1, Math.atan)),
  atan2: described('atan2(y, x): the arc tangent of y/x, in radians, in the quadrant of (x, y).', numeric(2, Math.atan2)),
  atanh: described('The inverse hyperbolic tangent.', numeric(1, Math.atanh)),
  cos: described('The cosine of an angle in radians.', numeric(1, Math.cos)),
  cosh: described('The hyperbolic cosine.', numeric(1, Math.cosh)),
  hypot: described('hypot(x, y): the square root of x² + y².', numeric(2, Math.hypot)),
  sin: described('The sine of an angle in radians.', numeric(1, Math.sin)),
  sinh: described('The hyperbolic sine.', numeric(1, Math.sinh)),
  tan: described('The tangent of an angle in radians.', numeric(1, Math.tan)),
  tanh: described('The hyperbolic tangent.', numeric(1, Math.tanh)),

  // Bitwise: 53-bit unsigned integers; anything else is null
  bit_and: described('The bits set in every argument (integers 0 to 2^53−1).', bitwise(2, Infinity, (os) => os.reduce((a, b) => a & b))),
  bit_or: described('The bits set in any argument (integers 0 to 2^53−1).', bitwise(2, Infinity, (os) => os.reduce((a, b) => a | b))),
  bit_xor: described('The bits set in an odd number of the arguments (integers 0 to 2^53−1).', bitwise(2, Infinity, (os) => os.reduce((a, b) => a ^ b))),
  bit_not: described('bit_not(x[, mask]): the bits of x flipped, within mask (default 2^53−1).', bitwise(1, 2, ([x, mask]) => ~x! & (mask ?? BIT_LIMIT - 1n))),
  bit_shift_left: described('bit_shift_left(x, n): x shifted n bits left, within 53 bits.', bitwise(2, 2, ([x, n]) => (n! >= 53n ? 0n : (x! << n!) & (BIT_LIMIT - 1n)))),
  bit_shift_right: described('bit_shift_right(x, n): x shifted n bits right.', bitwise(2, 2, ([x, n]) => (n! >= 53n ? 0n : x! >> n!))),

  min: described('The least of the values: numbers by value, below any text; texts in byte order.', eager(1, Infinity, (values) => extremeOf(values, false))),
  max: described('The greatest of the values: numbers by value, below any text; texts in byte order.', eager(1, Infinity, (values) => extremeOf(values, true))),

  // Multivalue
  mvcount: described('The number of values.', eager(1, 1, ([v]) => (isNull(v ?? null) ? null : valuesOf(v ?? null).length))),
  mvindex: described('mvindex(mv, start[, end]): the values from start to end (0 is the first, negative counts from the end).', eager(2, 3, ([v, start, end]) => {
    const values = valuesOf(v ?? null);
    const first = toNumber(start ?? null);
    const last = end === undefined ? first : toNumber(end);
    if (values.length === 0 || first === undefined || last === undefined) return null;
    const from = first < 0 ? values.length + first : first;
    const to = last < 0 ? values.length + last : last;
    if (from < 0 || from >= values.length || to < from) return null;
    return fromValues(values.slice(from, Math.min(to, values.length - 1) + 1));
  })),
  mvjoin: described('The values joined into one text with a delimiter.', eager(2, 2, ([v, delimiter]) => {
    const delim = toText(delimiter ?? null);
    if (isNull(v ?? null) || delim === undefined) return null;
    return valuesOf(v ?? null).map(scalarToString).join(delim);
  })),
  mvappend: described('The values of all the arguments, in order, as one multivalue.', eager(1, Infinity, (values) => fromValues(values.flatMap((v) => valuesOf(v))))),
  mvdedup: described('The values without repeats, each where it first comes.', eager(1, 1, ([v]) => {
    const seen = new Set<string>();
    return fromValues(
      valuesOf(v ?? null).filter((x) => {
        const key = scalarToString(x);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  })),
  mvsort: described('The values in byte order.', eager(1, 1, ([v]) =>
    fromValues([...valuesOf(v ?? null)].sort((a, b) => compareBytes(scalarToString(a), scalarToString(b)))),
  )),
  mvfind: described('The index of the first value that matches a PCRE regex.', eager(2, 2, ([v, pattern], env) => {
    const patternText = toText(pattern ?? null);
    if (patternText === undefined) return null;
    const regex = regexOf(patternText, env);
    const index = valuesOf(v ?? null).findIndex((x) => regex.test(scalarToString(x)));
    return index === -1 ? null : index;
  })),
  mvzip: described('mvzip(a, b[, delimiter]): the values of two multivalues paired up, joined with the delimiter (default ",").', eager(2, 3, ([a, b, delimiter]) => {
    const left = valuesOf(a ?? null);
    const right = valuesOf(b ?? null);
    const delim = delimiter === undefined ? ',' : (toText(delimiter) ?? ',');
    const count = Math.min(left.length, right.length);
    const zipped: string[] = [];
    for (let i = 0; i < count; i++) zipped.push(`${scalarToString(left[i] as Scalar)}${delim}${scalarToString(right[i] as Scalar)}`);
    return fromValues(zipped);
  })),
  mvrange: described('mvrange(start, end[, step]): the numbers from start up to (not including) end; a time-span step ("7d") steps epoch times in the search\'s zone.', eager(2, 3, ([start, end, step], env) => {
    const from = toNumber(start ?? null);
    const to = toNumber(end ?? null);
    const spanText = step === undefined ? undefined : toText(step);
    if (spanText !== undefined && toNumber(step ?? null) === undefined && /^\d+[a-z]+$/i.test(spanText.trim())) {
      if (from === undefined || to === undefined) return null;
      // A span adds calendar time, as relative_time(t, "+7d") does (DOC multivalue-eval-functions
      // 10.0: the weekly steps keep the wall-clock time across a daylight-saving change).
      const times: number[] = [];
      for (let t = from; t < to && times.length <= 10000; t = resolveTimeModifier(`+${spanText.trim()}`, t, env.ctx.tz)) times.push(t);
      return fromValues(times);
    }
    const by = step === undefined ? 1 : toNumber(step);
    if (from === undefined || to === undefined || by === undefined || by === 0) return null;
    const out: number[] = [];
    for (let x = from; by > 0 ? x < to : x > to; x += by) {
      out.push(x);
      if (out.length > 10000) break;
    }
    return fromValues(out);
  })),
  commands: described('The commands of a search string, in order (the first part counts as search unless it starts with |).', eager(1, 1, ([v]) => {
    const text = toText(v ?? null);
    return text === undefined ? null : fromValues(commandNames(text));
  })),
  mvreverse: described('The values in reverse order.', eager(1, 1, ([v]) => fromValues([...valuesOf(v ?? null)].reverse()))),
  mvmap: described('mvmap(mv, expression): the expression worked out for each value of mv, which stands for the field mv reads.', {
    min: 2,
    max: 2,
    run(env) {
      const field = firstFieldOf(env.args[0] as EvalExpr);
      const expr = env.args[1] as EvalExpr;
      const mapped: Scalar[] = [];
      for (const value of valuesOf(env.value(0))) {
        const outer = env.row;
        const row: FieldReader = { get: (name) => (name === field ? value : outer.get(name)) };
        for (const result of valuesOf(env.evaluateIn(expr, row))) mapped.push(result);
      }
      return fromValues(mapped);
    },
  }),
  mvfilter: described('The values of the one field the expression reads for which it is true.', {
    min: 1,
    max: 1,
    run(env) {
      const expr = env.args[0] as EvalExpr;
      const field = singleFieldOf(expr, env.span);
      const values = valuesOf(env.row.get(field) ?? null);
      const kept = values.filter((value) => {
        const outer = env.row;
        const row: FieldReader = { get: (name) => (name === field ? value : outer.get(name)) };
        return isTrue(env.evaluateIn(expr, row));
      });
      return fromValues(kept);
    },
  }),

  // JSON (compact text; DOC json-functions 10.0, see docs/semantics.md)
  json_object: described('json_object(key1, value1, ...): a JSON object; values holding JSON objects or arrays nest.', {
    min: 0,
    max: Infinity,
    check: (count) => count % 2 === 0,
    run(env) {
      const object: Record<string, unknown> = {};
      for (let i = 0; i + 1 < env.args.length; i += 2) {
        const key = toText(env.value(i));
        if (key === undefined) return null;
        object[key] = jsonValueOf(env.value(i + 1));
      }
      return JSON.stringify(object);
    },
  }),
  json_array: described('json_array(value, ...): a JSON array; values holding JSON objects or arrays nest.', eager(0, Infinity, (values) => JSON.stringify(values.map(jsonValueOf)))),
  json: described('The value as compact JSON when it is valid JSON; else null.', eager(1, 1, ([v]) => {
    const parsed = parsedJson(v);
    return parsed === undefined ? null : JSON.stringify(parsed);
  })),
  json_valid: described('Whether the text is valid JSON.', eager(1, 1, ([v]) => parsedJson(v) !== undefined)),
  json_keys: described('The keys of a JSON object, as a JSON array.', eager(1, 1, ([v]) => {
    const object = jsonObjectOf(v);
    return object ? JSON.stringify(Object.keys(object)) : null;
  })),
  json_entries: described('A JSON object as an array of {"key", "value"} objects.', eager(1, 1, ([v]) => {
    const object = jsonObjectOf(v);
    return object ? JSON.stringify(Object.entries(object).map(([key, value]) => ({ key, value }))) : null;
  })),
  json_has_key_exact: described('Whether a JSON object has the key, read as one key (dots included).', eager(2, 2, ([v, key]) => {
    const object = jsonObjectOf(v);
    const name = toText(key ?? null);
    if (!object || name === undefined) return null;
    return Object.prototype.hasOwnProperty.call(object, name);
  })),
  json_array_to_mv: described('json_array_to_mv(array[, keep_quotes]): a JSON array as a multivalue; strings keep their quotes when keep_quotes is true.', eager(1, 2, ([v, keep]) => {
    const parsed = parsedJson(v);
    if (!Array.isArray(parsed)) return null;
    const quotes = keep === true;
    return fromValues(parsed.map((item: unknown) => (typeof item === 'string' ? (quotes ? JSON.stringify(item) : item) : JSON.stringify(item))));
  })),
  mv_to_json_array: described('mv_to_json_array(mv[, infer_types]): the values as a JSON array of strings, or of inferred JSON values when infer_types is true.', eager(1, 2, ([v, infer]) => {
    const values = valuesOf(v ?? null);
    const items = values.map((item) => {
      const text = scalarToString(item);
      if (infer !== true) return text;
      const parsed = parsedJson(text);
      return parsed === undefined ? text : parsed;
    });
    return JSON.stringify(items);
  })),
  json_set: described('json_set(object, path, value, ...): the object with each dotted path set to the value.', jsonSet(false)),
  json_set_exact: described('json_set_exact(object, key, value, ...): the object with each key (dots included) set to the value.', jsonSet(true)),
  json_append: described('json_append(object, path, value, ...): the object with each value added to the end of the array at its path (a value there that is no array becomes one).', jsonAdd(false)),
  json_extend: described('json_extend(object, path, array, ...): the object with the elements of each array added to the end of the array at its path.', jsonAdd(true)),
  json_delete: described('json_delete(object, path, ...): the object without the keys at the paths.', eager(2, Infinity, ([v, ...paths]) => {
    const root = parsedJson(v);
    if (typeof root !== 'object' || root === null) return null;
    for (const path of paths) {
      const text = toText(path ?? null);
      if (text === undefined) continue;
      const place = parentOf(root, pathSteps(text));
      if (place) deleteChild(place.parent, place.last);
    }
    return JSON.stringify(root);
  })),
  json_extract: described('json_extract(json, path, ...): the value at a path (text, number, or JSON for an object or array; several values as a JSON array); no path gives the whole JSON.', jsonExtract(false)),
  json_extract_exact: described('json_extract_exact(json, key, ...): as json_extract, each key read whole (dots included).', jsonExtract(true)),

  // Date and time
  now: described('The search\'s now, in epoch seconds.', eager(0, 0, (_values, env) => env.ctx.now)),
  time: described('The moment of the call, in epoch seconds (it changes while the search runs).', eager(0, 0, () => Date.now() / 1000), { pure: false }),
  strftime: described('strftime(time, format): an epoch time as text, in the search\'s zone.', eager(2, 2, ([t, format], env) => {
    const epoch = toNumber(t ?? null);
    const text = toText(format ?? null);
    if (epoch === undefined || text === undefined) return null;
    return formatTime(epoch, text, env.ctx.tz);
  })),
  strptime: described('strptime(text, format): text read as a time, in epoch seconds (the search\'s zone unless the text gives one).', eager(2, 2, ([value, format], env) => {
    const text = toText(value ?? null);
    const formatText = toText(format ?? null);
    if (text === undefined || formatText === undefined) return null;
    return parseTime(text, formatText, env.ctx.tz);
  })),
  relative_time: described('relative_time(time, modifier): an epoch time moved by a time modifier such as "-1d@d".', eager(2, 2, ([t, modifier], env) => {
    const epoch = toNumber(t ?? null);
    const text = toText(modifier ?? null);
    if (epoch === undefined || text === undefined) return null;
    try {
      return resolveTimeModifier(text, epoch, env.ctx.tz);
    } catch (error) {
      if (error instanceof SpelunkError) return null;
      throw error;
    }
  })),
};

export const EVAL_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS).sort();

/**
 * The functions of Splunk's eval reference (DOC evaluation-functions 10.0, every category page)
 * that spelunk does not implement, each with the reason; the README lists them (test/eval checks
 * it), and a search that calls one fails with this reason, never a wrong value.
 */
export const UNSUPPORTED_EVAL_FUNCTIONS: Readonly<Record<string, string>> = {
  lookup: 'it reads a lookup table from inside eval, and the lookup tables are not reachable from the eval layer yet; use the lookup command',
  spath: 'it extracts from XML as well as JSON with spath\'s own path rules, which spelunk does not implement in eval; use json_extract() for JSON',
};

/** The error for a call of a function spelunk lacks: its reason when it is one of Splunk's. */
export function unsupportedFunction(name: string, span: Span): SpelunkError {
  const reason = Object.prototype.hasOwnProperty.call(UNSUPPORTED_EVAL_FUNCTIONS, name) ? UNSUPPORTED_EVAL_FUNCTIONS[name] : undefined;
  return new SpelunkError('unsupported', `spelunk does not support the eval function '${name}'${reason ? `: ${reason}` : ''}`, span);
}

export function functionSpec(name: string): FunctionSpec | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

/** Throws the error Splunk would give at parse time for an unknown function or a bad argument count. */
export function checkCall(name: string, argumentCount: number, span: Span): void {
  const spec = functionSpec(name);
  if (!spec) throw unsupportedFunction(name, span);
  const countOk = argumentCount >= spec.min && argumentCount <= spec.max && (spec.check?.(argumentCount) ?? true);
  if (!countOk) throw new SpelunkError('syntax', `The arguments to the '${name}' function are invalid.`, span);
}

