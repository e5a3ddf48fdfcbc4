/**
 * spelunk's own lines on standard error (notes, the ingest summary, the footer): on a terminal
 * wrapped at word boundaries to its width, continuation lines indented; on a pipe or in a file
 * one line each, so they stay easy to grep.
 */
import { relative } from 'node:path';
import { tableWidth, wrapLine } from '../format/index.js';

const CONTINUATION = '  ';

/** The width stderr lines are wrapped to: the terminal's, or none on a pipe. */
function stderrWidth(): number | undefined {
  if (!process.stderr.isTTY) return undefined;
  return tableWidth({ terminalColumns: process.stderr.columns, columnsVariable: process.env['COLUMNS'] });
}

/** `text` as the lines it takes in `width` columns (undefined: one line). */
export function messageLines(text: string, width: number | undefined): string[] {
  if (width === undefined || width <= CONTINUATION.length + 1) return [text];
  if (text.length <= width) return [text];
  // Every line is wrapped to the continuation lines' width, so no text is re-joined.
  const [first, ...rest] = wrapLine(text, width - CONTINUATION.length, 'break').lines;
  return [first!, ...rest.map((line) => CONTINUATION + line)];
}

/** Writes one message on stderr, prefixed `spelunk: `. */
export function writeNote(text: string): void {
  writeLine(`spelunk: ${text}`);
}

/** Writes one message on stderr as it is (`spelunk datamodel`'s summary has no prefix, as scripts read it). */
export function writeLine(text: string): void {
  process.stderr.write(`${messageLines(text, stderrWidth()).join('\n')}\n`);
}

/** A path as the user would type it from here: relative when that is shorter. */
export function displayPath(path: string): string {
  const local = relative(process.cwd(), path);
  return local !== '' && local.length < path.length ? local : path;
}
