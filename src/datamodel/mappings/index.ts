/**
 * Every mapping table, one per input kind and dataset. To read a new input kind, add its table
 * here (and a reader in src/ingest only when its framing is new); to fill a new dataset, add the
 * tables that fill it and the dataset's fields in ../datasets/.
 *
 * The tables' `source` texts cite the add-ons by short keys; docs/semantics.md (Sources) names
 * each key's add-on, version, repository, commit and path. The order here is the order
 * `spelunk datamodel --fields` lists them.
 */
import type { MappingTable } from '../mapping-table.js';
import { CROWDSTRIKE_PROCESS_ROLLUP2 } from './crowdstrike-process-rollup2.js';
import { SECURITY_AUTHENTICATION_TABLES } from './security-authentication.js';
import { SECURITY_ACCOUNT_CHANGE_TABLES, SECURITY_LOGON_FAILURE_CHANGE } from './security-change.js';
import { SECURITY_PROCESS_CREATE, SECURITY_PROCESS_CREATE_CLASSIC } from './security-process-create.js';
import { SECURITY_REGISTRY_VALUE_MODIFIED } from './security-registry.js';
import { SYSMON_CHANGE_TABLES } from './sysmon-change.js';
import { SYSMON_FILE_TABLES } from './sysmon-file.js';
import { SYSMON_LINUX_FILE_CREATE, SYSMON_LINUX_FILE_DELETE, SYSMON_LINUX_PROCESS_CREATE } from './sysmon-linux.js';
import { SYSMON_DNS_QUERY, SYSMON_NETWORK_CONNECT } from './sysmon-network.js';
import { SYSMON_PROCESS_CREATE } from './sysmon-process-create.js';
import { SYSMON_REGISTRY_TABLES } from './sysmon-registry.js';

export const MAPPING_TABLES: readonly MappingTable[] = [
  // Endpoint.Processes
  SYSMON_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE_CLASSIC,
  CROWDSTRIKE_PROCESS_ROLLUP2,
  SYSMON_LINUX_PROCESS_CREATE,
  // Endpoint.Registry, Endpoint.Filesystem
  ...SYSMON_REGISTRY_TABLES,
  SECURITY_REGISTRY_VALUE_MODIFIED,
  ...SYSMON_FILE_TABLES,
  SYSMON_LINUX_FILE_CREATE,
  SYSMON_LINUX_FILE_DELETE,
  // Network_Traffic.All_Traffic, Network_Resolution.DNS
  SYSMON_NETWORK_CONNECT,
  SYSMON_DNS_QUERY,
  // Change.All_Changes
  ...SECURITY_ACCOUNT_CHANGE_TABLES,
  SECURITY_LOGON_FAILURE_CHANGE,
  ...SYSMON_CHANGE_TABLES,
  // Authentication.Authentication
  ...SECURITY_AUTHENTICATION_TABLES,
];
