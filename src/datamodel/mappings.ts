/**
 * One declarative table per input kind: which raw field becomes which CIM field, through which
 * named transformation, as the Splunk add-on does it. To add an input kind, add a table here and
 * teach a reader (src/ingest) to recognise its events.
 *
 * Raw field names are the add-on's: EventData `Data Name`s, plus the System values the readers
 * provide under fixed names: Provider, Channel, EventID, Computer, Keywords, SystemTime,
 * SecurityUserID (the `<Security UserID=...>` attribute).
 * Citation keys (SYS810, WIN840, FDR320, AD, SC, ...) are those of the reference notes
 * (ta_mappings.md §0).
 */
import type { TransformName } from './transforms.js';

export interface MappingRule {
  /** CIM field name, unprefixed (or host/source/sourcetype). */
  field: string;
  transform: TransformName;
  /** Raw field names, in the order the transform takes them. */
  from: readonly string[];
  /** Literal argument of `constant`, `prefix` and `constant_if_equals`. */
  value?: string;
  /** The add-on expression this rule reproduces, and its evidence label. */
  source: string;
}

export interface InputKind {
  name: string;
  description: string;
  rules: readonly MappingRule[];
}

const IMAGE_NAME_EXPR =
  'replace(Image,"(.*\\\\)(?=.*(\\.\\w*)$|(\\w+)$)","") in EVAL-process_name case(EventCode=="1",...) [CONF SYS810]';

const WINDOWS_EVENT_HOST: MappingRule = {
  field: 'host',
  transform: 'alias',
  from: ['Computer'],
  source: 'host = the forwarding machine, i.e. <Computer> for locally collected events [INF, AD replay metadata]',
};

export const SYSMON_PROCESS_CREATE: InputKind = {
  name: 'sysmon-eid1',
  description: 'Sysmon EventID 1 (Process Create), provider Microsoft-Windows-Sysmon',
  rules: [
    WINDOWS_EVENT_HOST,
    {
      field: 'source',
      transform: 'prefix',
      from: ['Channel'],
      value: 'XmlWinEventLog:',
      source: 'ta-windows-fix-xml-source FORMAT = source::XmlWinEventLog:$1 on <Channel> [CONF WIN840, AD]',
    },
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

const SECURITY_4688_RULES: readonly MappingRule[] = [
  WINDOWS_EVENT_HOST,
  {
    field: 'source',
    transform: 'prefix',
    from: ['Channel'],
    value: 'XmlWinEventLog:',
    source: 'ta-windows-fix-xml-source FORMAT = source::XmlWinEventLog:$1 on <Channel> [CONF WIN840, AD]',
  },
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

export const SECURITY_PROCESS_CREATE: InputKind = {
  name: 'security-4688',
  description: 'Windows Security 4688 (A new process has been created), provider Microsoft-Windows-Security-Auditing',
  rules: SECURITY_4688_RULES,
};

/**
 * Classic (non-XML) WinEventLog:Security 4688. The readers translate the Message labels into the
 * XML EventData names, so the XML table applies; only source, sourcetype and action differ.
 */
export const SECURITY_PROCESS_CREATE_CLASSIC: InputKind = {
  name: 'security-4688-classic',
  description: 'Windows Security 4688 in classic WinEventLog text form',
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

export const CROWDSTRIKE_PROCESS_ROLLUP2: InputKind = {
  name: 'crowdstrike-processrollup2',
  description: 'CrowdStrike Falcon ProcessRollup2 / SyntheticProcessRollup2 (FDR sensor JSON)',
  rules: [
    {
      field: 'host',
      transform: 'coalesce',
      from: ['device_hostname', 'aid_computer_name', 'ComputerName', 'aid'],
      source: 'the sensor host name when the event carries one, else aid [INF]',
    },
    { field: 'source', transform: 'constant', from: [], value: 'crowdstrike', source: 'source = crowdstrike [AD replay metadata]' },
    { field: 'sourcetype', transform: 'constant', from: [], value: 'crowdstrike:events:sensor', source: 'sourcetype = crowdstrike:events:sensor [AD, SC]' },
    {
      field: 'dest',
      transform: 'coalesce',
      from: ['device_hostname', 'aid_computer_name'],
      source: 'EVAL-dest = coalesce(device_hostname, aid_computer_name) (aidmaster lookup not available offline) [INF FDR320]',
    },
    { field: 'user', transform: 'alias', from: ['UserSid'], source: 'UserSid -> user [INF: SC field_mappings; FDR320 EVAL-user truncated]' },
    { field: 'user_id', transform: 'alias', from: ['UserSid'], source: 'EVAL-user_id = case(...ProcessRollup2..., UserSid) [INF FDR320, truncated]' },
    {
      field: 'process',
      transform: 'crowdstrike_process',
      from: ['CommandLine'],
      source: 'EVAL-process = case(event_simpleName IN ("ProcessRollup2",...), replace(trim(CommandLine, " "), "\\"", "")) [CONF FDR320]',
    },
    {
      field: 'process_name',
      transform: 'crowdstrike_process_name',
      from: ['CommandLine', 'event_platform'],
      source: 'EVAL-process_name = mvindex(split(first token of CommandLine, "\\\\" or "/"), -1) [CONF FDR320; final index INF]',
    },
    {
      field: 'process_path',
      transform: 'crowdstrike_process_path',
      from: ['CommandLine', 'ImageFileName', 'event_platform'],
      source: 'EVAL-process_path = if(event_platform="Win", first token of CommandLine, ImageFileName) [CONF FDR320]',
    },
    {
      field: 'process_exec',
      transform: 'crowdstrike_image_name',
      from: ['ImageFileName', 'event_platform'],
      source: 'EVAL-process_exec = mvindex(split(ImageFileName, ...), -1) [INF FDR320, truncated]',
    },
    {
      field: 'process_id',
      transform: 'alias',
      from: ['TargetProcessId'],
      source: 'EVAL-process_id = case(...ProcessRollup2..., TargetProcessId) [CONF FDR320; SC 2.0.1 says RawProcessId]',
    },
    { field: 'parent_process_name', transform: 'alias', from: ['ParentBaseFileName'], source: 'EVAL-parent_process_name = ParentBaseFileName [CONF FDR320]' },
    { field: 'parent_process_exec', transform: 'alias', from: ['ParentBaseFileName'], source: 'EVAL-parent_process_exec = ParentBaseFileName [CONF FDR320]' },
    { field: 'parent_process_id', transform: 'alias', from: ['ParentProcessId'], source: 'EVAL-parent_process_id = ParentProcessId [CONF FDR320]' },
    {
      field: 'process_integrity_level',
      transform: 'crowdstrike_integrity_level',
      from: ['IntegrityLevel'],
      source: 'EVAL-process_integrity_level = IntegrityLevel + LOOKUP crowdstrike_ta_lookup_IntegrityLevel (RID -> meaning) [CONF FDR320; table INF]',
    },
    { field: 'process_hash', transform: 'alias', from: ['SHA256HashData'], source: 'EVAL-process_hash = SHA256HashData [CONF FDR320]' },
    { field: 'vendor_product', transform: 'constant', from: [], value: 'CrowdStrike FDR', source: 'EVAL-vendor_product = "CrowdStrike FDR" [CONF FDR320]' },
    { field: 'action', transform: 'constant', from: [], value: 'allowed', source: 'EVAL-action for ProcessRollup2 [INF FDR320, truncated]' },
  ],
};

export const INPUT_KINDS: readonly InputKind[] = [
  SYSMON_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE,
  SECURITY_PROCESS_CREATE_CLASSIC,
  CROWDSTRIKE_PROCESS_ROLLUP2,
];
