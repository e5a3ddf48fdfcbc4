/**
 * Everything a command may need while it runs, besides its input table: the data model
 * stores, the time range and clock, the output zone, subsearch execution, and warnings.
 */
import type { Span } from '../core/errors.js';
import type { ResultTable } from '../core/values.js';
import type { EvalContext } from '../eval/evaluate.js';
import type { Pipeline } from '../parse/ast.js';
import type { ColumnarStore } from '../store/types.js';

/** A data model dataset as tstats reads it: its store and the prefix of its field names. */
export interface DatasetBinding {
  modelName: string;
  datasetName: string;
  /** `Processes` for Endpoint.Processes: fields are addressed as `Processes.<field>`. */
  prefix: string;
  store: ColumnarStore;
}

/** Epoch seconds; earliest inclusive, latest exclusive (DOC SPL2 Search Manual: time modifiers). Absent = unbounded. */
export interface TimeRange {
  earliest?: number;
  latest?: number;
}

export interface ExecContext {
  /** The expanded search text that spans point into. */
  readonly text: string;
  /** The search's `now`, epoch seconds: relative times resolve against it. */
  readonly now: number;
  /** IANA zone for formatting and snapping. */
  readonly tz: string;
  /** The time range given to the whole search (`--earliest/--latest`). */
  readonly timeRange: TimeRange;
  readonly evalContext: EvalContext;
  /** Resolves `Endpoint.Processes` (or `Endpoint`, its first root dataset). */
  dataset(spec: string, span: Span): DatasetBinding;
  /**
   * Runs a subsearch and keeps at most `maxResults` of its results (default: limits.conf
   * [subsearch] maxout), with Splunk's warning when it cuts.
   */
  runSubsearch(pipeline: Pipeline, maxResults?: number): ResultTable;
  /**
   * Runs SPL text as a new search in this one's environment: macros expanded, parsed, planned
   * (map runs its search so, once per input result). With `over`, the text is a subpipeline run
   * over those results (foreach's filled-in template). Absent where no session stands behind the
   * context; the command then says it cannot run.
   */
  runSearch?(search: string, over?: ResultTable): ResultTable;
  warn(message: string): void;
  /**
   * Whether tstats hands its results on as columns (src/core/column-table.ts); false makes every
   * command take its row path, which tests use to check both give the same results.
   */
  readonly columnar: boolean;
  /** Lookup folders layered over the bundled `lookups/` (later wins), from `--lookups`. */
  readonly lookupPaths: readonly string[];
  /** The only folder `outputlookup` may write to (`--output-lookups`); absent = writing refused. */
  readonly outputLookupDir: string | undefined;
}
