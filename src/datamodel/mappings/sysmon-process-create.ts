/** Sysmon EventID 1 (Process Create) -> Endpoint.Processes, as TA-microsoft-sysmon and the CIM map it. */
import type { MappingTable } from '../mapping-table.js';
import { WINDOWS_EVENT_HOST, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_SOURCE } from './windows.js';

const IMAGE_NAME_EXPR =
  'replace(Image,"(.*\\\\)(?=.*(\\.\\w*)$|(\\w+)$)","") in EVAL-process_name case(EventCode=="1",...) [CONF SYS810]';

export const SYSMON_PROCESS_CREATE: MappingTable = {
  name: 'sysmon-eid1',
  description: 'Sysmon EventID 1 (Process Create), provider Microsoft-Windows-Sysmon',
  dataset: 'Endpoint.Processes',
  match: { shape: 'windows', provider: 'Microsoft-Windows-Sysmon', channel: 'Microsoft-Windows-Sysmon/Operational', eventIds: ['1'] },
  time: WINDOWS_EVENT_TIME,
  required: ['Image'],
  rules: [
    WINDOWS_EVENT_HOST,
    XML_WIN_EVENT_LOG_SOURCE,
    {
      field: 'sourcetype',
      transform: 'constant',
      from: [],
      value: 'XmlWinEventLog',
      source: 'ta-windows-fix-sourcetype truncates XmlWinEventLog:... to XmlWinEventLog [CONF WIN840, AD]',
    },
    { field: 'dest', transform: 'alias', from: ['Computer'], source: 'EVAL-dest = case(...EventCode=="1"..., Computer) [CONF SYS810]' },
    { field: 'user', transform: 'alias', from: ['User'], source: 'FIELDALIAS-user = User AS user [CONF SYS810]' },
    { field: 'user_id', transform: 'alias', from: ['SecurityUserID'], source: 'FIELDALIAS-user_id = UserID AS user_id; UserID from <Security UserID=...> [CONF SYS810, INF]' },
    { field: 'process', transform: 'alias', from: ['CommandLine'], source: 'FIELDALIAS-process = CommandLine AS process [CONF SYS810]' },
    { field: 'process_name', transform: 'sysmon_image_name', from: ['Image'], source: IMAGE_NAME_EXPR },
    { field: 'process_exec', transform: 'sysmon_image_name', from: ['Image'], source: IMAGE_NAME_EXPR.replace('process_name', 'process_exec') },
    { field: 'process_path', transform: 'alias', from: ['Image'], source: 'FIELDALIAS-process_path = Image AS process_path [CONF SYS810]' },
    { field: 'process_id', transform: 'alias', from: ['ProcessId'], source: 'FIELDALIAS-process_id = ProcessId AS process_id [CONF SYS810]' },
    { field: 'process_guid', transform: 'alias', from: ['ProcessGuid'], source: 'FIELDALIAS-process_guid = ProcessGuid AS process_guid [CONF SYS810]' },
    { field: 'process_current_directory', transform: 'alias', from: ['CurrentDirectory'], source: 'FIELDALIAS-process_current_directory = CurrentDirectory [CONF SYS810]' },
    { field: 'process_integrity_level', transform: 'alias', from: ['IntegrityLevel'], source: 'FIELDALIAS-process_integrity_level = IntegrityLevel [CONF SYS810]' },
    { field: 'process_hash', transform: 'alias', from: ['Hashes'], source: 'FIELDALIAS-process_hash = Hashes AS process_hash [CONF SYS810]' },
    { field: 'parent_process', transform: 'alias', from: ['ParentCommandLine'], source: 'FIELDALIAS-parent_process = ParentCommandLine [CONF SYS810]' },
    {
      field: 'parent_process_name',
      transform: 'sysmon_image_name',
      from: ['ParentImage'],
      source: 'replace(ParentImage, <same regex as process_name>) [INF: SC field_mappings ParentImage -> parent_process_name]',
    },
    {
      field: 'parent_process_exec',
      transform: 'sysmon_image_name',
      from: ['ParentImage'],
      source: 'basename of ParentImage [INF: SC 4.0.2 field list has parent_process_exec]',
    },
    { field: 'parent_process_path', transform: 'alias', from: ['ParentImage'], source: 'ParentImage [INF: SC 4.0.2 field list has parent_process_path]' },
    { field: 'parent_process_id', transform: 'alias', from: ['ParentProcessId'], source: 'FIELDALIAS-parent_process_id = ParentProcessId [CONF SYS810]' },
    { field: 'parent_process_guid', transform: 'alias', from: ['ParentProcessGuid'], source: 'FIELDALIAS-parent_process_guid = ParentProcessGuid [CONF SYS810]' },
    { field: 'original_file_name', transform: 'alias', from: ['OriginalFileName'], source: 'OriginalFileName [INF: SC field_mappings OriginalFileName -> original_file_name]' },
    { field: 'vendor_product', transform: 'constant', from: [], value: 'Microsoft Sysmon', source: 'EVAL-vendor_product = "Microsoft Sysmon" [CONF SYS810]' },
    { field: 'action', transform: 'constant', from: [], value: 'allowed', source: 'EVAL-action = case(EventCode=="1","allowed",...) [CONF SYS810]' },
  ],
};
