/** Option values of the lookup commands and join: `append=t`, `max=0`. */
import { SpelunkError } from '../core/errors.js';
import type { ParsedOption } from '../parse/cursor.js';

/** Splunk's boolean spellings: true/false, t/f, 1/0, yes/no (case-insensitive). */
export function optionBoolean(option: ParsedOption): boolean {
  const text = option.value.toLowerCase();
  if (['true', 't', '1', 'yes'].includes(text)) return true;
  if (['false', 'f', '0', 'no'].includes(text)) return false;
  throw new SpelunkError('syntax', `Invalid value for '${option.key}': '${option.value}' is not a boolean.`, option.span);
}

export function optionCount(option: ParsedOption): number {
  if (!/^\d+$/.test(option.value)) {
    throw new SpelunkError('syntax', `Invalid value for '${option.key}': '${option.value}' is not a non-negative integer.`, option.span);
  }
  return Number(option.value);
}
