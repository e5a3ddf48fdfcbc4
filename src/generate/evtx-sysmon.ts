/**
 * Sysmon EventID 1 as EVTX records: the same events the sysmon-xml format writes, in the Binary
 * XML layout of Sysmon's own .evtx files (checked against shared/data/sysmon-webshell-w3wp/evtx):
 * a System template whose substitution numbers, value types and element dependencies are
 * Windows' own, with EventData as a nested Binary XML value holding an instance of the EventID 1
 * template (strings UTF-16LE without terminator, GUIDs, UInt32 ids, a HexInt64 LogonId).
 *
 * One difference: Windows writes the computer name into the System template as text, so a
 * single-host log needs one template. The generated file merges many hosts, so the computer
 * name is a substitution (number 18) and one System template serves every host.
 */
import { createHash } from 'node:crypto';
import type { EvtxInstance, EvtxTemplate, EvtxValue, XmlElement, XmlPart } from './evtx-writer.js';
import { BINXML_VALUE } from './evtx-writer.js';
import { nextSysmonRecord, sysmonFields } from './formats.js';
import type { ProcessEvent } from './world.js';

const STRING = 0x01;
const UINT8 = 0x04;
const UINT16 = 0x06;
const UINT32 = 0x08;
const UINT64 = 0x0a;
const GUID = 0x0f;
const FILETIME = 0x11;
const SID = 0x13;
const HEX_INT64 = 0x15;
const NULL = 0x00;

/** A template GUID derived from its name, so that every run writes the same bytes. */
function templateGuid(name: string): Uint8Array {
  return createHash('sha256').update(name).digest().subarray(0, 16);
}

const optional = (substitution: number, type: number): XmlPart => ({ substitution, type, optional: true });

function simple(name: string, substitution: number, type: number): XmlElement {
  return { name, dependency: substitution, children: [optional(substitution, type)] };
}

/** Sysmon's System template (substitution numbers and dependencies as in Sysmon's .evtx files). */
const SYSTEM_TEMPLATE: EvtxTemplate = {
  guid: templateGuid('spelunk sysmon System'),
  root: {
    name: 'Event',
    dependency: 17,
    attributes: [['xmlns', { text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]],
    children: [
      {
        name: 'System',
        children: [
          { name: 'Provider', attributes: [['Name', optional(14, STRING)], ['Guid', optional(15, GUID)]] },
          { name: 'EventID', dependency: 3, attributes: [['Qualifiers', optional(4, UINT16)]], children: [optional(3, UINT16)] },
          simple('Version', 11, UINT8),
          simple('Level', 0, UINT8),
          simple('Task', 2, UINT16),
          simple('Opcode', 1, UINT8),
          simple('Keywords', 5, HEX_INT64),
          { name: 'TimeCreated', attributes: [['SystemTime', optional(6, FILETIME)]] },
          simple('EventRecordID', 10, UINT64),
          { name: 'Correlation', attributes: [['ActivityID', optional(7, GUID)], ['RelatedActivityID', optional(13, GUID)]] },
          { name: 'Execution', attributes: [['ProcessID', optional(8, UINT32)], ['ThreadID', optional(9, UINT32)]] },
          simple('Channel', 16, STRING),
          { name: 'Computer', children: [{ substitution: 18, type: STRING }] },
          { name: 'Security', attributes: [['UserID', optional(12, SID)]] },
        ],
      },
      optional(17, BINXML_VALUE),
    ],
  },
};

/** Value type of each Sysmon EventID 1 field (Sysmon's manifest types, as in its .evtx files). */
const FIELD_TYPES: Readonly<Record<string, number>> = {
  ProcessGuid: GUID,
  ProcessId: UINT32,
  LogonGuid: GUID,
  LogonId: HEX_INT64,
  TerminalSessionId: UINT32,
  ParentProcessGuid: GUID,
  ParentProcessId: UINT32,
};

function fieldType(name: string): number {
  return FIELD_TYPES[name] ?? STRING;
}

/** The EventData template of the fields `names`, in their order. */
function eventDataTemplate(names: readonly string[]): EvtxTemplate {
  return {
    guid: templateGuid(`spelunk sysmon EventData ${names.join(',')}`),
    root: {
      name: 'EventData',
      children: names.map((name, i) => ({ name: 'Data', attributes: [['Name', { text: name }]], children: [{ substitution: i, type: fieldType(name) }] })),
    },
  };
}

function uint(size: number, value: number): Uint8Array {
  const bytes = Buffer.alloc(size);
  if (size === 1) bytes.writeUInt8(value);
  else if (size === 2) bytes.writeUInt16LE(value);
  else if (size === 4) bytes.writeUInt32LE(value);
  else bytes.writeBigUInt64LE(BigInt(value));
  return bytes;
}

/** `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` in the mixed-endian byte order of a Windows GUID. */
function guidBytes(text: string): Uint8Array {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a GUID: ${text}`);
  const bytes = Buffer.from(hex, 'hex');
  bytes.subarray(0, 4).reverse();
  bytes.subarray(4, 6).reverse();
  bytes.subarray(6, 8).reverse();
  return bytes;
}

function sidBytes(text: string): Uint8Array {
  const parts = text.split('-').slice(1).map(Number);
  const [revision, authority, ...subs] = parts as [number, number, ...number[]];
  const bytes = Buffer.alloc(8 + 4 * subs.length);
  bytes[0] = revision;
  bytes[1] = subs.length;
  bytes.writeUIntBE(authority, 2, 6);
  subs.forEach((sub, i) => bytes.writeUInt32LE(sub, 8 + 4 * i));
  return bytes;
}

const value = (type: number, bytes: Uint8Array): EvtxValue => ({ type, bytes });
const EMPTY = new Uint8Array(0);
const nullValue = value(NULL, EMPTY);

function fieldValue(name: string, text: string): EvtxValue {
  switch (fieldType(name)) {
    case GUID:
      return value(GUID, guidBytes(text));
    case UINT32:
      return value(UINT32, uint(4, Number(text)));
    case HEX_INT64:
      return value(HEX_INT64, Buffer.from(BigInt(text).toString(16).padStart(16, '0'), 'hex').reverse());
    default:
      return value(STRING, Buffer.from(text, 'utf16le'));
  }
}

/** 100 ns ticks since 1601 of the event's TimeCreated (milliseconds plus the four sub-millisecond digits). */
export function eventFiletime(event: ProcessEvent): bigint {
  return (BigInt(event.timeMs) + 11644473600000n) * 10000n + BigInt(event.subMillisecond);
}

const PROVIDER_NAME = value(STRING, Buffer.from('Microsoft-Windows-Sysmon', 'utf16le'));
const PROVIDER_GUID = value(GUID, guidBytes('{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'));
const CHANNEL = value(STRING, Buffer.from('Microsoft-Windows-Sysmon/Operational', 'utf16le'));
const LOCAL_SYSTEM = value(SID, sidBytes('S-1-5-18'));

/** Builds the Sysmon EventID 1 record of each event; templates are made once per field layout. */
export class SysmonEvtxEvents {
  private readonly eventData = new Map<string, EvtxTemplate>();

  /** The record instance of `event` (advances the host's Sysmon record counter, like renderSysmonXml). */
  instance(event: ProcessEvent): EvtxInstance {
    const fields = sysmonFields(event);
    const { recordId, threadId } = nextSysmonRecord(event);
    const key = fields.map(([name]) => name).join(',');
    let template = this.eventData.get(key);
    if (!template) {
      template = eventDataTemplate(fields.map(([name]) => name));
      this.eventData.set(key, template);
    }
    const data: EvtxInstance = { template, values: fields.map(([name, text]) => fieldValue(name, text)) };
    const filetime = eventFiletime(event);
    const time = Buffer.alloc(8);
    time.writeBigUInt64LE(filetime);
    return {
      template: SYSTEM_TEMPLATE,
      values: [
        value(UINT8, uint(1, 4)), // 0 Level
        value(UINT8, uint(1, 0)), // 1 Opcode
        value(UINT16, uint(2, 1)), // 2 Task
        value(UINT16, uint(2, 1)), // 3 EventID
        nullValue, // 4 Qualifiers
        value(HEX_INT64, Buffer.from('0000000000000080', 'hex')), // 5 Keywords 0x8000000000000000
        value(FILETIME, time), // 6 SystemTime
        nullValue, // 7 ActivityID
        value(UINT32, uint(4, event.host.sysmonPid)), // 8 ProcessID
        value(UINT32, uint(4, threadId)), // 9 ThreadID
        value(UINT64, uint(8, recordId)), // 10 EventRecordID
        value(UINT8, uint(1, 5)), // 11 Version
        LOCAL_SYSTEM, // 12 UserID
        nullValue, // 13 RelatedActivityID
        PROVIDER_NAME, // 14
        PROVIDER_GUID, // 15
        CHANNEL, // 16
        { type: BINXML_VALUE, instance: data }, // 17 EventData
        value(STRING, Buffer.from(event.host.computer, 'utf16le')), // 18 Computer
      ],
    };
  }
}
