/**
 * Grouping the rows of a columnar store by BY fields, for tstats. Works on integer ids: a BY
 * field's "atoms" are its distinct single values, a row's group key is a number built from its
 * atoms field by field, and no row object is made until the output. The sort into output order
 * waits until a caller asks (`order`, `sortGroups`), so groups a later filter drops cost nothing.
 */
import type { Scalar } from '../core/values.js';
import { NULL_ID, type ColumnarStore, type DictionaryColumn } from '../store/types.js';
import { binStart, type TimeSpan } from '../time/span.js';
import { compareAtomKeys, isTotalOrder, numberKey, sortAtomIds } from './order.js';

export type ByField = { kind: 'column'; column: DictionaryColumn | undefined } | { kind: 'time'; span: TimeSpan | undefined; tz: string };

/** The groups found: each group's atom per BY field, and which (row, group) pairs feed them. */
export interface Grouping {
  readonly groupCount: number;
  /** Per BY field, the atom values by atom id (ids no group uses may hold anything). */
  readonly atoms: readonly (readonly Scalar[])[];
  /** Per BY field, the atom id of each group. */
  readonly groupAtoms: readonly Int32Array[];
  /** Pairs: `rows[k]` belongs to `groups[k]`; a row appears once per group it is in, rows ascending. */
  readonly rows: Uint32Array;
  readonly groups: Uint32Array;
  /** All group ids in output order: ascending by BY values. Worked out on first use. */
  readonly order: Uint32Array;
  /** The given group ids in output order (the order of `order`, restricted to them). */
  sortGroups(groups: Uint32Array): Uint32Array;
  /**
   * Ranks by atom id of BY field `field`, in output order, valid for the atoms its groups use;
   * undefined unless that order is total over them (so later commands may sort by the ranks).
   */
  atomRanks(field: number): Int32Array | undefined;
}

const DROP = -1;
const SEVERAL = -2;
const UNSET = -3;
/** Keys stay exact integers below this. */
const MAX_KEY_SPACE = 2 ** 53;

// ---------------------------------------------------------------------------------------------
// Atoms of a single-value column: the dictionary entry ids themselves
// ---------------------------------------------------------------------------------------------

/** What a column's dictionary holds, found once per column: the store is queried many times. */
interface ColumnFacts {
  multivalue: boolean;
  /** Per entry, numberKey of its text (NaN for null); made when first ranked. */
  numbers: Float64Array | undefined;
  views: Map<string | undefined, ColumnView>;
}

/**
 * A single-value column under one fillnull value. Atom ids are entry ids, which is sound because
 * a column's entries are distinct texts (types.ts; StoreBuilder interns every value, appendStore
 * included, through one Map per column). A null row takes the entry whose text is the fillnull
 * value, or else slot NULL_ID, which then holds that text.
 */
interface ColumnView {
  /** Per entry: its atom, or DROP. */
  entryAtom: Int32Array;
  /** Atom texts by atom id; slot NULL_ID holds the fillnull text or ''. */
  atoms: string[];
  /** The atom ids a row can take, ascending. */
  live: number[];
  /** Ranks of every live atom, once the view is known to be totally ordered and was ranked whole. */
  fullRanks: Int32Array | undefined;
  /** Whether compareAtomKeys is a total order over all live atoms; undefined until asked. */
  totallyOrdered: boolean | undefined;
  numbers: Float64Array | undefined;
}

const columnFacts = new WeakMap<DictionaryColumn, ColumnFacts>();

function factsOf(column: DictionaryColumn): ColumnFacts {
  let facts = columnFacts.get(column);
  if (!facts) {
    const multivalue = column.dictionary.some((entry) => Array.isArray(entry));
    facts = { multivalue, numbers: undefined, views: new Map() };
    columnFacts.set(column, facts);
  }
  return facts;
}

function viewOf(column: DictionaryColumn, facts: ColumnFacts, fillnull: string | undefined): ColumnView {
  let view = facts.views.get(fillnull);
  if (view) return view;
  const dictionary = column.dictionary;
  const existing = fillnull === undefined ? -1 : dictionary.indexOf(fillnull);
  const fillAtom = fillnull === undefined ? DROP : existing > NULL_ID ? existing : NULL_ID;
  const entryAtom = new Int32Array(dictionary.length);
  const atoms = new Array<string>(dictionary.length);
  const live: number[] = [];
  if (fillAtom === NULL_ID) live.push(NULL_ID);
  for (let id = 0; id < dictionary.length; id++) {
    const entry = dictionary[id];
    atoms[id] = typeof entry === 'string' ? entry : '';
    if (id === NULL_ID || typeof entry !== 'string') {
      entryAtom[id] = fillAtom;
      continue;
    }
    entryAtom[id] = id;
    live.push(id);
  }
  if (fillAtom === NULL_ID) atoms[NULL_ID] = fillnull!;
  view = { entryAtom, atoms, live, fullRanks: undefined, totallyOrdered: undefined, numbers: undefined };
  facts.views.set(fillnull, view);
  return view;
}

function numbersOf(column: DictionaryColumn, facts: ColumnFacts, view: ColumnView): Float64Array {
  if (view.numbers) return view.numbers;
  facts.numbers ??= Float64Array.from(column.dictionary, (entry) => (typeof entry === 'string' ? numberKey(entry) : Number.NaN));
  let numbers = facts.numbers;
  if (view.live[0] === NULL_ID) {
    numbers = Float64Array.from(numbers);
    numbers[NULL_ID] = numberKey(view.atoms[NULL_ID]!);
  }
  return (view.numbers = numbers);
}

// ---------------------------------------------------------------------------------------------
// BY fields as integer atoms per row
// ---------------------------------------------------------------------------------------------

/** Atoms of a multivalue column, made per search the first time a row holds each entry. */
interface MultivalueAtoms {
  atoms: Scalar[];
  /** The atom of a row: DROP for null without fillnull, SEVERAL for two or more values. */
  atomOfRow(row: number): number;
  atomsOfMultivalue(row: number): number[];
}

/**
 * One BY field as the grouping reads it. `entries`: a row's atom is `entryAtom[ids[row]]`
 * (columns, and `_time` bins with ids per row); `constant`: a field the model lacks, so every
 * row is null; `multivalue`: a row may split into several groups.
 */
type FieldPlan =
  | { kind: 'entries'; atoms: readonly Scalar[]; ids: ArrayLike<number>; entryAtom: Int32Array; column?: { column: DictionaryColumn; facts: ColumnFacts; view: ColumnView } }
  | { kind: 'constant'; atoms: readonly Scalar[]; atom: number }
  | { kind: 'multivalue'; atoms: readonly Scalar[]; source: MultivalueAtoms };

function multivalueAtoms(column: DictionaryColumn, fillnull: string | undefined): MultivalueAtoms {
  const atoms: Scalar[] = [];
  const ids = new Map<string, number>();
  const atomOf = (value: string): number => {
    let id = ids.get(value);
    if (id === undefined) {
      id = atoms.length;
      atoms.push(value);
      ids.set(value, id);
    }
    return id;
  };
  let nullAtom: number | undefined;
  const atomOfNull = (): number => (nullAtom ??= fillnull === undefined ? DROP : atomOf(fillnull));
  const entryAtom = new Int32Array(column.dictionary.length).fill(UNSET);
  const multi = new Map<number, number[]>();
  const decide = (id: number): number => {
    const entry = column.dictionary[id];
    if (id === NULL_ID || entry === null || entry === undefined) return atomOfNull();
    if (typeof entry === 'string') return atomOf(entry);
    const list = [...new Set(entry)].map(atomOf);
    if (list.length === 0) return atomOfNull();
    if (list.length === 1) return list[0]!;
    multi.set(id, list);
    return SEVERAL;
  };
  const rowIds = column.ids;
  return {
    atoms,
    atomOfRow(row) {
      const id = rowIds[row]!;
      let atom = entryAtom[id]!;
      if (atom === UNSET) entryAtom[id] = atom = decide(id);
      return atom;
    },
    atomsOfMultivalue: (row) => multi.get(rowIds[row]!) ?? [],
  };
}

/** `_time` bins: atoms in the order the selected rows first meet them, an id per row. */
function timePlan(store: ColumnarStore, selected: Uint32Array, span: TimeSpan | undefined, tz: string): FieldPlan {
  const atoms: number[] = [];
  const ids = new Map<number, number>();
  const rowAtom = new Uint32Array(store.rowCount);
  const time = store.time;
  for (let i = 0; i < selected.length; i++) {
    const row = selected[i]!;
    const bin = span ? binStart(time[row]!, span, tz) : Math.floor(time[row]!);
    let id = ids.get(bin);
    if (id === undefined) {
      id = atoms.length;
      atoms.push(bin);
      ids.set(bin, id);
    }
    rowAtom[row] = id;
  }
  return { kind: 'entries', atoms, ids: rowAtom, entryAtom: Int32Array.from(atoms, (_, i) => i) };
}

function columnPlan(column: DictionaryColumn | undefined, fillnull: string | undefined): FieldPlan {
  if (!column) return fillnull === undefined ? { kind: 'constant', atoms: [], atom: DROP } : { kind: 'constant', atoms: [fillnull], atom: 0 };
  const facts = factsOf(column);
  if (facts.multivalue) {
    const source = multivalueAtoms(column, fillnull);
    return { kind: 'multivalue', atoms: source.atoms, source };
  }
  const view = viewOf(column, facts, fillnull);
  return { kind: 'entries', atoms: view.atoms, ids: column.ids, entryAtom: view.entryAtom, column: { column, facts, view } };
}

function atomOfRow(plan: FieldPlan, row: number): number {
  switch (plan.kind) {
    case 'entries':
      return plan.entryAtom[plan.ids[row]!]!;
    case 'constant':
      return plan.atom;
    case 'multivalue':
      return plan.source.atomOfRow(row);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys: built field by field over all (row, group) pairs, renumbered before they overflow
// ---------------------------------------------------------------------------------------------

/** The (row, partial key) pairs, one per row and combination of multivalue atoms. */
interface Pairs {
  rows: Uint32Array;
  keys: Float64Array;
  length: number;
  /** Keys are below this. */
  space: number;
  /** Per multivalue BY field already added: the atom each pair took. */
  chosen: Map<number, Int32Array>;
}

function hashKey(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Replaces keys[0..length) by dense ids in order of first appearance and returns how many there
 * are; `firsts`, when given, receives the index where each id first appears. A direct table when
 * the key space is small, else an open-addressing table on typed arrays (far cheaper than a Map).
 */
export function renumberKeys(keys: Float64Array, length: number, space: number, firsts?: Uint32Array): number {
  let count = 0;
  if (space <= 4 * length + 4096) {
    const idOfKey = new Int32Array(space).fill(-1);
    for (let i = 0; i < length; i++) {
      const key = keys[i]!;
      let id = idOfKey[key]!;
      if (id < 0) {
        id = idOfKey[key] = count++;
        if (firsts) firsts[id] = i;
      }
      keys[i] = id;
    }
    return count;
  }
  let capacity = 1024;
  while (capacity < 2 * length) capacity *= 2;
  const mask = capacity - 1;
  const slotKeys = new Float64Array(capacity);
  const slotIds = new Int32Array(capacity).fill(-1);
  for (let i = 0; i < length; i++) {
    const key = keys[i]!;
    let slot = hashKey(key) & mask;
    for (;;) {
      const id = slotIds[slot]!;
      if (id < 0) {
        slotIds[slot] = count;
        slotKeys[slot] = key;
        if (firsts) firsts[count] = i;
        keys[i] = count++;
        break;
      }
      if (slotKeys[slot] === key) {
        keys[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return count;
}

/** Makes room for a digit below `radix`: renumbers the keys when the space would pass 2^53. */
function reserve(pairs: Pairs, radix: number): void {
  if (pairs.space * radix <= MAX_KEY_SPACE) return;
  pairs.space = renumberKeys(pairs.keys, pairs.length, pairs.space);
  // Unreachable below ~95M pairs: at most `length` keys, times atoms read from those pairs.
  if (pairs.space * radix > MAX_KEY_SPACE) throw new Error('tstats: too many groups to key exactly');
}

/** Appends a field whose rows have one atom each, dropping the pairs whose row has none. */
function addEntryField(pairs: Pairs, ids: ArrayLike<number>, entryAtom: Int32Array): void {
  const radix = entryAtom.length;
  reserve(pairs, radix);
  const { rows, keys } = pairs;
  const carried = [...pairs.chosen.values()];
  let kept = 0;
  for (let i = 0; i < pairs.length; i++) {
    const row = rows[i]!;
    const atom = entryAtom[ids[row]!]!;
    if (atom < 0) continue;
    if (kept !== i) {
      rows[kept] = row;
      for (const chosen of carried) chosen[kept] = chosen[i]!;
    }
    keys[kept++] = keys[i]! * radix + atom;
  }
  pairs.length = kept;
  pairs.space *= radix;
}

/** Appends a multivalue field: a pair splits into one per value, in the values' order. */
function addMultivalueField(pairs: Pairs, field: number, source: MultivalueAtoms): void {
  const atomOfPair = new Int32Array(pairs.length);
  let total = 0;
  for (let i = 0; i < pairs.length; i++) {
    const atom = source.atomOfRow(pairs.rows[i]!);
    atomOfPair[i] = atom;
    if (atom === SEVERAL) total += source.atomsOfMultivalue(pairs.rows[i]!).length;
    else if (atom !== DROP) total++;
  }
  const radix = Math.max(1, source.atoms.length);
  reserve(pairs, radix);
  const rows = new Uint32Array(total);
  const keys = new Float64Array(total);
  const chosen = new Map([...pairs.chosen.keys()].map((f) => [f, new Int32Array(total)] as const));
  const mine = new Int32Array(total);
  let next = 0;
  for (let i = 0; i < pairs.length; i++) {
    const atom = atomOfPair[i]!;
    if (atom === DROP) continue;
    const row = pairs.rows[i]!;
    for (const choice of atom === SEVERAL ? source.atomsOfMultivalue(row) : [atom]) {
      rows[next] = row;
      keys[next] = pairs.keys[i]! * radix + choice;
      for (const [f, values] of chosen) values[next] = pairs.chosen.get(f)![i]!;
      mine[next++] = choice;
    }
  }
  chosen.set(field, mine);
  pairs.rows = rows;
  pairs.keys = keys;
  pairs.length = total;
  pairs.space *= radix;
  pairs.chosen = chosen;
}

export function groupStoreRows(store: ColumnarStore, selected: Uint32Array, by: readonly ByField[], fillnull: string | undefined): Grouping {
  const plans = by.map((f) => (f.kind === 'time' ? timePlan(store, selected, f.span, f.tz) : columnPlan(f.column, fillnull)));
  const pairs: Pairs = { rows: Uint32Array.from(selected), keys: new Float64Array(selected.length), length: selected.length, space: 1, chosen: new Map() };
  plans.forEach((plan, f) => {
    if (plan.kind === 'entries') addEntryField(pairs, plan.ids, plan.entryAtom);
    else if (plan.kind === 'multivalue') addMultivalueField(pairs, f, plan.source);
    else if (plan.atom === DROP) pairs.length = 0;
  });
  const firsts = new Uint32Array(pairs.length);
  const groupCount = renumberKeys(pairs.keys, pairs.length, pairs.space, firsts);
  const groupAtoms = plans.map((plan, f) => {
    const chosen = pairs.chosen.get(f);
    const atoms = new Int32Array(groupCount);
    for (let g = 0; g < groupCount; g++) atoms[g] = chosen ? chosen[firsts[g]!]! : atomOfRow(plan, pairs.rows[firsts[g]!]!);
    return atoms;
  });
  const rows = pairs.rows.subarray(0, pairs.length);
  const groups = Uint32Array.from(pairs.keys.subarray(0, pairs.length));
  return new StoreGrouping(groupCount, plans, groupAtoms, rows, groups, firstSeenAtoms(plans, selected));
}

// ---------------------------------------------------------------------------------------------
// Output order
// ---------------------------------------------------------------------------------------------

/** The groups passing through sortGroups: above this many, and for rank ranges not too wide, a counting sort per field. */
const COUNTING_SORT_MIN = 256;
/** A search ranks a whole column (and keeps the ranks) when it uses at least this share of its atoms. */
const FULL_RANK_SHARE = 1 / 4;
/** Sorting fewer groups than 1/64 of all compares them directly instead of ranking every atom. */
const FEW_GROUPS_SHARE = 64;

/**
 * For a column whose order is not total, the grouping must match the order a sort of the atoms
 * in the order rows first meet them gives: per column field, its atoms in that order, as a
 * row-by-row pass left to right over the BY fields would meet them (stopping at a dropped row).
 */
function firstSeenAtoms(plans: readonly FieldPlan[], selected: Uint32Array): (field: number) => number[] {
  return (field) => {
    const plan = plans[field]!;
    const seen = new Uint8Array(plan.atoms.length);
    const order: number[] = [];
    for (let i = 0; i < selected.length; i++) {
      const row = selected[i]!;
      let dropped = false;
      for (let f = 0; f < field && !dropped; f++) dropped = atomOfRow(plans[f]!, row) === DROP;
      if (dropped) continue;
      const atom = atomOfRow(plan, row);
      if (atom >= 0 && !seen[atom]) {
        seen[atom] = 1;
        order.push(atom);
      }
    }
    return order;
  };
}

/** Ranks by atom id from atom ids in output order. */
function ranksFrom(sorted: readonly number[], atomCount: number): Int32Array {
  const ranks = new Int32Array(atomCount);
  sorted.forEach((atom, rank) => (ranks[atom] = rank));
  return ranks;
}

/** Ranks of atoms that are not column entries (bins, multivalue atoms): few, made per search. */
function scalarRanks(atoms: readonly Scalar[]): Int32Array {
  const ids = atoms.map((_, i) => i);
  if (atoms.every((atom) => typeof atom === 'number' && Number.isFinite(atom))) {
    // Distinct finite numbers compare as numbers under compareAtomKeys.
    const numbers = atoms as readonly number[];
    return ranksFrom(ids.sort((a, b) => numbers[a]! - numbers[b]!), atoms.length);
  }
  const texts = atoms.map((atom) => String(atom));
  const numbers = atoms.map((atom) => (typeof atom === 'number' ? atom : numberKey(String(atom))));
  return ranksFrom(sortAtomIds(ids, texts, numbers), atoms.length);
}

/** Whether compareAtomKeys totally orders the view's atoms; may rank the whole view to find out. */
function isViewTotallyOrdered(column: DictionaryColumn, facts: ColumnFacts, view: ColumnView): boolean {
  if (view.totallyOrdered !== undefined) return view.totallyOrdered;
  const numbers = numbersOf(column, facts, view);
  let numeric = 0;
  for (const atom of view.live) if (!Number.isNaN(numbers[atom]!)) numeric++;
  // Numbers alone, or texts alone, are totally ordered; a mix must be checked.
  if (numeric === 0 || numeric === view.live.length) return (view.totallyOrdered = true);
  const sorted = sortAtomIds([...view.live], view.atoms, numbers);
  view.totallyOrdered = isTotalOrder(sorted, view.atoms, numbers);
  if (view.totallyOrdered) view.fullRanks = ranksFrom(sorted, view.atoms.length);
  return view.totallyOrdered;
}

/** The distinct values of `values`, which are all below `limit`. */
function distinctIds(values: Int32Array, limit: number): number[] {
  const seen = new Uint8Array(limit);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!seen[value]) {
      seen[value] = 1;
      distinct.push(value);
    }
  }
  return distinct;
}

/**
 * Ranks of a column field's atoms, valid for the atoms its groups use. A totally ordered column
 * is ranked whole once and kept when a search uses a good share of it, else only the atoms in
 * use are sorted; otherwise the atoms are sorted in first-met order, as rows would meet them.
 */
function columnRanks(column: DictionaryColumn, facts: ColumnFacts, view: ColumnView, groupAtoms: Int32Array, firstSeen: () => number[]): Int32Array {
  if (view.fullRanks) return view.fullRanks;
  const atomCount = view.atoms.length;
  const numbers = numbersOf(column, facts, view);
  if (!isViewTotallyOrdered(column, facts, view)) return ranksFrom(sortAtomIds(firstSeen(), view.atoms, numbers), atomCount);
  if (view.fullRanks) return view.fullRanks;
  const used = distinctIds(groupAtoms, atomCount);
  if (used.length >= view.live.length * FULL_RANK_SHARE) {
    view.fullRanks = ranksFrom(sortAtomIds([...view.live], view.atoms, numbers), atomCount);
    return view.fullRanks;
  }
  return ranksFrom(sortAtomIds(used, view.atoms, numbers), atomCount);
}

/** Per group, the rank of its atom among the ranks the groups use: 0..count-1. */
function denseGroupRanks(atomRanks: Int32Array, groupAtoms: Int32Array): { ranks: Int32Array; count: number } {
  const dense = new Int32Array(atomRanks.length).fill(-1);
  for (let g = 0; g < groupAtoms.length; g++) dense[atomRanks[groupAtoms[g]!]!] = 0;
  let count = 0;
  for (let r = 0; r < dense.length; r++) if (dense[r] === 0) dense[r] = count++;
  const ranks = new Int32Array(groupAtoms.length);
  for (let g = 0; g < groupAtoms.length; g++) ranks[g] = dense[atomRanks[groupAtoms[g]!]!]!;
  return { ranks, count };
}

/** Stable counting sort of `groups` by `ranks`, which are below `count`. */
function countingSort(groups: Uint32Array, ranks: Int32Array, count: number, into: Uint32Array): void {
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < groups.length; i++) starts[ranks[groups[i]!]! + 1]!++;
  for (let r = 0; r < count; r++) starts[r + 1]! += starts[r]!;
  for (let i = 0; i < groups.length; i++) into[starts[ranks[groups[i]!]!]!++] = groups[i]!;
}

class StoreGrouping implements Grouping {
  readonly atoms: readonly (readonly Scalar[])[];
  private ranked: { ranks: Int32Array; count: number }[] | undefined;
  private ordered: Uint32Array | undefined;

  constructor(
    readonly groupCount: number,
    private readonly plans: readonly FieldPlan[],
    readonly groupAtoms: readonly Int32Array[],
    readonly rows: Uint32Array,
    readonly groups: Uint32Array,
    private readonly firstSeen: (field: number) => number[],
  ) {
    this.atoms = plans.map((plan) => plan.atoms);
  }

  get order(): Uint32Array {
    if (!this.ordered) {
      const all = new Uint32Array(this.groupCount);
      for (let g = 0; g < all.length; g++) all[g] = g;
      this.ordered = this.sortGroups(all);
    }
    return this.ordered;
  }

  atomRanks(field: number): Int32Array | undefined {
    const plan = this.plans[field]!;
    if (plan.kind === 'entries' && plan.column) {
      const { column, facts, view } = plan.column;
      if (!isViewTotallyOrdered(column, facts, view)) return undefined;
      return columnRanks(column, facts, view, this.groupAtoms[field]!, () => this.firstSeen(field));
    }
    // Distinct finite numbers (time bins) are totally ordered.
    return plan.atoms.every((atom) => typeof atom === 'number' && Number.isFinite(atom)) ? scalarRanks(plan.atoms) : undefined;
  }

  /** Per BY field, each group's dense rank: comparing groups is then comparing small integers. */
  private groupRanks(): { ranks: Int32Array; count: number }[] {
    this.ranked ??= this.plans.map((plan, f) => {
      const groupAtoms = this.groupAtoms[f]!;
      const atomRanks =
        plan.kind === 'entries' && plan.column
          ? columnRanks(plan.column.column, plan.column.facts, plan.column.view, groupAtoms, () => this.firstSeen(f))
          : scalarRanks(plan.atoms);
      return denseGroupRanks(atomRanks, groupAtoms);
    });
    return this.ranked;
  }

  sortGroups(groups: Uint32Array): Uint32Array {
    if (groups.length <= 1) return Uint32Array.from(groups);
    // A few groups (a later filter kept them) are compared directly, without ranking every atom
    // the grouping holds, when each field's order is total (so the result is the same).
    if (groups.length * FEW_GROUPS_SHARE < this.groupCount && this.plans.every((plan) => this.isTotal(plan))) return this.compareAtoms(groups);
    const fields = this.groupRanks().filter((field) => field.count > 1);
    const rankRange = fields.reduce((sum, field) => sum + field.count, 0);
    if (groups.length < COUNTING_SORT_MIN || rankRange > 16 * groups.length) return this.compareSort(groups, fields);
    // Least significant field first: each stable pass keeps the order of the later fields.
    let sorted = Uint32Array.from(groups);
    let spare = new Uint32Array(groups.length);
    for (let f = fields.length - 1; f >= 0; f--) {
      countingSort(sorted, fields[f]!.ranks, fields[f]!.count, spare);
      [sorted, spare] = [spare, sorted];
    }
    return sorted;
  }

  private isTotal(plan: FieldPlan): boolean {
    if (plan.kind === 'entries' && plan.column) return isViewTotallyOrdered(plan.column.column, plan.column.facts, plan.column.view);
    if (plan.kind === 'constant') return true;
    return plan.atoms.every((atom) => typeof atom === 'number' && Number.isFinite(atom));
  }

  /** Sorts the groups by compareAtomKeys over their atoms' texts and numbers, field by field. */
  private compareAtoms(groups: Uint32Array): Uint32Array {
    const keys = this.plans.map((plan, f) => {
      const groupAtoms = this.groupAtoms[f]!;
      const numbers = plan.kind === 'entries' && plan.column ? numbersOf(plan.column.column, plan.column.facts, plan.column.view) : undefined;
      const texts = new Map<number, string>();
      const values = new Map<number, number>();
      for (const group of groups) {
        const atom = groupAtoms[group]!;
        const scalar = plan.atoms[atom]!;
        const text = String(scalar);
        texts.set(group, text);
        values.set(group, numbers ? numbers[atom]! : typeof scalar === 'number' ? scalar : numberKey(text));
      }
      return { texts, values };
    });
    return Uint32Array.from(groups).sort((x, y) => {
      for (const { texts, values } of keys) {
        const difference = compareAtomKeys(texts.get(x)!, values.get(x)!, texts.get(y)!, values.get(y)!);
        if (difference !== 0) return difference;
      }
      return 0;
    });
  }

  private compareSort(groups: Uint32Array, fields: readonly { ranks: Int32Array }[]): Uint32Array {
    return Uint32Array.from(groups).sort((x, y) => {
      for (const { ranks } of fields) {
        const difference = ranks[x]! - ranks[y]!;
        if (difference !== 0) return difference;
      }
      return 0;
    });
  }
}
