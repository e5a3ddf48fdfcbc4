/**
 * One documented example of Splunk's Search Reference as a test case: the search, the result the
 * page states for it, and where the page states it.
 */

/** A field as Splunk's REST JSON shows it: a string, a list of strings (multivalue), or null when the field is absent. */
export type Cell = string | string[] | null;

export type Expected =
  /** Exactly one result, and this field of it. */
  | { field: string; value: Cell }
  /** Exactly one result, and these fields of it (fields not listed are not compared). */
  | { fields: Record<string, Cell> }
  /**
   * Every result, in order, with these fields each (fields not listed are not compared); with
   * `columns`, also exactly these visible columns in this order.
   */
  | { rows: Record<string, Cell>[]; columns?: string[] }
  /** The page says the search fails. */
  | { error: true };

export interface DocCase {
  /** Unique across all case files: `<page-key>-<what>`. */
  id: string;
  /** The Search Reference page, with its documentation version. */
  page: string;
  /** The page's sentence or table that states the result, verbatim (markdown table rows as `| a | b |`). */
  quote: string;
  /** The search spelunk runs: the page's search, or its `...` example preceded by a makeresults pipeline that builds the input the page describes. */
  search: string;
  expected: Expected;
  /** How the input was built or the expected value read, where that is not obvious from the quote. */
  note?: string;
  /**
   * What spelunk does instead of the documented result, today. The runner asserts that spelunk still
   * differs, so a fix makes the case fail until this mark is removed.
   */
  knownDifference?: string;
  /** The search's now (epoch seconds) and time zone, where the result depends on them. */
  now?: number;
  tz?: string;
}

const SEARCH_REFERENCE = 'https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0';

/** The URL of a Search Reference 10.0 page: `section/page`, e.g. `evaluation-functions/mathematical-functions`. */
export const page = (path: string): string => `${SEARCH_REFERENCE}/${path}`;

/** The `knownDifference` property for a case built by a helper, present only when given. */
export const marked = (knownDifference: string | undefined): { knownDifference?: string } =>
  knownDifference === undefined ? {} : { knownDifference };
