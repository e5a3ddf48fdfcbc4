/** The values of `key=value` command options, read the same way by every command. */
import { SpelunkError } from '../core/errors.js';
import type { ArgCursor, ParsedOption } from './cursor.js';

/** Splunk's boolean spellings, case-insensitive. */
const TRUE_WORDS = ['true', 't', '1', 'yes', 'y'];
const FALSE_WORDS = ['false', 'f', '0', 'no', 'n'];

/** true, false, or undefined when the text is not a boolean. */
export function booleanFromText(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(lower)) return true;
  if (FALSE_WORDS.includes(lower)) return false;
  return undefined;
}

export function booleanOption(option: ParsedOption): boolean {
  const value = booleanFromText(option.value);
  if (value === undefined) {
    throw new SpelunkError('syntax', `Invalid value '${option.value}' for option '${option.key}': expected true or false.`, option.span);
  }
  return value;
}

/** A whole number of zero or more. */
export function countOption(option: ParsedOption): number {
  if (!/^\d+$/.test(option.value)) {
    throw new SpelunkError('syntax', `Invalid value '${option.value}' for option '${option.key}': expected a whole number.`, option.span);
  }
  return Number(option.value);
}

/** Fails with `unsupported` when the next argument is one of `keys`: an option spelunk lacks. */
export function takeUnsupportedOption(cursor: ArgCursor, keys: readonly string[]): boolean {
  const option = cursor.takeOption(keys);
  if (!option) return false;
  throw new SpelunkError('unsupported', `spelunk does not support the ${cursor.command} option '${option.key}'.`, option.span);
}
