/**
 * The CIM data models spelunk knows: each root dataset with the fields spelunk fills and the CIM
 * calculated fields it applies (datasets/, one file per data model family). A dataset that no
 * mapping table fills (mappings/) still exists, so that a search naming it runs and finds no
 * events, as it would on a Splunk that has no data for it.
 */
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore } from '../store/types.js';
import type { DataModelDefinition, DatasetDefinition, DatasetKey } from './dataset.js';
import { AUTHENTICATION } from './datasets/authentication.js';
import { ALL_CHANGES } from './datasets/change.js';
import { FILESYSTEM, PROCESSES, REGISTRY } from './datasets/endpoint.js';
import { ALL_TRAFFIC, DNS } from './datasets/network.js';
import { ALL_RISK } from './datasets/risk.js';

export type { ChildDataset, DataModelDefinition, DatasetDefinition, DatasetKey } from './dataset.js';
export { NODENAME } from './dataset.js';

/** Fields every event has, addressed without a dataset prefix in tstats. */
export const IMPLICIT_FIELDS: readonly string[] = ['host', 'source', 'sourcetype'];

/** A dataset spelunk has no raw source for: no fields, no calculations. */
const unfilled = (name: string): DatasetDefinition => ({ name, fields: [], calculations: [] });

export const DATA_MODELS: readonly DataModelDefinition[] = [
  {
    name: 'Endpoint',
    // Root datasets in the order of Endpoint.json (CIM 4.13 and 8.5). spelunk has no raw source
    // for Ports and Services (Sysmon 3 is tagged `listening port` too, but no published
    // detection reads Ports: docs/semantics.md), so their field lists are left empty.
    rootDatasets: [unfilled('Ports'), PROCESSES, unfilled('Services'), FILESYSTEM, REGISTRY],
  },
  // Other CIM models security_content detections read. Root dataset names from the CIM data
  // model JSON files (Splunk_SA_CIM default/data/models).
  { name: 'Authentication', rootDatasets: [AUTHENTICATION] },
  { name: 'Change', rootDatasets: [ALL_CHANGES] },
  { name: 'Network_Resolution', rootDatasets: [DNS] },
  { name: 'Network_Traffic', rootDatasets: [ALL_TRAFFIC] },
  { name: 'Risk', rootDatasets: [ALL_RISK] },
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

/**
 * The root dataset a search's `datamodel=<spec>` names: `Model.Dataset`, or `Model` alone for
 * its first root dataset (as tstats reads it); undefined when spelunk knows no such dataset.
 */
export function datasetOfSpec(spec: string): DatasetEntry | undefined {
  const [modelName, datasetName] = spec.split('.', 2) as [string, string | undefined];
  const model = DATA_MODELS.find((m) => m.name === modelName);
  if (!model) return undefined;
  return datasetByKey(`${model.name}.${datasetName ?? model.rootDatasets[0]!.name}`);
}

/** Column order of a dataset's store: the implicit fields first, then the dataset's fields. */
export function storeFieldsOf(dataset: DatasetDefinition): readonly string[] {
  return [...IMPLICIT_FIELDS, ...dataset.fields];
}

/** A store with no rows, for datasets no input filled. */
export function emptyStore(): ColumnarStore {
  return new StoreBuilder([]).build();
}
