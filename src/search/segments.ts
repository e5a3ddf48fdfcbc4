/**
 * Bare terms and quoted phrases against `_raw`, with Splunk's segmentation: an event is cut into
 * segments at major breakers, and these again at minor breakers (Search Manual 10.0 "Event
 * segmentation and searching"; the default breakers of segmenters.conf, Splunk 8.2.12).
 *
 * Rule (INF, from the segment model; Splunk's matcher is not public): case-insensitively, a term
 * matches where it occurs in `_raw` starting and ending at a segment boundary: the start or end of
 * `_raw`, or a major or minor breaker next to it (a term that itself begins or ends with a
 * breaker needs no boundary there). `*` in a term matches any run of characters that are not
 * major breakers. `TERM(x)` needs major breakers (or the ends) on both sides.
 */

/** segmenters.conf MAJOR (single characters; the percent-encoded ones are kept as text). */
const MAJOR = ' \t\r\n[]<>(){}|!;,\'"*&?+';
/** segmenters.conf MINOR. */
const MINOR = '/:=@.-$#%\\_';

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, (c) => `\\${c}`).replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

const MAJOR_CLASS = `[${escapeClass(MAJOR)}]`;
const ANY_BREAKER_CLASS = `[${escapeClass(MAJOR + MINOR)}]`;
const NOT_MAJOR_CLASS = `[^${escapeClass(MAJOR)}]`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);
}

export interface TermOptions {
  caseSensitive?: boolean;
  /** `TERM(x)`: bounded by major breakers only. */
  exact?: boolean;
}

/** A test of `_raw` for one term or phrase; undefined for `*` (every event). */
export function rawTermTest(term: string, options: TermOptions = {}): ((raw: string) => boolean) | undefined {
  if (/^\*+$/.test(term)) return undefined;
  if (term === '') return () => false;
  const boundary = options.exact ? MAJOR_CLASS : ANY_BREAKER_CLASS;
  const isBreaker = (c: string | undefined): boolean => c !== undefined && (options.exact ? MAJOR : MAJOR + MINOR).includes(c);
  const body = term.split('*').map(escapeRegex).join(`${NOT_MAJOR_CLASS}*`);
  const before = term.startsWith('*') || isBreaker(term[0]) ? '' : `(?<=^|${boundary})`;
  const after = term.endsWith('*') || isBreaker(term[term.length - 1]) ? '' : `(?=${boundary}|$)`;
  const pattern = new RegExp(`${before}${body}${after}`, options.caseSensitive ? '' : 'i');
  return (raw) => pattern.test(raw);
}
