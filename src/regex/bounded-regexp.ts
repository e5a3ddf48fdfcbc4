/**
 * A RegExp whose every match is bounded. It is a real RegExp (same source, flags, and the same
 * results), so String.prototype.replace/match/matchAll/split and RegExp.prototype.test use it as
 * they use any RegExp; only exec() is overridden, and it picks an engine per subject:
 *
 *  1. the native engine, when the subject is short enough that {@link longestNativeSubject} proves
 *     its backtracking stays within {@link NATIVE_STEP_BUDGET} (the common case, at native speed);
 *  2. otherwise RE2 (re2js, linear time) when the pattern has an RE2 spelling with the same meaning;
 *  3. otherwise the counted backtracking matcher, which stops at Splunk's PCRE limits.
 */
import { RE2JS } from 're2js';
import type { Span } from '../core/errors.js';
import { Backtracker } from './backtrack.js';
import { RegexLimitError } from './limits.js';
import { longestNativeSubject } from './cost.js';
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
  private re2: Re2Engine | null | undefined;
  private backtracker: Backtracker | undefined;

  constructor(readonly syntax: Syntax | undefined) {
    this.nativeMax = syntax ? longestNativeSubject(syntax, NATIVE_STEP_BUDGET) : Infinity;
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
  /** The expression as the user wrote it and where, for errors (set by compilePcre). */
  written: { pattern: string; span: Span | undefined } | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    this.plan = planFor(this.source, this.flags);
  }

  /** The longest subject this pattern runs on the native engine (for tests and diagnostics). */
  get nativeLimit(): number {
    return this.plan.nativeMax;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    if (text.length <= this.plan.nativeMax) return super.exec(text);
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
    const stateful = this.global || this.sticky;
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
