/**
 * `| tstats`: statistics over a data model, read from the columnar store. Syntax from
 * searchbnf (CONF Splunk 8.2.12) and the tstats reference (DOC Search Reference: tstats); see docs/semantics.md for each rule.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { ColumnTable, computedColumn, dictionaryColumn, type Column } from '../core/column-table.js';
import type { ResultTable, Row, Scalar } from '../core/values.js';
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { LParen, RParen } from '../parse/tokens.js';
import { renderSearchExpr } from '../search/explain.js';
import { allRows, rowsMatchingOnStore, type StoreFieldResolver } from '../search/store-predicate.js';
import { resolveSubsearches, subsearchesOf } from '../search/subsearch.js';
import { accumulatorFor, type AggregateInput, type GroupAccumulator } from '../stats/store-accumulators.js';
import { groupStoreRows, type ByField, type Grouping } from '../stats/store-grouping.js';
import type { ColumnarStore, DictionaryColumn } from '../store/types.js';
import { parseSpan } from '../time/span.js';
import type { DatasetBinding, ExecContext } from './context.js';
import { defineCommand } from './types.js';

const TSTATS_OPTIONS = [
  'prestats',
  'local',
  'append',
  'summariesonly',
  'include_reduced_buckets',
  'allow_old_summaries',
  'chunk_size',
  'fillnull_value',
] as const;

/** The statistical functions tstats accepts (DOC Search Reference: tstats), with the shared aliases (CONF Splunk 8.2.12). */
export const TSTATS_FUNCTIONS = [
  'avg', 'mean', 'count', 'c', 'distinct_count', 'dc', 'estdc', 'max', 'median', 'min', 'mode', 'range', 'stdev',
  'stdevp', 'sum', 'sumsq', 'var', 'varp', 'first', 'last', 'values', 'earliest', 'latest', 'earliest_time', 'latest_time',
] as const;

const PERCENTILE = /^(?:perc|p|exactperc|upperperc)\d+(?:\.\d+)?$/;

/** Fields every root dataset has, addressed without the dataset prefix. */
const UNPREFIXED_FIELDS = new Set(['host', 'source', 'sourcetype', 'index']);

export interface TstatsAggregate {
  /** Function name in lower case. */
  fn: string;
  field?: string;
  /** Output column: the AS name, or the function as written, e.g. `values(Processes.process)`. */
  column: string;
  span: Span;
}

export interface TstatsNode extends CommandNodeBase {
  options: Record<string, string>;
  aggregates: TstatsAggregate[];
  datamodel?: { spec: string; span: Span };
  where?: SearchExpr;
  /** `where nodename=Root.Child`: only the rows of that child dataset (absent for the root itself). */
  childDataset?: string;
  by: { field: string; span: Span }[];
  timeSpan?: { text: string; span: Span };
}

function takeOptions(cursor: ArgCursor, options: Record<string, string>): void {
  for (;;) {
    const option = cursor.takeOption(TSTATS_OPTIONS);
    if (!option) return;
    options[option.key] = option.value;
    const isBoolean = option.key !== 'chunk_size' && option.key !== 'fillnull_value';
    const enabled = isBoolean ? booleanOption(option) : false;
    if (option.key === 'chunk_size') countOption(option);
    if (option.key === 'prestats' && enabled) {
      throw new SpelunkError('unsupported', "spelunk does not support tstats prestats=true (it feeds chart/timechart, which spelunk lacks).", option.span);
    }
    if (option.key === 'append' && enabled) {
      throw new SpelunkError('unsupported', 'spelunk does not support tstats append=true (it works only with prestats).', option.span);
    }
  }
}

function isClauseWord(cursor: ArgCursor): boolean {
  return cursor.isWord('from') || cursor.isWord('where') || cursor.isWord('by') || cursor.isWord('groupby');
}

function parseAggregate(cursor: ArgCursor): TstatsAggregate {
  const fnToken = cursor.nextToken();
  const written = fnToken.image;
  const fn = written.toLowerCase();
  const fnSpan = { start: fnToken.startOffset, end: fnToken.startOffset + written.length };
  if (!(TSTATS_FUNCTIONS as readonly string[]).includes(fn) && !PERCENTILE.test(fn)) {
    throw new SpelunkError('syntax', `Error in 'tstats' command: '${written}' is not a statistical function tstats supports.`, fnSpan);
  }
  let field: string | undefined;
  let end = fnSpan.end;
  if (cursor.take(LParen)) {
    if (cursor.isWord('prefix')) throw new SpelunkError('unsupported', 'spelunk does not support PREFIX() in tstats.', { start: cursor.offset, end: cursor.offset + 6 });
    const name = cursor.expectFieldName(`inside ${written}()`);
    field = name.name;
    end = cursor.expect(RParen, `')' after ${field}`).startOffset + 1;
  } else if (fn !== 'count' && fn !== 'c') {
    throw new SpelunkError('syntax', `Error in 'tstats' command: the function '${written}' needs a field, as in ${written}(<field>).`, fnSpan);
  }
  let column = field === undefined ? written : `${written}(${field})`;
  if (cursor.takeWord('as')) {
    const alias = cursor.expectFieldName("after 'AS'");
    column = alias.name;
    end = alias.span.end;
  }
  return { fn, ...(field !== undefined ? { field } : {}), column, span: { start: fnSpan.start, end } };
}

/** Removes `nodename=...` from the top level of the WHERE clause; tstats reads it as a dataset selector. */
function extractNodename(expr: SearchExpr | undefined): { where: SearchExpr | undefined; nodename?: { value: string; span: Span } } {
  if (!expr) return { where: undefined };
  const isNodename = (e: SearchExpr): e is Extract<SearchExpr, { kind: 'compare' }> =>
    e.kind === 'compare' && e.field === 'nodename' && e.op === '=';
  if (isNodename(expr)) return { where: undefined, nodename: { value: expr.value.value, span: expr.span } };
  if (expr.kind !== 'and') return { where: expr };
  const found = expr.operands.find(isNodename);
  if (!found) return { where: expr };
  const rest = expr.operands.filter((e) => e !== found);
  const where: SearchExpr | undefined = rest.length === 0 ? undefined : rest.length === 1 ? rest[0] : { ...expr, operands: rest };
  return { where, nodename: { value: found.value.value, span: found.span } };
}

function parseTstats(cursor: ArgCursor): TstatsNode {
  const options: Record<string, string> = {};
  takeOptions(cursor, options);
  const aggregates: TstatsAggregate[] = [];
  while (!cursor.done && !isClauseWord(cursor)) {
    aggregates.push(parseAggregate(cursor));
    cursor.takeComma();
    takeOptions(cursor, options);
  }
  if (aggregates.length === 0) cursor.fail("Error in 'tstats' command: at least one statistical function is required, such as count.");

  let datamodel: TstatsNode['datamodel'];
  if (cursor.takeWord('from')) {
    const option = cursor.takeOption(['datamodel']);
    if (!option) {
      // `FROM <namespace>` and `FROM sid=<job>` are well-formed tstats; spelunk has only data models.
      throw new SpelunkError('unsupported', "spelunk's tstats reads data models only: write 'from datamodel=<model>.<dataset>'.", {
        start: cursor.offset,
        end: Math.max(cursor.offset + 1, cursor.endOffset),
      });
    }
    datamodel = { spec: option.value, span: option.span };
  }

  let where: SearchExpr | undefined;
  let nodename: { value: string; span: Span } | undefined;
  let childDataset: string | undefined;
  const whereWord = cursor.takeWord('where');
  if (whereWord) {
    const items = cursor.takeUntil((c) => c.isWord('by') || c.isWord('groupby'));
    if (items.length === 0) {
      cursor.fail("Error in 'tstats' command: WHERE needs a search expression.", { start: whereWord.startOffset, end: whereWord.startOffset + 5 });
    }
    ({ where, nodename } = extractNodename(cursor.searchExpression(items)));
  }
  if (nodename && datamodel) {
    const parts = nodename.value.split('.');
    const datasetName = datamodel.spec.split('.')[1];
    if (datasetName !== undefined && parts[0] !== datasetName) {
      throw new SpelunkError(
        'search',
        `nodename=${nodename.value} is not a dataset under ${datamodel.spec}: a nodename starts with the root dataset's name (${datasetName}).`,
        nodename.span,
      );
    }
    if (parts.length > 1) childDataset = nodename.value;
  }

  const by: TstatsNode['by'] = [];
  let timeSpan: TstatsNode['timeSpan'];
  if (cursor.takeWord('by') || cursor.takeWord('groupby')) {
    while (!cursor.done) {
      const spanOption = cursor.takeOption(['span']);
      if (spanOption) {
        timeSpan = { text: spanOption.value, span: spanOption.span };
        continue;
      }
      const optionsBefore = Object.keys(options).length;
      takeOptions(cursor, options);
      if (Object.keys(options).length !== optionsBefore) continue;
      if (cursor.takeComma()) continue;
      if (cursor.done) break;
      if (cursor.isWord('prefix')) throw new SpelunkError('unsupported', 'spelunk does not support PREFIX() in tstats.', { start: cursor.offset, end: cursor.offset + 6 });
      const field = cursor.expectFieldName('in the BY clause');
      if (field.name.includes('*')) cursor.fail("Error in 'tstats' command: You cannot use wildcards in the BY clause.", field.span);
      by.push({ field: field.name, span: field.span });
    }
    if (by.length === 0) cursor.fail("Error in 'tstats' command: the BY clause names no field.");
  }
  cursor.expectEnd();
  if (timeSpan) {
    try {
      parseSpan(timeSpan.text);
    } catch (error) {
      if (error instanceof SpelunkError && !error.span) throw new SpelunkError(error.kind, error.message, timeSpan.span);
      throw error;
    }
  }
  return {
    name: 'tstats',
    span: { start: 0, end: 0 },
    options,
    aggregates,
    ...(datamodel ? { datamodel } : {}),
    ...(where ? { where } : {}),
    ...(childDataset !== undefined ? { childDataset } : {}),
    by,
    ...(timeSpan ? { timeSpan } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

/** The index every event is in: spelunk reads all the given logs as one index. */
const DEFAULT_INDEX = 'main';

const indexColumns = new WeakMap<ColumnarStore, DictionaryColumn>();

/** `index` as a column: every row in DEFAULT_INDEX, so `index=*` and `index=main` keep all rows. */
function indexColumn(store: ColumnarStore): DictionaryColumn {
  let column = indexColumns.get(store);
  if (!column) {
    column = { ids: new Uint8Array(store.rowCount).fill(1), dictionary: [null, DEFAULT_INDEX] };
    indexColumns.set(store, column);
  }
  return column;
}

/** How a search field name maps onto the dataset's store. */
function fieldResolver(binding: DatasetBinding): StoreFieldResolver {
  const prefix = `${binding.prefix}.`;
  return {
    isTime: (field) => field === '_time',
    column(field: string): DictionaryColumn | undefined {
      if (field.startsWith(prefix)) return binding.store.column(field.slice(prefix.length));
      if (field === 'index') return binding.store.column('index') ?? indexColumn(binding.store);
      if (UNPREFIXED_FIELDS.has(field)) return binding.store.column(field);
      return undefined;
    },
  };
}

/** The rows (ascending) in the search's time range that pass the WHERE clause. */
/**
 * The rows of a child dataset: ingest lists in each row's multivalue `nodename` the root and every
 * child whose constraint the row meets (src/datamodel), so a child is a test once per distinct value.
 */
function rowsOfChild(store: ColumnarStore, child: string, rows: Uint32Array): Uint32Array {
  const column = store.column('nodename');
  if (!column) return new Uint32Array(0);
  const inChild = column.dictionary.map((entry) => (entry === null ? false : typeof entry === 'string' ? entry === child : entry.includes(child)));
  return rows.filter((row) => inChild[column.ids[row]!] === true);
}

function selectRows(node: TstatsNode, binding: DatasetBinding, ctx: ExecContext): Uint32Array {
  const store = binding.store;
  const { earliest, latest } = ctx.timeRange;
  let rows = allRows(store.rowCount);
  if (earliest !== undefined || latest !== undefined) {
    const time = store.time;
    rows = rows.filter((row) => (earliest === undefined || time[row]! >= earliest) && (latest === undefined || time[row]! < latest));
  }
  if (node.childDataset !== undefined) rows = rowsOfChild(store, node.childDataset, rows);
  if (!node.where) return rows;
  const where = resolveSubsearches(node.where, ctx.runSubsearch);
  return rowsMatchingOnStore(where, store, fieldResolver(binding), { now: ctx.now, tz: ctx.tz }, rows);
}

function aggregateInput(field: string | undefined, resolver: StoreFieldResolver): AggregateInput | undefined {
  if (field === undefined) return undefined;
  if (resolver.isTime(field)) return { kind: 'time' };
  const column = resolver.column(field);
  return column ? { kind: 'column', column } : { kind: 'none' };
}

function executeTstats(node: TstatsNode, ctx: ExecContext): ResultTable {
  if (!node.datamodel) {
    throw new SpelunkError('unsupported', "spelunk's tstats reads data models only: add 'from datamodel=<model>.<dataset>'.", node.span);
  }
  const binding = ctx.dataset(node.datamodel.spec, node.datamodel.span);
  const store = binding.store;
  const resolver = fieldResolver(binding);
  const selected = selectRows(node, binding, ctx);
  const timeSpan = node.timeSpan ? parseSpan(node.timeSpan.text) : undefined;
  const by: ByField[] = node.by.map((b) =>
    resolver.isTime(b.field) ? { kind: 'time', span: timeSpan, tz: ctx.tz } : { kind: 'column', column: resolver.column(b.field) },
  );
  const accumulators = node.aggregates.map((a) => accumulatorFor(a.fn, aggregateInput(a.field, resolver), store));
  const columns = [...node.by.map((b) => b.field), ...node.aggregates.map((a) => a.column)];

  const rowOf = (group: number, atoms: (field: number) => Scalar): Row => {
    const row: Row = new Map();
    node.by.forEach((b, f) => row.set(b.field, atoms(f)));
    node.aggregates.forEach((a, index) => {
      const value = accumulators[index]!.result(group);
      if (value !== null) row.set(a.column, value);
    });
    return row;
  };

  if (node.by.length === 0) {
    // Without BY there is always one row, even over no events (count 0).
    for (let i = 0; i < selected.length; i++) for (const accumulator of accumulators) accumulator.add(0, selected[i]!);
    return { columns, rows: [rowOf(0, () => '')] };
  }
  // Grouping waits until a command needs the results (join may find it need not).
  return ColumnTable.later(columns, () => {
    const grouping = groupStoreRows(store, selected, by, node.options['fillnull_value']);
    for (let k = 0; k < grouping.rows.length; k++) {
      const row = grouping.rows[k]!;
      const group = grouping.groups[k]!;
      for (const accumulator of accumulators) accumulator.add(group, row);
    }
    return groupTable(node, grouping, accumulators);
  });
}

/**
 * One result per group, as columns indexed by group id: BY fields share the grouping's atom
 * ids, aggregates are read from the accumulators when asked for. The sort by BY values waits
 * until a later command needs the order.
 */
function groupTable(node: TstatsNode, grouping: Grouping, accumulators: readonly GroupAccumulator[]): ColumnTable {
  const groupCount = grouping.groupCount;
  const data = new Map<string, Column>();
  node.by.forEach((b, f) => {
    data.set(b.field, dictionaryColumn(grouping.groupAtoms[f]!, grouping.atoms[f]!, () => grouping.atomRanks(f)));
  });
  node.aggregates.forEach((a, index) => {
    const accumulator = accumulators[index]!;
    data.set(a.column, computedColumn(groupCount, (group) => accumulator.result(group)));
  });
  const names = [...node.by.map((b) => b.field), ...node.aggregates.map((a) => a.column)];
  const all = new Uint32Array(groupCount);
  for (let g = 0; g < groupCount; g++) all[g] = g;
  return new ColumnTable(names, data, all, groupCount, (groups) => grouping.sortGroups(groups));
}

export default defineCommand<TstatsNode>({
  name: 'tstats',
  type: 'generating',
  summary: 'Computes statistics over a data model (`from datamodel=Endpoint.Processes`), grouped by fields.',
  parse: parseTstats,
  explain(node) {
    const functions = node.aggregates.map((a) => (a.column === `${a.fn}(${a.field})` || a.column === a.fn ? a.column : `${a.fn}${a.field ? `(${a.field})` : ''} as ${a.column}`));
    const fill = node.options['fillnull_value'];
    return {
      ...(node.where ? { text: `where ${renderSearchExpr(node.where)}` } : {}),
      note:
        `reads ${node.datamodel?.spec ?? '(no data model)'}; computes ${functions.join(', ')}` +
        (node.by.length > 0 ? ` for each ${node.by.map((b) => b.field).join(', ')}` : '') +
        (node.by.length > 0
          ? fill === undefined
            ? '; rows with a null BY field are dropped'
            : `; null BY fields become "${fill}"`
          : ''),
    };
  },
  subsearches: (node) => subsearchesOf(node.where),
  execute(node, _input, ctx) {
    return executeTstats(node, ctx);
  },
});
