/**
 * Breaks one line of text into lines of a given width, at word boundaries.
 *
 * A line breaks at a run of spaces (the spaces are dropped), or else after punctuation that
 * separates the parts of a path, a URL or an option (`C:\Windows\` | `System32\`), so a long
 * command line still breaks between its parts, or else where a word meets other characters
 * (`"` | `MSExchangeOWAAppPool"`). Letters, digits, marks and `_` are never separated:
 * a word longer than the whole width is either cut short with an ellipsis (`truncate`, for a
 * table cell, which is then complete up to the ellipsis) or, only then, broken at the width
 * (`break`, for the record layout, which must show every character).
 */
import { codePoints, isWordChar, textWidth } from './text.js';

export type LongWord = 'truncate' | 'break';

export const ELLIPSIS = '\u2026';

/** Punctuation a line may end with; the next line starts with what follows it. */
const BREAK_AFTER = new Set(['\\', '/', '-', '.', ',', ';', ':', '=', '&', '|', '?', '!', ')', ']', '}', '>']);

const isSpace = (char: string | undefined): boolean => char === ' ';

export interface Wrapped {
  lines: string[];
  /** The text was cut at a word longer than the width; the last line ends in an ellipsis. */
  cut: boolean;
}

interface Break {
  /** End of the line (exclusive). */
  end: number;
  /** Where the next line starts. */
  next: number;
}

/** The last run of spaces that ends a line of at most `width` characters from `start`. */
function spaceBreak(chars: string[], start: number, width: number): Break | undefined {
  for (let p = start + width; p > start; p--) {
    if (!isSpace(chars[p])) continue;
    let end = p;
    while (end > start && isSpace(chars[end - 1])) end--;
    if (end === start) return undefined;
    let next = p;
    while (isSpace(chars[next])) next++;
    return { end, next };
  }
  return undefined;
}

/** The last point after separating punctuation (and before a character that is not one). */
function punctuationBreak(chars: string[], start: number, width: number): Break | undefined {
  for (let p = start + width; p > start; p--) {
    const before = chars[p - 1]!;
    const after = chars[p];
    if (BREAK_AFTER.has(before) && after !== undefined && !isSpace(after) && !BREAK_AFTER.has(after)) return { end: p, next: p };
  }
  return undefined;
}

/** The last point between a word and what is not a word, such as a quote: `"` | `MSExchange`. */
function wordEdgeBreak(chars: string[], start: number, width: number): Break | undefined {
  for (let p = start + width; p > start; p--) {
    const after = chars[p];
    if (after !== undefined && isWordChar(chars[p - 1]!) !== isWordChar(after)) return { end: p, next: p };
  }
  return undefined;
}

/**
 * Where the line starting at `start` ends: at spaces when that fills at least half the width,
 * else at the later of a space and separating punctuation, else at the edge of a word.
 */
function lineBreak(chars: string[], start: number, width: number): Break | undefined {
  const atSpace = spaceBreak(chars, start, width);
  if (atSpace && (atSpace.end - start) * 2 >= width) return atSpace;
  const atPunctuation = punctuationBreak(chars, start, width);
  if (!atSpace) return atPunctuation ?? wordEdgeBreak(chars, start, width);
  return atPunctuation && atPunctuation.end > atSpace.end ? atPunctuation : atSpace;
}

/** Ends a line with an ellipsis within the width, replacing its last character if it is full. */
export function withEllipsis(line: string, width: number): string {
  const chars = codePoints(line);
  if (chars.length > 0 && chars[chars.length - 1] === ELLIPSIS) return line;
  return (chars.length + 1 <= width ? line : chars.slice(0, Math.max(0, width - 1)).join('')) + ELLIPSIS;
}

export function wrapLine(text: string, width: number, longWord: LongWord): Wrapped {
  if (textWidth(text) <= width) return { lines: [text], cut: false };
  const chars = codePoints(text);
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > width) {
    const cut = lineBreak(chars, start, width);
    if (cut) {
      lines.push(chars.slice(start, cut.end).join(''));
      start = cut.next;
    } else if (longWord === 'truncate') {
      lines.push(withEllipsis(chars.slice(start, start + width).join(''), width));
      return { lines, cut: true };
    } else {
      lines.push(chars.slice(start, start + width).join(''));
      start += width;
    }
  }
  if (start < chars.length || lines.length === 0) lines.push(chars.slice(start).join(''));
  return { lines, cut: false };
}
