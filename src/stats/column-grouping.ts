/**
 * Grouping a column table whose BY columns all have dictionaries (tstats BY fields, lookup
 * outputs): a row's group is found from its dictionary ids, so no tuple text is built per row.
 * Gives the groups, in first-seen order, that grouping the rows one by one gives.
 */
import type { ColumnTable, Encoding } from '../core/column-table.js';
import { scalarToString, type FieldReader, type Scalar } from '../core/values.js';
import { renumberKeys } from './store-grouping.js';

/** What a row's BY ids resolve to. */
const NO_GROUP = -1;
const SPLIT = -2;
const UNSEEN = -3;

export interface IdGrouping<G> {
  /** The groups in first-seen order; undefined when a BY value is a multivalue (rows must be split). */
  groups: G[] | undefined;
  /**
   * Per BY field, each group's rank in sort order, when the column knows the ranks of its ids
   * (Encoding.ranks); undefined for fields whose ranks are not known.
   */
  ranks?: (Int32Array | undefined)[];
  /** The group of any result of the table (undefined when a BY value is null). */
  groupAt?: (index: number) => G | undefined;
}

/**
 * Canonical ids per BY field: ids whose values print the same share one (the row path groups
 * by the printed value), null values have none, multivalues are SPLIT.
 */
function canonicalIds(encoding: Encoding): (id: number) => number {
  const canonical = new Int32Array(encoding.size).fill(UNSEEN);
  const byText = new Map<string, number>();
  return (id) => {
    let known = canonical[id]!;
    if (known !== UNSEEN) return known;
    const value = encoding.value(id);
    if (value === null) known = NO_GROUP;
    else if (Array.isArray(value)) known = value.length === 0 ? NO_GROUP : SPLIT;
    else {
      const text = scalarToString(value as Scalar);
      known = byText.get(text) ?? id;
      byText.set(text, known);
    }
    canonical[id] = known;
    return known;
  };
}

/**
 * Feeds each of `indices` (in that order) to its group. `newGroup` makes a group from its BY
 * values; `feed` adds the result under the cursor to it.
 */
export function groupByIds<G>(
  table: ColumnTable,
  by: readonly string[],
  indices: Uint32Array,
  newGroup: (tuple: Scalar[]) => G,
  feed: (group: G, row: FieldReader) => void,
): IdGrouping<G> {
  const encodings = by.map((field) => table.data.get(field)?.encoding);
  if (encodings.some((encoding) => encoding === undefined)) return { groups: undefined };
  const fields = (encodings as Encoding[]).map((encoding) => ({ encoding, canonical: canonicalIds(encoding) }));
  let space = 1;
  const strides = fields.map((field) => {
    const stride = space;
    space *= Math.max(1, field.encoding.size);
    return stride;
  });
  // Pass 1: each kept result's key, a number below `space` (ids joined as text past 2^53).
  const numericKeys = space <= Number.MAX_SAFE_INTEGER;
  const kept = new Uint32Array(indices.length);
  const numbers = new Float64Array(numericKeys ? indices.length : 0);
  const texts: string[] = [];
  const ids: number[] = new Array<number>(fields.length).fill(0);
  let count = 0;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    let numericKey = 0;
    let dropped = false;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const id = field.canonical(field.encoding.ids[index]!);
      if (id === SPLIT) return { groups: undefined };
      if (id === NO_GROUP) {
        dropped = true;
        break;
      }
      ids[f] = id;
      numericKey += id * strides[f]!;
    }
    if (dropped) continue;
    kept[count] = index;
    if (numericKeys) numbers[count] = numericKey;
    else texts.push(ids.join(','));
    count++;
  }
  // Pass 2: keys to group numbers in order of first appearance.
  const firsts = new Uint32Array(count);
  const groupOfResult = new Int32Array(count);
  const groupCount = numericKeys ? numberGroups(numbers, count, space, firsts, groupOfResult) : textGroups(texts, firsts, groupOfResult);
  const groups: G[] = new Array<G>(groupCount);
  const groupIds = fields.map(() => new Int32Array(groupCount));
  for (let g = 0; g < groupCount; g++) {
    const index = kept[firsts[g]!]!;
    const tuple = fields.map((field, f) => {
      const id = field.canonical(field.encoding.ids[index]!);
      groupIds[f]![g] = id;
      return field.encoding.value(id) as Scalar;
    });
    groups[g] = newGroup(tuple);
  }
  // Pass 3: each result to its group, in the order given.
  const cursor = table.cursor();
  for (let k = 0; k < count; k++) {
    cursor.index = kept[k]!;
    feed(groups[groupOfResult[k]!]!, cursor);
  }
  const ranks = fields.map((field, f) => {
    const idRanks = field.encoding.ranks?.();
    return idRanks === undefined ? undefined : Int32Array.from(groupIds[f]!, (id) => idRanks[id]!);
  });
  let groupByIndex: Int32Array | undefined;
  const groupAt = (index: number): G | undefined => {
    if (!groupByIndex) {
      groupByIndex = new Int32Array(table.length).fill(-1);
      for (let k = 0; k < count; k++) groupByIndex[kept[k]!] = groupOfResult[k]!;
    }
    const group = groupByIndex[index]!;
    return group < 0 ? undefined : groups[group];
  };
  return { groups, ranks, groupAt };
}

/** Group numbers of numeric keys, through the typed-array table tstats grouping uses. */
function numberGroups(keys: Float64Array, count: number, space: number, firsts: Uint32Array, groupOfResult: Int32Array): number {
  const groupCount = renumberKeys(keys, count, space, firsts);
  for (let k = 0; k < count; k++) groupOfResult[k] = keys[k]!;
  return groupCount;
}

function textGroups(keys: readonly string[], firsts: Uint32Array, groupOfResult: Int32Array): number {
  const groupOfKey = new Map<string, number>();
  keys.forEach((key, k) => {
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = groupOfKey.size;
      groupOfKey.set(key, group);
      firsts[group] = k;
    }
    groupOfResult[k] = group;
  });
  return groupOfKey.size;
}
