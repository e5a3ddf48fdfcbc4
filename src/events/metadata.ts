/**
 * The default fields every event has (Splunk's "Use default fields", Knowledge Manager Manual)
 * and the Windows add-on's eventtypes and tags, as rules over the event's input and values.
 * - source: `XmlWinEventLog:<Channel>` (Splunk_TA_windows 8.4.0 transforms.conf [ta-windows-fix-xml-source]), or the input's `--source`;
 * - sourcetype: `XmlWinEventLog` ([ta-windows-fix-sourcetype] cuts it at the first `:`), or `--sourcetype`;
 * - index: `main` (inputs.conf `index = default`, indexes.conf `defaultDatabase = main`), or `--index`;
 * - host: the event's Computer (INF: a forwarder on that machine), or the input's host;
 * - linecount 1 (one line), splunk_server `spelunk` (INF: the search peer's name).
 */
import { first, type FieldRule, type FieldValue } from './field-rule.js';
import type { EventInput } from './input.js';

/** Splunk_TA_windows 8.4.0 eventtypes.conf / tags.conf, and TA-microsoft-sysmon 8.1.0 eventtypes.conf keyed on source (INF). */
const ACCOUNT_CODES = [4703, 4704, 4705, 4722, 4723, 4724, 4725, 4726, 4738, 4767, 4781].map(String);
const SERVICE_CODES = ['1100', '4697', '5024', '5025', '5030', '5033', '5034', '5035', '5478', '7036', '7040', '7045'];
const SYSMON_TYPES: readonly [string, readonly string[], readonly string[]][] = [
  ['ms-sysmon-process', ['1', '5', '6', '7', '8', '9', '10', '15', '17', '18'], ['process', 'report']],
  ['ms-sysmon-network', ['3'], ['network', 'communicate']],
  ['ms-sysmon-filemod', ['2', '11', '23', '26'], ['change', 'endpoint', 'filesystem']],
  ['ms-sysmon-regmod', ['12', '13', '14'], ['change', 'endpoint', 'registry']],
  ['ms-sysmon-wmimod', ['19', '20', '21'], ['change', 'endpoint']],
  ['ms-sysmon-dns', ['22'], ['network', 'resolution', 'dns']],
];

/** The eventtypes an event of this source and EventCode is in, each with its tags. */
export function eventtypesOf(source: string | null, code: string | null): [string, readonly string[]][] {
  const s = (source ?? '').toLowerCase();
  const found: [string, readonly string[]][] = [];
  const channel = /^(?:wmi:)?(?:xml)?wineventlog:(security|system|application)$/.exec(s)?.[1];
  if (channel) {
    found.push([`wineventlog_${channel}`, ['os', 'windows']]);
    if (!(code !== null && ACCOUNT_CODES.includes(code))) found.push(['wineventlog_windows', ['os', 'windows', 'endpoint', 'filesystem']]);
    if ((channel === 'security' || channel === 'system') && code !== null && SERVICE_CODES.includes(code)) found.push(['windows_endpoint_services', ['service', 'report']]);
  }
  if (s === 'xmlwineventlog:microsoft-windows-sysmon/operational') {
    for (const [name, codes, tags] of SYSMON_TYPES) if (code !== null && codes.includes(code)) found.push([name, tags]);
  }
  return found;
}

function multi(values: readonly string[]): FieldValue {
  return values.length === 0 ? null : values.length === 1 ? values[0]! : values;
}

export function metadataRules(inputs: readonly EventInput[]): FieldRule[] {
  const inputOf = (v: FieldValue | undefined): EventInput | undefined => inputs[Number(first(v ?? null))];
  return [
    {
      field: 'source',
      from: ['#input', 'Channel'],
      value: ([input, channel]) => inputOf(input)?.source ?? `XmlWinEventLog:${first(channel ?? null) ?? ''}`,
      source: 'WIN840 transforms.conf [ta-windows-fix-xml-source] FORMAT = source::XmlWinEventLog:$1',
    },
    { field: 'sourcetype', from: ['#input'], value: ([input]) => inputOf(input)?.sourcetype ?? 'XmlWinEventLog', source: 'WIN840 transforms.conf [ta-windows-fix-sourcetype]' },
    { field: 'index', from: ['#input'], value: ([input]) => inputOf(input)?.index ?? 'main', source: 'Splunk 8.2.12 inputs.conf index = default; indexes.conf defaultDatabase = main' },
    { field: 'host', from: ['#input', 'Computer'], value: ([input, computer]) => inputOf(input)?.host ?? computer ?? null, source: 'INF: the Computer of the event (a forwarder on that machine)' },
    { field: 'linecount', from: [], value: () => '1', source: 'Knowledge Manager "Use default fields": linecount, one line per XmlWinEventLog event' },
    { field: 'splunk_server', from: [], value: () => 'spelunk', source: 'INF: the name of the search peer' },
    {
      field: 'eventtype',
      from: ['source', 'EventCode'],
      value: ([source, code]) => multi(eventtypesOf(first(source ?? null), first(code ?? null)).map(([name]) => name)),
      source: 'WIN840 eventtypes.conf; SYS810 eventtypes.conf (INF: keyed on source)',
    },
    {
      field: 'tag',
      from: ['source', 'EventCode'],
      value: ([source, code]) => multi([...new Set(eventtypesOf(first(source ?? null), first(code ?? null)).flatMap(([, tags]) => tags))].sort()),
      source: 'WIN840 tags.conf; SYS810 tags.conf',
    },
  ];
}
