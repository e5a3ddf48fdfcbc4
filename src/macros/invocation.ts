/**
 * Parses the text between two backticks, `name` or `name(arg, ...)` or `name(key=value, ...)`,
 * into a name and arguments that remember their offsets (so substituted text keeps its origin).
 */
import { isValidMacroName, messages } from './names.js';

export interface InvocationArgument {
  /** The argument as substituted: trimmed, quotes kept. */
  value: string;
  /** Offsets of `value` within the expression. */
  start: number;
  end: number;
  /** The argument name when given as `name=value`. */
  key?: string;
}

export interface Invocation {
  name: string;
  args: InvocationArgument[];
  named: boolean;
}

/** A problem with the expression, and the offset within it to point at. */
export class InvocationError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const NAMED_ARGUMENT = /^([A-Za-z0-9_-]+)\s*=/;

export function parseInvocation(expression: string): Invocation {
  const leading = expression.length - expression.trimStart().length;
  const trimmed = expression.trim();
  if (trimmed === '') throw new InvocationError(messages.emptyExpression(), 0);
  const paren = trimmed.indexOf('(');
  const name = (paren < 0 ? trimmed : trimmed.slice(0, paren)).trimEnd();
  if (!isValidMacroName(name)) throw new InvocationError(messages.invalidName(name), leading);
  if (paren < 0) return { name, args: [], named: false };
  if (!trimmed.endsWith(')')) {
    throw new InvocationError(messages.noClosingParen(expression), leading + trimmed.length);
  }
  const innerStart = leading + paren + 1;
  const inner = expression.slice(innerStart, leading + trimmed.length - 1);
  const args = splitArguments(inner, innerStart);
  const namedCount = args.filter((arg) => arg.key !== undefined).length;
  if (namedCount > 0 && namedCount < args.length) {
    throw new InvocationError(messages.partlyNamed(expression), leading);
  }
  return { name, args, named: namedCount > 0 };
}

/**
 * Splits on commas outside quoted strings and parentheses; each piece is trimmed. An empty list
 * `name()` has no arguments.
 */
function splitArguments(inner: string, base: number): InvocationArgument[] {
  if (inner.trim() === '') return [];
  const pieces: Array<[number, number]> = [];
  let depth = 0;
  let inQuote = false;
  let pieceStart = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
    } else if (ch === '"') {
      inQuote = true;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) throw new InvocationError(messages.mismatchedParens(inner), base + i);
    } else if (ch === ',' && depth === 0) {
      pieces.push([pieceStart, i]);
      pieceStart = i + 1;
    }
  }
  if (depth !== 0) throw new InvocationError(messages.mismatchedParens(inner), base);
  pieces.push([pieceStart, inner.length]);
  return pieces.map(([start, end]) => toArgument(inner, start, end, base));
}

function toArgument(inner: string, start: number, end: number, base: number): InvocationArgument {
  const [valueStart, valueEnd] = trimRange(inner, start, end);
  const piece = inner.slice(valueStart, valueEnd);
  const named = NAMED_ARGUMENT.exec(piece);
  if (!named) return { value: piece, start: base + valueStart, end: base + valueEnd };
  const [keyedStart, keyedEnd] = trimRange(inner, valueStart + named[0].length, valueEnd);
  return {
    value: inner.slice(keyedStart, keyedEnd),
    start: base + keyedStart,
    end: base + keyedEnd,
    key: named[1]!,
  };
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
