/**
 * `| tstats`: statistics over a data model, read from the columnar store. Syntax from
 * searchbnf (CONF S1) and the tstats reference (DOC S7); see docs/semantics.md for each rule.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { compareBytes, parseNumber, type Row, type Scalar, type Value } from '../core/values.js';
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { LParen, RParen } from '../parse/tokens.js';
import { renderSearchExpr } from '../search/explain.js';
import { evaluateOnStore, type StoreFieldResolver } from '../search/store-predicate.js';
import { resolveSubsearches, subsearchesOf } from '../search/subsearch.js';
import { createAggregator, type Aggregator } from '../stats/aggregate.js';
import { NULL_ID, type ColumnarStore, type DictionaryColumn, type DictionaryEntry } from '../store/types.js';
import { binStart, parseSpan, type TimeSpan } from '../time/span.js';
import type { DatasetBinding, ExecContext } from '../exec/context.js';
import { defineCommand } from './types.js';

export const TSTATS_OPTIONS = [
  'prestats',
  'local',
  'append',
  'summariesonly',
  'include_reduced_buckets',
  'allow_old_summaries',
  'chunk_size',
  'fillnull_value',
] as const;

/** The statistical functions tstats accepts (DOC S7), with the shared aliases (CONF S1). */
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
  by: { field: string; span: Span }[];
  timeSpan?: { text: string; span: Span };
}

function isBooleanTrue(text: string): boolean {
  return ['true', 't', '1', 'yes', 'y'].includes(text.toLowerCase());
}

function takeOptions(cursor: ArgCursor, options: Record<string, string>): void {
  for (;;) {
    const option = cursor.takeOption(TSTATS_OPTIONS);
    if (!option) return;
    options[option.key] = option.value;
    if (option.key === 'prestats' && isBooleanTrue(option.value)) {
      throw new SpelunkError('unsupported', "spelunk does not support tstats prestats=true (it feeds chart/timechart, which spelunk lacks).", option.span);
    }
    if (option.key === 'append' && isBooleanTrue(option.value)) {
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
    if (cursor.isWord('prefix')) cursor.fail("spelunk does not support PREFIX() in tstats.");
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
    if (!option) cursor.fail("spelunk's tstats reads data models only: write 'from datamodel=<model>.<dataset>'.");
    datamodel = { spec: option.value, span: option.span };
  }

  let where: SearchExpr | undefined;
  let nodename: { value: string; span: Span } | undefined;
  if (cursor.takeWord('where')) {
    const items = cursor.takeUntil((c) => c.isWord('by') || c.isWord('groupby'));
    ({ where, nodename } = extractNodename(cursor.searchExpression(items)));
  }
  if (nodename && datamodel) {
    const parts = nodename.value.split('.');
    const datasetName = datamodel.spec.split('.')[1];
    if (parts.length > 1 || (datasetName !== undefined && parts[0] !== datasetName)) {
      throw new SpelunkError('unsupported', `spelunk does not support child datasets: nodename=${nodename.value}.`, nodename.span);
    }
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
      if (cursor.isWord('prefix')) cursor.fail("spelunk does not support PREFIX() in tstats.");
      const field = cursor.expectFieldName('in the BY clause');
      if (field.name.includes('*')) cursor.fail("Error in 'tstats' command: You cannot use wildcards in the BY clause.", field.span);
      by.push({ field: field.name, span: field.span });
    }
    if (by.length === 0) cursor.fail("Error in 'tstats' command: the BY clause names no field.");
  }
  cursor.expectEnd();
  if (timeSpan) parseSpan(timeSpan.text);
  return {
    name: 'tstats',
    span: { start: 0, end: 0 },
    options,
    aggregates,
    ...(datamodel ? { datamodel } : {}),
    ...(where ? { where } : {}),
    by,
    ...(timeSpan ? { timeSpan } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

/** How a search field name maps onto the dataset's store. */
function fieldResolver(binding: DatasetBinding): StoreFieldResolver {
  const prefix = `${binding.prefix}.`;
  return {
    isTime: (field) => field === '_time',
    column(field: string): DictionaryColumn | undefined {
      if (field.startsWith(prefix)) return binding.store.column(field.slice(prefix.length));
      if (UNPREFIXED_FIELDS.has(field)) return binding.store.column(field);
      return undefined;
    },
  };
}

/** The rows that pass the search's time range and the WHERE clause. */
function selectRows(node: TstatsNode, binding: DatasetBinding, ctx: ExecContext): Uint32Array {
  const store = binding.store;
  const bits = node.where
    ? evaluateOnStore(resolveSubsearches(node.where, ctx.runSubsearch), store, fieldResolver(binding), { now: ctx.now, tz: ctx.tz })
    : new Uint8Array(store.rowCount).fill(1);
  const { earliest, latest } = ctx.timeRange;
  const time = store.time;
  let count = 0;
  for (let row = 0; row < store.rowCount; row++) {
    if (bits[row] === 1 && (earliest === undefined || time[row]! >= earliest) && (latest === undefined || time[row]! < latest)) {
      bits[row] = 1;
      count++;
    } else bits[row] = 0;
  }
  const selected = new Uint32Array(count);
  let next = 0;
  for (let row = 0; row < store.rowCount; row++) if (bits[row] === 1) selected[next++] = row;
  return selected;
}

/**
 * A by-field seen as "atoms": the distinct single values it can group on. A row's dictionary
 * entry maps to the atoms it holds (none for null without fillnull, several for a multivalue).
 */
interface GroupingField {
  atoms: Scalar[];
  atomsOfRow(row: number): readonly number[];
}

function columnGrouping(column: DictionaryColumn | undefined, fillnull: string | undefined): GroupingField {
  const atoms: Scalar[] = [];
  const atomIds = new Map<string, number>();
  const atomOf = (value: string): number => {
    let id = atomIds.get(value);
    if (id === undefined) {
      id = atoms.length;
      atoms.push(value);
      atomIds.set(value, id);
    }
    return id;
  };
  const none: readonly number[] = [];
  const nullAtoms = fillnull === undefined ? none : [atomOf(fillnull)];
  if (!column) return { atoms, atomsOfRow: () => nullAtoms };
  const entryAtoms: (readonly number[])[] = column.dictionary.map((entry: DictionaryEntry, id) => {
    if (id === NULL_ID || entry === null) return nullAtoms;
    if (typeof entry === 'string') return [atomOf(entry)];
    const list = [...new Set(entry)].map(atomOf);
    return list.length === 0 ? nullAtoms : list;
  });
  const ids = column.ids;
  return { atoms, atomsOfRow: (row) => entryAtoms[ids[row]!]! };
}

function timeGrouping(store: ColumnarStore, timeSpan: TimeSpan | undefined, tz: string): GroupingField {
  const atoms: Scalar[] = [];
  const atomIds = new Map<number, number>();
  const single = [0];
  return {
    atoms,
    atomsOfRow(row: number) {
      const time = store.time[row]!;
      const bin = timeSpan ? binStart(time, timeSpan, tz) : Math.floor(time);
      let id = atomIds.get(bin);
      if (id === undefined) {
        id = atoms.length;
        atoms.push(bin);
        atomIds.set(bin, id);
      }
      single[0] = id;
      return single;
    },
  };
}

/** Reads one aggregate's input field from the store. */
interface FieldReader {
  value(row: number): Value;
  /** Dictionary id of the row's value, when the field is a column (for fast values/dc). */
  column?: DictionaryColumn;
}

function fieldReader(field: string, binding: DatasetBinding): FieldReader {
  if (field === '_time') return { value: (row) => binding.store.time[row]! };
  const column = fieldResolver(binding).column(field);
  if (!column) return { value: () => null };
  const ids = column.ids;
  const dictionary = column.dictionary;
  return { value: (row) => dictionary[ids[row]!] ?? null, column };
}

interface GroupState {
  key: number[];
  aggregators: Aggregator[];
}

/** Orders two BY values as tstats and stats sort their groups: numerically when both read as numbers, else by bytes. */
export function compareAtoms(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  const na = parseNumber(sa);
  const nb = parseNumber(sb);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return compareBytes(sa, sb);
}

function executeTstats(node: TstatsNode, ctx: ExecContext): { columns: string[]; rows: Row[] } {
  if (!node.datamodel) {
    throw new SpelunkError('unsupported', "spelunk's tstats reads data models only: add 'from datamodel=<model>.<dataset>'.", node.span);
  }
  const binding = ctx.dataset(node.datamodel.spec, node.datamodel.span);
  const store = binding.store;
  const selected = selectRows(node, binding, ctx);
  const fillnull = node.options['fillnull_value'];
  const timeSpan = node.timeSpan ? parseSpan(node.timeSpan.text) : undefined;
  const resolver = fieldResolver(binding);
  const grouping = node.by.map((b) =>
    b.field === '_time' ? timeGrouping(store, timeSpan, ctx.tz) : columnGrouping(resolver.column(b.field), fillnull),
  );
  const readers = node.aggregates.map((a) => (a.field === undefined ? undefined : fieldReader(a.field, binding)));

  const groups = new Map<string, GroupState>();
  const order: GroupState[] = [];
  const newGroup = (key: number[]): GroupState => {
    const state: GroupState = { key, aggregators: node.aggregates.map((a) => createAggregator({ fn: a.fn })) };
    order.push(state);
    return state;
  };
  const ungrouped = node.by.length === 0 ? newGroup([]) : undefined;
  const time = store.time;
  const key: number[] = new Array<number>(grouping.length).fill(0);

  const feed = (state: GroupState, row: number): void => {
    for (let a = 0; a < state.aggregators.length; a++) {
      const aggregator = state.aggregators[a]!;
      const reader = readers[a];
      if (reader === undefined) aggregator.addRow ? aggregator.addRow() : aggregator.add(null, time[row]!);
      else aggregator.add(reader.value(row), time[row]!);
    }
  };

  const visit = (row: number, depth: number): void => {
    if (depth === grouping.length) {
      const text = key.join(',');
      let state = groups.get(text);
      if (!state) {
        state = newGroup([...key]);
        groups.set(text, state);
      }
      feed(state, row);
      return;
    }
    for (const atom of grouping[depth]!.atomsOfRow(row)) {
      key[depth] = atom;
      visit(row, depth + 1);
    }
  };

  for (let i = 0; i < selected.length; i++) {
    const row = selected[i]!;
    if (ungrouped) feed(ungrouped, row);
    else visit(row, 0);
  }

  if (!ungrouped) {
    order.sort((x, y) => {
      for (let f = 0; f < grouping.length; f++) {
        const atoms = grouping[f]!.atoms;
        const order = compareAtoms(atoms[x.key[f]!]!, atoms[y.key[f]!]!);
        if (order !== 0) return order;
      }
      return 0;
    });
  }

  const columns = [...node.by.map((b) => b.field), ...node.aggregates.map((a) => a.column)];
  const rows = order.map((state): Row => {
    const row: Row = new Map();
    node.by.forEach((b, f) => row.set(b.field, grouping[f]!.atoms[state.key[f]!]!));
    node.aggregates.forEach((a, index) => {
      const value = state.aggregators[index]!.result();
      if (value !== null) row.set(a.column, value);
    });
    return row;
  });
  return { columns, rows };
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
      ...(node.where ? { text: renderSearchExpr(node.where) } : {}),
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
