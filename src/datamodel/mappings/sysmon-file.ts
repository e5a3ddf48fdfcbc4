/**
 * Sysmon EventID 11 (FileCreate), 2 (file creation time changed), 23 (FileDelete, archived) and 26
 * (FileDeleteDetected) -> Endpoint.Filesystem (research issue13-mappings.md §4.3; decisions in
 * docs/semantics.md, "Endpoint.Filesystem").
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import { SYSMON_DEST, sysmonProcessRules } from './sysmon-common.js';
import { SYSMON_CHANNEL, SYSMON_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

const FILE_TAGS: MappingRule = {
  field: 'tag',
  transform: 'tags',
  from: [],
  value: 'change endpoint filesystem',
  source: 'eventtype ms-sysmon-filemod (EventCode 2, 11) -> tags change, endpoint, filesystem [CONF SYS810]',
};

const FILE_PATH: MappingRule = { field: 'file_path', transform: 'alias', from: ['TargetFilename'], source: 'FIELDALIAS-file_path = TargetFilename AS file_path [CONF SYS810]' };

const FILE_NAME: MappingRule = {
  field: 'file_name',
  transform: 'after_last_backslash',
  from: ['TargetFilename'],
  source: '[sysmon-filename] SOURCE_KEY = TargetFilename, REGEX = (?<file_name>[^\\\\]+$): the leaf, an alternate data stream suffix kept [CONF SYS810]',
};

const FILE_CREATE_TIME: MappingRule = {
  field: 'file_create_time',
  transform: 'alias',
  from: ['CreationUtcTime'],
  source: 'FIELDALIAS-file_create_time = CreationUtcTime AS file_create_time (the text as logged) [CONF SYS810]',
};

function fileTable(eventId: string, description: string, listed: boolean, rules: readonly MappingRule[]): MappingTable {
  return {
    name: `sysmon-eid${eventId}`,
    description: `Sysmon EventID ${eventId} (${description}), provider ${SYSMON_PROVIDER}`,
    dataset: 'Endpoint.Filesystem',
    match: { shape: 'windows', provider: SYSMON_PROVIDER, channel: SYSMON_CHANNEL, eventIds: [eventId] },
    time: WINDOWS_EVENT_TIME,
    required: ['TargetFilename'],
    rules: [...XML_WIN_EVENT_LOG_METADATA, FILE_PATH, FILE_NAME, ...rules, ...sysmonProcessRules(listed)],
  };
}

const deletedTags = (eventId: string): MappingRule => ({
  ...FILE_TAGS,
  source: `tags change, endpoint, filesystem as ms-sysmon-filemod [INF: EventID ${eventId} postdates SYS810; SC sysmon_eventid_23 field list has tag::object_category, file_path, action]`,
});

const DELETED: MappingRule = {
  field: 'action',
  transform: 'constant',
  from: [],
  value: 'deleted',
  source: 'action = deleted: the event reports a deletion; CIM expected value [INF]',
};

export const SYSMON_FILE_CREATE: MappingTable = fileTable('11', 'FileCreate', true, [
  FILE_TAGS,
  SYSMON_DEST,
  FILE_CREATE_TIME,
  {
    field: 'action',
    transform: 'sysmon_file_action',
    from: ['UtcTime', 'CreationUtcTime'],
    source:
      'created when UtcTime equals CreationUtcTime, else modified [GEN; SYS810 EVAL-action tests EventDescription, which its LOOKUP sets only after EVAL, so never fires]',
  },
]);

export const SYSMON_FILE_CREATION_TIME: MappingTable = fileTable('2', 'a process changed a file creation time', true, [
  FILE_TAGS,
  { ...SYSMON_DEST, source: 'dest = Computer, as for EventCode 11 [INF: SYS810 EVAL-dest does not list 2]' },
  FILE_CREATE_TIME,
  { field: 'action', transform: 'constant', from: [], value: 'modified', source: 'action = modified: the file\'s creation time was changed [INF]' },
]);

const DELETE_RULES = (eventId: string): MappingRule[] => [
  deletedTags(eventId),
  { ...SYSMON_DEST, source: 'dest = Computer, as for EventCode 11 [INF: SC sysmon_eventid_23 field list has dest]' },
  DELETED,
  { field: 'file_modify_time', transform: 'alias', from: ['UtcTime'], source: 'file_modify_time = UtcTime [INF: SC sysmon_eventid_23 field list has file_modify_time]' },
  { field: 'file_hash', transform: 'alias', from: ['Hashes'], source: 'file_hash = Hashes, the whole text [INF: SC sysmon_eventid_23 field list has file_hash and Hashes]' },
];

export const SYSMON_FILE_DELETE: MappingTable = fileTable('23', 'FileDelete, archived', false, DELETE_RULES('23'));

export const SYSMON_FILE_DELETE_DETECTED: MappingTable = fileTable('26', 'FileDeleteDetected', false, DELETE_RULES('26'));

export const SYSMON_FILE_TABLES: readonly MappingTable[] = [SYSMON_FILE_CREATE, SYSMON_FILE_CREATION_TIME, SYSMON_FILE_DELETE, SYSMON_FILE_DELETE_DETECTED];
