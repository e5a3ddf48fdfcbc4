/**
 * Turns one raw event into one Endpoint.Processes row: the input kind's add-on table first, then
 * the CIM data model's own calculations, in the CIM's order.
 */
import { PROCESSES_STORE_FIELDS } from './models.js';
import type { InputKind } from './mappings.js';
import { TRANSFORMS, type Transform } from './transforms.js';

/** A raw event's fields by add-on name. */
export type RawFields = ReadonlyMap<string, string>;

/** One value per PROCESSES_STORE_FIELDS entry; null when absent. */
export type ProcessRowValues = (string | null)[];

const FIELD_INDEX = new Map(PROCESSES_STORE_FIELDS.map((field, i) => [field, i]));

function indexOf(field: string): number {
  const index = FIELD_INDEX.get(field);
  if (index === undefined) throw new Error(`mapping names unknown field '${field}'`);
  return index;
}

interface CompiledRule {
  index: number;
  transform: Transform;
  from: readonly string[];
  value: string | undefined;
  inputs: (string | undefined)[];
}

export type RowMapper = (raw: RawFields, out: ProcessRowValues) => void;

/** Compiles a table once; the returned function fills `out` in place (no allocation per row). */
export function compileMapper(kind: InputKind): RowMapper {
  const rules: CompiledRule[] = kind.rules.map((rule) => ({
    index: indexOf(rule.field),
    transform: TRANSFORMS[rule.transform],
    from: rule.from,
    value: rule.value,
    inputs: new Array<string | undefined>(rule.from.length),
  }));
  return (raw, out) => {
    out.fill(null);
    for (const rule of rules) {
      for (let i = 0; i < rule.from.length; i++) rule.inputs[i] = raw.get(rule.from[i]!);
      out[rule.index] = rule.transform(rule.inputs, rule.value);
    }
    applyCimCalculations(out);
  };
}

/** Raw values by slot (see compileSlotMapper); undefined when the event lacks one. */
export type RawSlots = readonly (string | undefined)[];

export type SlotMapper = (raw: RawSlots, out: ProcessRowValues) => void;

/**
 * compileMapper for readers that keep raw values in numbered slots instead of a Map:
 * `slotOf(name)` gives the slot of each raw field name the table reads (-1: never present).
 */
export function compileSlotMapper(kind: InputKind, slotOf: (name: string) => number): SlotMapper {
  const rules = kind.rules.map((rule) => ({
    index: indexOf(rule.field),
    transform: TRANSFORMS[rule.transform],
    slots: rule.from.map(slotOf),
    value: rule.value,
    inputs: new Array<string | undefined>(rule.from.length),
  }));
  return (raw, out) => {
    out.fill(null);
    for (const rule of rules) {
      for (let i = 0; i < rule.slots.length; i++) {
        const slot = rule.slots[i]!;
        rule.inputs[i] = slot < 0 ? undefined : raw[slot];
      }
      out[rule.index] = rule.transform(rule.inputs, rule.value);
    }
    applyCimCalculations(out);
  };
}

const DEST = indexOf('dest');
const LOADED_FILE = indexOf('loaded_file');
const ORIGINAL_FILE_NAME = indexOf('original_file_name');
const PARENT_PROCESS = indexOf('parent_process');
const PARENT_PROCESS_NAME = indexOf('parent_process_name');
const PARENT_USER = indexOf('parent_user');
const PROCESS = indexOf('process');
const PROCESS_NAME = indexOf('process_name');
const USER = indexOf('user');
const VENDOR_PRODUCT = indexOf('vendor_product');
const SOURCETYPE = indexOf('sourcetype');
const INTEGRITY_LEVEL = indexOf('process_integrity_level');

function isEmpty(value: string | null): boolean {
  return value === null || value === '';
}

function fillUnknown(out: ProcessRowValues, index: number): void {
  if (isEmpty(out[index] ?? null)) out[index] = 'unknown';
}

// CIM 8.5 name rule (Endpoint.json, after JSON and SPL unescaping; notes spl_semantics.md §7):
// R1 takes the text after the last backslash inside a leading quoted path, R2 the first token
// after an optional path.
const QUOTED_PATH_NAME = /^\s*(?:"..*\\([^"]+)").*/;
const TOKEN_NAME = /^(?:..*\\)?([^\s"]+)(?=\s|$).*/;

/** case(name set, name, match(R1), replace(R1), match(R2), replace(R2), 1=1, "unknown"). */
export function cimProcessName(name: string | null, commandLine: string | null): string {
  if (!isEmpty(name)) return name!;
  if (isEmpty(commandLine)) return 'unknown';
  if (QUOTED_PATH_NAME.test(commandLine!)) return commandLine!.replace(QUOTED_PATH_NAME, '$1');
  if (TOKEN_NAME.test(commandLine!)) return commandLine!.replace(TOKEN_NAME, '$1');
  return 'unknown';
}

/** Integrity levels are a handful of words: lower-case each once, and hand out one string per value. */
const LOWER_CASE = new Map<string, string>();

function lowerCase(text: string): string {
  let lower = LOWER_CASE.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (LOWER_CASE.size < 10_000) LOWER_CASE.set(text, lower);
  }
  return lower;
}

/**
 * The Processes dataset's calculated fields in Endpoint.json order (CIM 8.5); each sees the
 * previous ones' results. Then the base search's eval lower(process_integrity_level).
 */
export function applyCimCalculations(out: ProcessRowValues): void {
  fillUnknown(out, DEST);
  fillUnknown(out, LOADED_FILE);
  fillUnknown(out, ORIGINAL_FILE_NAME);
  fillUnknown(out, PARENT_PROCESS);
  out[PARENT_PROCESS_NAME] = cimProcessName(out[PARENT_PROCESS_NAME] ?? null, out[PARENT_PROCESS] ?? null);
  fillUnknown(out, PARENT_USER);
  fillUnknown(out, PROCESS);
  out[PROCESS_NAME] = cimProcessName(out[PROCESS_NAME] ?? null, out[PROCESS] ?? null);
  fillUnknown(out, USER);
  // vendor_product: vendor/product are never set without vendor_product by these add-ons, so
  // the case() reduces to coalesce(vendor_product, sourcetype, "unknown").
  if (out[VENDOR_PRODUCT] === null) out[VENDOR_PRODUCT] = out[SOURCETYPE] ?? 'unknown';
  const level = out[INTEGRITY_LEVEL];
  if (level) out[INTEGRITY_LEVEL] = lowerCase(level);
}
