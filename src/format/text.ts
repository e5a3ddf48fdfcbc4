/**
 * Text as a terminal shows it. Widths count code points: a character outside the Basic
 * Multilingual Plane is one column, and so is an East Asian wide character, which a terminal
 * draws two columns wide (a known limit: such text can overrun the width it was fitted to).
 */

/** The text's characters, one code point each. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Columns the text takes, as code points. */
export function textWidth(text: string): number {
  return SURROGATE.test(text) ? codePoints(text).length : text.length;
}

// Control characters other than the newline would move the cursor or take a tab stop's width;
// they are shown as their Unicode control pictures instead, one column each.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F]/;

function controlPicture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

/** One value as the lines it is written on: split at its newlines, control characters made visible. */
export function valueLines(value: string): string[] {
  if (!NEEDS_CLEANING.test(value)) return [value];
  return value.replace(/\r\n/g, '\n').replace(CONTROL, controlPicture).split('\n');
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** A letter, mark, digit or underscore: the characters a word is made of, which a line never splits. */
export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}
