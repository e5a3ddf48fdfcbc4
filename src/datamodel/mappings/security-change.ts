/**
 * Windows Security account management events -> Change.All_Changes, as Splunk_TA_windows 8.4.0's
 * eventtypes, tags and lookups and the CIM map them (research issue13-mappings.md §7; values
 * per EventCode from the add-on's windows_audit_changes.csv and
 * xmlsecurity_change_audit_and_account_management.csv rows, cited as facts, not copied as tables).
 */
import type { MappingRule, MappingTable } from '../mapping-table.js';
import {
  keywordsOutcome,
  SECURITY_DEST,
  SECURITY_DEST_NT_DOMAIN,
  SECURITY_SRC,
  SECURITY_SRC_NT_DOMAIN,
  SECURITY_SRC_USER,
  SECURITY_VENDOR_PRODUCT,
} from './security-common.js';
import { SECURITY_CHANNEL, SECURITY_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

const AUDIT_CHANGES = 'windows_audit_changes.csv row';
const CHANGE_RESULTS = 'xmlsecurity_change_audit_and_account_management.csv row';

/** What one EventCode's rows say; a field not given is not set by the add-on (CIM fills unknown). */
interface AccountChange {
  eventId: string;
  description: string;
  tags: string;
  /** The raw field the user is. */
  user?: string;
  action?: string;
  /** The add-on's result; without one the CIM takes the signature. */
  result?: string;
  signature?: string;
  /** object = user_name = the user field; object_id = TargetSid (EVAL-object, EVAL-object_id, EVAL-user_name). */
  objectIsUser?: boolean;
  objectAttrs?: string;
  objectCategory?: string;
  changeType?: string;
  userType?: string;
}

const ACCOUNT_CHANGES: readonly AccountChange[] = [
  { eventId: '4720', description: 'A user account was created', tags: 'add account change management', user: 'TargetUserName', action: 'created', result: 'account was created', objectCategory: 'user', changeType: 'user' },
  { eventId: '4722', description: 'A user account was enabled', tags: 'enable account change management', user: 'TargetUserName', action: 'modified', result: 'A user account was enabled', objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4723', description: "An attempt was made to change an account's password", tags: 'password modify account change management', user: 'TargetUserName', action: 'modified', result: "An attempt was made to change an account's password", objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4724', description: "An attempt was made to reset an account's password", tags: 'password modify account change management', user: 'TargetUserName', action: 'modified', result: "An attempt was made to reset an account's password", objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4725', description: 'A user account was disabled', tags: 'account change management', user: 'TargetUserName', action: 'modified', result: 'A user account was disabled', objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4726', description: 'A user account was deleted', tags: 'delete account change management', user: 'TargetUserName', action: 'deleted', result: 'A user account was deleted', objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4738', description: 'A user account was changed', tags: 'modify account change management', user: 'TargetUserName', action: 'modified', result: 'A user account was changed', objectIsUser: true, objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4740', description: 'A user account was locked out', tags: 'lock lockout account change management', user: 'TargetUserName', action: 'modified', result: 'lockout', objectCategory: 'user', changeType: 'user' },
  { eventId: '4741', description: 'A computer account was created', tags: 'add account change management', user: 'TargetUserName', action: 'created', result: 'account was created', objectAttrs: 'computer account', objectCategory: 'user', changeType: 'user', userType: 'computer' },
  { eventId: '4742', description: 'A computer account was changed', tags: 'modify account change management', user: 'TargetUserName', action: 'modified', result: 'account was changed', objectAttrs: 'computer account', objectCategory: 'user', changeType: 'user', userType: 'computer' },
  { eventId: '4743', description: 'A computer account was deleted', tags: 'delete account change management', user: 'TargetUserName', action: 'deleted', result: 'account was deleted', objectAttrs: 'computer account', objectCategory: 'user', changeType: 'user', userType: 'computer' },
  { eventId: '4767', description: 'A user account was unlocked', tags: 'modify account change management', user: 'TargetUserName', action: 'modified', result: 'A user account was unlocked', objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  { eventId: '4781', description: 'The name of an account was changed', tags: 'account change management', user: 'NewTargetUserName', action: 'modified', result: 'The name of an account was changed', objectIsUser: true, objectAttrs: 'account', objectCategory: 'user', changeType: 'AAA' },
  {
    eventId: '4794',
    description: 'An attempt was made to set the Directory Services Restore Mode administrator password',
    tags: 'account change management',
    signature: 'An attempt was made to set the Directory Services Restore Mode administrator password',
  },
];

const constant = (field: string, value: string, source: string): MappingRule => ({ field, transform: 'constant', from: [], value, source });

function accountChangeRules(change: AccountChange): MappingRule[] {
  const { eventId } = change;
  const rules: MappingRule[] = [
    ...XML_WIN_EVENT_LOG_METADATA,
    {
      field: 'tag',
      transform: 'tags',
      from: [],
      value: change.tags,
      source: `the eventtypes of EventCode ${eventId} (windows_account_management and the per-event ones) -> their tags [CONF WIN840 eventtypes.conf, tags.conf]`,
    },
    SECURITY_DEST,
    { field: 'dvc', transform: 'alias', from: ['Computer'], source: 'FIELDALIAS-dvc_for_windows = ...,Computer AS dvc [CONF WIN840]' },
    SECURITY_SRC,
    keywordsOutcome('status'),
    { field: 'result_id', transform: 'alias', from: ['EventID'], source: 'CIM result_id <- signature_id; EVAL-signature_id = EventCode [CONF CIM85, WIN840]' },
    SECURITY_VENDOR_PRODUCT,
    { ...SECURITY_SRC_USER, field: 'Account_Management.src_user' },
    { ...SECURITY_SRC_NT_DOMAIN, field: 'Account_Management.src_nt_domain' },
    { ...SECURITY_DEST_NT_DOMAIN, field: 'Account_Management.dest_nt_domain' },
  ];
  if (change.user) {
    rules.push({ field: 'user', transform: 'alias', from: [change.user], source: `user = ${change.user} (REPORT Target_User_Name_as_user or EVAL-user for ${eventId}) [CONF WIN840]` });
  }
  rules.push(
    change.action
      ? constant('action', change.action, `LOOKUP-action_for_windows0 (windows_audit_changes) ${AUDIT_CHANGES} ${eventId}: ${change.action} [CONF WIN840; lookup order INF]`)
      : { ...keywordsOutcome('action'), source: `${keywordsOutcome('action').source}; no windows_audit_changes row for ${eventId}` },
  );
  if (change.result) rules.push(constant('result', change.result, `LOOKUP xmlsecurity_change_audit_and_account_management: ${CHANGE_RESULTS} ${eventId} [CONF WIN840]`));
  else if (change.signature) {
    rules.push(
      constant(
        'result',
        change.signature,
        `CIM result <- signature: the windows_signatures.csv text for ${eventId}, as published detections match it [CONF CIM85; text SRC SC windows_ad_dsrm_password_reset]`,
      ),
    );
  }
  if (change.objectIsUser && change.user) {
    rules.push({ field: 'object', transform: 'alias', from: [change.user], source: `EVAL-object = case(EventCode IN (...${eventId}...), ${change.user}) [CONF WIN840]` });
    rules.push({ field: 'object_id', transform: 'alias', from: ['TargetSid'], source: `EVAL-object_id = case(EventCode IN (...${eventId}...), TargetSid) [CONF WIN840]` });
    rules.push({ field: 'user_name', transform: 'alias', from: [change.user], source: `EVAL-user_name = case(EventCode IN (...${eventId}...), ${change.user}) [CONF WIN840]` });
    rules.push({
      field: 'Account_Management.src_user_name',
      transform: 'alias',
      from: ['SubjectUserName'],
      source: `EVAL-src_user_name = case(EventCode IN (...${eventId}...), SubjectUserName) [CONF WIN840]`,
    });
  }
  if (change.objectAttrs) {
    rules.push({
      field: 'object_attrs',
      transform: 'alias_or_value',
      from: ['SamAccountName'],
      value: change.objectAttrs,
      source: `EVAL-object_attrs = ...if(isnotnull(SamAccountName), SamAccountName, object_attrs) runs before LOOKUP-object_for_windows3_security OUTPUTNEW object_attrs (${CHANGE_RESULTS} ${eventId}: ${change.objectAttrs}) [CONF WIN840]`,
    });
  }
  if (change.objectCategory) rules.push(constant('object_category', change.objectCategory, `${AUDIT_CHANGES} ${eventId}: object_category [CONF WIN840]`));
  if (change.changeType) rules.push(constant('change_type', change.changeType, `${AUDIT_CHANGES} ${eventId}: change_type [CONF WIN840]`));
  if (change.userType) rules.push(constant('user_type', change.userType, `EVAL-user_type = case(EventCode IN (4741, 4742, 4743), "computer") [CONF WIN840]`));
  return rules;
}

function accountChangeTable(change: AccountChange): MappingTable {
  return {
    name: `security-${change.eventId}`,
    description: `Windows Security ${change.eventId} (${change.description}), provider ${SECURITY_PROVIDER}`,
    dataset: 'Change.All_Changes',
    match: { shape: 'windows', provider: SECURITY_PROVIDER, channel: SECURITY_CHANNEL, eventIds: [change.eventId] },
    time: WINDOWS_EVENT_TIME,
    required: ['SubjectUserName'],
    rules: accountChangeRules(change),
  };
}

export const SECURITY_ACCOUNT_CHANGE_TABLES: readonly MappingTable[] = ACCOUNT_CHANGES.map(accountChangeTable);

/**
 * The 4625 Status values for which eventtype windows_audit_log_logon tags a failed logon `audit
 * change` ([windows_audit_log_logon] ta_windows_status list; ta_windows_status = Status) [CONF Splunk_TA_windows 8.4.0].
 */
const AUDITED_LOGON_STATUS = '0xC0000064,0xC000006A,0xC000006F,0xC0000070,0xC0000071,0xC0000072,0XC000018C,0XC0000192,0xC0000193,0xC0000234,0XC00002EE,0XC0000413';

export const SECURITY_4625_SIGNATURE: MappingRule = {
  field: 'signature',
  transform: 'value_map_nocase',
  from: ['SubStatus'],
  value: '0xC0000064=>User name does not exist;*=>An account failed to log on',
  source:
    'LOOKUP-signature_for_windows = windows_signature_lookup2 signature_id,Sub_Status OUTPUTNEW signature (the substatus text; only 0xC0000064 encoded), else windows_signature_lookup: the 4625 title [CONF WIN840; order and texts INF]',
};

export const SECURITY_LOGON_FAILURE_CHANGE: MappingTable = {
  name: 'security-4625-change',
  description: `Windows Security 4625 (An account failed to log on) with an audited Status, provider ${SECURITY_PROVIDER}`,
  dataset: 'Change.All_Changes',
  match: { shape: 'windows', provider: SECURITY_PROVIDER, channel: SECURITY_CHANNEL, eventIds: ['4625'] },
  time: WINDOWS_EVENT_TIME,
  // As for Authentication: the eventtype needs the EventCode only, so an empty account is a row.
  required: ['Computer'],
  rules: [
    ...XML_WIN_EVENT_LOG_METADATA,
    {
      field: 'tag',
      transform: 'tags_if_in',
      from: ['Status'],
      value: `${AUDITED_LOGON_STATUS}=>audit change`,
      source: 'eventtype windows_audit_log_logon (4625 with ta_windows_status in its list, any case) -> tags audit, change; other 4625s are not in Change [CONF WIN840]',
    },
    SECURITY_DEST,
    { field: 'dvc', transform: 'alias', from: ['Computer'], source: 'FIELDALIAS-dvc_for_windows = ...,Computer AS dvc [CONF WIN840]' },
    SECURITY_SRC,
    { field: 'user', transform: 'alias', from: ['TargetUserName'], source: 'REPORT Target_User_Name_as_user [CONF WIN840]' },
    keywordsOutcome('action'),
    keywordsOutcome('status'),
    { ...SECURITY_4625_SIGNATURE, field: 'result', source: `CIM result <- signature; ${SECURITY_4625_SIGNATURE.source}` },
    { field: 'result_id', transform: 'alias', from: ['EventID'], source: 'CIM result_id <- signature_id; EVAL-signature_id = EventCode [CONF CIM85, WIN840]' },
    SECURITY_VENDOR_PRODUCT,
  ],
};
