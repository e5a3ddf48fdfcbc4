/**
 * The data model store: a columnar, dictionary-encoded table of one dataset's rows, like
 * Splunk's tsidx. Built once per run from the input logs, then queried by every tstats.
 *
 * Per field: an integer column of value ids, one per row, and a dictionary of the distinct
 * values. Id 0 is reserved for null (the field is absent on that row), so null and the empty
 * string stay distinct. `_time` is its own float column of epoch seconds.
 */

/** The id that means "no value" in every column. */
export const NULL_ID = 0;

/** A dictionary entry: one value, or the values of a multivalue field. Entry 0 is null. */
export type DictionaryEntry = string | readonly string[] | null;

export interface DictionaryColumn {
  /** Value id per row; only the first `rowCount` entries of the store are meaningful. */
  readonly ids: Uint32Array;
  /** Distinct values by id; `dictionary[NULL_ID]` is null. */
  readonly dictionary: readonly DictionaryEntry[];
}

export interface ColumnarStore {
  readonly rowCount: number;
  /** `_time` per row, epoch seconds (fractional allowed). */
  readonly time: Float64Array;
  /** Field names without the dataset prefix (`dest`, `process_name`, `host`, `sourcetype`, ...). */
  readonly fields: readonly string[];
  /** The column of a field, or undefined when no row has the field. */
  column(field: string): DictionaryColumn | undefined;
}
