/**
 * The named value transformations the mapping tables use. Each reproduces one add-on expression;
 * the table row that uses it quotes the expression and its source.
 */

export type TransformName =
  | 'alias'
  | 'constant'
  | 'prefix'
  | 'coalesce'
  | 'sysmon_image_name'
  | 'after_last_backslash'
  | 'windows_4688_process'
  | 'windows_4688_user'
  | 'constant_if_equals'
  | 'crowdstrike_process'
  | 'crowdstrike_process_path'
  | 'crowdstrike_process_name'
  | 'crowdstrike_image_name'
  | 'crowdstrike_integrity_level'
  | 'value_map'
  | 'alias_or_value'
  | 'value_map_nocase'
  | 'not_dash'
  | 'tags'
  | 'tags_if_in'
  | 'tags_unless_in'
  | 'before_last_backslash'
  | 'after_last_backslash_if_equals'
  | 'after_last_slash'
  | 'sysmon_registry_value_data'
  | 'sysmon_registry_value_type'
  | 'sysmon_registry_hive'
  | 'sysmon_file_action'
  | 'sysmon_direction'
  | 'dns_answers'
  | 'dns_record_type'
  | 'windows_source_workstation'
  | 'windows_server_or_computer'
  | 'windows_logon_app';

import { joinMultivalue } from './multivalue.js';

/** Raw input values in the order the rule names them; undefined when the event lacks one. */
export type Inputs = readonly (string | undefined)[];

export type Transform = (inputs: Inputs, value: string | undefined) => string | null;

/** Memoises a one-input transform: image paths repeat, so each distinct path is computed once. */
function memoised(compute: (input: string) => string | null): Transform {
  const cache = new Map<string, string | null>();
  return (inputs) => {
    const input = inputs[0];
    if (input === undefined) return null;
    let result = cache.get(input);
    if (result === undefined && !cache.has(input)) {
      result = compute(input);
      if (cache.size < 100_000) cache.set(input, result);
    }
    return result ?? null;
  };
}

// TA-microsoft-sysmon 8.1.0: replace(Image,"(.*\\\)(?=.*(\.\w*)$|(\w+)$)","") — deletes the
// folder part only when the name ends in a word character or an extension.
const SYSMON_FOLDER = /(.*\\)(?=.*(\.\w*)$|(\w+)$)/g;

function splitFirstToken(commandLine: string, quoted: boolean): string | undefined {
  // mvindex(split(CommandLine, "\""), 1) or mvindex(split(CommandLine, " "), 0)
  return quoted ? commandLine.split('"')[1] : commandLine.split(' ')[0];
}

/** Splunk_TA_windows: process_command_line_process::$1 of `(^\"[^\"]+\"|[^\s]+)\s*(.*)`. */
const COMMAND_LINE_PARTS = /(^"[^"]+"|[^\s]+)\s*(.*)/;

function windows4688Process(inputs: Inputs): string | null {
  const [commandLine, newProcessName] = inputs;
  const parts = commandLine === undefined ? null : COMMAND_LINE_PARTS.exec(commandLine);
  if (parts) {
    const firstToken = parts[1]!;
    if (firstToken.includes('\\')) return commandLine!;
    // An empty capture is no value in Splunk, and null + " " + x is null; coalesce then falls
    // back to NewProcessName.
    const args = parts[2] === '' ? undefined : parts[2];
    if (newProcessName !== undefined && args !== undefined) {
      const name = /\s/.test(newProcessName) ? `"${newProcessName}"` : newProcessName;
      return `${name} ${args}`;
    }
  }
  return newProcessName ?? null;
}

function windows4688User(inputs: Inputs): string | null {
  const [targetUserName, subjectUserName] = inputs;
  // Target_User_Name_as_user `(.+)` accepts "-"; Caller_User_Name_as_src_user `(?!^-$)(.+)` does not.
  if (targetUserName !== undefined && targetUserName !== '-') return targetUserName;
  return subjectUserName !== undefined && subjectUserName !== '-' ? subjectUserName : null;
}

/**
 * `value` + input, one string per distinct result: a new concatenation on every row would make
 * the store hash the same text again for each event.
 */
const PREFIXED = new Map<string, Map<string, string>>();

function prefixed(inputs: Inputs, value: string | undefined): string | null {
  const input = inputs[0];
  if (input === undefined) return null;
  const prefix = value ?? '';
  let byInput = PREFIXED.get(prefix);
  if (!byInput) PREFIXED.set(prefix, (byInput = new Map()));
  let result = byInput.get(input);
  if (result === undefined) {
    result = prefix + input;
    if (byInput.size < 10_000) byInput.set(input, result);
  }
  return result;
}

/** Windows mandatory integrity RIDs, decoded as crowdstrike_ta_lookup_IntegrityLevel does (INF). */
const INTEGRITY_LEVELS: Readonly<Record<string, string>> = {
  '0': 'untrusted',
  '4096': 'low',
  '8192': 'medium',
  '8448': 'medium high',
  '12288': 'high',
  '16384': 'system',
  '20480': 'protected process',
};

/**
 * A rule's `value` of the form `key=>result;key=>result`, parsed once per distinct text; a key
 * `*` is the result for any other input (and for none).
 */
interface ValueMap {
  results: ReadonlyMap<string, string>;
  otherwise: string | null;
}

const VALUE_MAPS = new Map<string, ValueMap>();

function valueMapOf(value: string | undefined, lowerKeys: boolean): ValueMap {
  const text = value ?? '';
  const cacheKey = `${lowerKeys ? 'i' : 's'}${text}`;
  let map = VALUE_MAPS.get(cacheKey);
  if (!map) {
    const results = new Map<string, string>();
    let otherwise: string | null = null;
    for (const pair of text.split(';')) {
      const arrow = pair.indexOf('=>');
      if (arrow < 0) continue;
      const key = pair.slice(0, arrow);
      const result = pair.slice(arrow + 2);
      if (key === '*') otherwise = result;
      else results.set(lowerKeys ? key.toLowerCase() : key, result);
    }
    VALUE_MAPS.set(cacheKey, (map = { results, otherwise }));
  }
  return map;
}

function mapValue(inputs: Inputs, value: string | undefined, lowerKeys: boolean): string | null {
  const map = valueMapOf(value, lowerKeys);
  const input = inputs[0];
  if (input === undefined) return map.otherwise;
  return map.results.get(lowerKeys ? input.toLowerCase() : input) ?? map.otherwise;
}

/** `value` as `v1,v2,...=>tag tag`: the listed inputs (any case) and the tags, parsed once per text. */
const TAG_LISTS = new Map<string, { inputs: ReadonlySet<string>; tags: string | null }>();

function tagListOf(value: string | undefined): { inputs: ReadonlySet<string>; tags: string | null } {
  const text = value ?? '';
  let list = TAG_LISTS.get(text);
  if (!list) {
    const arrow = text.indexOf('=>');
    const inputs = new Set(text.slice(0, Math.max(arrow, 0)).split(',').filter((v) => v !== '').map((v) => v.toLowerCase()));
    TAG_LISTS.set(text, (list = { inputs, tags: tagsOf(text.slice(arrow + 2)) }));
  }
  return list;
}

/** Space-separated tag names as one multivalue cell, the same string for the same text. */
const TAGS = new Map<string, string | null>();

function tagsOf(text: string | undefined): string | null {
  const key = text ?? '';
  let tags = TAGS.get(key);
  if (tags === undefined) {
    tags = joinMultivalue(key.split(' ').filter((tag) => tag !== ''));
    TAGS.set(key, tags);
  }
  return tags;
}

// The add-on's `[sysmon-registry-value]`-style lift of `DWORD (0x00000002)` (research GEN):
// `<type word> (<data>)` gives the data, anything else is kept whole.
const TYPED_DETAILS = /^(\w+)\s\((.+)\)$/;

/** Sysmon's short hive prefixes and the CIM 8.5 registry_hive spellings (expected_values), case-insensitive. */
const REGISTRY_HIVES: readonly [string, string][] = [
  ['hklm\\system\\', 'HKEY_LOCAL_MACHINE\\System'],
  ['hklm\\software\\', 'HKEY_LOCAL_MACHINE\\Software'],
  ['hku\\', 'HKEY_USERS'],
];

/** IANA DNS resource record TYPE numbers, for the `type:  N` entries of Sysmon's QueryResults. */
const DNS_RECORD_TYPES: Readonly<Record<string, string>> = {
  '1': 'A',
  '2': 'NS',
  '5': 'CNAME',
  '6': 'SOA',
  '12': 'PTR',
  '15': 'MX',
  '16': 'TXT',
  '28': 'AAAA',
  '33': 'SRV',
  '255': 'ANY',
};

/** One answer of Sysmon's QueryResults: `type:  5 name` gives the name, `::ffff:a.b.c.d` the IPv4 address. */
function dnsAnswer(part: string): string {
  const typed = /^type:\s+\d+\s+(.*)$/.exec(part);
  if (typed) return typed[1]!;
  return part.startsWith('::ffff:') && /^::ffff:\d+\.\d+\.\d+\.\d+$/.test(part) ? part.slice(7) : part;
}

/** Splunk_TA_windows `[Source_Workstation_as_src]`-style REGEX `(?:[\\]+)?([^-].*)`, unanchored: group 1 of its first match. */
function windowsHostText(text: string): string | null {
  const match = /(?:\\+)?([^-].*)/.exec(text);
  return match ? match[1]! : null;
}

/** windows_apps.csv rows for Logon_Type (Splunk_TA_windows 8.4.0; facts per value, docs/semantics.md). */
const LOGON_TYPE_APPS: Readonly<Record<string, string>> = {
  '0': 'win:unknown',
  '1': 'win:unknown',
  '2': 'win:local',
  '3': 'win:remote',
  '4': 'win:local',
  '5': 'win:local',
  '6': 'win:local',
  '7': 'win:local',
  '8': 'win:remote',
  '9': 'win:local',
  '10': 'win:remote',
  '11': 'win:local',
};

export const TRANSFORMS: Readonly<Record<TransformName, Transform>> = {
  alias: (inputs) => inputs[0] ?? null,
  constant: (_inputs, value) => value ?? null,
  prefix: prefixed,
  coalesce: (inputs) => inputs.find((v) => v !== undefined) ?? null,
  sysmon_image_name: memoised((image) => image.replace(SYSMON_FOLDER, '')),
  after_last_backslash: memoised((path) => {
    // `(?:.*\\)?(.*)`: `.` stops at a line break, so only the first line counts.
    const firstLine = path.split('\n')[0]!;
    return firstLine.slice(firstLine.lastIndexOf('\\') + 1);
  }),
  windows_4688_process: windows4688Process,
  windows_4688_user: windows4688User,
  constant_if_equals: (inputs, value) => {
    const [expected, result] = (value ?? '').split('=>');
    return inputs[0] === expected ? (result ?? null) : null;
  },
  crowdstrike_process: (inputs) => {
    // replace(trim(CommandLine, " "), "\"", "")
    const commandLine = inputs[0];
    return commandLine === undefined ? null : commandLine.replace(/^ +| +$/g, '').replace(/"/g, '');
  },
  crowdstrike_process_path: (inputs) => {
    const [commandLine, imageFileName, platform] = inputs;
    if (platform !== 'Win') return imageFileName ?? null;
    if (commandLine === undefined) return null;
    return splitFirstToken(commandLine, commandLine.startsWith('"')) ?? null;
  },
  crowdstrike_process_name: (inputs) => {
    const [commandLine, platform] = inputs;
    if (commandLine === undefined) return null;
    // like(CommandLine, "\"%\"%"): starts with a quote and has a second one.
    const quoted = commandLine.startsWith('"') && commandLine.indexOf('"', 1) !== -1;
    const path = splitFirstToken(commandLine, quoted);
    if (path === undefined) return null;
    const parts = path.split(platform === 'Win' ? '\\' : '/');
    return parts[parts.length - 1] ?? null;
  },
  crowdstrike_image_name: (inputs) => {
    const [imageFileName, platform] = inputs;
    if (imageFileName === undefined) return null;
    const parts = imageFileName.split(platform === 'Win' ? '\\' : '/');
    return parts[parts.length - 1] ?? null;
  },
  crowdstrike_integrity_level: (inputs) => {
    const level = inputs[0];
    return level === undefined ? null : (INTEGRITY_LEVELS[level] ?? level);
  },
  value_map: (inputs, value) => mapValue(inputs, value, false),
  alias_or_value: (inputs, value) => inputs[0] ?? value ?? null,
  value_map_nocase: (inputs, value) => mapValue(inputs, value, true),
  not_dash: (inputs) => {
    const input = inputs[0];
    return input === undefined || input === '-' || input === '' ? null : input;
  },
  tags: (_inputs, value) => tagsOf(value),
  tags_if_in: (inputs, value) => {
    const list = tagListOf(value);
    const input = inputs[0];
    return input !== undefined && list.inputs.has(input.toLowerCase()) ? list.tags : null;
  },
  tags_unless_in: (inputs, value) => {
    const list = tagListOf(value);
    const input = inputs[0];
    return input !== undefined && list.inputs.has(input.toLowerCase()) ? null : list.tags;
  },
  before_last_backslash: memoised((path) => {
    const at = path.lastIndexOf('\\');
    return at < 0 ? null : path.slice(0, at);
  }),
  after_last_backslash_if_equals: (inputs, value) => {
    const [selector, path] = inputs;
    if (selector !== value || path === undefined) return null;
    return path.slice(path.lastIndexOf('\\') + 1);
  },
  after_last_slash: memoised((path) => path.slice(path.lastIndexOf('/') + 1)),
  sysmon_registry_value_data: (inputs) => {
    const details = inputs[0];
    if (details === undefined) return null;
    const typed = TYPED_DETAILS.exec(details);
    return typed ? typed[2]! : details;
  },
  sysmon_registry_value_type: (inputs) => {
    const details = inputs[0];
    const typed = details === undefined ? null : TYPED_DETAILS.exec(details);
    return typed ? typed[1]! : null;
  },
  sysmon_registry_hive: (inputs) => {
    const path = inputs[0];
    if (path === undefined) return null;
    const lower = path.slice(0, 16).toLowerCase();
    for (const [prefix, hive] of REGISTRY_HIVES) if (lower.startsWith(prefix)) return hive;
    return null;
  },
  sysmon_file_action: (inputs) => {
    const [utcTime, creationUtcTime] = inputs;
    return utcTime !== undefined && utcTime === creationUtcTime ? 'created' : 'modified';
  },
  sysmon_direction: (inputs) => (inputs[0] === 'true' ? 'outbound' : 'inbound'),
  dns_answers: (inputs) => {
    const results = inputs[0];
    if (results === undefined) return null;
    const answers = results
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '' && part !== '-')
      .map(dnsAnswer);
    return joinMultivalue(answers);
  },
  dns_record_type: (inputs) => {
    const results = inputs[0];
    const typed = results === undefined ? null : /type:\s+(\d+)/.exec(results);
    return typed ? (DNS_RECORD_TYPES[typed[1]!] ?? typed[1]!) : null;
  },
  windows_source_workstation: (inputs) => {
    // REPORT Workstation_as_Source_Workstation, WorkstationName_as_..., IpAddress_as_...: the
    // first present wins, then Source_Workstation_as_src; no fallback when that finds nothing.
    const first = inputs.find((input) => input !== undefined && input !== '');
    return first === undefined ? null : windowsHostText(first);
  },
  windows_server_or_computer: (inputs) => {
    // REPORT Target_Server_Name_as_dest, Computer_as_dest: the first transform that extracts wins.
    const [server, computer] = inputs;
    return (server === undefined ? null : windowsHostText(server)) ?? computer ?? null;
  },
  windows_logon_app: (inputs) => {
    // LOOKUP-app0..app4_for_windows_security over windows_apps.csv: EventCode 4648 is win:remote,
    // then the Logon_Type rows, then the source row (XmlWinEventLog:Security) gives win:unknown.
    const [eventId, logonType] = inputs;
    if (eventId === '4648') return 'win:remote';
    return (logonType === undefined ? undefined : LOGON_TYPE_APPS[logonType]) ?? 'win:unknown';
  },
};
