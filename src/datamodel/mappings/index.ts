/**
 * Every mapping table, one per input kind and dataset. To read a new input kind, add its table
 * here (and a reader in src/ingest only when its framing is new); to fill a new dataset, add the
 * tables that fill it and the dataset's fields in ../models.ts.
 *
 * Citation keys in the tables (SYS810, WIN840, FDR320, AD, SC, ...) are those of the reference
 * notes (ta_mappings.md §0). The order here is the order `spelunk datamodel --fields` lists them.
 */
import type { MappingTable } from '../mapping-table.js';
import { CROWDSTRIKE_PROCESS_ROLLUP2 } from './crowdstrike-process-rollup2.js';
import { SECURITY_PROCESS_CREATE, SECURITY_PROCESS_CREATE_CLASSIC } from './security-process-create.js';
import { SYSMON_PROCESS_CREATE } from './sysmon-process-create.js';

export const MAPPING_TABLES: readonly MappingTable[] = [
  SYSMON_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE_CLASSIC,
  CROWDSTRIKE_PROCESS_ROLLUP2,
];
