/**
 * The CIM data models spelunk knows. Only Endpoint.Processes is filled from raw logs; the other
 * Endpoint root datasets exist so that a search naming them runs and finds no events, as it
 * would on a Splunk that has no data for them.
 */
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore } from '../store/types.js';

export interface DatasetDefinition {
  name: string;
  /** Field names without the dataset prefix. */
  fields: readonly string[];
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
export const PROCESSES_FIELDS: readonly string[] = [
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

/** Column order of the Endpoint.Processes store: implicit fields first, then the CIM fields. */
export const PROCESSES_STORE_FIELDS: readonly string[] = [...IMPLICIT_FIELDS, ...PROCESSES_FIELDS];

export const DATA_MODELS: readonly DataModelDefinition[] = [
  {
    name: 'Endpoint',
    // Root datasets in the order of Endpoint.json (CIM 4.13 and 8.5). spelunk has no raw source
    // for Ports, Services, Filesystem and Registry, so their field lists are left empty.
    rootDatasets: [
      { name: 'Ports', fields: [] },
      { name: 'Processes', fields: PROCESSES_FIELDS },
      { name: 'Services', fields: [] },
      { name: 'Filesystem', fields: [] },
      { name: 'Registry', fields: [] },
    ],
  },
  // Other CIM models security_content detections read (Network_Traffic.All_Traffic appears in
  // 11 join subsearches of Endpoint.Processes detections). spelunk has no raw source for them:
  // they exist, so such searches run as in Splunk on an index without that data, and are empty.
  // Root dataset names from the CIM data model JSON files (Splunk_SA_CIM default/data/models).
  { name: 'Authentication', rootDatasets: [{ name: 'Authentication', fields: [] }] },
  { name: 'Change', rootDatasets: [{ name: 'All_Changes', fields: [] }] },
  { name: 'Network_Resolution', rootDatasets: [{ name: 'DNS', fields: [] }] },
  { name: 'Network_Traffic', rootDatasets: [{ name: 'All_Traffic', fields: [] }] },
  { name: 'Risk', rootDatasets: [{ name: 'All_Risk', fields: [] }] },
  { name: 'Web', rootDatasets: [{ name: 'Web', fields: [] }] },
];

/** A store with no rows, for datasets spelunk has no raw source for. */
export function emptyStore(): ColumnarStore {
  return new StoreBuilder([]).build();
}

/** The dataset definition for `model.dataset` (exact names). */
export function findDataset(model: string, dataset: string): DatasetDefinition | undefined {
  return DATA_MODELS.find((m) => m.name === model)?.rootDatasets.find((d) => d.name === dataset);
}
