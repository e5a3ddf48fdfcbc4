/**
 * spelunk's one error type. Every failure a user can cause (bad SPL, missing macro, unreadable
 * file, unsupported command) is a SpelunkError with a message in Splunk's words where Splunk
 * has words for it, and a position in the text the user wrote.
 */
export type ErrorKind =
  | 'usage' // bad command-line usage
  | 'syntax' // the SPL does not parse
  | 'macro' // macro expansion failed
  | 'unsupported' // well-formed SPL that spelunk does not execute
  | 'search' // a run-time search error (bad argument value, limit exceeded, ...)
  | 'input' // a data file could not be read
  | 'internal';

/** A half-open range of offsets [start, end) in the expanded search text. */
export interface Span {
  start: number;
  end: number;
}

export class SpelunkError extends Error {
  readonly kind: ErrorKind;
  /** Where in the expanded search the problem is, when it is in the search. */
  readonly span: Span | undefined;
  /** Extra lines shown after the message (position, caret, macro chain). */
  detail: string | undefined;

  constructor(kind: ErrorKind, message: string, span?: Span, detail?: string) {
    super(message);
    this.name = 'SpelunkError';
    this.kind = kind;
    this.span = span;
    this.detail = detail;
  }

  /** Exit code of the CLI for this error: 2 for usage and search errors, 1 for the rest. */
  get exitCode(): number {
    return this.kind === 'input' || this.kind === 'internal' ? 1 : 2;
  }
}
