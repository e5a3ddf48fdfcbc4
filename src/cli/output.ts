/**
 * Where and how a command's results are written: the format (`--format`, else the `--output`
 * file's extension, else a table on a terminal and CSV on a pipe) and, for a table, the width
 * it is fitted to (`--width`, the terminal's, `$COLUMNS`, 80) unless `--wide` asks for none.
 */
import { writeFileSync } from 'node:fs';
import { SpelunkError } from '../core/errors.js';
import type { ResultTable } from '../core/values.js';
import { formatForPath, formatResults, tableWidth, type FormatOptions, type OutputFormat } from '../format/index.js';
import type { OutputFlags } from './options.js';

export function chooseFormat(flags: OutputFlags): OutputFormat {
  if (flags.format) return flags.format;
  if (flags.output !== undefined) return formatForPath(flags.output) ?? 'csv';
  return process.stdout.isTTY ? 'table' : 'csv';
}

/** The table's layout options: fitted to a width unless `--wide`; records with `--vertical`. */
export function tableLayout(flags: OutputFlags): Pick<FormatOptions, 'width' | 'wide' | 'vertical'> {
  if (flags.vertical) return { vertical: true, ...(flags.width !== undefined ? { width: flags.width } : {}) };
  if (flags.wide) return { wide: true };
  const toTerminal = flags.output === undefined && process.stdout.isTTY;
  return {
    width: tableWidth({
      flag: flags.width,
      terminalColumns: toTerminal ? process.stdout.columns : undefined,
      columnsVariable: process.env['COLUMNS'],
    }),
  };
}

/** Formats the results as the flags ask and writes them to `--output` or standard output. */
export function writeResults(table: ResultTable, flags: OutputFlags, options: FormatOptions = {}): void {
  const format = chooseFormat(flags);
  const text = formatResults(table, format, { ...options, ...(format === 'table' ? tableLayout(flags) : {}) });
  if (flags.output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(flags.output, text);
  } catch (error) {
    throw new SpelunkError('input', `cannot write ${flags.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
