/**
 * What `spelunk datamodel` shows: the store's rows as `| datamodel Endpoint Processes search`
 * lists them, and, per field, where its value comes from and how many rows have one.
 */
import type { ResultTable, Row, Value } from '../core/values.js';
import type { ColumnarStore } from '../store/types.js';
import { INPUT_KINDS } from './mappings.js';
import { IMPLICIT_FIELDS, PROCESSES_FIELDS } from './models.js';

/** The CIM calculation each calculated field goes through after the add-on (Endpoint.json, CIM 8.5). */
export const CIM_CALCULATIONS: ReadonlyMap<string, string> = new Map([
  ['dest', 'if(isnull(dest) OR dest="","unknown",dest)'],
  ['loaded_file', 'if(isnull(loaded_file) OR loaded_file="","unknown",loaded_file)'],
  ['original_file_name', 'if(isnull(original_file_name) OR original_file_name="","unknown",original_file_name)'],
  ['parent_process', 'if(isnull(parent_process) OR parent_process="","unknown",parent_process)'],
  ['parent_process_name', 'case(parent_process_name set, parent_process_name, R1 on parent_process, R2 on parent_process, 1=1, "unknown")'],
  ['parent_user', 'if(isnull(parent_user) OR parent_user="","unknown",parent_user)'],
  ['process', 'if(isnull(process) OR process="","unknown",process)'],
  ['process_name', 'case(process_name set, process_name, R1 on process, R2 on process, 1=1, "unknown")'],
  ['user', 'if(isnull(user) OR user="","unknown",user)'],
  ['vendor_product', 'case(isnotnull(vendor_product),vendor_product,...,isnotnull(sourcetype),sourcetype,1=1,"unknown")'],
  ['process_integrity_level', 'base search: eval process_integrity_level=lower(process_integrity_level)'],
]);

/** Column names of the datamodel view: implicit fields unprefixed, the rest `Processes.<field>`. */
export function viewColumns(store: ColumnarStore): string[] {
  const present = new Set(store.fields);
  return [
    '_time',
    ...IMPLICIT_FIELDS.filter((f) => present.has(f)),
    ...PROCESSES_FIELDS.filter((f) => present.has(f)).map((f) => `Processes.${f}`),
  ];
}

/** Row numbers newest first (Splunk lists events in reverse time order), ties in read order. */
function newestFirst(store: ColumnarStore): number[] {
  const order = Array.from({ length: store.rowCount }, (_, i) => i);
  return order.sort((a, b) => store.time[b]! - store.time[a]! || a - b);
}

/** The rows of the Processes dataset as a result table, at most `head` of them. */
export function datamodelTable(store: ColumnarStore, head = Infinity): ResultTable {
  const columns = viewColumns(store);
  const fields = columns.slice(1).map((c) => (c.startsWith('Processes.') ? c.slice('Processes.'.length) : c));
  const rows: Row[] = [];
  for (const index of newestFirst(store).slice(0, Math.min(head, store.rowCount))) {
    const row: Row = new Map();
    row.set('_time', store.time[index]!);
    fields.forEach((field, i) => {
      const column = store.column(field)!;
      const entry = column.dictionary[column.ids[index]!] ?? null;
      if (entry !== null) row.set(columns[i + 1]!, entry);
    });
    rows.push(row);
  }
  return { columns, rows };
}

/** How many rows have a value for `field`. */
function rowsWithValue(store: ColumnarStore, field: string): number {
  const column = store.column(field);
  if (!column) return 0;
  let count = 0;
  for (let i = 0; i < store.rowCount; i++) if (column.ids[i] !== 0) count++;
  return count;
}

/** How one input kind sets a field: the transform, its raw fields and value, and the source. */
function ruleText(kind: (typeof INPUT_KINDS)[number], field: string): string {
  const rule = kind.rules.find((r) => r.field === field);
  if (!rule) return `${kind.name}: (not set by this add-on)`;
  const args = [...(rule.from.length > 0 ? [rule.from.join(', ')] : []), ...(rule.value !== undefined ? [`"${rule.value}"`] : [])];
  return `${kind.name}: ${rule.transform}(${args.join('; ')}) <- ${rule.source}`;
}

/**
 * One row per field: how many rows have it, and where it comes from for each input kind (one
 * line each), then the CIM calculation that runs after the add-ons.
 */
export function fieldsTable(store: ColumnarStore): ResultTable {
  const rows: Row[] = [];
  for (const field of [...IMPLICIT_FIELDS, ...PROCESSES_FIELDS]) {
    const name = IMPLICIT_FIELDS.includes(field) ? field : `Processes.${field}`;
    const sources = INPUT_KINDS.map((kind) => ruleText(kind, field));
    const calculation = CIM_CALCULATIONS.get(field);
    if (calculation) sources.push(`CIM: ${calculation}`);
    rows.push(new Map<string, Value>([['field', name], ['rows', rowsWithValue(store, field)], ['source', sources]]));
  }
  return { columns: ['field', 'rows', 'source'], rows };
}
