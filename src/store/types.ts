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

/**
 * A column of value ids. The width follows the dictionary size (8 bits up to 255 distinct
 * values, 16 bits up to 65,535, else 32 bits), which keeps the store near 40 bytes per row;
 * read it by index like any array.
 */
export type IdArray = Uint8Array | Uint16Array | Uint32Array;

export interface DictionaryColumn {
  /** Value id per row; exactly `rowCount` entries. */
  readonly ids: IdArray;
  /** Distinct values by id; `dictionary[NULL_ID]` is null. */
  readonly dictionary: readonly DictionaryEntry[];
}

export interface ColumnarStore {
  readonly rowCount: number;
  /** `_time` per row, epoch seconds (fractional allowed); exactly `rowCount` entries. */
  readonly time: Float64Array;
  /** Field names without the dataset prefix (`dest`, `process_name`, `host`, `sourcetype`, ...). */
  readonly fields: readonly string[];
  /** The column of a field, or undefined when no row has the field. */
  column(field: string): DictionaryColumn | undefined;
}
