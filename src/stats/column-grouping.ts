/**
 * Grouping a column table whose BY columns all have dictionaries (tstats BY fields, lookup
 * outputs): a row's group is found from its dictionary ids, so no tuple text is built per row.
 * Gives the groups, in first-seen order, that grouping the rows one by one gives.
 */
import type { ColumnTable, Encoding } from '../core/column-table.js';
import { scalarToString, type FieldReader, type Scalar } from '../core/values.js';

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
  const numericKeys = space <= Number.MAX_SAFE_INTEGER;
  const groupOfKey = new Map<number | string, G>();
  const groups: G[] = [];
  const groupIds: number[][] = fields.map(() => []);
  const cursor = table.cursor();
  const ids: number[] = new Array<number>(fields.length).fill(0);
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
    const key = numericKeys ? numericKey : ids.join(',');
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = newGroup(fields.map((field, f) => field.encoding.value(ids[f]!) as Scalar));
      groupOfKey.set(key, group);
      groups.push(group);
      for (let f = 0; f < fields.length; f++) groupIds[f]!.push(ids[f]!);
    }
    cursor.index = index;
    feed(group, cursor);
  }
  const ranks = fields.map((field, f) => {
    const idRanks = field.encoding.ranks?.();
    return idRanks === undefined ? undefined : Int32Array.from(groupIds[f]!, (id) => idRanks[id]!);
  });
  const groupAt = (index: number): G | undefined => {
    let numericKey = 0;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const id = field.canonical(field.encoding.ids[index]!);
      if (id < 0) return undefined;
      ids[f] = id;
      numericKey += id * strides[f]!;
    }
    return groupOfKey.get(numericKeys ? numericKey : ids.join(','));
  };
  return { groups, ranks, groupAt };
}
