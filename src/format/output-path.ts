/** The format an `--output` file's name asks for. */
import { extname } from 'node:path';
import type { OutputFormat } from './options.js';

const FORMAT_BY_EXTENSION: ReadonlyMap<string, OutputFormat> = new Map([
  ['.json', 'json'],
  ['.csv', 'csv'],
  ['.txt', 'table'],
  ['.table', 'table'],
]);

/**
 * `json`, `csv` or `table` from the extension (any case) of `path`; undefined for another or
 * no extension, so the caller keeps its default. `.json` is the bare array `json`, the format
 * scripts already read; `splunk-json` is only ever chosen by name.
 */
export function formatForPath(path: string): OutputFormat | undefined {
  return FORMAT_BY_EXTENSION.get(extname(path).toLowerCase());
}
