/**
 * The form of a search-time field rule, as the add-ons' props.conf settings are written: a
 * field, the fields it reads, and how its value follows from theirs. One declarative table per
 * add-on stanza (src/events/fields/*.ts) lists them, each with the setting it stands for.
 *
 * A rule's value is worked out once per distinct tuple of the values it reads (store.ts), so a
 * million events with 300 distinct `Image` values run `basename` 300 times.
 */
import type { DictionaryEntry } from '../store/types.js';

/** A field's value on one event: absent, one value, or several (multivalue). */
export type FieldValue = DictionaryEntry;

export interface FieldRule {
  readonly field: string;
  /** The fields read, in the order `value` gets them. */
  readonly from: readonly string[];
  value(values: readonly FieldValue[]): FieldValue;
  /** The add-on setting (or documentation) the rule stands for. */
  readonly source: string;
}

export interface FieldTable {
  /** The add-on stanza, e.g. `[source::XmlWinEventLog:Security]`. */
  readonly name: string;
  /** Whether the table applies to events of this `source` (lower-cased) and sourcetype (lower-cased). */
  appliesTo(source: string, sourcetype: string): boolean;
  readonly rules: readonly FieldRule[];
}

/** The first value of a field, or null. */
export function first(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : (value[0] ?? null);
}

/** `A AS B`: the value as is (FIELDALIAS; no value when the source has none, props.conf.spec FIELDALIAS). */
export function alias(field: string, from: string, source: string): FieldRule {
  return { field, from: [from], value: ([v]) => v ?? null, source };
}

/** A constant (`EVAL-x = "text"`). */
export function constant(field: string, text: string, source: string): FieldRule {
  return { field, from: [], value: () => text, source };
}

/** The part of a Windows path after the last `\` (or `/`). */
export function basename(path: string): string {
  const at = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return at === -1 ? path : path.slice(at + 1);
}

/** Whether `code` (an EventCode value) is one of `codes`. */
export function codeIn(code: FieldValue | undefined, codes: readonly (string | number)[]): boolean {
  const text = first(code);
  return text !== null && codes.some((c) => String(c) === text);
}
