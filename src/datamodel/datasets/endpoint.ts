/**
 * The CIM Endpoint data model: Processes, Filesystem and Registry with the fields spelunk fills
 * (the CIM 8.5 declared fields the add-ons set, plus the CIM calculated fields), Ports and
 * Services without a source. Source: aplura/splunk-sa-cim @ 254c447b default/data/models/Endpoint.json
 * (research issue13-mappings.md §3, §4).
 */
import type { CimCalculation } from '../calculations.js';
import { tagged } from '../constraints.js';
import { nodenameCalculation, NODENAME, type DatasetDefinition } from '../dataset.js';
import { CIM85, processNameFrom, unknownIfEmpty, VENDOR_PRODUCT } from './common.js';

/**
 * Endpoint.Processes fields spelunk fills: the CIM 8.5 declared fields that the add-ons set,
 * plus the CIM calculated fields (dest, loaded_file, original_file_name, parent_process,
 * parent_process_name, parent_user, process, process_name, user, vendor_product).
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

/**
 * The Processes dataset's calculated fields in Endpoint.json order (CIM 8.5), then the base
 * search's `eval process_integrity_level=lower(process_integrity_level)`.
 */
const PROCESSES_CALCULATIONS: readonly CimCalculation[] = [
  unknownIfEmpty('dest'),
  unknownIfEmpty('loaded_file'),
  unknownIfEmpty('original_file_name'),
  unknownIfEmpty('parent_process'),
  processNameFrom('parent_process_name', 'parent_process'),
  unknownIfEmpty('parent_user'),
  unknownIfEmpty('process'),
  processNameFrom('process_name', 'process'),
  unknownIfEmpty('user'),
  VENDOR_PRODUCT,
  { field: 'process_integrity_level', calculation: 'lower_case', from: [] },
];

export const PROCESSES: DatasetDefinition = {
  name: 'Processes',
  fields: PROCESSES_FIELDS,
  calculations: PROCESSES_CALCULATIONS,
  cim: `${CIM85}/Endpoint.json (Processes)`,
};

/** Registry: CIM 8.5 declares the process fields too (CIM 5.x does not: docs/semantics.md). */
export const REGISTRY: DatasetDefinition = {
  name: 'Registry',
  fields: [
    'action',
    'dest',
    'parent_process',
    'parent_process_name',
    'process',
    'process_exec',
    'process_guid',
    'process_id',
    'process_name',
    'process_path',
    'registry_hive',
    'registry_key_name',
    'registry_path',
    'registry_value_data',
    'registry_value_name',
    'registry_value_type',
    'status',
    'tag',
    'user',
    'vendor_product',
    NODENAME,
  ],
  calculations: [
    unknownIfEmpty('action'),
    unknownIfEmpty('dest'),
    unknownIfEmpty('parent_process'),
    processNameFrom('parent_process_name', 'parent_process'),
    unknownIfEmpty('process'),
    processNameFrom('process_name', 'process'),
    unknownIfEmpty('registry_path'),
    unknownIfEmpty('registry_key_name'),
    unknownIfEmpty('registry_value_data'),
    unknownIfEmpty('registry_value_name'),
    unknownIfEmpty('registry_value_type'),
    unknownIfEmpty('user'),
    VENDOR_PRODUCT,
    nodenameCalculation('Registry', tagged('endpoint', 'registry'), [], ['tag']),
  ],
  constraint: tagged('endpoint', 'registry'),
  multivalue: ['tag', NODENAME],
  cim: `${CIM85}/Endpoint.json (Registry)`,
};

export const FILESYSTEM: DatasetDefinition = {
  name: 'Filesystem',
  fields: [
    'action',
    'dest',
    'file_acl',
    'file_create_time',
    'file_hash',
    'file_modify_time',
    'file_name',
    'file_path',
    'file_size',
    'parent_process',
    'parent_process_name',
    'process',
    'process_exec',
    'process_guid',
    'process_id',
    'process_name',
    'process_path',
    'tag',
    'user',
    'vendor_product',
    NODENAME,
  ],
  calculations: [
    unknownIfEmpty('action'),
    unknownIfEmpty('dest'),
    unknownIfEmpty('file_hash'),
    unknownIfEmpty('file_name'),
    unknownIfEmpty('file_path'),
    unknownIfEmpty('file_acl'),
    { field: 'file_size', calculation: 'number_or_null', from: [] },
    unknownIfEmpty('parent_process'),
    processNameFrom('parent_process_name', 'parent_process'),
    unknownIfEmpty('process'),
    processNameFrom('process_name', 'process'),
    unknownIfEmpty('user'),
    VENDOR_PRODUCT,
    nodenameCalculation('Filesystem', tagged('endpoint', 'filesystem'), [], ['tag']),
  ],
  constraint: tagged('endpoint', 'filesystem'),
  multivalue: ['tag', NODENAME],
  cim: `${CIM85}/Endpoint.json (Filesystem)`,
};
