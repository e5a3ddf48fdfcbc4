/**
 * Splunk's classic (non-XML) WinEventLog rendering: a timestamp line, `Key=Value` header lines,
 * then a `Message=` text. For 4688 the Message's labelled lines are translated into the XML
 * EventData names, so the 4688 mapping table applies unchanged.
 */

/** `09/15/2020 11:48:27 PM`: the line that starts a classic event. */
export const CLASSIC_TIMESTAMP = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) ([AP]M)$/;

/** Message labels of 4688 -> XML EventData names, per section ("Creator Subject" / "Target Subject"). */
const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  'Security ID': 'SubjectUserSid',
  'Account Name': 'SubjectUserName',
  'Account Domain': 'SubjectDomainName',
  'Logon ID': 'SubjectLogonId',
};
const TARGET_LABELS: Readonly<Record<string, string>> = {
  'Security ID': 'TargetUserSid',
  'Account Name': 'TargetUserName',
  'Account Domain': 'TargetDomainName',
  'Logon ID': 'TargetLogonId',
};
const PROCESS_LABELS: Readonly<Record<string, string>> = {
  'New Process ID': 'NewProcessId',
  'New Process Name': 'NewProcessName',
  'Token Elevation Type': 'TokenElevationType',
  'Mandatory Label': 'MandatoryLabel',
  'Creator Process ID': 'ProcessId',
  'Creator Process Name': 'ParentProcessName',
  'Process Command Line': 'CommandLine',
};

/**
 * Reads one classic block (its lines, the timestamp line first). Fills `fields` with the header
 * keys under the XML names (LogName -> Channel, EventCode -> EventID, ComputerName -> Computer,
 * RecordNumber -> EventRecordID too)
 * and, for 4688, the Message values. The local timestamp is kept in `SystemTime` as
 * `YYYY-MM-DDTHH:MM:SS` (no zone).
 */
export function readClassicEvent(lines: readonly string[], fields: Map<string, string>): string | undefined {
  fields.clear();
  const stamp = CLASSIC_TIMESTAMP.exec(lines[0] ?? '');
  if (!stamp) return 'classic WinEventLog event without a timestamp line';
  const [, month, day, year, hour12, minute, second, half] = stamp;
  const hour = (Number(hour12) % 12) + (half === 'PM' ? 12 : 0);
  fields.set('SystemTime', `${year}-${month}-${day}T${String(hour).padStart(2, '0')}:${minute}:${second}`);
  let section: Readonly<Record<string, string>> | undefined;
  let inMessage = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!inMessage) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq);
      const value = line.slice(eq + 1);
      if (key === 'Message') inMessage = true;
      else setHeader(key, value, fields);
      continue;
    }
    if (!line.startsWith('\t')) {
      section = sectionOf(line.trim());
      continue;
    }
    if (!section) continue;
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const label = line.slice(1, colon).trim();
    const name = section[label];
    const value = line.slice(colon + 1).replace(/^\t+/, '').trim();
    if (name !== undefined && value !== '' && !fields.has(name)) fields.set(name, value);
  }
  if (!fields.has('EventID')) return 'classic WinEventLog event without EventCode=';
  return undefined;
}

function sectionOf(title: string): Readonly<Record<string, string>> | undefined {
  if (title === 'Creator Subject:' || title === 'Subject:') return SUBJECT_LABELS;
  if (title === 'Target Subject:') return TARGET_LABELS;
  if (title === 'Process Information:') return PROCESS_LABELS;
  return undefined;
}

function setHeader(key: string, value: string, fields: Map<string, string>): void {
  if (value === '') return;
  switch (key) {
    case 'LogName':
      fields.set('Channel', value);
      break;
    case 'SourceName':
      fields.set('Provider', value);
      break;
    case 'EventCode':
      fields.set('EventID', value);
      break;
    case 'ComputerName':
      fields.set('Computer', value);
      break;
    case 'RecordNumber':
      // The XML EventRecordID: with Channel and Computer, the event's identity (duplicates.ts).
      fields.set('RecordNumber', value);
      fields.set('EventRecordID', value);
      break;
    default:
      fields.set(key, value);
  }
}
