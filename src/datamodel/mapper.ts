/**
 * Turns one raw event into one row of a dataset: the mapping table first, then the dataset's CIM
 * calculated fields, in the CIM's order. The dataset's fields and calculations are parameters, so
 * the same code makes the rows of every dataset.
 */
import { compileCalculations, type CimCalculation, type RowValues } from './calculations.js';
import type { MappingTable } from './mapping-table.js';
import { TRANSFORMS } from './transforms.js';

export type { RowValues } from './calculations.js';

/** A raw event's fields by add-on name. */
export type RawFields = ReadonlyMap<string, string>;

export type RowMapper = (raw: RawFields, out: RowValues) => void;

/** Raw values by slot (see compileSlotMapper); undefined when the event lacks one. */
export type RawSlots = readonly (string | undefined)[];

export type SlotMapper = (raw: RawSlots, out: RowValues) => void;

function columnOf(fields: readonly string[], table: MappingTable): (field: string) => number {
  return (field) => {
    const index = fields.indexOf(field);
    if (index < 0) throw new Error(`mapping table ${table.name} names field '${field}', which ${table.dataset} does not have`);
    return index;
  };
}

/**
 * Compiles a table once for a dataset whose store columns are `fields`; the returned function
 * fills `out` (one value per field) in place, with no allocation per row.
 */
export function compileMapper(table: MappingTable, fields: readonly string[], calculations: readonly CimCalculation[]): RowMapper {
  const column = columnOf(fields, table);
  const rules = table.rules.map((rule) => ({
    index: column(rule.field),
    transform: TRANSFORMS[rule.transform],
    from: rule.from,
    value: rule.value,
    inputs: new Array<string | undefined>(rule.from.length),
  }));
  const calculate = compileCalculations(calculations, fields);
  return (raw, out) => {
    out.fill(null);
    for (const rule of rules) {
      for (let i = 0; i < rule.from.length; i++) rule.inputs[i] = raw.get(rule.from[i]!);
      out[rule.index] = rule.transform(rule.inputs, rule.value);
    }
    calculate(out);
  };
}

/**
 * compileMapper for readers that keep raw values in numbered slots instead of a Map:
 * `slotOf(name)` gives the slot of each raw field name the table reads (-1: never present).
 */
export function compileSlotMapper(
  table: MappingTable,
  fields: readonly string[],
  calculations: readonly CimCalculation[],
  slotOf: (name: string) => number,
): SlotMapper {
  const column = columnOf(fields, table);
  const rules = table.rules.map((rule) => ({
    index: column(rule.field),
    transform: TRANSFORMS[rule.transform],
    slots: rule.from.map(slotOf),
    value: rule.value,
    inputs: new Array<string | undefined>(rule.from.length),
  }));
  const calculate = compileCalculations(calculations, fields);
  return (raw, out) => {
    out.fill(null);
    for (const rule of rules) {
      for (let i = 0; i < rule.slots.length; i++) {
        const slot = rule.slots[i]!;
        rule.inputs[i] = slot < 0 ? undefined : raw[slot];
      }
      out[rule.index] = rule.transform(rule.inputs, rule.value);
    }
    calculate(out);
  };
}
