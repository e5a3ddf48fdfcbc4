/**
 * The Windows add-on's `[source::XmlWinEventLog:System]` stanza (Splunk_TA_windows 8.4.0 props.conf l.196-229) and
 * `[source::XmlWinEventLog:Application]` (l.383). `start_mode` is the licensed
 * windows_start_mode_lookup; it is derived from the start type names Windows renders
 * (learn.microsoft.com "Service start types") instead (INF mapping, docs/semantics.md).
 */
import { alias, codeIn, constant, first, type FieldTable } from '../field-rule.js';

const WIN840 = 'WIN840 props.conf [source::XmlWinEventLog:System]';

const START_MODES: Readonly<Record<string, string>> = {
  'boot start': 'boot',
  'system start': 'system',
  'auto start': 'auto',
  'demand start': 'manual',
  disabled: 'disabled',
};

export const SYSTEM: FieldTable = {
  name: '[source::XmlWinEventLog:System]',
  appliesTo: (source) => source === 'xmlwineventlog:system' || source === 'wineventlog:system',
  rules: [
    alias('dest', 'Computer', `${WIN840} REPORT-bestmatch_for_windows_system_xml = Computer_as_dest`),
    { field: 'Error_Code', from: ['Status'], value: ([s]) => s ?? '-', source: `${WIN840} EVAL-Error_Code` },
    {
      field: 'status',
      from: ['EventCode', 'param2'],
      value: ([c, p]) => (codeIn(c ?? null, [7036]) && first(p ?? null) === 'running' ? 'started' : codeIn(c ?? null, [7036]) && first(p ?? null) === 'stopped' ? 'stopped' : null),
      source: `${WIN840} EVAL-status`,
    },
    {
      field: 'start_mode',
      from: ['EventCode', 'StartType', 'param3'],
      value: ([c, start, param3]) => {
        const text = first(codeIn(c ?? null, [7040]) ? (param3 ?? null) : (start ?? null));
        return text === null ? null : (START_MODES[text.toLowerCase()] ?? null);
      },
      source: `${WIN840} LOOKUP-0start_mode_for_eventcode_7045 / LOOKUP-1start_mode_for_eventcode_7040 (INF: Microsoft's start type names, not the licensed lookup)`,
    },
    {
      field: 'user',
      from: ['EventCode', 'User'],
      value: ([c, u]) => (codeIn(c ?? null, [7040, 7045]) && first(u ?? null) === '-' ? null : (u ?? null)),
      source: `${WIN840} REPORT-user_for_windows_system (User_as_user), EVAL-user`,
    },
    constant('vendor', 'Microsoft', `${WIN840} EVAL-vendor`),
    constant('product', 'Windows', `${WIN840} EVAL-product`),
  ],
};

export const APPLICATION: FieldTable = {
  name: '[source::XmlWinEventLog:Application]',
  appliesTo: (source) => source === 'xmlwineventlog:application' || source === 'wineventlog:application',
  rules: [alias('dest', 'Computer', 'WIN840 props.conf [source::XmlWinEventLog:Application] FIELDALIAS-dest_for_xmlwineventlog_application')],
};
