/**
 * Renders one process creation in each supported log format. Layouts are copied from real
 * events (see docs/performance.md and the PROVENANCE.md files under shared/data):
 * - sysmon-xml: Splunk's XmlWinEventLog one-line form, single-quoted attributes, Sysmon 13+
 *   EventID 1 field order (splunk/attack_data T1003.002 sysmon.log, 2025).
 * - 4688-xml: the same form for Security 4688 (same file, Version 2 events).
 * - crowdstrike: FDR ProcessRollup2 JSON with the key order of Splunk's example event.
 * - jsonl: OTRF/Mordor flattened Sysmon EventID 1 (proxylogon dataset key order).
 */
import { baseName } from './catalog.js';
import type { ProcessEvent } from './world.js';

export type EventFormat = 'sysmon-xml' | '4688-xml' | 'crowdstrike' | 'jsonl';

export const EVENT_FORMATS: readonly EventFormat[] = ['sysmon-xml', '4688-xml', 'crowdstrike', 'jsonl'];

/** XML text escaping as the Windows renderer does it (`&`, `<`, `>`). */
function escapeXml(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `2024-03-04T08:00:00.1234567Z`: Windows SystemTime has seven fractional digits. */
function systemTime(event: ProcessEvent): string {
  return `${new Date(event.timeMs).toISOString().slice(0, 23)}${event.subMillisecond}Z`;
}

/** Sysmon's UtcTime (`2024-03-04 08:00:00.123`), taken when the process started. */
function utcTime(event: ProcessEvent): string {
  const iso = new Date(event.process.startMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function userName(account: { domain: string; name: string }): string {
  return `${account.domain}\\${account.name}`;
}

export function sysmonFields(event: ProcessEvent): [string, string][] {
  const { process, parent } = event;
  const image = process.image;
  return [
    ['RuleName', '-'],
    ['UtcTime', utcTime(event)],
    ['ProcessGuid', process.guid],
    ['ProcessId', String(process.pid)],
    ['Image', image.path],
    ['FileVersion', image.fileVersion],
    ['Description', image.description],
    ['Product', image.product],
    ['Company', image.company],
    ['OriginalFileName', image.originalFileName],
    ['CommandLine', process.commandLine],
    ['CurrentDirectory', process.currentDirectory],
    ['User', userName(process.account)],
    ['LogonGuid', process.account.logonGuid],
    ['LogonId', process.account.logonId],
    ['TerminalSessionId', String(process.account.terminalSession)],
    ['IntegrityLevel', process.account.integrity],
    ['Hashes', image.hashes],
    ['ParentProcessGuid', parent.guid],
    ['ParentProcessId', String(parent.pid)],
    ['ParentImage', parent.image.path],
    ['ParentCommandLine', parent.commandLine],
    ['ParentUser', userName(parent.account)],
  ];
}

/** The next Sysmon record of the event's host: its EventRecordID and the Sysmon thread that logs it. */
export function nextSysmonRecord(event: ProcessEvent): { recordId: number; threadId: number } {
  const host = event.host;
  host.sysmonRecordId++;
  return { recordId: host.sysmonRecordId, threadId: host.sysmonThreads[host.sysmonRecordId % host.sysmonThreads.length]! };
}

export function renderSysmonXml(event: ProcessEvent): string {
  const host = event.host;
  const { recordId, threadId: thread } = nextSysmonRecord(event);
  let data = '';
  for (const [name, value] of sysmonFields(event)) data += `<Data Name='${name}'>${escapeXml(value)}</Data>`;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>` +
    `<EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${systemTime(event)}'/>` +
    `<EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='${host.sysmonPid}' ThreadID='${thread}'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${host.computer}</Computer>` +
    `<Security UserID='S-1-5-18'/></System><EventData>${data}</EventData></Event>`
  );
}

const MANDATORY_LABELS = {
  System: 'Mandatory Label\\System Mandatory Level',
  High: 'Mandatory Label\\High Mandatory Level',
  Medium: 'Mandatory Label\\Medium Mandatory Level',
} as const;

export function renderSecurity4688Xml(event: ProcessEvent): string {
  const { host, process, parent } = event;
  host.securityRecordId++;
  const account = process.account;
  const isSystem = account.sid === 'S-1-5-18';
  // Security renders the machine account for SYSTEM: HOST$ in the host's domain.
  const subjectName = isSystem ? `${host.shortName.toUpperCase()}$` : account.name;
  const subjectDomain = isSystem ? host.domain : account.domain;
  const fields: [string, string][] = [
    ['SubjectUserSid', userName(account)],
    ['SubjectUserName', subjectName],
    ['SubjectDomainName', subjectDomain],
    ['SubjectLogonId', account.logonId],
    ['NewProcessId', `0x${process.pid.toString(16)}`],
    ['NewProcessName', process.image.path],
    ['TokenElevationType', account.integrity === 'Medium' ? '%%1938' : '%%1936'],
    ['ProcessId', `0x${parent.pid.toString(16)}`],
    ['CommandLine', process.commandLine],
    ['TargetUserSid', 'NULL SID'],
    ['TargetUserName', '-'],
    ['TargetDomainName', '-'],
    ['TargetLogonId', '0x0'],
    ['ParentProcessName', parent.image.path],
    ['MandatoryLabel', MANDATORY_LABELS[account.integrity]],
  ];
  let data = '';
  for (const [name, value] of fields) data += `<Data Name='${name}'>${escapeXml(value)}</Data>`;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>` +
    `<EventID>4688</EventID><Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='${systemTime(event)}'/>` +
    `<EventRecordID>${host.securityRecordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='4' ThreadID='${host.sysmonThreads[host.securityRecordId % host.sysmonThreads.length]}'/>` +
    `<Channel>Security</Channel><Computer>${host.computer}</Computer><Security/></System>` +
    `<EventData>${data}</EventData></Event>`
  );
}

const FALCON_INTEGRITY = { System: '16384', High: '12288', Medium: '8192' } as const;

/** Key order follows Splunk's real ProcessRollup2 example event. */
export function renderCrowdStrike(event: ProcessEvent, cid: string): string {
  const { host, process, parent } = event;
  const hashes = process.image.hashes;
  const md5 = hashes.slice(4, 36).toLowerCase();
  const sha256 = hashes.slice(44, 108).toLowerCase();
  const record: Record<string, string> = {};
  if (parent.image.path.endsWith('explorer.exe')) {
    record['LinkName'] = `C:\\Users\\${process.account.name}\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\${process.image.description}.lnk`;
  }
  Object.assign(record, {
    ProcessCreateFlags: '67634196',
    IntegrityLevel: FALCON_INTEGRITY[process.account.integrity],
    ParentProcessId: String(parent.falconId),
    SourceProcessId: String(parent.falconId),
    aip: host.publicIp,
    SHA1HashData: '0000000000000000000000000000000000000000',
    UserSid: process.account.sid,
    event_platform: 'Win',
    TokenType: process.account.integrity === 'Medium' ? '2' : '1',
    ProcessEndTime: '',
    AuthenticodeHashData: sha256.slice(0, 40),
    ParentBaseFileName: baseName(parent.image.path),
    EventOrigin: '1',
    ImageSubsystem: process.image.path.endsWith('cmd.exe') || process.image.path.endsWith('powershell.exe') ? '3' : '2',
    id: `${sha256.slice(0, 8)}-${process.guid.slice(10, 14)}-4${process.guid.slice(16, 19)}-b${process.guid.slice(21, 24)}-${process.guid.slice(25, 37)}`,
    EffectiveTransmissionClass: '3',
    SessionId: String(process.account.terminalSession),
    ShowWindowFlags: '1',
    Tags: '27, 40, 151, 874, 924, 12094627905582, 12094627906234, 211106232533012, 212205744161605, 263882790666253',
    timestamp: String(event.timeMs),
    event_simpleName: 'ProcessRollup2',
    RawProcessId: String(process.pid),
    ConfigStateHash: '840884426',
    MD5HashData: md5,
    SHA256HashData: sha256,
    ProcessSxsFlags: '64',
    AuthenticationId: String(parseInt(process.account.logonId, 16)),
    ConfigBuild: '1007.3.0018207.1',
    WindowFlags: '3073',
    CommandLine: process.commandLine,
    ParentAuthenticationId: String(parseInt(parent.account.logonId, 16)),
    TargetProcessId: String(process.falconId),
    ImageFileName: `\\Device\\HarddiskVolume3${process.image.path.slice(2)}`,
    SourceThreadId: String(parent.falconId * 5 + 17),
    Entitlements: '15',
    name: 'ProcessRollup2V19',
    ProcessStartTime: (process.startMs / 1000).toFixed(3),
    ProcessParameterFlags: '24577',
    aid: host.aid,
    SignInfoFlags: '8683538',
    cid,
  });
  return JSON.stringify(record);
}

/** OTRF's collector writes LogonId in the rendered Message in upper case (`0x3E7`). */
function messageValue(name: string, value: string): string {
  return name === 'LogonId' ? `0x${value.slice(2).toUpperCase()}` : value;
}

export function renderOtrfJson(event: ProcessEvent): string {
  // OTRF's Sysmon schema predates ParentUser.
  const fields = sysmonFields(event).filter(([name]) => name !== 'ParentUser');
  const message = ['Process Create:', ...fields.map(([name, value]) => `${name}: ${messageValue(name, value)}`)].join('\r\n');
  const time = new Date(event.timeMs).toISOString();
  const record: Record<string, string | number> = {
    SourceName: 'Microsoft-Windows-Sysmon',
    ProviderGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
    Level: '4',
    Keywords: '0x8000000000000000',
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Hostname: event.host.computer,
    TimeCreated: time,
    '@timestamp': time,
    EventID: 1,
    Message: message,
    Task: '1',
  };
  for (const [name, value] of fields) record[name] = value;
  return JSON.stringify(record);
}
