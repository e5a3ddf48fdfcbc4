/**
 * A session runs searches over the data model stores: text → macro expansion → parse → plan →
 * execute. The stores, one per dataset, are built once (from the user's logs) and shared by every
 * search; every dataset of every data model is bound, to an empty store when no input fed it.
 */
import { existsSync } from 'node:fs';
import { SpelunkError, type Span } from './core/errors.js';
import { describeOrigin } from './core/describe.js';
import { isColumnTable, resultCount } from './core/column-table.js';
import type { FieldReader, ResultTable } from './core/values.js';
import { ALL_DATASETS, DATA_MODELS, datasetByKey, emptyStore, ENDPOINT_PROCESSES, type DatasetKey } from './datamodel/models.js';
import { evaluate, type EvalContext } from './eval/evaluate.js';
import { parseEvalExpression } from './parse/eval-parser.js';
import type { DatasetBinding, ExecContext, TimeRange } from './commands/context.js';
import { executePlan, type StageObserver } from './exec/execute.js';
import { MacroLibrary } from './macros/library.js';
import { expandMacros, type ExpansionResult } from './macros/expand.js';
import type { Pipeline, SearchExpr } from './parse/ast.js';
import { parseSearch, parseSearchExpression, parseSubpipeline } from './commands/index.js';
import { overResults } from './commands/types.js';
import { planPipeline } from './plan/plan.js';
import { compileRowPredicate, type RowPredicate } from './search/row-predicate.js';
import { subsearchesOf } from './search/subsearch.js';
import type { ColumnarStore } from './store/types.js';
import { EventStoreBuilder } from './events/builder.js';
import { bindEventSearch } from './events/search.js';
import type { EventStore } from './events/store.js';
import { resolveTimeModifier } from './time/modifiers.js';

export interface SessionOptions {
  /** The Endpoint.Processes store: shorthand for `datasets` holding only that dataset. */
  store?: ColumnarStore;
  /**
   * One store per dataset, by `Model.Dataset` name (as `loadData` gives them); a dataset not in
   * the map is empty.
   */
  datasets?: ReadonlyMap<string, ColumnarStore>;
  /** Every event read (loadData's `events`), for searches that start with `search`; default none. */
  events?: EventStore;
  /** Macro sources layered over the bundled macros, in order (later wins). */
  macros?: readonly string[] | undefined;
  /** Inline definitions `NAME=DEFINITION` or `NAME(a,b)=DEFINITION`, applied last. */
  inlineMacros?: readonly string[] | undefined;
  /** IANA zone for time formatting and snapping; default UTC. */
  tz?: string;
  /** The search's `now`: a time modifier or epoch seconds; default the current time. */
  now?: string | number;
  /** Time range applied to every tstats, in Splunk's time-modifier syntax. */
  earliest?: string;
  latest?: string;
  /** Lookup folders (CSV files with security_content YAML definitions), layered over the bundled ones. */
  lookups?: readonly string[] | undefined;
  /** The folder `outputlookup` writes to; without it, outputlookup is refused. */
  outputLookupDir?: string;
  /**
   * Whether results after tstats are held as columns (default true). With false every command
   * works on rows; the results are the same, only slower. For tests and troubleshooting.
   */
  columnar?: boolean;
}

export interface SearchResult extends ResultTable {
  /** The search after macro expansion: what was parsed. */
  expandedSearch: string;
  warnings: string[];
}

/** Subsearch limit (limits.conf [subsearch] maxout = 10000, CONF Splunk 8.2.12). */
export const SUBSEARCH_MAX_RESULTS = 10_000;

export class Session {
  readonly macros: MacroLibrary;
  readonly tz: string;
  readonly now: number;
  readonly timeRange: TimeRange;
  private readonly bindings: Map<string, DatasetBinding>;
  private readonly searchMatchCache = new Map<string, RowPredicate>();
  private eventStore: EventStore | undefined;

  constructor(private readonly options: SessionOptions) {
    this.tz = options.tz ?? 'UTC';
    checkZone(this.tz);
    this.macros = MacroLibrary.bundled();
    for (const source of options.macros ?? []) this.macros.loadPath(source);
    for (const spec of options.inlineMacros ?? []) this.macros.defineInline(spec);
    // A lookup path that is not there is a mistake in the command line, found before any work.
    for (const path of options.lookups ?? []) {
      if (!existsSync(path)) throw new SpelunkError('usage', `--lookups ${path}: no such file or folder.`);
    }
    const clock = Date.now() / 1000;
    this.now =
      options.now === undefined
        ? Math.floor(clock)
        : typeof options.now === 'number'
          ? options.now
          : resolveTimeModifier(options.now, Math.floor(clock), this.tz, 'now');
    this.timeRange = {
      ...(options.earliest !== undefined ? { earliest: resolveTimeModifier(options.earliest, this.now, this.tz) } : {}),
      ...(options.latest !== undefined ? { latest: resolveTimeModifier(options.latest, this.now, this.tz, 'latest') } : {}),
    };
    const { earliest, latest } = this.timeRange;
    if (earliest !== undefined && latest !== undefined && earliest > latest) {
      throw new SpelunkError(
        'usage',
        `The time range is empty: --earliest (${new Date(earliest * 1000).toISOString()}) is later than --latest (${new Date(latest * 1000).toISOString()}).`,
      );
    }
    const stores = givenStores(options);
    this.bindings = new Map();
    for (const { key, model, dataset } of ALL_DATASETS) {
      this.bindings.set(key, { modelName: model.name, datasetName: dataset.name, prefix: dataset.name, store: stores.get(key) ?? emptyStore() });
    }
  }

  /** The events searches that start with `search` read (empty when none were given). */
  get events(): EventStore {
    this.eventStore ??= this.options.events ?? new EventStoreBuilder().build();
    return this.eventStore;
  }

  /** The Endpoint.Processes store. */
  get store(): ColumnarStore {
    return this.bindings.get(ENDPOINT_PROCESSES)!.store;
  }

  /** Every dataset's store, by `Model.Dataset` name, in data model order (empty stores included). */
  get datasets(): ReadonlyMap<DatasetKey, ColumnarStore> {
    return new Map(ALL_DATASETS.map(({ key }) => [key, this.bindings.get(key)!.store]));
  }

  expand(search: string): ExpansionResult {
    return expandMacros(search, this.macros, { evaluateEval: (expression) => this.evaluateConstant(expression) });
  }

  /** Expands and parses; errors carry the position in the user's text and the macro chain. */
  parse(search: string): { expansion: ExpansionResult; pipeline: Pipeline } {
    const expansion = this.expand(search);
    try {
      return { expansion, pipeline: parseSearch(expansion.text) };
    } catch (error) {
      throw locate(error, expansion);
    }
  }

  /** Expands, parses and plans without running: every search error, before any data is read. */
  check(search: string): void {
    const { expansion, pipeline } = this.parse(search);
    try {
      planPipeline(pipeline);
    } catch (error) {
      throw locate(error, expansion);
    }
  }

  /** Runs a search; `observer` watches each command of it and of its subsearches (`run --stages`). */
  run(search: string, observer?: StageObserver): SearchResult {
    const { expansion, pipeline } = this.parse(search);
    const warnings: string[] = [];
    try {
      bindEventSearch(pipeline, () => this.events);
      const plan = planPipeline(pipeline);
      const ctx = this.context(expansion.text, warnings, observer);
      const table = executePlan(plan, ctx, observer);
      return { columns: table.columns, rows: table.rows, expandedSearch: expansion.text, warnings };
    } catch (error) {
      throw locate(error, expansion);
    }
  }

  private context(text: string, warnings: string[], observer?: StageObserver): ExecContext {
    const evalContext: EvalContext = {
      now: this.now,
      tz: this.tz,
      searchMatch: (query: string, row: FieldReader) => this.searchMatch(query, row),
    };
    const limitResults = (table: ResultTable, max: number): ResultTable => {
      const size = resultCount(table);
      if (size <= max) return table;
      warnings.push(`Subsearch produced ${size} results, truncating to maxout ${max}.`);
      return isColumnTable(table) ? table.head(max) : { columns: table.columns, rows: table.rows.slice(0, max) };
    };
    const ctx: ExecContext = {
      text,
      now: this.now,
      tz: this.tz,
      timeRange: this.timeRange,
      evalContext,
      dataset: (spec, span) => this.dataset(spec, span),
      runSubsearch: (pipeline, maxResults = SUBSEARCH_MAX_RESULTS) => {
        bindEventSearch(pipeline, () => this.events);
        return limitResults(executePlan(planPipeline(pipeline), ctx, observer?.subsearch?.()), maxResults);
      },
      // map's search and foreach's template: SPL text run in this search's environment (src/commands/context.ts).
      runSearch: (search, over) => {
        const text = this.expand(search).text;
        const pipeline = over ? overResults(over, parseSubpipeline(text)) : parseSearch(text);
        if (!over) bindEventSearch(pipeline, () => this.events);
        return executePlan(planPipeline(pipeline), ctx);
      },
      warn: (message) => warnings.push(message),
      columnar: this.options.columnar ?? true,
      lookupPaths: this.options.lookups ?? [],
      outputLookupDir: this.options.outputLookupDir,
    };
    return ctx;
  }

  private dataset(spec: string, span: Span): DatasetBinding {
    const [modelName, datasetName] = spec.split('.', 2) as [string, string | undefined];
    const model = DATA_MODELS.find((m) => m.name === modelName);
    if (!model) {
      const known = DATA_MODELS.map((m) => m.name).join(', ');
      throw new SpelunkError('search', `The data model '${modelName}' was not found. Known data models: ${known}.`, span);
    }
    const dataset = datasetName ?? model.rootDatasets[0]!.name;
    const binding = this.bindings.get(`${model.name}.${dataset}`);
    if (!binding) {
      const known = model.rootDatasets.map((d) => `${model.name}.${d.name}`).join(', ');
      throw new SpelunkError(
        'search',
        `The dataset '${dataset}' is not a root dataset of the data model '${model.name}'. Known: ${known}.`,
        span,
      );
    }
    return binding;
  }

  /** eval's searchmatch(): the row against a search-language expression. */
  private searchMatch(query: string, row: FieldReader): boolean {
    let predicate = this.searchMatchCache.get(query);
    if (!predicate) {
      predicate = compileRowPredicate(searchMatchExpression(query), { now: this.now, tz: this.tz });
      this.searchMatchCache.set(query, predicate);
    }
    return predicate(row);
  }

  private evaluateConstant(expression: string): string | number | boolean | null {
    const { expr } = parseEvalExpression(expression, 0);
    const value = evaluate(expr, new Map(), { now: this.now, tz: this.tz });
    if (value === null || typeof value !== 'object') return value;
    return value.length > 0 ? (value[0] as string | number | boolean) : null;
  }
}

/**
 * searchmatch()'s argument parsed as a search expression. Its errors carry offsets in the
 * argument, not in the search, so they are restated with the offset in the message; a
 * subsearch cannot run there (Splunk evaluates searchmatch per result) and is refused.
 */
function searchMatchExpression(query: string): SearchExpr {
  let expr: SearchExpr;
  try {
    expr = parseSearchExpression(query);
  } catch (error) {
    if (!(error instanceof SpelunkError)) throw error;
    // The parser reads `[...]` as a subsearch placeholder and fails on it: say what was meant.
    if (query.includes('[')) throw searchMatchSubsearch(query);
    const at = error.span ? ` at character ${error.span.start + 1} of "${query}"` : ` in "${query}"`;
    throw new SpelunkError('search', `searchmatch(): ${error.message.replace(/\.$/, '')}${at}.`);
  }
  if (subsearchesOf(expr).length > 0) throw searchMatchSubsearch(query);
  return expr;
}

function searchMatchSubsearch(query: string): SpelunkError {
  return new SpelunkError('search', `searchmatch(): "${query}" holds a subsearch in square brackets, which searchmatch cannot run.`);
}

/** The stores the options give, by dataset; an unknown dataset name, or Endpoint.Processes given twice, is a usage error. */
function givenStores(options: SessionOptions): Map<string, ColumnarStore> {
  const stores = new Map(options.datasets ?? []);
  for (const key of stores.keys()) {
    if (!datasetByKey(key)) {
      const known = ALL_DATASETS.map((entry) => entry.key).join(', ');
      throw new SpelunkError('usage', `The session was given a store for '${key}', which is not a dataset spelunk knows. Known: ${known}.`);
    }
  }
  if (options.store) {
    if (stores.has(ENDPOINT_PROCESSES)) {
      throw new SpelunkError('usage', `The session was given ${ENDPOINT_PROCESSES} twice, as 'store' and in 'datasets': give it once.`);
    }
    stores.set(ENDPOINT_PROCESSES, options.store);
  }
  return stores;
}

function checkZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new SpelunkError('usage', `Unknown time zone '${tz}': use an IANA zone name such as UTC or Europe/Paris.`);
  }
}

/** Adds where-in-the-user's-text to an error raised on the expanded text. */
function locate(error: unknown, expansion: ExpansionResult): unknown {
  if (error instanceof SpelunkError && error.span && error.detail === undefined) {
    error.detail = describeOrigin(expansion.original, expansion.origins.originOf(error.span.start));
  }
  return error;
}

export function createSession(options: SessionOptions): Session {
  return new Session(options);
}
