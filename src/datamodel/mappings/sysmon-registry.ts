/**
 * Sysmon EventID 12, 13, 14 (RegistryEvent) -> Endpoint.Registry, as TA-microsoft-sysmon and the
 * CIM map them (research issue13-mappings.md §3.3; decisions in docs/semantics.md, "Endpoint.Registry").
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import { SYSMON_DEST, SYSMON_STATUS, sysmonProcessRules } from './sysmon-common.js';
import { SYSMON_CHANNEL, SYSMON_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

const REGISTRY_TAGS: MappingRule = {
  field: 'tag',
  transform: 'tags',
  from: [],
  value: 'change endpoint registry',
  source: 'eventtype ms-sysmon-regmod (EventCode 12, 13, 14) -> tags change, endpoint, registry [CONF SYS810 eventtypes.conf, tags.conf]',
};

const REGISTRY_PATH: MappingRule = {
  field: 'registry_path',
  transform: 'alias',
  from: ['TargetObject'],
  source: 'EVAL-registry_path = case(EventCode=="12" OR EventCode=="13" OR EventCode=="14", TargetObject): short hive names (HKLM\\, HKU\\) kept [CONF SYS810]',
};

const REGISTRY_KEY_NAME: MappingRule = {
  field: 'registry_key_name',
  transform: 'before_last_backslash',
  from: ['TargetObject'],
  source:
    'TargetObject up to its last backslash, the key that holds the value [INF: production detections match key paths such as *\\MicrosoftEdge\\PhishingFilter; SYS810 has the leaf, replace(TargetObject,".+\\\\\\\\","")]',
};

const REGISTRY_HIVE: MappingRule = {
  field: 'registry_hive',
  transform: 'sysmon_registry_hive',
  from: ['TargetObject'],
  source: 'HKLM\\System\\, HKLM\\SOFTWARE\\, HKU\\ -> CIM 8.5 expected values HKEY_LOCAL_MACHINE\\System, ...\\Software, HKEY_USERS; other hives none [INF: GEN, CIM85 Registry expected_values]',
};

const COMMON: readonly MappingRule[] = [
  ...XML_WIN_EVENT_LOG_METADATA,
  REGISTRY_TAGS,
  SYSMON_DEST,
  REGISTRY_PATH,
  REGISTRY_KEY_NAME,
  REGISTRY_HIVE,
  SYSMON_STATUS,
  ...sysmonProcessRules(true),
];

function registryTable(eventId: string, description: string, rules: readonly MappingRule[]): MappingTable {
  return {
    name: `sysmon-eid${eventId}`,
    description: `Sysmon EventID ${eventId} (${description}), provider ${SYSMON_PROVIDER}`,
    dataset: 'Endpoint.Registry',
    match: { shape: 'windows', provider: SYSMON_PROVIDER, channel: SYSMON_CHANNEL, eventIds: [eventId] },
    time: WINDOWS_EVENT_TIME,
    required: ['TargetObject'],
    rules: [...COMMON, ...rules],
  };
}

export const SYSMON_REGISTRY_OBJECT: MappingTable = registryTable('12', 'RegistryEvent, object create and delete', [
  {
    field: 'action',
    transform: 'value_map',
    from: ['EventType'],
    value: 'CreateKey=>created;DeleteKey=>deleted;DeleteValue=>deleted',
    source: 'EVAL-action = case(EventCode=="12" AND EventType=="CreateKey","created",EventCode=="12" AND (EventType=="DeleteKey" OR EventType=="DeleteValue"),"deleted",...) [CONF SYS810]',
  },
  {
    field: 'registry_value_name',
    transform: 'after_last_backslash_if_equals',
    from: ['EventType', 'TargetObject'],
    value: 'DeleteValue',
    source: 'the leaf of TargetObject when EventType is DeleteValue (only then does the event name a value) [INF: windows_registry_delete_task_sd tests registry_value_name="SD"]',
  },
]);

export const SYSMON_REGISTRY_VALUE_SET: MappingTable = registryTable('13', 'RegistryEvent, value set', [
  {
    field: 'action',
    transform: 'constant_if_equals',
    from: ['EventType'],
    value: 'SetValue=>modified',
    source: 'EVAL-action = case(...EventCode=="13" AND EventType=="SetValue","modified",...) [CONF SYS810]',
  },
  {
    field: 'registry_value_name',
    transform: 'after_last_backslash',
    from: ['TargetObject'],
    source:
      'the leaf of TargetObject, the value set [INF: 103 detections compare value names (Debugger, ImagePath, ...); SYS810 EVAL-registry_value_name = case(EventCode=="13", Details) is the data and is not followed]',
  },
  {
    field: 'registry_value_data',
    transform: 'sysmon_registry_value_data',
    from: ['Details'],
    source: 'Details, with `DWORD (0x00000002)` lifted to 0x00000002 (the add-on\'s <Data Name=\'Details\'>\\w+\\s\\((.+)\\)</Data> -> RegistryValueData) [GEN; coalesce with Details INF]',
  },
  {
    field: 'registry_value_type',
    transform: 'sysmon_registry_value_type',
    from: ['Details'],
    source: 'the type word of `DWORD (...)`/`QWORD (...)` Details, else none [INF: SC sysmon_eventid_13 field list has registry_value_type]',
  },
]);

export const SYSMON_REGISTRY_RENAME: MappingTable = registryTable('14', 'RegistryEvent, key and value rename', []);

export const SYSMON_REGISTRY_TABLES: readonly MappingTable[] = [SYSMON_REGISTRY_OBJECT, SYSMON_REGISTRY_VALUE_SET, SYSMON_REGISTRY_RENAME];
