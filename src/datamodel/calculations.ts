/**
 * The CIM data models' calculated fields, as named calculations: a dataset lists the ones it has
 * (models.ts and datasets/), the mapper applies them after the add-on table, and `spelunk
 * datamodel --fields` describes them, all from the same list, so what is shown is what runs.
 */
import { compileConstraint, describeConstraint, type Constraint } from './constraints.js';
import { joinMultivalue, multivalueCount, splitMultivalue } from './multivalue.js';

export type CalculationName =
  | 'unknown_if_empty'
  | 'process_name_from_command_line'
  | 'vendor_product'
  | 'lower_case'
  | 'lower_or_unknown'
  | 'first_set'
  | 'number_or_default'
  | 'number_or_null'
  | 'value_count'
  | 'dns_reply_code'
  | 'dataset_nodes'
  | 'unknown_if_empty_in_node';

/** A dataset of the data model as the `dataset_nodes` calculation sees it: its path, and the constraint it adds. */
export interface DatasetNode {
  /** `Authentication` for the root, `Authentication.Failed_Authentication` for a child. */
  path: string;
  /** Index of the parent node in the list; -1 for the root. */
  parent: number;
  constraint: Constraint | undefined;
}

export interface CimCalculation {
  /** The field the calculation sets (unprefixed). */
  field: string;
  calculation: CalculationName;
  /** Other fields it reads, in the order the calculation takes them. */
  from: readonly string[];
  /** The literal of `first_set` (its last resort) and `number_or_default`. */
  value?: string;
  /** For `dataset_nodes`: the root first, then every child after its parent. */
  nodes?: readonly DatasetNode[];
  /** For `dataset_nodes`: the dataset's multivalue fields. */
  multivalue?: readonly string[];
  /** For `unknown_if_empty_in_node`: the child dataset whose field this is. */
  node?: string;
  /** The CIM's own expression, shown instead of the calculation's, where a table does part of its work. */
  expression?: string;
}

/** One row's values, in the order of the dataset's store fields; null when absent. */
export type RowValues = (string | null)[];

function isEmpty(value: string | null | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** eval's isnum() on an extracted value: text that reads as a decimal number (INF, as spelunk's eval). */
function isNumber(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(value);
}

// CIM 8.5 name rule (Endpoint.json, after JSON and SPL unescaping):
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

/**
 * cim_dns_reply_code_lookup (Splunk_SA_CIM transforms.conf: cim_dns_reply_codes2.csv,
 * min_matches = 1, default_match = unknown, case-insensitive) reduced to the row Sysmon can
 * produce: QueryStatus 0 is the RCODE 0 row. Sysmon's other statuses are Windows DNS error
 * numbers (9003, 1460, 9501, ...), which the CSV's RCODE rows do not hold: default_match. Only
 * this one row is encoded (the CSV is Splunk's): docs/semantics.md.
 */
const DNS_REPLY_CODES: Readonly<Record<string, string>> = { '0': 'No Error' };

/** A calculation bound to column numbers: sets `out[field]` from the row. */
type Step = (out: RowValues) => void;

interface Bound {
  calculation: CimCalculation;
  field: number;
  from: readonly number[];
  column: (name: string) => number;
  fields: readonly string[];
}

interface CalculationSpec {
  bind(bound: Bound): Step;
  /** The CIM expression, as `spelunk datamodel --fields` shows it. */
  describe(calculation: CimCalculation): string;
}

const fill = (field: string): string => `if(isnull(${field}) OR ${field}="","unknown",${field})`;

/** Whether `path` is one of the values of a nodename cell. */
function inNode(cell: string | null | undefined, path: string): boolean {
  return cell !== null && cell !== undefined && splitMultivalue(cell).includes(path);
}

const CALCULATIONS: Readonly<Record<CalculationName, CalculationSpec>> = {
  unknown_if_empty: {
    bind:
      ({ field }) =>
      (out) => {
        if (isEmpty(out[field])) out[field] = 'unknown';
      },
    describe: ({ field }) => fill(field),
  },
  process_name_from_command_line: {
    bind:
      ({ field, from: [commandLine] }) =>
      (out) => {
        out[field] = cimProcessName(out[field] ?? null, out[commandLine!] ?? null);
      },
    describe: ({ field, from: [commandLine] }) => `case(${field} set, ${field}, R1 on ${commandLine}, R2 on ${commandLine}, 1=1, "unknown")`,
  },
  // vendor/product are never set without vendor_product by the add-ons spelunk maps, so the CIM's
  // case() reduces to coalesce(vendor_product, sourcetype, "unknown").
  vendor_product: {
    bind:
      ({ field, from: [sourcetype] }) =>
      (out) => {
        if (out[field] === null) out[field] = out[sourcetype!] ?? 'unknown';
      },
    describe: ({ field, from: [sourcetype] }) => `case(isnotnull(${field}),${field},...,isnotnull(${sourcetype}),${sourcetype},1=1,"unknown")`,
  },
  lower_case: {
    bind:
      ({ field }) =>
      (out) => {
        const value = out[field];
        if (value) out[field] = lowerCase(value);
      },
    describe: ({ field }) => `base search: eval ${field}=lower(${field})`,
  },
  lower_or_unknown: {
    bind:
      ({ field }) =>
      (out) => {
        const value = out[field];
        out[field] = isEmpty(value) ? 'unknown' : lowerCase(value!);
      },
    describe: ({ field }) => `if(isnull(${field}) OR ${field}="","unknown",lower(${field}))`,
  },
  first_set: {
    bind:
      ({ field, from, calculation }) =>
      (out) => {
        if (!isEmpty(out[field])) return;
        for (const column of from) {
          if (!isEmpty(out[column])) {
            out[field] = out[column]!;
            return;
          }
        }
        out[field] = calculation.value ?? null;
      },
    describe: ({ field, from, value }) => {
      const tests = [field, ...from].map((name) => `isnotnull(${name}) AND ${name}!="",${name}`);
      return `case(${tests.join(',')}${value !== undefined ? `,1=1,${/^-?\d+$/.test(value) ? value : `"${value}"`}` : ''})`;
    },
  },
  number_or_default: {
    bind:
      ({ field, calculation }) =>
      (out) => {
        if (!isNumber(out[field])) out[field] = calculation.value ?? null;
      },
    describe: ({ field, value }) => `if(isnum(${field}),${field},${value})`,
  },
  number_or_null: {
    bind:
      ({ field }) =>
      (out) => {
        if (!isNumber(out[field])) out[field] = null;
      },
    describe: ({ field }) => `if(isnum(${field}),${field},null())`,
  },
  value_count: {
    bind:
      ({ field, from: [values] }) =>
      (out) => {
        if (isNumber(out[field])) return;
        const count = multivalueCount(out[values!]);
        out[field] = String(count === 0 ? 1 : count);
      },
    describe: ({ field, from: [values] }) => `case(isnum(${field}),${field},isnotnull(${values}),mvcount(${values}),1=1,1)`,
  },
  dns_reply_code: {
    bind:
      ({ field, from: [id] }) =>
      (out) => {
        if (!isEmpty(out[field])) return;
        const code = out[id!];
        out[field] = (code !== null && code !== undefined ? DNS_REPLY_CODES[code.toLowerCase()] : undefined) ?? 'unknown';
      },
    describe: ({ field, from: [id] }) =>
      `lookup cim_dns_reply_code_lookup ${id} OUTPUT ${field} (default_match unknown; encoded row: 0 -> "No Error")`,
  },
  dataset_nodes: {
    bind: ({ field, calculation, fields }) => {
      const nodes = (calculation.nodes ?? []).map((node) => ({
        path: node.path,
        parent: node.parent,
        test: node.constraint ? compileConstraint(node.constraint, fields, calculation.multivalue ?? []) : () => true,
      }));
      const inside = new Uint8Array(nodes.length);
      const paths: string[] = [];
      return (out) => {
        paths.length = 0;
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i]!;
          const parentIn = node.parent < 0 || inside[node.parent] === 1;
          inside[i] = parentIn && node.test(out) ? 1 : 0;
          if (inside[i] === 1) paths.push(node.path);
        }
        // Outside the root's constraint the row is in no dataset: null, and no store keeps it.
        out[field] = inside[0] === 1 ? joinMultivalue(paths) : null;
      };
    },
    describe: ({ nodes }) =>
      `the datasets whose constraints the row meets: ${(nodes ?? [])
        .map((node) => `${node.path}${node.constraint ? ` (${describeConstraint(node.constraint)})` : ''}`)
        .join('; ')}; a row outside the root's is not in the dataset`,
  },
  unknown_if_empty_in_node: {
    bind:
      ({ field, from: [nodename], calculation }) =>
      (out) => {
        if (!inNode(out[nodename!], calculation.node!)) out[field] = null;
        else if (isEmpty(out[field])) out[field] = 'unknown';
      },
    describe: ({ field, node }) => `in ${node}: ${fill(field.slice(field.lastIndexOf('.') + 1))}; null outside it`,
  },
};

/** The CIM expression of a calculation, for display. */
export function describeCalculation(calculation: CimCalculation): string {
  return calculation.expression ?? CALCULATIONS[calculation.calculation].describe(calculation);
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
  const steps: Step[] = calculations.map((calculation) =>
    CALCULATIONS[calculation.calculation].bind({ calculation, field: column(calculation.field), from: calculation.from.map(column), column, fields }),
  );
  return (out) => {
    for (let i = 0; i < steps.length; i++) steps[i]!(out);
  };
}
