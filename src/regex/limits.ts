/**
 * The bounds spelunk puts on one regular-expression match, named after Splunk's PCRE settings
 * (limits.conf [rex] match_limit and depth_limit, the same defaults as props.conf/transforms.conf
 * MATCH_LIMIT and DEPTH_LIMIT). They apply to the backtracking matcher spelunk uses only for the
 * patterns that neither the native engine (within a proven budget) nor the linear-time engine can run.
 */
import { SpelunkError, type Span } from '../core/errors.js';

export interface RegexLimits {
  /** Backtracking steps allowed from one start position (PCRE counts calls of match(), restarting per position). */
  matchLimit: number;
  /** Backtracking points that may be pending at once ("depth of nested backtracking"). */
  depthLimit: number;
  /** Steps allowed for one value over all start positions: spelunk's own, so a long value cannot take unbounded time. */
  totalStepLimit: number;
}

export const DEFAULT_REGEX_LIMITS: Readonly<RegexLimits> = Object.freeze({
  matchLimit: 100_000,
  depthLimit: 1_000,
  totalStepLimit: 10_000_000,
});

/** A positive integer from the environment, else the default. */
function fromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new SpelunkError('usage', `${name} must be a positive integer, not '${text}'.`);
  }
  return value;
}

/** Read on first use, not at import, so a bad environment value is a search error in the usual place. */
let current: RegexLimits | undefined;

/** The limits in force (one process runs one search at a time). */
export function regexLimits(): Readonly<RegexLimits> {
  current ??= {
    matchLimit: fromEnvironment('SPELUNK_REX_MATCH_LIMIT', DEFAULT_REGEX_LIMITS.matchLimit),
    depthLimit: fromEnvironment('SPELUNK_REX_DEPTH_LIMIT', DEFAULT_REGEX_LIMITS.depthLimit),
    totalStepLimit: fromEnvironment('SPELUNK_REX_TOTAL_STEP_LIMIT', DEFAULT_REGEX_LIMITS.totalStepLimit),
  };
  return current;
}

/** Changes the limits (for a library user or a test); returns the previous ones so they can be restored. */
export function setRegexLimits(limits: Partial<RegexLimits>): RegexLimits {
  const previous = { ...regexLimits() };
  current = { ...previous, ...limits };
  return previous;
}

export type RegexLimitName = 'match_limit' | 'depth_limit' | 'total_step_limit';

const ENVIRONMENT: Record<RegexLimitName, string> = {
  match_limit: 'SPELUNK_REX_MATCH_LIMIT',
  depth_limit: 'SPELUNK_REX_DEPTH_LIMIT',
  total_step_limit: 'SPELUNK_REX_TOTAL_STEP_LIMIT',
};

/** Thrown when a match needs more work than a limit allows. */
export class RegexLimitError extends SpelunkError {
  readonly limit: RegexLimitName;
  readonly value: number;

  /** `pattern` is the expression as the user wrote it; `span` where it is in the search. */
  constructor(limit: RegexLimitName, value: number, pattern: string, span?: Span) {
    const meaning =
      limit === 'match_limit'
        ? 'backtracking steps from one start position'
        : limit === 'depth_limit'
          ? 'nested backtracking points'
          : 'backtracking steps for one value';
    super(
      'search',
      `regex="${pattern}" has exceeded configured ${limit}=${value} (${meaning}). ` +
        `Simplify the expression (nested repetition such as (a+)+ backtracks exponentially), or raise the limit with ${ENVIRONMENT[limit]}.`,
      span,
    );
    this.limit = limit;
    this.value = value;
  }
}
