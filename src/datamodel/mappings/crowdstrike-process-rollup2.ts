/** CrowdStrike FDR ProcessRollup2 / SyntheticProcessRollup2 -> Endpoint.Processes, as the CrowdStrike add-on maps them. */
import type { MappingTable } from '../mapping-table.js';

export const CROWDSTRIKE_PROCESS_ROLLUP2: MappingTable = {
  name: 'crowdstrike-processrollup2',
  description: 'CrowdStrike Falcon ProcessRollup2 / SyntheticProcessRollup2 (FDR sensor JSON)',
  dataset: 'Endpoint.Processes',
  match: { shape: 'crowdstrike', eventSimpleNames: ['ProcessRollup2', 'SyntheticProcessRollup2'] },
  time: { field: 'timestamp', format: 'epoch_millis', problem: "CrowdStrike {event_simpleName} without a valid 'timestamp' (milliseconds since the epoch)" },
  required: ['CommandLine'],
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
