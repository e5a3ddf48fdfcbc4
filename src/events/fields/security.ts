/**
 * The Windows add-on's `[source::XmlWinEventLog:Security]` stanza: Splunk_TA_windows 8.4.0
 * default/props.conf l.231-371 and the transforms it names. The add-on's lookups (action, status,
 * signature) are Splunk-licensed and not copied: `status`/`action` are derived from the event's
 * audit keyword, as Microsoft documents it (docs/semantics.md "Event fields").
 */
import { alias, basename, codeIn, constant, first, type FieldRule, type FieldTable, type FieldValue } from '../field-rule.js';

const WIN840 = 'WIN840 props.conf [source::XmlWinEventLog:Security]';

/** `(?!^-$)(.+)`: the value unless it is `-` (transforms.conf [Caller_User_Name_as_src_user] and alike). */
function notDash(value: FieldValue | undefined): string | null {
  const v = first(value ?? null);
  return v === null || v === '-' || v === '' ? null : v;
}

/** A REPORT chain: the first of `from` that has a value (not `-`). */
function chain(field: string, from: readonly string[], source: string): FieldRule {
  return { field, from, value: (values) => values.map(notDash).find((v) => v !== null) ?? null, source };
}

const ACCOUNT_CHANGE = [4703, 4704, 4705, 4722, 4723, 4724, 4725, 4726, 4738, 4767];

/** Microsoft's Keywords bits: 0x0020000000000000 Audit Success, 0x0010000000000000 Audit Failure (Windows SDK winmeta.xml). */
function auditOutcome(keywords: FieldValue | undefined): string | null {
  const k = first(keywords ?? null);
  if (k === null || !/^0x[0-9a-f]+$/i.test(k)) return null;
  const value = BigInt(k);
  if ((value & 0x0020000000000000n) !== 0n) return 'success';
  if ((value & 0x0010000000000000n) !== 0n) return 'failure';
  return null;
}

export const SECURITY: FieldTable = {
  name: '[source::XmlWinEventLog:Security]',
  appliesTo: (source) => source === 'xmlwineventlog:security' || source === 'wineventlog:security',
  rules: [
    alias('Logon_ID', 'SubjectLogonId', `${WIN840} REPORT-Logon_ID_from_xml`),
    alias('Caller_User_Name', 'SubjectUserName', `${WIN840} REPORT-Caller_User_Name_from_xml`),
    alias('Caller_Domain', 'SubjectDomainName', `${WIN840} REPORT-Caller_Domain_from_xml`),
    alias('Target_User_Name', 'TargetUserName', `${WIN840} REPORT-Target_User_Name_from_xml`),
    alias('Target_Domain', 'TargetDomainName', `${WIN840} REPORT-Target_Domain_from_xml`),
    alias('Logon_Type', 'LogonType', `${WIN840} REPORT-Logon_Type_from_xml`),
    alias('Source_Port', 'IpPort', `${WIN840} REPORT-Source_Port_from_xml`),
    alias('Target_Server_Name', 'TargetServerName', `${WIN840} REPORT-Target_Server_Name_from_xml`),
    alias('Token_Elevation_Type', 'TokenElevationType', `${WIN840} REPORT-Token_Elevation_Type_from_xml`),
    chain('Source_Workstation', ['Workstation', 'WorkstationName', 'IpAddress'], `${WIN840} REPORT-Source_Workstation_from_xml`),
    chain('session_id', ['SubjectLogonId'], `${WIN840} REPORT-session_id_for_windows_security (Logon_ID_as_session_id)`),
    chain('dest', ['TargetServerName', 'Computer'], `${WIN840} REPORT-dest_for_windows_security = Target_Server_Name_as_dest,Computer_as_dest`),
    chain('dest_nt_domain', ['TargetDomainName'], `${WIN840} REPORT-dest_nt_domain_for_windows_security, EVAL-dest_nt_domain = nullif(dest_nt_domain,"-")`),
    chain('src', ['Workstation', 'WorkstationName', 'IpAddress'], `${WIN840} REPORT-src_for_windows_security (Source_Workstation_as_src first)`),
    chain('src_nt_domain', ['SubjectDomainName'], `${WIN840} REPORT-src_nt_domain_for_windows_security (Caller_Domain_as_src_nt_domain)`),
    chain('src_nt_host', ['Workstation', 'WorkstationName', 'IpAddress'], `${WIN840} REPORT-src_nt_host_for_windows_security`),
    {
      field: 'src_user',
      from: ['EventCode', 'SubjectUserName'],
      value: ([code, subject]) => (codeIn(code ?? null, [...ACCOUNT_CHANGE, 4781]) ? (subject ?? null) : notDash(subject)),
      source: `${WIN840} REPORT-src_user_for_windows_security (Caller_User_Name_as_src_user first, REGEX (?!^-$)(.+)), then EVAL-src_user (ADDON-42191)`,
    },
    {
      field: 'user',
      from: ['EventCode', 'TargetUserName', 'NewTargetUserName', 'SubjectUserName', 'User'],
      value: ([code, target, newTarget, subject, user]) => {
        if (codeIn(code ?? null, ACCOUNT_CHANGE)) return target ?? null;
        if (codeIn(code ?? null, [4781])) return newTarget ?? null;
        if (codeIn(code ?? null, [4674, 4689, 4673, 4697])) return notDash(subject);
        const reported = notDash(target) ?? notDash(user);
        if (codeIn(code ?? null, [4688])) return reported ?? notDash(subject);
        return reported;
      },
      source: `${WIN840} REPORT-user_for_windows_security (Target_User_Name_as_user, User_as_user), then EVAL-user (ADDON-42191)`,
    },
    alias('src_port', 'IpPort', `${WIN840} FIELDALIAS-src_port_for_windows_security (Source_Port AS src_port)`),
    {
      field: 'src_ip',
      from: ['IpAddress'],
      value: ([ip]) => {
        const v = first(ip ?? null);
        return v === null || v === '::1' || v === '127.0.0.1' || v === '' ? null : v;
      },
      source: `${WIN840} EXTRACT-1IpAddress_for_windows_security_from_xml (not ::1, not 127.0.0.1)`,
    },
    {
      field: 'Error_Code',
      from: ['Status'],
      value: ([status]) => status ?? '-',
      source: `${WIN840} EVAL-Error_Code = case(isnotnull(Status), Status, isnotnull(Error_Code), Error_Code, 1==1, "-")`,
    },
    { field: 'status', from: ['Keywords'], value: ([k]) => auditOutcome(k), source: 'INF: in place of the Splunk-licensed action lookups, the audit keyword (Keywords bit 0x0020000000000000 Audit Success, 0x0010000000000000 Audit Failure)' },
    {
      field: 'action',
      from: ['EventCode', 'Keywords'],
      value: ([code, k]) => (codeIn(code ?? null, [4688]) && first(k ?? null) === '0x8020000000000000' ? 'allowed' : auditOutcome(k)),
      source: `${WIN840} EVAL-action (4688 allowed); INF: the audit keyword otherwise, in place of the licensed lookups`,
    },
    alias('process', 'ProcessName', `${WIN840} EXTRACT-process_for_windows_security_from_xml, EVAL-process (coalesce(process, Process, ProcessName))`),
    {
      field: 'process_path',
      from: ['EventCode', 'NewProcessName', 'TargetProcessName', 'ProcessName'],
      value: ([code, created, target, name]) => (codeIn(code ?? null, [4688]) ? (created ?? null) : codeIn(code ?? null, [4696]) ? (target ?? null) : (name ?? null)),
      source: `${WIN840} EVAL-process_path`,
    },
    {
      field: 'process_id',
      from: ['EventCode', 'NewProcessId', 'TargetProcessId', 'ProcessId'],
      value: ([code, created, target, id]) => (codeIn(code ?? null, [4688]) ? (created ?? null) : codeIn(code ?? null, [4696]) ? (target ?? null) : (id ?? null)),
      source: `${WIN840} EXTRACT-process_id_for_windows_security_from_xml, EVAL-process_id`,
    },
    {
      field: 'process_name',
      from: ['EventCode', 'NewProcessName', 'TargetProcessName', 'ProcessName'],
      value: ([code, created, target, name]) => {
        const path = first(codeIn(code ?? null, [4688]) ? (created ?? null) : codeIn(code ?? null, [4696]) ? (target ?? null) : (name ?? null));
        if (path === null) return null;
        return codeIn(code ?? null, [4688, 4696, 4689, 4674, 4673]) ? basename(path) : path;
      },
      source: `${WIN840} EVAL-process_name (basename for 4688/4696/4689/4674/4673, ProcessName otherwise)`,
    },
    {
      field: 'object_file_path',
      from: ['ObjectName'],
      value: ([name]) => {
        const v = first(name ?? null);
        return v === null || v.startsWith('-') ? null : v;
      },
      source: 'WIN840 transforms.conf [object_file_name_and_path_from_ObjectName_for_xml] ^((?:.*[\\\\/]+)*([^-].*))$',
    },
    {
      field: 'object_file_name',
      from: ['ObjectName'],
      value: ([name]) => {
        const v = first(name ?? null);
        if (v === null) return null;
        const m = /^((?:.*[\\/]+)*([^-].*))$/.exec(v);
        return m ? m[2]! : null;
      },
      source: 'WIN840 transforms.conf [object_file_name_and_path_from_ObjectName_for_xml]',
    },
    {
      field: 'file_name',
      from: ['ObjectType', 'ObjectName', 'ShareName'],
      value: ([type, name, share]) => {
        const v = first(name ?? null);
        const m = v === null ? null : /^((?:.*[\\/]+)*([^-].*))$/.exec(v);
        return first(type ?? null) === 'File' && m ? m[2]! : (share ?? null);
      },
      source: `${WIN840} EVAL-file_name = coalesce(file_name,if(ObjectType=="File",object_file_name,null()),ShareName)`,
    },
    {
      field: 'file_path',
      from: ['ObjectType', 'ObjectName', 'ShareLocalPath'],
      value: ([type, name, local]) => (first(type ?? null) === 'File' && first(name ?? null) !== null && !first(name ?? null)!.startsWith('-') ? name! : (local ?? null)),
      source: `${WIN840} EVAL-file_path`,
    },
    {
      field: 'Group_Name',
      from: ['EventCode', 'TargetUserName'],
      value: ([code, target]) => {
        const c = Number(first(code ?? null));
        const group = (c >= 4727 && c <= 4735) || c === 4737 || (c >= 4744 && c <= 4764) || c === 4799;
        return group && target ? target : null;
      },
      source: `${WIN840} EVAL-Group_Name`,
    },
    { field: 'user_type', from: ['EventCode'], value: ([c]) => (codeIn(c ?? null, [4741, 4742, 4743]) ? 'computer' : null), source: `${WIN840} EVAL-user_type` },
    {
      field: 'object',
      from: ['EventCode', 'TargetUserName', 'NewTargetUserName'],
      value: ([c, t, n]) => (codeIn(c ?? null, ACCOUNT_CHANGE) ? (t ?? null) : codeIn(c ?? null, [4781]) ? (n ?? null) : null),
      source: `${WIN840} EVAL-object (ADDON-42191)`,
    },
    { field: 'user_group', from: ['TargetUserName'], value: ([t]) => t ?? null, source: `${WIN840} EVAL-user_group = coalesce(TargetUserName,...)` },
    constant('vendor', 'Microsoft', `${WIN840} EVAL-vendor`),
    constant('product', 'Windows', `${WIN840} EVAL-product`),
  ],
};
