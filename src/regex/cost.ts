/**
 * An upper bound on the work JavaScript's backtracking engine can do for a pattern on a subject
 * of a given length, so spelunk can run the native engine (fast, and today's exact semantics)
 * whenever that bound is small, and switch to a bounded engine otherwise.
 *
 * The bound follows the matcher's continuation structure: each element is analysed with the
 * continuation that follows it ({@link Continuation}). A repetition multiplies the work of its
 * continuation by the number of ways it can stop, except where it is deterministic: when no
 * character it consumes can start the continuation, every stop but one fails at the
 * continuation's first character, which costs only the continuation's `head`. Nested repetition
 * of a body that can match in several ways is unbounded (exponential), as in `(a+)+`.
 */
import type { AST } from '@eslint-community/regexpp';
import { isCharNode, type Alternative, type CharNode, type Element, type Syntax } from './syntax.js';

/**
 * An over-approximation of a set of characters: exact on ASCII (a 128-bit mask in four words),
 * one bit for "maybe some non-ASCII". Kept small because a subject's bound is computed per call.
 */
export interface CharSet {
  ascii: readonly [number, number, number, number];
  nonAscii: boolean;
}

const EMPTY: CharSet = { ascii: [0, 0, 0, 0], nonAscii: false };
const ANY: CharSet = { ascii: [-1, -1, -1, -1], nonAscii: true };

function has(set: CharSet, code: number): boolean {
  return (set.ascii[code >> 5]! & (1 << (code & 31))) !== 0;
}

function union(a: CharSet, b: CharSet): CharSet {
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  const [a0, a1, a2, a3] = a.ascii;
  const [b0, b1, b2, b3] = b.ascii;
  return { ascii: [a0 | b0, a1 | b1, a2 | b2, a3 | b3], nonAscii: a.nonAscii || b.nonAscii };
}

function disjoint(a: CharSet, b: CharSet): boolean {
  if (a.nonAscii && b.nonAscii) return false;
  const x = a.ascii;
  const y = b.ascii;
  return (x[0] & y[0]) === 0 && (x[1] & y[1]) === 0 && (x[2] & y[2]) === 0 && (x[3] & y[3]) === 0;
}

function fromPredicate(test: (code: number) => boolean, nonAscii: boolean): CharSet {
  const words: [number, number, number, number] = [0, 0, 0, 0];
  for (let c = 0; c < 128; c++) if (test(c)) words[c >> 5]! |= 1 << (c & 31);
  return { ascii: words, nonAscii };
}

function fromBits(bits: readonly boolean[], nonAscii: boolean): CharSet {
  return fromPredicate((c) => bits[c] === true, nonAscii);
}

const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const charSets = new WeakMap<CharNode, CharSet>();

/** The characters a one-character node may match (over-approximated; exact for the ASCII part of non-negated sets). */
function charSet(node: CharNode, syntax: Syntax): CharSet {
  let set = charSets.get(node);
  if (!set) {
    set = computeCharSet(node, syntax);
    charSets.set(node, set);
  }
  return set;
}

function computeCharSet(node: CharNode, syntax: Syntax): CharSet {
  const fold = syntax.flags.ignoreCase;
  // Under ignoreCase a letter matches its other case, and (with /u) some non-ASCII letters fold to ASCII ones.
  const withCase = (set: CharSet): CharSet => {
    if (!fold) return set;
    const ascii: boolean[] = [];
    for (let c = 0; c < 128; c++) ascii.push(has(set, c));
    let letters = false;
    for (let c = 65; c <= 90; c++) {
      if (ascii[c] || ascii[c + 32]) {
        ascii[c] = ascii[c + 32] = true;
        letters = true;
      }
    }
    if (set.nonAscii) for (let c = 65; c <= 122; c++) if (c <= 90 || c >= 97) ascii[c] = true;
    return fromBits(ascii, set.nonAscii || letters);
  };
  switch (node.type) {
    case 'Character':
      return withCase(node.value < 128 ? fromPredicate((c) => c === node.value, false) : { ascii: [0, 0, 0, 0], nonAscii: true });
    case 'CharacterSet':
      switch (node.kind) {
        case 'any':
          return syntax.flags.dotAll ? ANY : fromPredicate((c) => c !== 10 && c !== 13, true);
        case 'digit':
          return node.negate ? fromPredicate((c) => !isDigit(c), true) : fromPredicate(isDigit, false);
        case 'space':
          return node.negate ? fromPredicate((c) => !isSpace(c), true) : fromPredicate(isSpace, true);
        case 'word':
          return node.negate ? fromPredicate((c) => !isWord(c), true) : withCase(fromPredicate(isWord, fold && syntax.flags.unicode));
        default:
          return ANY;
      }
    case 'CharacterClass': {
      if (node.unicodeSets) return ANY;
      // `sure` is what the class certainly holds in ASCII (for negation); `maybe` over-approximates it.
      let maybe = EMPTY;
      const sure = new Array<boolean>(128).fill(false);
      for (const element of node.elements) {
        let part: CharSet;
        if (element.type === 'CharacterClassRange') {
          const { min, max } = element;
          part = fromPredicate((c) => c >= min.value && c <= max.value, max.value >= 128);
        } else if (element.type === 'Character' || element.type === 'CharacterSet') {
          part = computeCharSet(element, { ...syntax, flags: { ...syntax.flags, ignoreCase: false } });
          if (element.type === 'CharacterSet' && (element.kind === 'property' || element.negate)) {
            // Only the listed ASCII part is certain for negated escapes; treat as not certain at all.
            maybe = union(maybe, withCase(part));
            continue;
          }
        } else {
          return ANY;
        }
        for (let c = 0; c < 128; c++) if (has(part, c)) sure[c] = true;
        maybe = union(maybe, withCase(part));
      }
      if (!node.negate) return maybe;
      const certain = withCase(fromBits(sure, false));
      return fromPredicate((c) => !has(certain, c), true);
    }
  }
}

/**
 * The numbers of the bound, as functions of the subject: its length `n` and, for each set the
 * bound asks about, how many positions hold a character of that set (`counts[i]`). The model is
 * built once per pattern; evaluating it for a subject is a few arithmetic steps.
 */
interface Subject {
  n: number;
  counts: Float64Array;
}
type Num = (s: Subject) => number;

const constant = (value: number): Num => () => value;
const sum =
  (...terms: Num[]): Num =>
  (s) => {
    let total = 0;
    for (const term of terms) total += term(s);
    return total;
  };
const product =
  (a: Num, b: Num): Num =>
  (s) => {
    const x = a(s);
    return x === 0 ? 0 : x * b(s);
  };

/** What follows an element, as far as cost goes. */
interface Continuation {
  /** Upper bound on the steps to run the continuation once from a position, all its backtracking included. */
  work: Num;
  /** Upper bound on the steps before the continuation consumes its first character (or fails on it). */
  head: Num;
  /** The characters the continuation may consume first. */
  first: CharSet;
}

const ONE = constant(1);
const ZERO = constant(0);
const END: Continuation = { work: ONE, head: ONE, first: EMPTY };
const UNBOUNDED: Continuation = { work: constant(Infinity), head: constant(Infinity), first: ANY };
/** Repetition bodies with several ways to match are unrolled up to this count; beyond it the bound is infinite. */
const UNROLL_LIMIT = 16;

class CostModel {
  /** The sets whose counts the bound needs, in the order of `Subject.counts`. */
  readonly sets: CharSet[] = [];

  constructor(private readonly syntax: Syntax) {}

  countOf(set: CharSet): Num {
    let index = this.sets.indexOf(set);
    if (index < 0) index = this.sets.push(set) - 1;
    return (s) => s.counts[index]!;
  }

  /** Continuation calls that can get past the continuation's first character: at most one per position holding one of its first characters, plus the end. */
  private fullCalls(stops: Num, next: Continuation): Num {
    const count = this.countOf(next.first);
    return (s) => Math.min(stops(s), count(s) + 1);
  }

  alternatives(alternatives: readonly Alternative[], next: Continuation, backward: boolean): Continuation {
    const parts = alternatives.map((alternative) => this.sequence(alternative.elements, next, backward));
    return {
      work: sum(ONE, ...parts.map((c) => c.work)),
      head: sum(ONE, ...parts.map((c) => c.head)),
      first: parts.reduce((set, c) => union(set, c.first), EMPTY),
    };
  }

  /** Elements run left to right, or right to left inside a lookbehind. */
  sequence(elements: readonly Element[], next: Continuation, backward: boolean): Continuation {
    let c = next;
    if (backward) for (const element of elements) c = this.element(element, c, backward);
    else for (let i = elements.length - 1; i >= 0; i--) c = this.element(elements[i]!, c, backward);
    return c;
  }

  element(node: Element, next: Continuation, backward: boolean): Continuation {
    if (isCharNode(node)) return { work: sum(ONE, next.work), head: ONE, first: charSet(node, this.syntax) };
    switch (node.type) {
      case 'Assertion': {
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
          const body = this.alternatives(node.alternatives, END, node.kind === 'lookbehind').work;
          return { work: sum(body, next.work), head: sum(body, next.head), first: next.first };
        }
        return { work: sum(ONE, next.work), head: sum(ONE, next.head), first: next.first };
      }
      case 'Backreference': {
        const compare: Num = (s) => s.n + 1;
        return { work: sum(compare, next.work), head: sum(compare, next.head), first: ANY };
      }
      case 'Group':
      case 'CapturingGroup':
        return this.alternatives(node.alternatives, next, backward);
      case 'Quantifier':
        return this.quantifier(node, next, backward);
      default:
        return UNBOUNDED;
    }
  }

  private quantifier(node: AST.Quantifier, next: Continuation, backward: boolean): Continuation {
    const { min, element } = node;
    const max: Num = (s) => Math.min(node.max, s.n);
    const stops: Num = (s) => (min > s.n ? 0 : Math.min(node.max, s.n) - min + 1);
    if (isCharNode(element)) {
      const set = charSet(element, this.syntax);
      const full = disjoint(set, next.first) ? (s: Subject) => Math.min(1, stops(s)) : this.fullCalls(stops, next);
      const work = sum(max, ONE, product(full, next.work), product(stops, next.head));
      return min > 0 ? { work, head: ONE, first: set } : { work, head: sum(ONE, next.head), first: union(set, next.first) };
    }
    const probe = (c: Continuation): Continuation => this.element(element, c, backward);
    if (node.max <= UNROLL_LIMIT) return this.unrolled(probe, min, node.max, next);
    // A long repetition of a complex body: bounded only when one iteration can end in one way.
    const minLength = minimumLength(element);
    if (minLength === 0) return UNBOUNDED;
    const own = probe({ work: ZERO, head: ZERO, first: next.first });
    const bodyFirst = own.first;
    const loopFirst = union(bodyFirst, next.first);
    const once = probe({ work: ONE, head: ZERO, first: loopFirst }).work;
    const twice = probe({ work: constant(2), head: ZERO, first: loopFirst }).work;
    const iterations: Num = (s) => Math.min(node.max, Math.floor(s.n / minLength));
    const exits: Num = (s) => Math.max(0, iterations(s) - min + 1);
    const perIteration = probe({ work: ZERO, head: sum(own.head, next.head), first: loopFirst }).work;
    const full = disjoint(bodyFirst, next.first) ? ONE : this.fullCalls(exits, next);
    const bounded = sum(product(iterations, perIteration), product(full, next.work), product(exits, next.head));
    // Ways one iteration can end (the coefficient of its continuation's work): more than one is exponential.
    const work: Num = (s) => (twice(s) - once(s) > 1 ? Infinity : bounded(s));
    return min > 0 ? { work, head: own.head, first: bodyFirst } : { work, head: sum(own.head, next.head), first: union(bodyFirst, next.first) };
  }

  /** X{min,max} as min copies of X followed by (max - min) nested optional copies. */
  private unrolled(probe: (c: Continuation) => Continuation, min: number, max: number, next: Continuation): Continuation {
    let c = next;
    for (let i = max; i > min; i--) {
      const taken = probe(c);
      c = { work: sum(ONE, taken.work, c.work), head: sum(ONE, taken.head, c.head), first: union(taken.first, c.first) };
    }
    for (let i = 0; i < min; i++) c = probe(c);
    return c;
  }
}

/** The fewest characters a node can consume. */
function minimumLength(node: AST.Node): number {
  if (isCharNode(node)) return 1;
  switch (node.type) {
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return Math.min(...node.alternatives.map(minimumLength));
    case 'Alternative':
      return node.elements.reduce((total, e) => total + minimumLength(e), 0);
    case 'Quantifier':
      return node.min === 0 ? 0 : node.min * minimumLength(node.element);
    default:
      return 0;
  }
}

/** True when every alternative starts with `^` (not multiline): only the first position can get past it. */
function anchoredAtStart(syntax: Syntax): boolean {
  if (syntax.flags.multiline) return false;
  return syntax.pattern.alternatives.every((a) => {
    const first = a.elements[0];
    return first !== undefined && first.type === 'Assertion' && (first.kind === 'start' || first.raw === '(?<![\\s\\S])');
  });
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Sets with more ASCII members than this count as present everywhere (counting them would cost more than it saves). */
const COUNTED_MEMBERS = 8;

/**
 * An upper bound on the native engine's backtracking steps for one exec() over all start positions
 * (a start whose character cannot begin a match costs only the pattern's head), built once per
 * pattern and evaluated per subject.
 */
export class NativeCostBound {
  private readonly total: Num;
  private readonly sets: CharSet[];
  private readonly members: number[][];

  constructor(syntax: Syntax) {
    const model = new CostModel(syntax);
    const whole = model.alternatives(syntax.pattern.alternatives, END, false);
    const positions: Num = (s) => s.n + 1;
    if (anchoredAtStart(syntax)) {
      this.total = sum(whole.work, product(positions, whole.head));
    } else {
      const starts = model.countOf(whole.first);
      this.total = sum(product(positions, whole.head), product((s) => Math.min(s.n + 1, starts(s) + 1), whole.work));
    }
    this.sets = model.sets;
    this.members = this.sets.map((set) => {
      const list: number[] = [];
      for (let c = 0; c < 128; c++) if (has(set, c)) list.push(c);
      return list;
    });
  }

  /** The bound knowing only the subject's length (every set counted as present everywhere). */
  forLength(n: number): number {
    return this.total({ n, counts: new Float64Array(this.sets.length).fill(n) });
  }

  /**
   * The bound for this subject. Small sets of ASCII characters are counted exactly (with indexOf,
   * at native speed); a larger set, or any non-ASCII part when the subject has non-ASCII text,
   * counts as present everywhere.
   */
  forSubject(subject: string): number {
    const n = subject.length;
    const counts = new Float64Array(this.sets.length);
    let nonAscii: boolean | undefined;
    let perChar: Map<number, number> | undefined;
    for (let index = 0; index < this.sets.length; index++) {
      const members = this.members[index]!;
      if (members.length > COUNTED_MEMBERS || (this.sets[index]!.nonAscii && (nonAscii ??= NON_ASCII.test(subject)))) {
        counts[index] = n;
        continue;
      }
      let total = 0;
      for (const c of members) {
        perChar ??= new Map();
        let k = perChar.get(c);
        if (k === undefined) {
          k = 0;
          const ch = String.fromCharCode(c);
          for (let at = subject.indexOf(ch); at >= 0; at = subject.indexOf(ch, at + 1)) k++;
          perChar.set(c, k);
        }
        total += k;
      }
      counts[index] = total;
    }
    return this.total({ n, counts });
  }
}

/**
 * The longest subject on which the native engine provably stays within `budget` steps, knowing only
 * the length (-1 when even the empty subject does not, e.g. for exponential patterns).
 */
export function longestNativeSubject(bound: NativeCostBound, budget: number, ceiling = 1 << 24): number {
  const cost = (length: number): number => bound.forLength(length);
  if (!(cost(0) <= budget)) return -1;
  let low = 0;
  let high = 1;
  while (high <= ceiling && cost(high) <= budget) {
    low = high;
    high *= 2;
  }
  if (high > ceiling) return ceiling;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (cost(mid) <= budget) low = mid;
    else high = mid;
  }
  return low;
}
