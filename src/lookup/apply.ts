/**
 * The lookup itself: for each result, find the lookup entries whose input fields match the
 * result's fields, and copy the entries' output fields onto the result.
 *
 * Semantics (CONF transforms.conf.spec; DOC lookup command, Usage):
 * - Entries are tried in file order; at most `max_matches` of them are used.
 * - Exact matching by default; `WILDCARD(field)`: `*` in the lookup cell matches any text;
 *   `CIDR(field)`: the cell is a network and the event value an address.
 * - `case_sensitive_match = false` compares ignoring case (all fields, wildcards included).
 * - Fewer than `min_matches` matches: `default_match` is added until there are `min_matches`.
 * - Several matches make a multivalue field, in file order.
 * - OUTPUT overwrites the event's field (a field with no match becomes null); OUTPUTNEW only
 *   fills fields the event does not have.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { cidrMatch } from '../eval/cidr.js';
import { globTest } from '../search/match.js';
import { computedColumn, encodedColumn, type Column, type ColumnTable, type Encoding } from '../core/column-table.js';
import { displayValues, fromValues, isNull, type ResultTable, type Row, type Scalar, type Value } from '../core/values.js';
import type { LookupDefinition } from './catalog.js';
import { entryPrefilter } from './prefilter.js';
import type { LookupTable } from './csv.js';

export interface LookupFieldPair {
  /** The field's name in the lookup table. */
  lookupField: string;
  /** The field's name in the results. */
  eventField: string;
}

export interface LookupRequest {
  inputs: readonly LookupFieldPair[];
  /** Absent: every lookup field that is not an input (DOC lookup, Usage). */
  outputs: readonly LookupFieldPair[] | undefined;
  mode: 'OUTPUT' | 'OUTPUTNEW';
  span?: Span;
}

/** A lookup cell's test of an event value; `lowered` is the value lower-cased, when at hand. */
type CellTest = (value: string, lowered?: string) => boolean;

/** A lookup checked against its table and ready to apply: what each result's matches give. */
interface BoundLookup {
  outputs: readonly LookupFieldPair[];
  outputIndexes: readonly number[];
  findMatches: MatchFinder;
  /** The input's columns, then each output field they lack. */
  columnsAfter(columns: readonly string[]): string[];
}

/** Checks the request's fields against the lookup table and builds its matcher. */
function bindLookup(definition: LookupDefinition, table: LookupTable, request: LookupRequest): BoundLookup {
  const inputIndexes = request.inputs.map((pair) => table.fields.indexOf(pair.lookupField));
  if (inputIndexes.some((index) => index < 0)) {
    const missing = request.inputs.filter((_, i) => inputIndexes[i]! < 0).map((p) => p.lookupField);
    throw new SpelunkError(
      'search',
      `Error in 'lookup' command: Could not find all of the specified lookup fields in the lookup table '${definition.name}' ` +
        `(missing: ${missing.join(', ')}; the table has: ${table.fields.join(', ')}).`,
      request.span,
    );
  }
  const outputs = request.outputs ?? allOutputs(table, request.inputs);
  const outputIndexes = outputs.map((pair) => table.fields.indexOf(pair.lookupField));
  if (outputIndexes.some((index) => index < 0)) {
    const missing = outputs.filter((_, i) => outputIndexes[i]! < 0).map((p) => p.lookupField);
    throw new SpelunkError(
      'search',
      `Error in 'lookup' command: Could not find all of the specified destination fields in the lookup table '${definition.name}' ` +
        `(missing: ${missing.join(', ')}; the table has: ${table.fields.join(', ')}).`,
      request.span,
    );
  }
  const findMatches = exactMatchIndex(table, request, inputIndexes, definition) ?? scanMatches(table, request, inputIndexes, definition);
  const columnsAfter = (columns: readonly string[]): string[] => {
    const after = [...columns];
    for (const pair of outputs) if (!after.includes(pair.eventField)) after.push(pair.eventField);
    return after;
  };
  return { outputs, outputIndexes, findMatches, columnsAfter };
}

/** The lookup over rows: each result looked up and given the output fields. */
export function lookupRows(input: ResultTable, definition: LookupDefinition, table: LookupTable, request: LookupRequest): ResultTable {
  const { outputs, outputIndexes, findMatches, columnsAfter } = bindLookup(definition, table, request);
  const rows = input.rows.map((row) => {
    const eventValues = request.inputs.map((pair) => displayValues(row.get(pair.eventField)));
    // An event without one of the input fields is not looked up at all (INF, docs/semantics.md).
    if (eventValues.some((values) => values.length === 0)) return row;
    return withOutputs(row, findMatches(eventValues), table, outputs, outputIndexes, definition, request.mode);
  });
  return { columns: columnsAfter(input.columns), rows };
}

/** The same over a column table: the output fields are columns computed when read. */
export function lookupColumns(input: ColumnTable, definition: LookupDefinition, table: LookupTable, request: LookupRequest): ColumnTable {
  const { outputs, outputIndexes, findMatches, columnsAfter } = bindLookup(definition, table, request);
  const outputValue = (matched: readonly number[], output: number): Value => valueOfMatches(matched, table, outputIndexes[output]!, definition);
  return input.withData(columnsAfter(input.columns), outputColumns(input, request, outputs, findMatches, outputValue));
}

/** The matches of one result: undefined when it lacks an input field and is not looked up. */
type MatchesAt = (index: number) => readonly number[] | undefined;

/** Matches by physical index and, when the one input column has a dictionary, by dictionary id. */
interface ColumnMatches {
  at: MatchesAt;
  byId?: { encoding: Encoding; matches(id: number): readonly number[] | undefined };
}

/**
 * Which entries each result of a column table matches: once per dictionary value when the
 * lookup has one input field and it has a dictionary, else once per result read.
 */
function matchesOfColumns(input: ColumnTable, request: LookupRequest, findMatches: MatchFinder): ColumnMatches | undefined {
  const columns = request.inputs.map((pair) => input.data.get(pair.eventField));
  if (columns.some((column) => column === undefined)) return undefined;
  const present = columns as Column[];
  const lookUp = (values: readonly Value[]): readonly number[] | undefined => {
    const eventValues = values.map(displayValues);
    return eventValues.some((list) => list.length === 0) ? undefined : findMatches(eventValues);
  };
  const encoding = present.length === 1 ? present[0]!.encoding : undefined;
  if (encoding) {
    const memo = new Array<readonly number[] | undefined | null>(encoding.size).fill(null);
    const matches = (id: number): readonly number[] | undefined => {
      let matched = memo[id];
      if (matched === null) memo[id] = matched = lookUp([encoding.value(id)]);
      return matched;
    };
    return { at: (index) => matches(encoding.ids[index]!), byId: { encoding, matches } };
  }
  return { at: (index) => lookUp(present.map((column) => column.get(index))) };
}

/** The output columns of a lookup over a column table, computed when read. */
function outputColumns(
  input: ColumnTable,
  request: LookupRequest,
  outputs: readonly LookupFieldPair[],
  findMatches: MatchFinder,
  outputValue: (matched: readonly number[], output: number) => Value,
): Map<string, Column> {
  const data = new Map(input.data);
  const found = matchesOfColumns(input, request, findMatches);
  // Without one of the input fields, no result is looked up and nothing changes (INF, docs/semantics.md).
  if (found === undefined) return data;
  const { at: matchesAt, byId } = found;
  outputs.forEach((pair, output) => {
    // As on rows: a result that is not looked up keeps its fields, and OUTPUTNEW tests the field
    // as it was before the lookup, whatever an earlier output of the same lookup set.
    const original = input.data.get(pair.eventField);
    if (original === undefined && byId) {
      // Nothing to keep from before: the output is a function of the input's dictionary id.
      const { encoding, matches } = byId;
      data.set(
        pair.eventField,
        encodedColumn(encoding.ids, encoding.size, (id) => {
          const matched = matches(id);
          return matched === undefined ? null : outputValue(matched, output);
        }),
      );
      return;
    }
    data.set(
      pair.eventField,
      computedColumn(input.length, (index) => {
        const before = original?.get(index) ?? null;
        const matched = matchesAt(index);
        if (matched === undefined) return before;
        if (request.mode === 'OUTPUTNEW' && !isNull(before)) return before;
        return outputValue(matched, output);
      }),
    );
  });
  return data;
}

/** The matching entries (file order, at most max_matches) for an event's input values. */
type MatchFinder = (eventValues: readonly string[][]) => number[];

/** Tries every entry's cell tests in file order: any match type. */
function scanMatches(table: LookupTable, request: LookupRequest, inputIndexes: readonly number[], definition: LookupDefinition): MatchFinder {
  const tests = table.rows.map((entry) =>
    request.inputs.map((pair, i) => cellTest(entry[inputIndexes[i]!]!, definition.matchTypes.get(pair.lookupField), definition.caseSensitive)),
  );
  const single = request.inputs.length === 1 ? request.inputs[0]!.lookupField : undefined;
  const prefilter =
    single !== undefined && definition.matchTypes.get(single) !== 'CIDR'
      ? entryPrefilter(
          table.rows.map((entry) => entry[inputIndexes[0]!]!),
          definition.caseSensitive ? (text) => text : (text) => text.toLowerCase(),
        )
      : undefined;
  const everyEntry = table.rows.map((_, entry) => entry);
  return (eventValues) => {
    // Lower-cased once per event, not once per entry.
    const lowered = eventValues.map((values) => values.map((value) => value.toLowerCase()));
    const entries = prefilter ? prefilter.candidates(definition.caseSensitive ? eventValues[0]! : lowered[0]!) : everyEntry;
    const matched: number[] = [];
    for (let n = 0; n < entries.length && matched.length < definition.maxMatches; n++) {
      const entry = entries[n]!;
      if (tests[entry]!.every((test, i) => eventValues[i]!.some((value, k) => test(value, lowered[i]![k])))) matched.push(entry);
    }
    return matched;
  };
}

/**
 * For lookups whose input fields all match exactly (no WILDCARD or CIDR cell): a hash index from
 * the input values to the entries, so a result costs one probe per value combination instead of
 * a pass over the table. Gives the same entries, in the same order, as scanMatches.
 */
function exactMatchIndex(table: LookupTable, request: LookupRequest, inputIndexes: readonly number[], definition: LookupDefinition): MatchFinder | undefined {
  const exact = request.inputs.every((pair, i) =>
    table.rows.every((entry) => {
      const type = definition.matchTypes.get(pair.lookupField);
      return type === undefined || (type === 'WILDCARD' && !entry[inputIndexes[i]!]!.includes('*'));
    }),
  );
  if (!exact) return undefined;
  const fold = (value: string): string => (definition.caseSensitive ? value : value.toLowerCase());
  const index = new Map<string, number[]>();
  table.rows.forEach((entry, row) => {
    const cells = inputIndexes.map((i) => entry[i]!);
    if (cells.some((cell) => cell === '')) return; // an empty cell matches nothing
    const key = cells.map(fold).join('\u0000');
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  });
  return (eventValues) => {
    let keys = [''];
    eventValues.forEach((values, i) => {
      const folded = [...new Set(values.map(fold))];
      keys = keys.flatMap((prefix) => folded.map((value) => (i === 0 ? value : `${prefix}\u0000${value}`)));
    });
    const found = new Set<number>();
    for (const key of keys) for (const row of index.get(key) ?? []) found.add(row);
    return [...found].sort((a, b) => a - b).slice(0, definition.maxMatches);
  };
}

function allOutputs(table: LookupTable, inputs: readonly LookupFieldPair[]): LookupFieldPair[] {
  const keys = new Set(inputs.map((pair) => pair.lookupField));
  return table.fields.filter((field) => !keys.has(field)).map((field) => ({ lookupField: field, eventField: field }));
}

function withOutputs(
  row: Row,
  matched: readonly number[],
  table: LookupTable,
  outputs: readonly LookupFieldPair[],
  outputIndexes: readonly number[],
  definition: LookupDefinition,
  mode: LookupRequest['mode'],
): Row {
  const next: Row = new Map(row);
  outputs.forEach((pair, i) => {
    if (mode === 'OUTPUTNEW' && !isNull(row.get(pair.eventField))) return;
    const value = valueOfMatches(matched, table, outputIndexes[i]!, definition);
    if (value === null) next.delete(pair.eventField);
    else next.set(pair.eventField, value);
  });
  return next;
}

/** One output field's value from the matched entries, with default_match filling up to min_matches. */
function valueOfMatches(matched: readonly number[], table: LookupTable, outputIndex: number, definition: LookupDefinition): Value {
  const defaults = Math.max(0, definition.minMatches - matched.length);
  const values: Scalar[] = [];
  for (const entry of matched) {
    const cell = table.rows[entry]![outputIndex]!;
    // An empty cell is a null value: it adds nothing (DOC: NULL values count as matches and are not defaulted).
    if (cell !== '') values.push(cell);
  }
  if (definition.defaultMatch !== '') for (let n = 0; n < defaults; n++) values.push(definition.defaultMatch);
  return fromValues(values);
}

function cellTest(cell: string, matchType: 'WILDCARD' | 'CIDR' | undefined, caseSensitive: boolean): CellTest {
  if (cell === '') return () => false;
  if (matchType === 'CIDR') return (value) => cidrMatch(cell, value);
  if (matchType === 'WILDCARD' && cell.includes('*')) return globTest(cell, caseSensitive);
  if (caseSensitive) return (value) => value === cell;
  const lower = cell.toLowerCase();
  return (value, lowered) => (lowered ?? value.toLowerCase()) === lower;
}
