/**
 * Grouping the rows of a columnar store by BY fields, for tstats. Works on integer ids: each
 * BY field maps its dictionary entries to "atoms" (its distinct single values) once, a row's
 * group key is a number mixed from its atoms, and no row object is made until the output.
 */
import type { Scalar } from '../core/values.js';
import { NULL_ID, type ColumnarStore, type DictionaryColumn } from '../store/types.js';
import { binStart, type TimeSpan } from '../time/span.js';
import { compareAtomKeys } from './order.js';
import { parseNumber } from '../core/values.js';

export type ByField = { kind: 'column'; column: DictionaryColumn | undefined } | { kind: 'time'; span: TimeSpan | undefined; tz: string };

/** The groups found: each group's atom per BY field, and which (row, group) pairs feed them. */
export interface Grouping {
  groupCount: number;
  /** Per BY field, the atom values by atom id. */
  atoms: Scalar[][];
  /** Per BY field, the atom id of each group. */
  groupAtoms: Int32Array[];
  /** Pairs: `rows[k]` belongs to `groups[k]`; a row appears once per group it is in. */
  rows: Uint32Array;
  groups: Uint32Array;
  /** Group ids in output order: ascending by BY values. */
  order: Uint32Array;
}

const DROP = -1;
const SEVERAL = -2;

/** Per BY field: the atom of a row (DROP for null without fillnull, SEVERAL for a multivalue). */
interface FieldAtoms {
  atoms: Scalar[];
  /** An upper bound on the number of atoms, known before any row is read; undefined if none. */
  bound: number | undefined;
  atomOfRow(row: number): number;
  /** The atoms of a row whose value is a multivalue. */
  atomsOfMultivalue(row: number): number[];
}

const UNSET = -3;

const multivalueColumns = new WeakMap<DictionaryColumn, boolean>();

function hasMultivalues(column: DictionaryColumn): boolean {
  let found = multivalueColumns.get(column);
  if (found === undefined) {
    found = column.dictionary.some((entry) => Array.isArray(entry));
    multivalueColumns.set(column, found);
  }
  return found;
}

/** Atoms of a column, worked out per dictionary entry the first time a selected row holds it. */
function columnAtoms(column: DictionaryColumn | undefined, fillnull: string | undefined): FieldAtoms {
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
  if (!column) return { atoms, bound: 1, atomOfRow: atomOfNull, atomsOfMultivalue: () => [] };
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
    // One atom per single-value entry, plus the fillnull value; multivalues split into more.
    bound: hasMultivalues(column) ? undefined : column.dictionary.length + 1,
    atomOfRow(row) {
      const id = rowIds[row]!;
      let atom = entryAtom[id]!;
      if (atom === UNSET) entryAtom[id] = atom = decide(id);
      return atom;
    },
    atomsOfMultivalue: (row) => multi.get(rowIds[row]!) ?? [],
  };
}

function timeAtoms(store: ColumnarStore, selected: Uint32Array, span: TimeSpan | undefined, tz: string): FieldAtoms {
  const atoms: Scalar[] = [];
  const ids = new Map<number, number>();
  const rowAtom = new Int32Array(store.rowCount);
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
  return { atoms, bound: atoms.length, atomOfRow: (row) => rowAtom[row]!, atomsOfMultivalue: () => [] };
}

/**
 * Ranks of atoms in output order, so groups sort by comparing small integers. Each atom's text
 * and number are worked out once, not once per comparison.
 */
function atomRanks(atoms: readonly Scalar[]): Int32Array {
  const texts = atoms.map((atom) => String(atom));
  const numbers = atoms.map((atom) => (typeof atom === 'number' ? atom : (parseNumber(String(atom)) ?? Number.NaN)));
  const order = atoms
    .map((_, i) => i)
    .sort((a, b) => compareAtomKeys(texts[a]!, numbers[a]!, texts[b]!, numbers[b]!));
  const ranks = new Int32Array(atoms.length);
  order.forEach((atom, rank) => (ranks[atom] = rank));
  return ranks;
}

class GrowableUint32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export function groupStoreRows(store: ColumnarStore, selected: Uint32Array, by: readonly ByField[], fillnull: string | undefined): Grouping {
  const fields = by.map((f) => (f.kind === 'time' ? timeAtoms(store, selected, f.span, f.tz) : columnAtoms(f.column, fillnull)));
  // A numeric key mixes the atoms with strides from each field's bound on its atom count;
  // without bounds, or when they multiply past 2^53, the key is the atoms joined as text.
  const strides: number[] = [];
  let space = 1;
  for (const field of fields) {
    strides.push(space);
    space *= Math.max(1, field.bound ?? Infinity);
  }
  const numericKeys = space < Number.MAX_SAFE_INTEGER;
  const groupOfKey = new Map<number | string, number>();
  const groupAtomLists: number[][] = fields.map(() => []);
  const pairRows = new GrowableUint32();
  const pairGroups = new GrowableUint32();
  const atomsOfRow = new Int32Array(fields.length);

  const addPair = (row: number, atomIds: ArrayLike<number>): void => {
    let key: number | string;
    if (numericKeys) {
      let k = 0;
      for (let f = 0; f < atomIds.length; f++) k += atomIds[f]! * strides[f]!;
      key = k;
    } else {
      key = Array.from(atomIds).join(',');
    }
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = groupOfKey.size;
      groupOfKey.set(key, group);
      for (let f = 0; f < atomIds.length; f++) groupAtomLists[f]!.push(atomIds[f]!);
    }
    pairRows.push(row);
    pairGroups.push(group);
  };

  for (let i = 0; i < selected.length; i++) {
    const row = selected[i]!;
    let dropped = false;
    let several = false;
    for (let f = 0; f < fields.length; f++) {
      const atom = fields[f]!.atomOfRow(row);
      if (atom === DROP) {
        dropped = true;
        break;
      }
      if (atom === SEVERAL) several = true;
      atomsOfRow[f] = atom;
    }
    if (dropped) continue;
    if (!several) {
      addPair(row, atomsOfRow);
      continue;
    }
    // A multivalue BY field: the row joins one group per combination of values.
    let combinations: number[][] = [[]];
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const atom = atomsOfRow[f]!;
      const choices = atom === SEVERAL ? field.atomsOfMultivalue(row) : [atom];
      combinations = combinations.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    }
    for (const combination of combinations) addPair(row, combination);
  }

  const groupCount = groupOfKey.size;
  const groupAtoms = groupAtomLists.map((list) => Int32Array.from(list));
  const ranks = fields.map((f) => atomRanks(f.atoms));
  const order = new Uint32Array(groupCount);
  for (let g = 0; g < groupCount; g++) order[g] = g;
  order.sort((x, y) => {
    for (let f = 0; f < fields.length; f++) {
      const difference = ranks[f]![groupAtoms[f]![x]!]! - ranks[f]![groupAtoms[f]![y]!]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return { groupCount, atoms: fields.map((f) => f.atoms), groupAtoms, rows: pairRows.view(), groups: pairGroups.view(), order };
}
