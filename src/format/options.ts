/** The output formats and the options every formatter reads. */

/**
 * How results are written: `table` for a person, `csv` as Splunk exports it, `json` the bare
 * array of result objects (spelunk's since its first version), `splunk-json` the whole document
 * of Splunk's REST `output_mode=json`.
 */
export type OutputFormat = 'table' | 'csv' | 'json' | 'splunk-json';
/** Every OutputFormat, in the order help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'splunk-json'];

/** A message of a Splunk search job, as REST `output_mode=json` writes it in `messages`. */
export interface SearchMessage {
  type: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  text: string;
}

/** What the formatters read besides the results; every option has a default. */
export interface FormatOptions {
  /** IANA zone for rendering `_time`; UTC by default. */
  tz?: string;
  /**
   * table: the number of terminal columns the table must fit in (the TTY's width, `$COLUMNS`,
   * or `--width`). Without it the table keeps its wide layout: columns up to 60 wide, lines
   * as long as they need.
   */
  width?: number;
  /** table: the wide layout even when a width is given (`--wide`). */
  wide?: boolean;
  /** table: one record per result (a `field  value` line per field) whatever the width, like psql's `\x on`. */
  vertical?: boolean;
  /** table: the most lines one cell may take when fitting a width; longer cells end in an ellipsis. Default 6. */
  maxCellLines?: number;
  /** splunk-json: the document's `messages` (spelunk's warnings as `WARN`). */
  messages?: readonly SearchMessage[];
}
