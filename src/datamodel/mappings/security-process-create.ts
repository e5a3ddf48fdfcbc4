/**
 * Windows Security 4688 (A new process has been created) -> Endpoint.Processes, as Splunk_TA_windows
 * and the CIM map it: as XmlWinEventLog, and in the classic WinEventLog text form.
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import { WINDOWS_EVENT_HOST, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_SOURCE } from './windows.js';

const SECURITY_4688_RULES: readonly MappingRule[] = [
  WINDOWS_EVENT_HOST,
  XML_WIN_EVENT_LOG_SOURCE,
  { field: 'sourcetype', transform: 'constant', from: [], value: 'XmlWinEventLog', source: 'ta-windows-fix-sourcetype [CONF WIN840, AD]' },
  { field: 'dest', transform: 'alias', from: ['Computer'], source: 'REPORT-dest_for_windows_security = Target_Server_Name_as_dest,Computer_as_dest [CONF WIN840]' },
  {
    field: 'user',
    transform: 'windows_4688_user',
    from: ['TargetUserName', 'SubjectUserName'],
    source: 'EVAL-user = case(EventCode==4688, if(user=="-" OR isnull(user), src_user, user), ...); user from TargetUserName, src_user from SubjectUserName [CONF WIN840]',
  },
  {
    field: 'process',
    transform: 'windows_4688_process',
    from: ['CommandLine', 'NewProcessName'],
    source: 'EVAL-process = case(EventCode==4688, coalesce(if(match(process_command_line_process,"(\\\\)"), Process_Command_Line, ...+" "+process_command_line_arguments), NewProcessName), ...) [CONF WIN840]',
  },
  { field: 'process_name', transform: 'after_last_backslash', from: ['NewProcessName'], source: 'EVAL-process_name = case(EventCode=4688,new_process_name,...); new_process_name = (?:.*\\\\)?(.*) of NewProcessName [CONF WIN840]' },
  { field: 'process_exec', transform: 'after_last_backslash', from: ['NewProcessName'], source: 'EVAL-process_exec = case(EventCode==4688,new_process_name,...) [CONF WIN840]' },
  { field: 'process_path', transform: 'alias', from: ['NewProcessName'], source: 'EVAL-process_path = case(EventCode==4688, new_process, ...) [CONF WIN840]' },
  { field: 'process_id', transform: 'alias', from: ['NewProcessId'], source: 'EVAL-process_id = case(EventCode==4688, new_process_id, ...): hex as logged [CONF WIN840]' },
  { field: 'parent_process', transform: 'alias', from: ['ParentProcessName'], source: 'FIELDALIAS-parent_process_for_windows = ParentProcessName AS parent_process [CONF WIN840]' },
  { field: 'parent_process_name', transform: 'after_last_backslash', from: ['ParentProcessName'], source: 'REPORT extract_parent_process_name_for_windows_xml (?:.*\\\\)?(.*) [CONF WIN840]' },
  { field: 'parent_process_path', transform: 'alias', from: ['ParentProcessName'], source: 'EVAL-parent_process_path = case(EventCode==4688,parent_process,...) [CONF WIN840]' },
  { field: 'parent_process_id', transform: 'alias', from: ['ProcessId'], source: 'EVAL-parent_process_id = case(EventCode==4688 OR EventCode==4696,ProcessId): hex as logged [CONF WIN840]' },
  { field: 'user_id', transform: 'alias', from: ['SecurityUserID'], source: 'FIELDALIAS-user_id_for_windows = UserID AS user_id (Security events render <Security/>) [CONF WIN840]' },
  { field: 'vendor_product', transform: 'constant', from: [], value: 'Microsoft Windows', source: 'EVAL-vendor_product = "Microsoft Windows" [CONF WIN840]' },
  {
    field: 'action',
    transform: 'constant_if_equals',
    from: ['Keywords'],
    value: '0x8020000000000000=>allowed',
    source: 'EVAL-action = case(EventCode=="4688" AND Keywords=="0x8020000000000000","allowed") [CONF WIN840]',
  },
];

export const SECURITY_PROCESS_CREATE: MappingTable = {
  name: 'security-4688',
  description: 'Windows Security 4688 (A new process has been created), provider Microsoft-Windows-Security-Auditing',
  dataset: 'Endpoint.Processes',
  match: { shape: 'windows', provider: 'Microsoft-Windows-Security-Auditing', channel: 'Security', eventIds: ['4688'] },
  time: WINDOWS_EVENT_TIME,
  required: ['NewProcessName'],
  rules: SECURITY_4688_RULES,
};

/**
 * Classic (non-XML) WinEventLog:Security 4688. The reader translates the Message labels into the
 * XML EventData names (src/ingest/classic.ts), so the XML table applies; only source, sourcetype
 * and action differ.
 */
export const SECURITY_PROCESS_CREATE_CLASSIC: MappingTable = {
  name: 'security-4688-classic',
  description: 'Windows Security 4688 in classic WinEventLog text form',
  dataset: 'Endpoint.Processes',
  match: { shape: 'windows-classic', channel: 'Security', eventIds: ['4688'] },
  time: WINDOWS_EVENT_TIME,
  required: ['NewProcessName'],
  rules: SECURITY_4688_RULES.map((rule): MappingRule => {
    switch (rule.field) {
      case 'source':
        return { field: 'source', transform: 'constant', from: [], value: 'WinEventLog:Security', source: 'classic input source WinEventLog:Security [INF, AD]' };
      case 'sourcetype':
        return { field: 'sourcetype', transform: 'constant', from: [], value: 'WinEventLog', source: 'classic input sourcetype WinEventLog [INF, shared/data PROVENANCE]' };
      case 'action':
        return {
          field: 'action',
          transform: 'constant_if_equals',
          from: ['Keywords'],
          value: 'Audit Success=>allowed',
          source: 'Keywords=Audit Success is the rendered 0x8020000000000000 [INF]',
        };
      default:
        return rule;
    }
  }),
};
