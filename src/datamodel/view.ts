/**
 * What `spelunk datamodel` shows: a dataset's rows as `| datamodel <Model> <Dataset> search` lists
 * them, and, per field, where its value comes from and how many rows have one. The sources are
 * read from the mapping tables and the dataset's CIM calculations, the same lists ingest applies.
 */
import type { ResultTable, Row, Value } from '../core/values.js';
import type { ColumnarStore } from '../store/types.js';
import { describeCalculation } from './calculations.js';
import { describeConstraint } from './constraints.js';
import type { ChildDataset } from './dataset.js';
import type { MappingTable } from './mapping-table.js';
import { MAPPING_TABLES } from './mappings/index.js';
import { datasetByKey, ENDPOINT_PROCESSES, IMPLICIT_FIELDS, NODENAME, type DatasetDefinition, type DatasetKey } from './models.js';

function definitionOf(key: DatasetKey): DatasetDefinition {
  const entry = datasetByKey(key);
  if (!entry) throw new Error(`unknown dataset '${key}'`);
  return entry.dataset;
}

/** How the view and `--fields` name a store field: implicit fields and nodename unprefixed, the rest `<Dataset>.<field>`. */
function shownName(dataset: DatasetDefinition, field: string): string {
  return IMPLICIT_FIELDS.includes(field) || field === NODENAME ? field : `${dataset.name}.${field}`;
}

/** Column names of the datamodel view, for the fields some row has. */
function viewColumns(store: ColumnarStore, dataset: DatasetDefinition): string[] {
  const present = new Set(store.fields);
  return [
    '_time',
    ...IMPLICIT_FIELDS.filter((f) => present.has(f)),
    ...dataset.fields.filter((f) => present.has(f)).map((f) => shownName(dataset, f)),
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
  const present = new Set(store.fields);
  const fields = [...IMPLICIT_FIELDS, ...dataset.fields].filter((f) => present.has(f));
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
  if (!rule) return '(not set by this add-on)';
  const args = [...(rule.from.length > 0 ? [rule.from.join(', ')] : []), ...(rule.value !== undefined ? [`"${rule.value}"`] : [])];
  return `${rule.transform}(${args.join('; ')}) <- ${rule.source}`;
}

/** One line per distinct way the tables set a field, naming the tables that share it, in table order. */
function ruleLines(tables: readonly MappingTable[], field: string): string[] {
  const byText = new Map<string, string[]>();
  for (const table of tables) {
    const text = ruleText(table, field);
    const names = byText.get(text);
    if (names) names.push(table.name);
    else byText.set(text, [table.name]);
  }
  return [...byText].map(([text, names]) => `${names.join(', ')}: ${text}`);
}

/** The child datasets, one line each: `Root.Child: constraint`. */
function childLines(parent: string, children: readonly ChildDataset[]): string[] {
  return children.flatMap((child) => {
    const path = `${parent}.${child.name}`;
    return [`child ${path}: ${describeConstraint(child.constraint)}`, ...childLines(path, child.children ?? [])];
  });
}

/** What the dataset is: its CIM source, the tables that fill it, its constraint and its children. */
function datasetSources(key: DatasetKey, dataset: DatasetDefinition, tables: readonly MappingTable[]): string[] {
  return [
    ...(dataset.cim ? [dataset.cim] : []),
    `filled by: ${tables.length > 0 ? tables.map((table) => table.name).join(', ') : '(no input spelunk reads)'}`,
    ...(dataset.constraint ? [`constraint: ${describeConstraint(dataset.constraint)}`] : []),
    ...childLines(dataset.name, dataset.children ?? []),
    ...(dataset.multivalue ? [`multivalue: ${dataset.multivalue.map((f) => shownName(dataset, f)).join(', ')}`] : []),
  ];
}

/**
 * One row per field of a dataset (Endpoint.Processes by default): how many rows have it, and
 * where it comes from for each mapping table that fills the dataset (one line each), then the
 * CIM calculation that runs after the tables. A first row, `(dataset)`, says which CIM version
 * the dataset follows, which tables fill it, its constraint and its child datasets.
 */
export function fieldsTable(store: ColumnarStore, key: DatasetKey = ENDPOINT_PROCESSES): ResultTable {
  const dataset = definitionOf(key);
  const tables = MAPPING_TABLES.filter((table) => table.dataset === key);
  const rows: Row[] = [new Map<string, Value>([['field', `(dataset) ${key}`], ['rows', store.rowCount], ['source', datasetSources(key, dataset, tables)]])];
  for (const field of [...IMPLICIT_FIELDS, ...dataset.fields]) {
    const name = shownName(dataset, field);
    const sources = ruleLines(tables, field);
    for (const calculation of dataset.calculations) if (calculation.field === field) sources.push(`CIM: ${describeCalculation(calculation)}`);
    rows.push(new Map<string, Value>([['field', name], ['rows', rowsWithValue(store, field)], ['source', sources]]));
  }
  return { columns: ['field', 'rows', 'source'], rows };
}
