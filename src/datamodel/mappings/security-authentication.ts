/**
 * Windows Security logon and Kerberos/NTLM events -> Authentication.Authentication, as
 * Splunk_TA_windows 8.4.0 and the CIM map them (research issue13-mappings.md §8).
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import {
  keywordsOutcome,
  SECURITY_DEST,
  SECURITY_DEST_NT_DOMAIN,
  SECURITY_SRC,
  SECURITY_SRC_NT_DOMAIN,
  SECURITY_SRC_USER,
  signatureText,
} from './security-common.js';
import { SECURITY_4625_SIGNATURE } from './security-change.js';
import { SECURITY_CHANNEL, SECURITY_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

interface Logon {
  eventId: string;
  /** The event's title: the add-on's signature for it. */
  title: string;
  eventtype: string;
  tags: string;
  /** A rule for `tag` other than the constant tags (4625). */
  tagRule?: MappingRule;
  signature?: MappingRule;
  dest?: MappingRule;
}

const LOGONS: readonly Logon[] = [
  { eventId: '4624', title: 'An account was successfully logged on', eventtype: 'windows_logon_success', tags: 'authentication' },
  {
    eventId: '4625',
    title: 'An account failed to log on',
    eventtype: 'windows_logon_failure',
    tags: 'authentication',
    tagRule: {
      field: 'tag',
      transform: 'tags_unless_in',
      from: ['Status'],
      value: '0xC0000133,0xC0000225=>authentication',
      source:
        'eventtype windows_logon_failure requires ta_windows_action!=error; EVAL-ta_windows_action gives error for Status 0XC0000133, 0XC0000225 -> tag authentication otherwise [CONF WIN840]',
    },
    signature: SECURITY_4625_SIGNATURE,
  },
  {
    eventId: '4648',
    title: 'A logon was attempted using explicit credentials',
    eventtype: 'windows_logon_explicit',
    tags: 'authentication privileged',
    dest: {
      field: 'dest',
      transform: 'windows_server_or_computer',
      from: ['TargetServerName', 'Computer'],
      source: 'REPORT-dest_for_windows_security = Target_Server_Name_as_dest (REGEX (?:[\\\\]+)?([^-].*)),Computer_as_dest [CONF WIN840]',
    },
  },
  { eventId: '4672', title: 'Special privileges assigned to new logon', eventtype: 'windows_special_privileges', tags: 'authentication privileged' },
  { eventId: '4768', title: 'A Kerberos authentication ticket (TGT) was requested', eventtype: 'windows_auth_ticket_granted', tags: 'authentication' },
  { eventId: '4769', title: 'A Kerberos service ticket was requested', eventtype: 'windows_service_ticket_granted', tags: 'authentication' },
  { eventId: '4771', title: 'Kerberos pre-authentication failed', eventtype: 'windows_pre_auth_failed', tags: 'authentication' },
  { eventId: '4776', title: 'The computer attempted to validate the credentials for an account', eventtype: 'windows_account_used4logon', tags: 'authentication' },
  { eventId: '4777', title: 'The domain controller failed to validate the credentials for an account', eventtype: 'windows_account_used4logon', tags: 'authentication' },
];

function logonTable(logon: Logon): MappingTable {
  const { eventId } = logon;
  return {
    name: `security-${eventId}`,
    description: `Windows Security ${eventId} (${logon.title}), provider ${SECURITY_PROVIDER}`,
    dataset: 'Authentication.Authentication',
    match: { shape: 'windows', provider: SECURITY_PROVIDER, channel: SECURITY_CHANNEL, eventIds: [eventId] },
    time: WINDOWS_EVENT_TIME,
    // The eventtype matches on EventCode alone (eventtypes.conf): an event whose user is empty
    // (`<Data Name='TargetUserName'/>`, as a failed Kerberos request writes) is still a row, user
    // unknown; only the System part every event has is required.
    required: ['Computer'],
    rules: [
      ...XML_WIN_EVENT_LOG_METADATA,
      logon.tagRule ?? {
        field: 'tag',
        transform: 'tags',
        from: [],
        value: logon.tags,
        source: `eventtype ${logon.eventtype} (EventCode ${eventId}) -> tags ${logon.tags.split(' ').join(', ')} [CONF WIN840 eventtypes.conf, tags.conf]`,
      },
      keywordsOutcome('action'),
      {
        field: 'app',
        transform: 'windows_logon_app',
        from: ['EventID', 'LogonType'],
        source: 'LOOKUP-app0..app4_for_windows_security on windows_apps.csv: EventCode 4648 win:remote, then Logon_Type (3, 8, 10 win:remote; 0, 1 win:unknown; others win:local), then source win:unknown [CONF WIN840]',
      },
      logon.dest ?? SECURITY_DEST,
      SECURITY_SRC,
      SECURITY_SRC_USER,
      { field: 'user', transform: 'alias', from: ['TargetUserName'], source: 'REPORT Target_User_Name_as_user, REGEX (.+) on TargetUserName ("-" kept) [CONF WIN840]' },
      logon.signature ?? signatureText('signature', logon.title, eventId),
      { field: 'signature_id', transform: 'alias', from: ['EventID'], source: 'EVAL-signature_id = if(SourceName="Microsoft-Windows-WindowsUpdateClient",signature_id,EventCode) [CONF WIN840]' },
      { field: 'session_id', transform: 'alias', from: ['SubjectLogonId'], source: 'REPORT-session_id_for_windows_security = Logon_ID_as_session_id (SubjectLogonId) [CONF WIN840]' },
      { field: 'process', transform: 'alias', from: ['ProcessName'], source: "EXTRACT-process_for_windows_security_from_xml = <Data Name='ProcessName'>(?<process>[^<]+) [CONF WIN840]" },
      SECURITY_SRC_NT_DOMAIN,
      SECURITY_DEST_NT_DOMAIN,
    ],
  };
}

export const SECURITY_AUTHENTICATION_TABLES: readonly MappingTable[] = LOGONS.map(logonTable);
