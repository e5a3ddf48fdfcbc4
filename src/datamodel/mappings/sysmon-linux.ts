/**
 * Sysmon for Linux EventID 1 -> Endpoint.Processes and 11, 23 -> Endpoint.Filesystem. The
 * Splunk Add-on for Sysmon for Linux 1.0.0 (Splunkbase 6652) configuration is not public: every
 * rule follows the fields security_content's data sources list for it (sysmon_for_linux_eventid_1,
 * _11) and the Windows Sysmon add-on's analogue [INF throughout; research issue13-mappings.md §9].
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import { WINDOWS_EVENT_TIME } from './windows.js';

const PROVIDER = 'Linux-Sysmon';
const CHANNEL = 'Linux-Sysmon/Operational';

const alias = (field: string, raw: string, note = ''): MappingRule => ({
  field,
  transform: 'alias',
  from: [raw],
  source: `${raw} AS ${field}${note} [INF: SC sysmon_for_linux data source field list; Windows Sysmon analogue]`,
});

const basename = (field: string, raw: string): MappingRule => ({
  field,
  transform: 'after_last_slash',
  from: [raw],
  source: `the text after the last / of ${raw} [INF: SC field list has ${field}]`,
});

const METADATA: readonly MappingRule[] = [
  { field: 'host', transform: 'alias', from: ['Computer'], source: 'host = <Computer> [INF, as for Windows events]' },
  { field: 'source', transform: 'constant', from: [], value: 'Syslog:Linux-Sysmon/Operational', source: 'source: [SRC SC sysmon_for_linux_eventid_1.yml]' },
  { field: 'sourcetype', transform: 'constant', from: [], value: 'sysmon:linux', source: 'sourcetype: [SRC SC sysmon_for_linux_eventid_1.yml]' },
  alias('dest', 'Computer'),
  alias('user', 'User'),
];

const PROCESS: readonly MappingRule[] = [
  alias('process_guid', 'ProcessGuid'),
  alias('process_id', 'ProcessId'),
  alias('process_path', 'Image'),
  basename('process_name', 'Image'),
  basename('process_exec', 'Image'),
];

export const SYSMON_LINUX_PROCESS_CREATE: MappingTable = {
  name: 'sysmon-linux-eid1',
  description: `Sysmon for Linux EventID 1 (Process Create), provider ${PROVIDER}`,
  dataset: 'Endpoint.Processes',
  match: { shape: 'windows', provider: PROVIDER, channel: CHANNEL, eventIds: ['1'] },
  time: WINDOWS_EVENT_TIME,
  required: ['Image'],
  rules: [
    ...METADATA,
    ...PROCESS,
    alias('process', 'CommandLine'),
    alias('process_current_directory', 'CurrentDirectory'),
    alias('process_integrity_level', 'IntegrityLevel', ' (CIM lower-cases it)'),
    alias('process_hash', 'Hashes', ' ("-" kept)'),
    {
      field: 'original_file_name',
      transform: 'not_dash',
      from: ['OriginalFileName'],
      source: 'OriginalFileName unless "-" (then CIM fills unknown) [INF: GEN says the Sysmon add-on drops "-"]',
    },
    alias('parent_process', 'ParentCommandLine'),
    basename('parent_process_name', 'ParentImage'),
    basename('parent_process_exec', 'ParentImage'),
    alias('parent_process_path', 'ParentImage'),
    alias('parent_process_id', 'ParentProcessId'),
    alias('parent_process_guid', 'ParentProcessGuid'),
    { field: 'os', transform: 'constant', from: [], value: 'Linux', source: 'os = Linux [INF: SC field list has os]' },
    { field: 'action', transform: 'constant', from: [], value: 'allowed', source: 'action = allowed, as Windows EventCode 1 [INF]' },
  ],
};

const FILE: readonly MappingRule[] = [
  { field: 'tag', transform: 'tags', from: [], value: 'endpoint filesystem', source: 'tags endpoint, filesystem [INF: SC sysmon_for_linux_eventid_11 field list has tag]' },
  alias('file_path', 'TargetFilename'),
  basename('file_name', 'TargetFilename'),
];

export const SYSMON_LINUX_FILE_CREATE: MappingTable = {
  name: 'sysmon-linux-eid11',
  description: `Sysmon for Linux EventID 11 (FileCreate), provider ${PROVIDER}`,
  dataset: 'Endpoint.Filesystem',
  match: { shape: 'windows', provider: PROVIDER, channel: CHANNEL, eventIds: ['11'] },
  time: WINDOWS_EVENT_TIME,
  required: ['TargetFilename'],
  rules: [
    ...METADATA,
    ...PROCESS,
    ...FILE,
    alias('file_create_time', 'CreationUtcTime'),
    {
      field: 'action',
      transform: 'sysmon_file_action',
      from: ['UtcTime', 'CreationUtcTime'],
      source: 'created when UtcTime equals CreationUtcTime, else modified, as Windows EventCode 11 [INF]',
    },
  ],
};

export const SYSMON_LINUX_FILE_DELETE: MappingTable = {
  name: 'sysmon-linux-eid23',
  description: `Sysmon for Linux EventID 23 (FileDelete), provider ${PROVIDER}`,
  dataset: 'Endpoint.Filesystem',
  match: { shape: 'windows', provider: PROVIDER, channel: CHANNEL, eventIds: ['23'] },
  time: WINDOWS_EVENT_TIME,
  required: ['TargetFilename'],
  rules: [
    ...METADATA,
    ...PROCESS,
    ...FILE,
    { field: 'action', transform: 'constant', from: [], value: 'deleted', source: 'action = deleted [INF: the Linux Filesystem detections filter action=deleted]' },
    alias('file_hash', 'Hashes'),
  ],
};
