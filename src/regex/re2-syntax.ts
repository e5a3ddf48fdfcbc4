/**
 * Spells a JavaScript regular expression in RE2 syntax with the same meaning, when it has one.
 * Every construct is written out explicitly (classes as code-point ranges, case-insensitivity as
 * both cases) because RE2's own shorthands differ from JavaScript's (`\s`, `.`, case folding).
 * Equality is promised only on subjects that pass {@link Re2Pattern.accepts}: RE2 works on code
 * points and knows only `\n` as a line end, so a subject with surrogates, or with other line
 * terminators under multiline anchors, or ending in `\n` under PCRE's `$`, goes to another engine.
 */
import type { AST } from '@eslint-community/regexpp';
import { children, type Alternative, type Element, type Node, type Syntax } from './syntax.js';

export interface Re2Pattern {
  source: string;
  accepts(subject: string): boolean;
}

/** A set of BMP code units as sorted, disjoint, inclusive ranges. */
type Ranges = Array<[number, number]>;
const TOP = 0xffff;

function normalize(ranges: Ranges): Ranges {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [a, b] of normalize(ranges)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= TOP) out.push([next, TOP]);
  return out;
}

/** Adds the other case of every ASCII letter (JavaScript's non-Unicode case folding never crosses the ASCII boundary). */
function withAsciiCase(ranges: Ranges): Ranges {
  const extra: Ranges = [];
  for (const [a, b] of ranges) {
    const lowA = Math.max(a, 97);
    const lowB = Math.min(b, 122);
    if (lowA <= lowB) extra.push([lowA - 32, lowB - 32]);
    const upA = Math.max(a, 65);
    const upB = Math.min(b, 90);
    if (upA <= upB) extra.push([upA + 32, upB + 32]);
  }
  return normalize([...ranges, ...extra]);
}

const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [[48, 57], [65, 90], [95, 95], [97, 122]];
// ECMAScript WhiteSpace and LineTerminator.
const SPACE: Ranges = normalize([
  [9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS: Ranges = [[10, 10], [13, 13], [0x2028, 0x2029]];

/** True when every character of the set has no other-case partner outside it (ASCII and white space qualify). */
function caseClosedBase(ranges: Ranges): boolean {
  return ranges.every(([a, b]) => b < 128 || SPACE.some(([x, y]) => a >= x && b <= y));
}

class Unsupported extends Error {}

const hex = (c: number): string => `\\x{${c.toString(16)}}`;

function classText(ranges: Ranges): string {
  const normal = normalize(ranges);
  if (normal.length === 0) return '[^\\x{0}-\\x{10ffff}]';
  return `[${normal.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`;
}

/** Raw text of the lookarounds pcre.ts writes for PCRE's anchors. */
const VERY_START = '(?<![\\s\\S])';
const VERY_END = '(?![\\s\\S])';
const END_OR_FINAL_NEWLINE = '(?=\\n?(?![\\s\\S]))';

class Writer {
  multilineAnchor = false;
  finalNewlineDollar = false;

  constructor(private readonly syntax: Syntax) {}

  private setOf(node: AST.Character | AST.CharacterSet | AST.CharacterClassRange | AST.CharacterClass): Ranges {
    const fold = this.syntax.flags.ignoreCase;
    const closed = (base: Ranges): Ranges => {
      if (!fold) return base;
      if (!caseClosedBase(base)) throw new Unsupported('case-insensitive non-ASCII character');
      return withAsciiCase(base);
    };
    switch (node.type) {
      case 'Character':
        return closed([[node.value, node.value]]);
      case 'CharacterClassRange':
        return closed([[node.min.value, node.max.value]]);
      case 'CharacterSet': {
        if (node.kind === 'any') return this.syntax.flags.dotAll ? [[0, TOP]] : complement(LINE_TERMINATORS);
        if (node.kind === 'property') throw new Unsupported('\\p');
        const base = node.kind === 'digit' ? DIGIT : node.kind === 'word' ? WORD : SPACE;
        return node.negate ? complement(base) : base;
      }
      case 'CharacterClass': {
        if (node.unicodeSets) throw new Unsupported('class set');
        const parts: Ranges = [];
        for (const element of node.elements) {
          if (element.type === 'Character' || element.type === 'CharacterSet' || element.type === 'CharacterClassRange') parts.push(...this.setOf(element));
          else throw new Unsupported('class element');
        }
        return node.negate ? complement(parts) : normalize(parts);
      }
    }
  }

  alternatives(alternatives: readonly Alternative[]): string {
    return alternatives.map((a) => this.sequence(a)).join('|');
  }

  private sequence(alternative: Alternative): string {
    return alternative.elements.map((e) => this.element(e)).join('');
  }

  private element(node: Element): string {
    switch (node.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
        return classText(this.setOf(node));
      case 'Group':
        return `(?:${this.alternatives(node.alternatives)})`;
      case 'CapturingGroup':
        return node.name === null ? `(${this.alternatives(node.alternatives)})` : `(?P<${node.name}>${this.alternatives(node.alternatives)})`;
      case 'Backreference':
        throw new Unsupported('backreference');
      case 'Quantifier':
        return this.quantifier(node);
      case 'Assertion':
        return this.assertion(node);
      default:
        throw new Unsupported('element');
    }
  }

  private assertion(node: AST.Assertion): string {
    switch (node.kind) {
      case 'start':
        if (!this.syntax.flags.multiline) return '\\A';
        this.multilineAnchor = true;
        return '(?m:^)';
      case 'end':
        if (!this.syntax.flags.multiline) return '\\z';
        this.multilineAnchor = true;
        return '(?m:$)';
      case 'word':
        return node.negate ? '\\B' : '\\b';
      default:
        if (node.raw === VERY_START) return '\\A';
        if (node.raw === VERY_END) return '\\z';
        if (node.raw === END_OR_FINAL_NEWLINE) {
          this.finalNewlineDollar = true;
          return '\\z';
        }
        throw new Unsupported('lookaround');
    }
  }

  private quantifier(node: AST.Quantifier): string {
    if (node.max !== Infinity && node.max > 1000) throw new Unsupported('repetition count');
    if (node.min > 1000) throw new Unsupported('repetition count');
    if (canMatchEmpty(node.element)) throw new Unsupported('repetition of an empty match');
    if (node.max > 1 && capturesMayGoStale(node.element)) throw new Unsupported('capture inside repetition');
    const body = this.element(node.element as Element);
    const atom = node.element.type === 'Character' || node.element.type === 'CharacterSet' || node.element.type === 'CharacterClass' || node.element.type === 'Group' || node.element.type === 'CapturingGroup' ? body : `(?:${body})`;
    const count =
      node.min === 0 && node.max === Infinity
        ? '*'
        : node.min === 1 && node.max === Infinity
          ? '+'
          : node.min === 0 && node.max === 1
            ? '?'
            : node.max === Infinity
              ? `{${node.min},}`
              : node.min === node.max
                ? `{${node.min}}`
                : `{${node.min},${node.max}}`;
    return `${atom}${count}${node.greedy ? '' : '?'}`;
  }
}

/** True when the node can succeed without consuming (JavaScript and RE2 treat empty iterations differently). */
function canMatchEmpty(node: Node): boolean {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return false;
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.some(canMatchEmpty);
    case 'Alternative':
      return node.elements.every(canMatchEmpty);
    case 'Quantifier':
      return node.min === 0 || canMatchEmpty(node.element);
    default:
      return true;
  }
}

/**
 * JavaScript clears the captures of a repeated atom at each iteration, RE2 keeps the last value
 * seen: they differ when an inner group can be skipped by a later iteration.
 */
function capturesMayGoStale(body: Node): boolean {
  let inner = false;
  let optional = false;
  const walk = (node: Node, top: boolean): void => {
    if (node.type === 'CapturingGroup' && !top) inner = true;
    if (node.type === 'Quantifier' && node.min === 0) optional = true;
    if ((node.type === 'Group' || node.type === 'CapturingGroup' || node.type === 'Pattern') && node.alternatives.length > 1) optional = true;
    for (const child of children(node)) walk(child, false);
  };
  walk(body, true);
  return inner && optional;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const OTHER_LINE_TERMINATOR = /[\r\u2028\u2029]/;

/** The RE2 spelling of the pattern, or undefined when RE2 cannot express it with the same meaning. */
export function toRe2(syntax: Syntax): Re2Pattern | undefined {
  if (syntax.hasBackreference || syntax.flags.unicode) return undefined;
  const writer = new Writer(syntax);
  let source: string;
  try {
    source = writer.alternatives(syntax.pattern.alternatives);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const { multilineAnchor, finalNewlineDollar } = writer;
  return {
    source,
    accepts: (subject) =>
      !SURROGATE.test(subject) && !(multilineAnchor && OTHER_LINE_TERMINATOR.test(subject)) && !(finalNewlineDollar && subject.endsWith('\n')),
  };
}
