/**
 * The Sysmon add-on's derived fields for `source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`.
 * TA-microsoft-sysmon 8.1.0 default/props.conf (TrellixVulnTeam/splunk-apps_AU3K @ b8169e51);
 * the current add-on's conf is not public, so where SC's data_sources/sysmon_eventid_*.yml list a field
 * that TA-microsoft-sysmon 8.1.0 does not set, the rule is inferred and marked INF (docs/semantics.md "Event fields").
 * Event names: Microsoft's Sysmon documentation (learn.microsoft.com/sysinternals/downloads/sysmon,
 * "Event ID n: title"), not the add-on's eventcode.csv.
 */
import { alias, basename, codeIn, constant, first, type FieldRule, type FieldTable, type FieldValue } from '../field-rule.js';

const SYS810 = 'SYS810 props.conf';

/** Event titles of Microsoft's Sysmon documentation, by event ID. */
export const SYSMON_EVENT_TITLES: Readonly<Record<string, string>> = {
  '1': 'Process creation',
  '2': 'A process changed a file creation time',
  '3': 'Network connection',
  '4': 'Sysmon service state changed',
  '5': 'Process terminated',
  '6': 'Driver loaded',
  '7': 'Image loaded',
  '8': 'CreateRemoteThread',
  '9': 'RawAccessRead',
  '10': 'ProcessAccess',
  '11': 'FileCreate',
  '12': 'RegistryEvent (Object create and delete)',
  '13': 'RegistryEvent (Value Set)',
  '14': 'RegistryEvent (Key and Value Rename)',
  '15': 'FileCreateStreamHash',
  '16': 'ServiceConfigurationChange',
  '17': 'PipeEvent (Pipe Created)',
  '18': 'PipeEvent (Pipe Connected)',
  '19': 'WmiEvent (WmiEventFilter activity detected)',
  '20': 'WmiEvent (WmiEventConsumer activity detected)',
  '21': 'WmiEvent (WmiEventConsumerToFilter activity detected)',
  '22': 'DNSEvent (DNS query)',
  '23': 'FileDelete (File Delete archived)',
  '24': 'ClipboardChange (New content in the clipboard)',
  '25': 'ProcessTampering (Process image change)',
  '26': 'FileDeleteDetected (File Delete logged)',
  '27': 'FileBlockExecutable',
  '28': 'FileBlockShredding',
  '29': 'FileExecutableDetected',
  '255': 'Error',
};

/** EIDs whose "process" is the source process of an access or remote thread (TA-microsoft-sysmon 8.1.0 EVAL-process_name). */
const SOURCE_PROCESS_EVENTS = ['8', '10'];

function byProcess(field: string, own: string, source: string, transform: (v: string) => string = (v) => v, citation = `${SYS810} (INF: ${own}, ${source} for 8 and 10)`): FieldRule {
  return {
    field,
    from: ['EventCode', own, source],
    value: ([code, ownValue, sourceValue]) => {
      const v = first(codeIn(code, SOURCE_PROCESS_EVENTS) ? (sourceValue ?? null) : (ownValue ?? null));
      return v === null ? null : transform(v);
    },
    source: citation,
  };
}

function hash(field: string, pattern: RegExp): FieldRule {
  return {
    field,
    from: ['Hashes', 'Hash'],
    value: ([hashes, single]) => {
      const text = first(hashes ?? null) ?? first(single ?? null);
      const match = text === null ? null : pattern.exec(text);
      return match ? match[1]! : null;
    },
    source: `SYS810 transforms.conf [sysmon-${field.toLowerCase()}] on the Hashes value`,
  };
}

function title(code: FieldValue): string | null {
  const text = first(code);
  return text === null ? null : (SYSMON_EVENT_TITLES[text] ?? null);
}

export const SYSMON: FieldTable = {
  name: '[source::XmlWinEventLog:Microsoft-Windows-Sysmon/Operational]',
  appliesTo: (source) => source === 'xmlwineventlog:microsoft-windows-sysmon/operational' || source === 'wineventlog:microsoft-windows-sysmon/operational',
  rules: [
    {
      field: 'dest',
      from: ['EventCode', 'DestinationHostname', 'DestinationIp', 'Computer'],
      value: ([code, hostname, ip, computer]) => {
        const c = first(code);
        if (c === '3') return hostname ?? ip ?? null;
        if (c === '22') return null;
        return computer ?? null;
      },
      source: `${SYS810} EVAL-dest (3: DestinationHostname or DestinationIp; INF: Computer for every other EID but 22, as data_sources/sysmon_eventid_*.yml list dest)`,
    },
    {
      field: 'process_name',
      from: ['EventCode', 'Image', 'SourceImage'],
      value: ([code, image, sourceImage]) => {
        const c = first(code);
        if (c === '6') return 'System';
        const path = first(codeIn(code, SOURCE_PROCESS_EVENTS) ? (sourceImage ?? null) : (image ?? null));
        return path === null ? null : basename(path);
      },
      source: `${SYS810} EVAL-process_name (basename of Image; of SourceImage for 8 and 10; "System" for 6)`,
    },
    byProcess('process_path', 'Image', 'SourceImage'),
    alias('process', 'CommandLine', `${SYS810} FIELDALIAS (CommandLine AS process)`),
    byProcess('process_id', 'ProcessId', 'SourceProcessId'),
    byProcess('process_guid', 'ProcessGuid', 'SourceProcessGUID'),
    alias('process_exec', 'Image', 'INF: data_sources/sysmon_eventid_1.yml lists process_exec; Image'),
    alias('process_current_directory', 'CurrentDirectory', 'INF: data_sources/sysmon_eventid_1.yml'),
    alias('process_integrity_level', 'IntegrityLevel', 'INF: data_sources/sysmon_eventid_1.yml'),
    byProcess('parent_process_name', 'ParentImage', 'SourceImage', basename, `${SYS810} (basename of ParentImage; INF: SourceImage for 8 and 10)`),
    byProcess('parent_process_path', 'ParentImage', 'SourceImage'),
    byProcess('parent_process_id', 'ParentProcessId', 'SourceProcessId'),
    byProcess('parent_process_guid', 'ParentProcessGuid', 'SourceProcessGUID'),
    alias('parent_process', 'ParentCommandLine', `${SYS810} FIELDALIAS (ParentCommandLine AS parent_process)`),
    alias('parent_process_exec', 'ParentImage', 'INF: data_sources/sysmon_eventid_1.yml'),
    alias('user', 'User', `${SYS810} FIELDALIAS (User AS user)`),
    alias('signature_id', 'EventCode', `${SYS810} FIELDALIAS (EventCode AS signature_id)`),
    { field: 'EventDescription', from: ['EventCode'], value: ([code]) => title(code ?? null), source: 'Microsoft Sysmon documentation event titles (the add-on reads them from its eventcode.csv; not copied)' },
    { field: 'signature', from: ['EventCode'], value: ([code]) => title(code ?? null), source: `${SYS810} LOOKUP-eventcode (EventDescription AS signature), titles from Microsoft's Sysmon documentation` },
    hash('MD5', /MD5=([A-Fa-f0-9]{32})/),
    hash('SHA1', /SHA1=([A-Fa-f0-9]{40})/),
    hash('SHA256', /SHA256=([A-Fa-f0-9]{64})/),
    hash('IMPHASH', /IMPHASH=([A-Fa-f0-9]{32})/),
    alias('SecurityID', 'UserID', `${SYS810} transforms.conf [sysmon-sid] (<Security UserID='...'/>)`),
    alias('file_path', 'TargetFilename', `${SYS810} FIELDALIAS-file_path`),
    { field: 'file_name', from: ['TargetFilename'], value: ([p]) => (first(p ?? null) === null ? null : basename(first(p ?? null)!)), source: `${SYS810} transforms.conf [sysmon-filename]` },
    alias('loaded_file_path', 'ImageLoaded', 'INF: no rule found (EID 7); ImageLoaded'),
    { field: 'loaded_file', from: ['ImageLoaded'], value: ([p]) => (first(p ?? null) === null ? null : basename(first(p ?? null)!)), source: 'INF: no rule found (EID 7); basename of ImageLoaded' },
    alias('original_file_name', 'OriginalFileName', 'INF: no rule found; OriginalFileName'),
    alias('query', 'QueryName', 'INF: CIM Network_Resolution name for QueryName (data_sources/sysmon_eventid_22.yml lists query)'),
    alias('answer', 'QueryResults', 'INF: CIM Network_Resolution name for QueryResults'),
    alias('dest_ip', 'DestinationIp', `${SYS810} FIELDALIAS (DestinationIp AS dest_ip)`),
    alias('src_ip', 'SourceIp', `${SYS810} FIELDALIAS (SourceIp AS src_ip)`),
    alias('dest_port', 'DestinationPort', `${SYS810} FIELDALIAS (DestinationPort AS dest_port)`),
    alias('src_port', 'SourcePort', `${SYS810} FIELDALIAS (SourcePort AS src_port)`),
    alias('granted_access', 'GrantedAccess', 'INF: data_sources/sysmon_eventid_10.yml lists granted_access'),
    {
      field: 'action',
      from: ['EventCode', 'EventType'],
      value: ([code, type]) => {
        const c = first(code);
        const t = first(type);
        if (c === '1') return 'allowed';
        if (c === '12' && t === 'CreateKey') return 'created';
        if (c === '12' && (t === 'DeleteKey' || t === 'DeleteValue')) return 'deleted';
        if (c === '13' && t === 'SetValue') return 'modified';
        if (c === '11') return 'created';
        return null;
      },
      source: `${SYS810} EVAL-action (11: INF "created", the EventDescription of 11 being "File created")`,
    },
    {
      field: 'object_category',
      from: ['EventCode'],
      value: ([code]) => (codeIn(code ?? null, [11, 2]) ? 'file' : codeIn(code ?? null, [12, 13, 14]) ? 'registry' : codeIn(code ?? null, [19, 20, 21]) ? 'wmi' : null),
      source: `${SYS810} EVAL-object_category`,
    },
    { field: 'registry_path', from: ['EventCode', 'TargetObject'], value: ([c, t]) => (codeIn(c ?? null, [12, 13, 14]) ? (t ?? null) : null), source: `${SYS810} EVAL-registry_path` },
    { field: 'registry_value_name', from: ['EventCode', 'Details'], value: ([c, d]) => (codeIn(c ?? null, [13]) ? (d ?? null) : null), source: `${SYS810} EVAL-registry_value_name = case(EventCode=="13", Details) (sic)` },
    {
      field: 'registry_key_name',
      from: ['EventCode', 'TargetObject'],
      value: ([c, t]) => (codeIn(c ?? null, [12, 13, 14]) && first(t ?? null) !== null ? first(t ?? null)!.replace(/.+\\/, '') : null),
      source: `${SYS810} EVAL-registry_key_name = replace(TargetObject,".+\\\\","")`,
    },
    constant('vendor_product', 'Microsoft Sysmon', `${SYS810} EVAL-vendor_product (INF: the source stanza wins over [XmlWinEventLog]'s)`),
  ],
};
