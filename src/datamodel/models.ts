/**
 * The CIM data models spelunk knows: each root dataset with the fields spelunk fills and the CIM
 * calculated fields it applies. A dataset that no mapping table fills (mappings/) still exists, so
 * that a search naming it runs and finds no events, as it would on a Splunk that has no data for
 * it.
 */
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore } from '../store/types.js';
import type { CimCalculation } from './calculations.js';

/** A dataset's name as searches write it: `Endpoint.Processes`. */
export type DatasetKey = `${string}.${string}`;

export interface DatasetDefinition {
  name: string;
  /** Field names without the dataset prefix. */
  fields: readonly string[];
  /** The CIM calculated fields, in the data model JSON's order; each sees the results of the ones before. */
  calculations: readonly CimCalculation[];
}

export interface DataModelDefinition {
  name: string;
  rootDatasets: readonly DatasetDefinition[];
}

/** Fields every event has, addressed without a dataset prefix in tstats. */
export const IMPLICIT_FIELDS: readonly string[] = ['host', 'source', 'sourcetype'];

/**
 * Endpoint.Processes fields spelunk fills: the CIM 8.5 declared fields that the add-ons set,
 * plus the CIM calculated fields (dest, loaded_file, original_file_name, parent_process,
 * parent_process_name, parent_user, process, process_name, user, vendor_product).
 * Source: aplura/splunk-sa-cim default/data/models/Endpoint.json (notes: security_content.md §4a).
 */
const PROCESSES_FIELDS: readonly string[] = [
  'action',
  'dest',
  'loaded_file',
  'original_file_name',
  'os',
  'parent_process',
  'parent_process_exec',
  'parent_process_guid',
  'parent_process_id',
  'parent_process_name',
  'parent_process_path',
  'parent_user',
  'process',
  'process_current_directory',
  'process_exec',
  'process_guid',
  'process_hash',
  'process_id',
  'process_integrity_level',
  'process_name',
  'process_path',
  'user',
  'user_id',
  'vendor_product',
];

const unknownIfEmpty = (field: string): CimCalculation => ({ field, calculation: 'unknown_if_empty', from: [] });

/**
 * The Processes dataset's calculated fields in Endpoint.json order (CIM 8.5), then the base
 * search's `eval process_integrity_level=lower(process_integrity_level)`.
 */
const PROCESSES_CALCULATIONS: readonly CimCalculation[] = [
  unknownIfEmpty('dest'),
  unknownIfEmpty('loaded_file'),
  unknownIfEmpty('original_file_name'),
  unknownIfEmpty('parent_process'),
  { field: 'parent_process_name', calculation: 'process_name_from_command_line', from: ['parent_process'] },
  unknownIfEmpty('parent_user'),
  unknownIfEmpty('process'),
  { field: 'process_name', calculation: 'process_name_from_command_line', from: ['process'] },
  unknownIfEmpty('user'),
  { field: 'vendor_product', calculation: 'vendor_product', from: ['sourcetype'] },
  { field: 'process_integrity_level', calculation: 'lower_case', from: [] },
];

/** A dataset spelunk has no raw source for: no fields, no calculations. */
const unfilled = (name: string): DatasetDefinition => ({ name, fields: [], calculations: [] });

export const DATA_MODELS: readonly DataModelDefinition[] = [
  {
    name: 'Endpoint',
    // Root datasets in the order of Endpoint.json (CIM 4.13 and 8.5). spelunk has no raw source
    // for Ports, Services, Filesystem and Registry, so their field lists are left empty.
    rootDatasets: [
      unfilled('Ports'),
      { name: 'Processes', fields: PROCESSES_FIELDS, calculations: PROCESSES_CALCULATIONS },
      unfilled('Services'),
      unfilled('Filesystem'),
      unfilled('Registry'),
    ],
  },
  // Other CIM models security_content detections read (Network_Traffic.All_Traffic appears in
  // 11 join subsearches of Endpoint.Processes detections). spelunk has no raw source for them:
  // they exist, so such searches run as in Splunk on an index without that data, and are empty.
  // Root dataset names from the CIM data model JSON files (Splunk_SA_CIM default/data/models).
  { name: 'Authentication', rootDatasets: [unfilled('Authentication')] },
  { name: 'Change', rootDatasets: [unfilled('All_Changes')] },
  { name: 'Network_Resolution', rootDatasets: [unfilled('DNS')] },
  { name: 'Network_Traffic', rootDatasets: [unfilled('All_Traffic')] },
  { name: 'Risk', rootDatasets: [unfilled('All_Risk')] },
  { name: 'Web', rootDatasets: [unfilled('Web')] },
];

/** The dataset most detections read, and the one the library's `store` options stand for. */
export const ENDPOINT_PROCESSES: DatasetKey = 'Endpoint.Processes';

export interface DatasetEntry {
  key: DatasetKey;
  model: DataModelDefinition;
  dataset: DatasetDefinition;
}

/** Every root dataset of every data model, in DATA_MODELS order. */
export const ALL_DATASETS: readonly DatasetEntry[] = DATA_MODELS.flatMap((model) =>
  model.rootDatasets.map((dataset): DatasetEntry => ({ key: `${model.name}.${dataset.name}`, model, dataset })),
);

const BY_KEY = new Map<string, DatasetEntry>(ALL_DATASETS.map((entry) => [entry.key, entry]));

/** The dataset named `Model.Dataset` (exact names), or undefined. */
export function datasetByKey(key: string): DatasetEntry | undefined {
  return BY_KEY.get(key);
}

/** Column order of a dataset's store: the implicit fields first, then the dataset's fields. */
export function storeFieldsOf(dataset: DatasetDefinition): readonly string[] {
  return [...IMPLICIT_FIELDS, ...dataset.fields];
}

/** A store with no rows, for datasets no input filled. */
export function emptyStore(): ColumnarStore {
  return new StoreBuilder([]).build();
}
