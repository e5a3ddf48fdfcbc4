/**
 * A RegExp whose every match is bounded. It is a real RegExp (same source, flags, and the same
 * results), so String.prototype.replace/match/matchAll/split and RegExp.prototype.test use it as
 * they use any RegExp; only exec() is overridden, and it picks an engine per subject:
 *
 *  1. the native engine, when the bound of src/regex/cost.ts proves its backtracking stays within
 *     {@link NATIVE_STEP_BUDGET} steps: from the subject's length alone (no extra work per call), or
 *     for a longer subject, from the counts of its characters (the common case, at native speed);
 *  2. otherwise RE2 (re2js, linear time) when the pattern has an RE2 spelling with the same meaning;
 *  3. otherwise the counted backtracking matcher, which stops at Splunk's PCRE limits.
 */
import { RE2JS } from 're2js';
import type { Span } from '../core/errors.js';
import { Backtracker } from './backtrack.js';
import { RegexLimitError } from './limits.js';
import { longestNativeSubject, NativeCostBound } from './cost.js';
import { toRe2, type Re2Pattern } from './re2-syntax.js';
import { parseSyntax, type Syntax } from './syntax.js';

/** Native backtracking steps spelunk allows one exec() before it moves to a bounded engine. */
export const NATIVE_STEP_BUDGET = 10_000_000;

interface Re2Engine {
  pattern: Re2Pattern;
  program: RE2JS;
}

/** What spelunk knows about one pattern: shared by all RegExps with its source and matching flags. */
class Plan {
  readonly nativeMax: number;
  private readonly bound: NativeCostBound | undefined;
  private re2: Re2Engine | null | undefined;
  private backtracker: Backtracker | undefined;

  constructor(readonly syntax: Syntax | undefined) {
    this.bound = syntax ? new NativeCostBound(syntax) : undefined;
    this.nativeMax = this.bound ? longestNativeSubject(this.bound, NATIVE_STEP_BUDGET) : Infinity;
  }

  linear(): Re2Engine | null {
    if (this.re2 === undefined) {
      const pattern = this.syntax ? toRe2(this.syntax) : undefined;
      this.re2 = null;
      if (pattern) {
        try {
          this.re2 = { pattern, program: RE2JS.compile(pattern.source) };
        } catch {
          // RE2 refuses some patterns it can spell (program too large): the backtracker takes them.
        }
      }
    }
    return this.re2;
  }

  /** True when the native engine is proven to stay within budget on this subject. */
  nativeFits(subject: string): boolean {
    if (subject.length <= this.nativeMax) return true;
    if (this.nativeMax < 0 || !this.bound) return false;
    return this.bound.forSubject(subject) <= NATIVE_STEP_BUDGET;
  }

  bounded(): Backtracker {
    this.backtracker ??= new Backtracker(this.syntax!);
    return this.backtracker;
  }
}

const plans = new Map<string, Plan>();
const PLAN_LIMIT = 500;

function planFor(source: string, flags: string): Plan {
  const meaning = [...flags].filter((f) => 'imsu'.includes(f)).sort().join('');
  const key = `${meaning}/${source}`;
  let plan = plans.get(key);
  if (!plan) {
    let syntax: Syntax | undefined;
    try {
      syntax = parseSyntax(source, meaning);
    } catch {
      // The native engine accepted it; a pattern the analyser cannot read keeps native matching.
      syntax = undefined;
    }
    plan = new Plan(syntax);
    if (plans.size >= PLAN_LIMIT) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

function toLength(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isNaN(n) || n < 0 ? 0 : n;
}

export class BoundedRegExp extends RegExp {
  private readonly plan: Plan;
  /** A plain RegExp with the same source and flags: V8's fast paths for replace/split/match apply only to plain ones. */
  private readonly twin: RegExp;
  /** The expression as the user wrote it and where, for errors (set by compilePcre). */
  written: { pattern: string; span: Span | undefined } | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    this.plan = planFor(this.source, this.flags);
    this.twin = new RegExp(this.source, this.flags);
    this.stateful = this.global || this.sticky;
  }

  /** Whether exec() reads and writes lastIndex (global or sticky). */
  private readonly stateful: boolean;

  /** Before a native call on the twin: it starts where this RegExp stands. */
  private toTwin(): RegExp {
    if (this.stateful) this.twin.lastIndex = this.lastIndex;
    return this.twin;
  }

  /** After a native call on the twin: this RegExp stands where the twin stopped. */
  private fromTwin<T>(result: T): T {
    if (this.stateful) this.lastIndex = this.twin.lastIndex;
    return result;
  }

  override test(input: string): boolean {
    const text = String(input);
    if (this.plan.nativeFits(text)) return this.fromTwin(this.toTwin().test(text));
    return this.exec(text) !== null;
  }

  override [Symbol.replace](input: string, replacement: string | ((substring: string, ...args: unknown[]) => string)): string {
    const text = String(input);
    // One of the two overloads, whichever `replacement` is: both run the same code.
    const value = replacement as unknown as string;
    if (this.plan.nativeFits(text)) return this.fromTwin(text.replace(this.toTwin(), value));
    return (RegExp.prototype[Symbol.replace] as (this: RegExp, text: string, value: string) => string).call(this, text, value);
  }

  override [Symbol.match](input: string): RegExpMatchArray | null {
    const text = String(input);
    if (this.plan.nativeFits(text)) return this.fromTwin(text.match(this.toTwin()));
    return RegExp.prototype[Symbol.match].call(this, text);
  }

  override [Symbol.matchAll](input: string): IterableIterator<RegExpMatchArray> {
    const text = String(input);
    if (this.plan.nativeFits(text)) return this.fromTwin(text.matchAll(this.toTwin()));
    return RegExp.prototype[Symbol.matchAll].call(this, text);
  }

  override [Symbol.search](input: string): number {
    const text = String(input);
    if (this.plan.nativeFits(text)) return this.fromTwin(text.search(this.toTwin()));
    return RegExp.prototype[Symbol.search].call(this, text);
  }

  override [Symbol.split](input: string, limit?: number): string[] {
    const text = String(input);
    if (this.plan.nativeFits(text)) return this.fromTwin(text.split(this.toTwin(), limit));
    return RegExp.prototype[Symbol.split].call(this, text, limit);
  }

  /** The longest subject this pattern runs on the native engine (for tests and diagnostics). */
  get nativeLimit(): number {
    return this.plan.nativeMax;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    if (this.plan.nativeFits(text)) return super.exec(text);
    return this.boundedExec(text, 'any');
  }

  /** exec() on a chosen engine: for tests that check the engines agree with the native one. */
  execOn(engine: 'native' | 'linear' | 'backtracking', input: string): RegExpExecArray | null {
    if (engine === 'native') return super.exec(input);
    if (engine === 'linear' && !this.plan.linear()?.pattern.accepts(input)) throw new Error('no linear engine for this pattern and subject');
    return this.boundedExec(input, engine);
  }

  private boundedExec(text: string, engine: 'any' | 'linear' | 'backtracking'): RegExpExecArray | null {
    const plan = this.plan;
    const syntax = plan.syntax!;
    const stateful = this.stateful;
    const start = stateful ? toLength(this.lastIndex) : 0;
    if (start > text.length) {
      this.lastIndex = 0;
      return null;
    }
    let captures: ArrayLike<number> | undefined;
    const linear = this.sticky || engine === 'backtracking' ? null : plan.linear();
    if (linear && linear.pattern.accepts(text)) {
      const matcher = linear.program.matcher(text);
      if (matcher.find(start)) {
        const spans: number[] = [];
        for (let g = 0; g <= syntax.groups.length; g++) spans.push(matcher.start(g), matcher.end(g));
        captures = spans;
      }
    } else {
      try {
        captures = plan.bounded().exec(text, start, this.sticky)?.captures;
      } catch (error) {
        if (error instanceof RegexLimitError && this.written) {
          throw new RegexLimitError(error.limit, error.value, this.written.pattern, this.written.span);
        }
        throw error;
      }
    }
    if (!captures) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    if (stateful) this.lastIndex = captures[1]!;
    const values: Array<string | undefined> = [];
    for (let g = 0; g <= syntax.groups.length; g++) {
      const from = captures[2 * g]!;
      const to = captures[2 * g + 1]!;
      values.push(from < 0 || to < 0 ? undefined : text.slice(from, to));
    }
    const result = Object.assign(values, { index: captures[0]!, input: text, groups: undefined as unknown });
    const named = syntax.groups.filter((g) => g.name !== null);
    if (named.length > 0) {
      const groups = Object.create(null) as Record<string, string | undefined>;
      for (const group of named) groups[group.name!] = values[syntax.groups.indexOf(group) + 1];
      result.groups = groups;
    }
    return result as unknown as RegExpExecArray;
  }
}
