/**
 * What `spelunk datamodel` shows: a dataset's rows as `| datamodel <Model> <Dataset> search` lists
 * them, and, per field, where its value comes from and how many rows have one. The sources are
 * read from the mapping tables and the dataset's CIM calculations, the same lists ingest applies.
 */
import type { ResultTable, Row, Value } from '../core/values.js';
import type { ColumnarStore } from '../store/types.js';
import { describeCalculation } from './calculations.js';
import type { MappingTable } from './mapping-table.js';
import { MAPPING_TABLES } from './mappings/index.js';
import { datasetByKey, ENDPOINT_PROCESSES, IMPLICIT_FIELDS, type DatasetDefinition, type DatasetKey } from './models.js';

function definitionOf(key: DatasetKey): DatasetDefinition {
  const entry = datasetByKey(key);
  if (!entry) throw new Error(`unknown dataset '${key}'`);
  return entry.dataset;
}

/** Column names of the datamodel view: implicit fields unprefixed, the rest `<Dataset>.<field>`. */
function viewColumns(store: ColumnarStore, dataset: DatasetDefinition): string[] {
  const present = new Set(store.fields);
  return [
    '_time',
    ...IMPLICIT_FIELDS.filter((f) => present.has(f)),
    ...dataset.fields.filter((f) => present.has(f)).map((f) => `${dataset.name}.${f}`),
  ];
}

/** Row numbers newest first (Splunk lists events in reverse time order), ties in read order. */
function newestFirst(store: ColumnarStore): number[] {
  const order = Array.from({ length: store.rowCount }, (_, i) => i);
  return order.sort((a, b) => store.time[b]! - store.time[a]! || a - b);
}

/** The rows of a dataset (Endpoint.Processes by default) as a result table, at most `head` of them. */
export function datamodelTable(store: ColumnarStore, head = Infinity, key: DatasetKey = ENDPOINT_PROCESSES): ResultTable {
  const dataset = definitionOf(key);
  const columns = viewColumns(store, dataset);
  const prefix = `${dataset.name}.`;
  const fields = columns.slice(1).map((c) => (c.startsWith(prefix) ? c.slice(prefix.length) : c));
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

/** How one mapping table sets a field: the transform, its raw fields and value, and the source. */
function ruleText(table: MappingTable, field: string): string {
  const rule = table.rules.find((r) => r.field === field);
  if (!rule) return `${table.name}: (not set by this add-on)`;
  const args = [...(rule.from.length > 0 ? [rule.from.join(', ')] : []), ...(rule.value !== undefined ? [`"${rule.value}"`] : [])];
  return `${table.name}: ${rule.transform}(${args.join('; ')}) <- ${rule.source}`;
}

/**
 * One row per field of a dataset (Endpoint.Processes by default): how many rows have it, and
 * where it comes from for each mapping table that fills the dataset (one line each), then the
 * CIM calculation that runs after the tables.
 */
export function fieldsTable(store: ColumnarStore, key: DatasetKey = ENDPOINT_PROCESSES): ResultTable {
  const dataset = definitionOf(key);
  const tables = MAPPING_TABLES.filter((table) => table.dataset === key);
  const rows: Row[] = [];
  for (const field of [...IMPLICIT_FIELDS, ...dataset.fields]) {
    const name = IMPLICIT_FIELDS.includes(field) ? field : `${dataset.name}.${field}`;
    const sources = tables.map((table) => ruleText(table, field));
    for (const calculation of dataset.calculations) if (calculation.field === field) sources.push(`CIM: ${describeCalculation(calculation)}`);
    rows.push(new Map<string, Value>([['field', name], ['rows', rowsWithValue(store, field)], ['source', sources]]));
  }
  return { columns: ['field', 'rows', 'source'], rows };
}
