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

/** An over-approximation of a set of characters: exact on ASCII, one bit for "maybe some non-ASCII". */
interface CharSet {
  ascii: readonly boolean[];
  nonAscii: boolean;
}

const EMPTY: CharSet = { ascii: new Array<boolean>(128).fill(false), nonAscii: false };
const ANY: CharSet = { ascii: new Array<boolean>(128).fill(true), nonAscii: true };

function union(a: CharSet, b: CharSet): CharSet {
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  return { ascii: a.ascii.map((bit, i) => bit || b.ascii[i] === true), nonAscii: a.nonAscii || b.nonAscii };
}

function disjoint(a: CharSet, b: CharSet): boolean {
  if (a.nonAscii && b.nonAscii) return false;
  for (let i = 0; i < 128; i++) if (a.ascii[i] && b.ascii[i]) return false;
  return true;
}

function fromPredicate(test: (code: number) => boolean, nonAscii: boolean): CharSet {
  const ascii: boolean[] = [];
  for (let i = 0; i < 128; i++) ascii.push(test(i));
  return { ascii, nonAscii };
}

const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The characters a one-character node may match (over-approximated; exact for the ASCII part of non-negated sets). */
function charSet(node: CharNode, syntax: Syntax): CharSet {
  const fold = syntax.flags.ignoreCase;
  // Under ignoreCase a letter matches its other case, and (with /u) some non-ASCII letters fold to ASCII ones.
  const withCase = (set: CharSet): CharSet => {
    if (!fold) return set;
    const ascii = set.ascii.slice();
    let letters = false;
    for (let c = 65; c <= 90; c++) {
      if (ascii[c] || ascii[c + 32]) {
        ascii[c] = ascii[c + 32] = true;
        letters = true;
      }
    }
    if (set.nonAscii) for (let c = 65; c <= 122; c++) if (c <= 90 || c >= 97) ascii[c] = true;
    return { ascii, nonAscii: set.nonAscii || letters };
  };
  switch (node.type) {
    case 'Character':
      return withCase(node.value < 128 ? fromPredicate((c) => c === node.value, false) : { ascii: EMPTY.ascii, nonAscii: true });
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
          part = charSet(element, { ...syntax, flags: { ...syntax.flags, ignoreCase: false } });
          if (element.type === 'CharacterSet' && (element.kind === 'property' || element.negate)) {
            // Only the listed ASCII part is certain for negated escapes; treat as not certain at all.
            maybe = union(maybe, withCase(part));
            continue;
          }
        } else {
          return ANY;
        }
        part.ascii.forEach((bit, i) => {
          if (bit) sure[i] = true;
        });
        maybe = union(maybe, withCase(part));
      }
      if (!node.negate) return maybe;
      const certain = withCase({ ascii: sure, nonAscii: false }).ascii;
      return { ascii: certain.map((bit) => !bit), nonAscii: true };
    }
  }
}

/** What follows an element, as far as cost goes. */
interface Continuation {
  /** Upper bound on the steps to run the continuation once from a position, all its backtracking included. */
  work: number;
  /** Upper bound on the steps before the continuation consumes its first character (or fails on it). */
  head: number;
  /** The characters the continuation may consume first. */
  first: CharSet;
}

const END: Continuation = { work: 1, head: 1, first: EMPTY };
/** Repetition bodies with several ways to match are unrolled up to this count; beyond it the bound is infinite. */
const UNROLL_LIMIT = 16;

class CostModel {
  constructor(
    private readonly syntax: Syntax,
    private readonly n: number,
  ) {}

  alternatives(alternatives: readonly Alternative[], next: Continuation, backward: boolean): Continuation {
    let work = 0;
    let head = 0;
    let first = EMPTY;
    for (const alternative of alternatives) {
      const c = this.sequence(alternative.elements, next, backward);
      work += c.work;
      head += c.head;
      first = union(first, c.first);
    }
    return { work: work + 1, head: head + 1, first };
  }

  /** Elements run left to right, or right to left inside a lookbehind. */
  sequence(elements: readonly Element[], next: Continuation, backward: boolean): Continuation {
    let c = next;
    if (backward) for (const element of elements) c = this.element(element, c, backward);
    else for (let i = elements.length - 1; i >= 0; i--) c = this.element(elements[i]!, c, backward);
    return c;
  }

  element(node: Element, next: Continuation, backward: boolean): Continuation {
    if (isCharNode(node)) return { work: 1 + next.work, head: 1, first: charSet(node, this.syntax) };
    switch (node.type) {
      case 'Assertion': {
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
          const body = this.alternatives(node.alternatives, END, node.kind === 'lookbehind').work;
          return { work: body + next.work, head: body + next.head, first: next.first };
        }
        return { work: 1 + next.work, head: 1 + next.head, first: next.first };
      }
      case 'Backreference':
        return { work: this.n + 1 + next.work, head: this.n + 1 + next.head, first: ANY };
      case 'Group':
      case 'CapturingGroup':
        return this.alternatives(node.alternatives, next, backward);
      case 'Quantifier':
        return this.quantifier(node, next, backward);
      default:
        return { work: Infinity, head: Infinity, first: ANY };
    }
  }

  private quantifier(node: AST.Quantifier, next: Continuation, backward: boolean): Continuation {
    const { min, element } = node;
    const max = Math.min(node.max, this.n);
    if (min > this.n) return { work: 1, head: 1, first: EMPTY };
    const stops = max - min + 1;
    if (isCharNode(element)) {
      const set = charSet(element, this.syntax);
      const deterministic = disjoint(set, next.first);
      const work = max + 1 + (deterministic ? next.work + stops * next.head : stops * next.work);
      return min > 0 ? { work, head: 1, first: set } : { work, head: 1 + next.head, first: union(set, next.first) };
    }
    const probe = (c: Continuation): Continuation => this.element(element, c, backward);
    if (node.max <= UNROLL_LIMIT || max <= UNROLL_LIMIT) return this.unrolled(probe, min, max, next);
    // A long repetition of a complex body: bounded only when one iteration can end in one way.
    const own = probe({ work: 0, head: 0, first: next.first });
    const bodyFirst = own.first;
    const loopNext: Continuation = { work: 0, head: 0, first: union(bodyFirst, next.first) };
    const once = probe({ ...loopNext, work: 1 });
    const twice = probe({ ...loopNext, work: 2 });
    const ways = twice.work - once.work;
    const minLength = minimumLength(element);
    if (ways > 1 || minLength === 0) return { work: Infinity, head: Infinity, first: ANY };
    const iterations = Math.min(max, Math.floor(this.n / minLength));
    const perIteration = probe({ ...loopNext, work: 0, head: own.head + next.head }).work;
    const deterministic = disjoint(bodyFirst, next.first);
    const exits = iterations - min + 1;
    const work = iterations * perIteration + (deterministic ? next.work + exits * next.head : exits * next.work);
    return min > 0 ? { work, head: own.head, first: bodyFirst } : { work, head: own.head + next.head, first: union(bodyFirst, next.first) };
  }

  /** X{min,max} as min copies of X followed by (max - min) nested optional copies. */
  private unrolled(probe: (c: Continuation) => Continuation, min: number, max: number, next: Continuation): Continuation {
    let c = next;
    for (let i = max; i > min; i--) {
      const taken = probe(c);
      c = { work: taken.work + c.work + 1, head: taken.head + c.head + 1, first: union(taken.first, c.first) };
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
      return node.elements.reduce((sum, e) => sum + minimumLength(e), 0);
    case 'Quantifier':
      return node.min === 0 ? 0 : node.min * minimumLength(node.element);
    default:
      return 0;
  }
}

/** Upper bound on native backtracking steps for one exec() on a subject of `length` characters, all start positions. */
export function nativeCost(syntax: Syntax, length: number): number {
  const model = new CostModel(syntax, length);
  return (length + 1) * model.alternatives(syntax.pattern.alternatives, END, false).work;
}

/**
 * The longest subject on which the native engine provably stays within `budget` steps (-1 when even
 * the empty subject does not, e.g. for exponential patterns, which have an infinite bound).
 */
export function longestNativeSubject(syntax: Syntax, budget: number, ceiling = 1 << 24): number {
  if (!(nativeCost(syntax, 0) <= budget)) return -1;
  let low = 0;
  let high = 1;
  while (high <= ceiling && nativeCost(syntax, high) <= budget) {
    low = high;
    high *= 2;
  }
  if (high > ceiling) return ceiling;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (nativeCost(syntax, mid) <= budget) low = mid;
    else high = mid;
  }
  return low;
}
