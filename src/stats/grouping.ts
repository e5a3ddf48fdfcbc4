/**
 * Grouping rows by BY fields, shared by stats, eventstats, streamstats, top and rare. A row
 * belongs to one group per combination of its BY values: a multivalue BY field puts the row in
 * one group per value, and a null BY field puts it in none (Splunk drops such rows).
 */
import { scalarToString, valuesOf, type FieldReader, type Scalar } from '../core/values.js';
import { compareAtoms } from './order.js';

export type GroupTuple = readonly Scalar[];

/** Every BY tuple the row belongs to; [] when a BY field is null. */
export function groupTuples(row: FieldReader, fields: readonly string[]): GroupTuple[] {
  let tuples: Scalar[][] = [[]];
  for (const field of fields) {
    const values = [...new Set(valuesOf(row.get(field)))];
    if (values.length === 0) return [];
    const next: Scalar[][] = [];
    for (const tuple of tuples) for (const value of values) next.push([...tuple, value]);
    tuples = next;
  }
  return tuples;
}

/** A string key identifying a tuple (values compared by their string form, as Splunk groups them). */
export function tupleKey(tuple: GroupTuple): string {
  return JSON.stringify(tuple.map(scalarToString));
}

/** Ascending order of BY tuples, field by field, the same comparison tstats uses. */
export function compareTuples(a: GroupTuple, b: GroupTuple): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareAtoms(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return 0;
}

