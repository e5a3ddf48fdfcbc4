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
  | 'crowdstrike_integrity_level';

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
};
