/**
 * The rules every Sysmon table shares (research issue13-mappings.md R4): the process that acted,
 * the user, and vendor_product, as TA-microsoft-sysmon 8.1.0 sets them for every EventCode.
 */
import type { MappingRule } from '../mapping-table.js';

const IMAGE_NAME = 'replace(Image,"(.*\\\\)(?=.*(\\.\\w*)$|(\\w+)$)","")';

/** `process_name`/`process_exec` from Image; `eventCodes` says for which EventCodes the add-on's case() lists it. */
export function sysmonImageName(field: 'process_name' | 'process_exec', listed: boolean): MappingRule {
  return {
    field,
    transform: 'sysmon_image_name',
    from: ['Image'],
    source: listed
      ? `EVAL-${field} = case(EventCode=="1" OR ... OR EventCode=="18", ${IMAGE_NAME}) [CONF SYS810]`
      : `${IMAGE_NAME} as for the EventCodes EVAL-${field} lists [INF: SYS810 predates this EventCode; SC data_sources field list has ${field}]`,
  };
}

/** process_guid, process_id, process_path, process_name, process_exec, user and vendor_product (R4). */
export function sysmonProcessRules(listedInNameCase: boolean): MappingRule[] {
  return [
    { field: 'process_guid', transform: 'alias', from: ['ProcessGuid'], source: 'FIELDALIAS-process_guid = ProcessGuid AS process_guid [CONF SYS810]' },
    { field: 'process_id', transform: 'alias', from: ['ProcessId'], source: 'FIELDALIAS-process_id = ProcessId AS process_id [CONF SYS810]' },
    { field: 'process_path', transform: 'alias', from: ['Image'], source: 'FIELDALIAS-process_path = Image AS process_path [CONF SYS810]' },
    sysmonImageName('process_name', listedInNameCase),
    sysmonImageName('process_exec', listedInNameCase),
    ...SYSMON_USER_AND_VENDOR,
  ];
}

export const SYSMON_USER_AND_VENDOR: readonly MappingRule[] = [
  { field: 'user', transform: 'alias', from: ['User'], source: 'FIELDALIAS-user = User AS user [CONF SYS810] (no User in older Sysmon: CIM fills unknown)' },
  { field: 'vendor_product', transform: 'constant', from: [], value: 'Microsoft Sysmon', source: 'EVAL-vendor_product = "Microsoft Sysmon" [CONF SYS810]' },
];

export const SYSMON_DEST: MappingRule = {
  field: 'dest',
  transform: 'alias',
  from: ['Computer'],
  source: 'EVAL-dest = case(...EventCode=="11" OR ...=="12" OR ...=="13" OR ...=="14", Computer) [CONF SYS810]',
};

/** status from Keywords (research GEN: status is success only when Keywords is 0x8000000000000000). */
export const SYSMON_STATUS: MappingRule = {
  field: 'status',
  transform: 'constant_if_equals',
  from: ['Keywords'],
  value: '0x8000000000000000=>success',
  source: 'status = success when Keywords is 0x8000000000000000 [INF: GEN; SC sysmon_eventid_12/13 field lists have status]',
};
