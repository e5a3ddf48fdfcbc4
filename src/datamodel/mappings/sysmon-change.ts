/**
 * Sysmon's registry, file and WMI events -> Change.All_Changes: their eventtypes tag them
 * `change endpoint`, and CIM 8.5's Change constraint is `tag=change` (research
 * issue13-mappings.md §7.5, Q2; docs/semantics.md, "Change.All_Changes"). Each table takes the
 * Registry or Filesystem table's rules for the fields Change has, and adds the Change ones.
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import { SYSMON_STATUS, SYSMON_USER_AND_VENDOR } from './sysmon-common.js';
import { SYSMON_FILE_TABLES } from './sysmon-file.js';
import { SYSMON_REGISTRY_TABLES } from './sysmon-registry.js';
import { SYSMON_CHANNEL, SYSMON_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

/** The Registry/Filesystem rules whose field Change.All_Changes has too. */
const SHARED_FIELDS = new Set(['host', 'source', 'sourcetype', 'tag', 'action', 'dest', 'status', 'user', 'vendor_product']);

/** The add-on's signature (eventcode.csv EventDescription), which CIM's Change takes as result. */
function result(eventId: string, text: string, confirmed: boolean): MappingRule {
  return {
    field: 'result',
    transform: 'constant',
    from: [],
    value: text,
    source: confirmed
      ? `CIM result <- signature; LOOKUP-eventcode: EventDescription of ${eventId} (SYS810 EVAL-action compares it with "${text}") [CONF SYS810, CIM85]`
      : `CIM result <- signature; LOOKUP-eventcode: EventDescription of ${eventId}, taken as the title Sysmon renders in Message [INF: eventcode.csv not found]`,
  };
}

const RESULT_ID: MappingRule = {
  field: 'result_id',
  transform: 'alias',
  from: ['EventID'],
  source: 'CIM result_id <- signature_id; FIELDALIAS-signature_id = EventCode AS signature_id [CONF SYS810, CIM85]',
};

const category = (value: string): MappingRule => ({
  field: 'object_category',
  transform: 'constant',
  from: [],
  value,
  source: `EVAL-object_category = case(EventCode=="11" OR EventCode=="2", "file", EventCode=="12" OR ... "14", "registry", EventCode=="19" OR ... "21", "wmi"): ${value} [CONF SYS810]`,
});

const EVENT_TITLES: Readonly<Record<string, [string, boolean]>> = {
  '2': ['File creation time changed', false],
  '11': ['File Created', true],
  '12': ['Registry object added or deleted', false],
  '13': ['Registry value set', false],
  '14': ['Registry object renamed', false],
  '23': ['File Delete archived', false],
  '26': ['File Delete logged', false],
};

function changeTableOf(table: MappingTable, extra: readonly MappingRule[]): MappingTable {
  const eventId = table.match.shape === 'windows' ? table.match.eventIds[0]! : '';
  const [title, confirmed] = EVENT_TITLES[eventId]!;
  return {
    ...table,
    name: `${table.name}-change`,
    dataset: 'Change.All_Changes',
    rules: [...table.rules.filter((rule) => SHARED_FIELDS.has(rule.field)), ...extra, result(eventId, title, confirmed), RESULT_ID],
  };
}

const REGISTRY_CHANGE: readonly MappingRule[] = [
  category('registry'),
  {
    field: 'object',
    transform: 'after_last_backslash',
    from: ['TargetObject'],
    source: '[sysmon-registry] REGEX (?<object>[^\\\\]+$) on TargetObject [CONF SYS810]',
  },
];

const registryPath = (raw: string): MappingRule => ({
  field: 'object_path',
  transform: 'alias',
  from: [raw],
  source: 'EVAL-object_path = case(EventCode=="12" OR EventCode=="13", TargetObject, EventCode=="14", NewName) [CONF SYS810]',
});

const [REGISTRY_OBJECT, REGISTRY_VALUE_SET, REGISTRY_RENAME] = SYSMON_REGISTRY_TABLES as [MappingTable, MappingTable, MappingTable];
const [FILE_CREATE, FILE_CREATION_TIME, FILE_DELETE, FILE_DELETE_DETECTED] = SYSMON_FILE_TABLES as [MappingTable, MappingTable, MappingTable, MappingTable];

const FILE_CHANGE: readonly MappingRule[] = [category('file')];
const DELETED_FILE_CHANGE: readonly MappingRule[] = [{ ...category('file'), source: 'object_category = file, as for EventCode 11 [INF: SC sysmon_eventid_23 field list has object_category]' }];

/** Sysmon 19, 20, 21 (WmiEvent): eventtype ms-sysmon-wmimod. TA-microsoft-sysmon 8.1.0 sets neither action nor dest for them. */
export const SYSMON_WMI_CHANGE: MappingTable = {
  name: 'sysmon-eid19-21-change',
  description: `Sysmon EventID 19, 20, 21 (WmiEvent), provider ${SYSMON_PROVIDER}`,
  dataset: 'Change.All_Changes',
  match: { shape: 'windows', provider: SYSMON_PROVIDER, channel: SYSMON_CHANNEL, eventIds: ['19', '20', '21'] },
  time: WINDOWS_EVENT_TIME,
  required: ['EventType'],
  rules: [
    ...XML_WIN_EVENT_LOG_METADATA,
    { field: 'tag', transform: 'tags', from: [], value: 'change endpoint', source: 'eventtype ms-sysmon-wmimod (EventCode 19, 20, 21) -> tags change, endpoint [CONF SYS810]' },
    SYSMON_STATUS,
    ...SYSMON_USER_AND_VENDOR,
    category('wmi'),
    {
      field: 'result',
      transform: 'value_map',
      from: ['EventID'],
      value: '19=>WmiEventFilter activity detected;20=>WmiEventConsumer activity detected;21=>WmiEventConsumerToFilter activity detected',
      source: 'CIM result <- signature; LOOKUP-eventcode: EventDescription, taken as the title Sysmon renders in Message [INF: eventcode.csv not found]',
    },
    RESULT_ID,
  ],
};

export const SYSMON_CHANGE_TABLES: readonly MappingTable[] = [
  changeTableOf(FILE_CREATION_TIME, FILE_CHANGE),
  changeTableOf(FILE_CREATE, FILE_CHANGE),
  changeTableOf(REGISTRY_OBJECT, [...REGISTRY_CHANGE, registryPath('TargetObject')]),
  changeTableOf(REGISTRY_VALUE_SET, [...REGISTRY_CHANGE, registryPath('TargetObject')]),
  changeTableOf(REGISTRY_RENAME, [...REGISTRY_CHANGE, registryPath('NewName')]),
  SYSMON_WMI_CHANGE,
  changeTableOf(FILE_DELETE, DELETED_FILE_CHANGE),
  changeTableOf(FILE_DELETE_DETECTED, DELETED_FILE_CHANGE),
];
