/**
 * The value model shared by every layer after parsing.
 *
 * Splunk results are rows of named fields; a field is absent (null), a single value, or a
 * multivalue (an ordered list of values). Values produced from events are strings; eval can
 * produce numbers and booleans, which Splunk renders as strings on output.
 */
export type Scalar = string | number | boolean;
export type MultiValue = readonly Scalar[];
export type Value = Scalar | MultiValue | null;

/** One result row: field name to value. A Map, so any field name (even `__proto__`) is safe. */
export type Row = Map<string, Value>;

/** Read access to one result's fields: a Row, or a cursor over a column table (src/core/column-table.ts). */
export interface FieldReader {
  get(field: string): Value | undefined;
}

/** A table of results: the ordered column list and the rows. */
export interface ResultTable {
  columns: string[];
  rows: Row[];
}

export function emptyTable(): ResultTable {
  return { columns: [], rows: [] };
}

export function isMultiValue(value: Value | undefined): value is MultiValue {
  return Array.isArray(value);
}

export function isNull(value: Value | undefined): value is null | undefined {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The values of a field as a list: [] for null, [v] for a single value. */
export function valuesOf(value: Value | undefined): readonly Scalar[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value as readonly Scalar[];
  return [value as Scalar];
}

/** Splunk's string form of a scalar: numbers print without a trailing `.0`, booleans as words. */
export function scalarToString(value: Scalar): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return numberToString(value);
}

/**
 * A number as Splunk prints it: the shortest text that reads back as the same double
 * (DOC stats 10.0 and mathematical-functions 10.0 examples print `48.857142857142854` and
 * `3.9900000000000055`), integers without a fraction.
 */
export function numberToString(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

/** A row's value as display strings, in order: [] for null. */
export function displayValues(value: Value | undefined): string[] {
  return valuesOf(value).map(scalarToString);
}

/** Collapse a list to Splunk's field shape: [] → null, [x] → x, else the list. */
export function fromValues(values: readonly Scalar[]): Value {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as Scalar;
  return values;
}

/** Byte-order comparison of two strings (UTF-16 code units agree with UTF-8 byte order for BMP text). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses a string as Splunk treats numbers in comparisons: decimal, optional sign and exponent. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The number a value reads as, for numeric comparisons; undefined when it is not numeric. */
export function numericValue(value: Scalar): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : undefined;
}
