/**
 * The CIM data models' calculated fields, as named calculations: a dataset lists the ones it has
 * (models.ts), the mapper applies them after the add-on table, and `spelunk datamodel --fields`
 * describes them, all from the same list, so what is shown is what runs.
 */

export type CalculationName = 'unknown_if_empty' | 'process_name_from_command_line' | 'vendor_product' | 'lower_case';

export interface CimCalculation {
  /** The field the calculation sets (unprefixed). */
  field: string;
  calculation: CalculationName;
  /** Other fields it reads, in the order the calculation takes them. */
  from: readonly string[];
}

/** One row's values, in the order of the dataset's store fields; null when absent. */
export type RowValues = (string | null)[];

function isEmpty(value: string | null): boolean {
  return value === null || value === '';
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

/** Integrity levels and such are a handful of words: lower-case each once, and hand out one string per value. */
const LOWER_CASE = new Map<string, string>();

function lowerCase(text: string): string {
  let lower = LOWER_CASE.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (LOWER_CASE.size < 10_000) LOWER_CASE.set(text, lower);
  }
  return lower;
}

/** A calculation bound to column numbers: `field` is the column it sets, `from` the columns it reads. */
type Step = (out: RowValues, field: number, from: readonly number[]) => void;

interface CalculationSpec {
  step: Step;
  /** The CIM expression, as `spelunk datamodel --fields` shows it. */
  describe(field: string, from: readonly string[]): string;
}

const CALCULATIONS: Readonly<Record<CalculationName, CalculationSpec>> = {
  unknown_if_empty: {
    step: (out, field) => {
      if (isEmpty(out[field] ?? null)) out[field] = 'unknown';
    },
    describe: (field) => `if(isnull(${field}) OR ${field}="","unknown",${field})`,
  },
  process_name_from_command_line: {
    step: (out, field, [commandLine]) => {
      out[field] = cimProcessName(out[field] ?? null, out[commandLine!] ?? null);
    },
    describe: (field, [commandLine]) => `case(${field} set, ${field}, R1 on ${commandLine}, R2 on ${commandLine}, 1=1, "unknown")`,
  },
  // vendor/product are never set without vendor_product by the add-ons spelunk maps, so the CIM's
  // case() reduces to coalesce(vendor_product, sourcetype, "unknown").
  vendor_product: {
    step: (out, field, [sourcetype]) => {
      if (out[field] === null) out[field] = out[sourcetype!] ?? 'unknown';
    },
    describe: (field, [sourcetype]) => `case(isnotnull(${field}),${field},...,isnotnull(${sourcetype}),${sourcetype},1=1,"unknown")`,
  },
  lower_case: {
    step: (out, field) => {
      const value = out[field];
      if (value) out[field] = lowerCase(value);
    },
    describe: (field) => `base search: eval ${field}=lower(${field})`,
  },
};

/** The CIM expression of a calculation, for display. */
export function describeCalculation(calculation: CimCalculation): string {
  return CALCULATIONS[calculation.calculation].describe(calculation.field, calculation.from);
}

/**
 * The calculations as one function over a row whose columns are `fields`; each calculation sees
 * the results of the ones before it, as in the CIM.
 */
export function compileCalculations(calculations: readonly CimCalculation[], fields: readonly string[]): (out: RowValues) => void {
  const column = (name: string): number => {
    const index = fields.indexOf(name);
    if (index < 0) throw new Error(`CIM calculation names unknown field '${name}'`);
    return index;
  };
  const steps = calculations.map((c) => ({ step: CALCULATIONS[c.calculation].step, field: column(c.field), from: c.from.map(column) }));
  return (out) => {
    for (let i = 0; i < steps.length; i++) {
      const { step, field, from } = steps[i]!;
      step(out, field, from);
    }
  };
}
