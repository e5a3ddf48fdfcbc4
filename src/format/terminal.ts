/** How wide a table may be: the width the user gave, else the terminal's, else 80 columns. */
import { SpelunkError } from '../core/errors.js';

/** The width of a table written to a pipe or a file when nothing says otherwise. */
export const DEFAULT_TABLE_WIDTH = 80;

const WHOLE_NUMBER = /^[1-9]\d*$/;

/**
 * A `--width` value: a whole number of columns, 1 or more. The message is worded for
 * commander, which names the option and the value before it (wrap it in InvalidArgumentError).
 */
export function parseWidth(text: string): number {
  if (!WHOLE_NUMBER.test(text.trim())) throw new SpelunkError('usage', 'expected a whole number of columns, 1 or more.');
  return Number(text.trim());
}

export interface WidthSources {
  /** `--width`, already parsed. */
  flag?: number | undefined;
  /** `process.stdout.columns` when the table goes to a terminal (undefined on a pipe or to a file). */
  terminalColumns?: number | undefined;
  /** `$COLUMNS`, as the shell exports it (when it does). */
  columnsVariable?: string | undefined;
}

/**
 * The first of: the flag, the terminal's width, `$COLUMNS` (a whole number; anything else is
 * ignored, as shells and `stty` may leave it unset or stale), DEFAULT_TABLE_WIDTH.
 */
export function tableWidth(sources: WidthSources): number {
  if (sources.flag !== undefined) return sources.flag;
  if (sources.terminalColumns !== undefined && Number.isInteger(sources.terminalColumns) && sources.terminalColumns > 0) return sources.terminalColumns;
  const variable = sources.columnsVariable?.trim();
  if (variable !== undefined && WHOLE_NUMBER.test(variable)) return Number(variable);
  return DEFAULT_TABLE_WIDTH;
}
