/**
 * Golden Change.All_Changes rows: Security account management (WIN840 lookups' rows per
 * EventCode, cited as facts), the audited 4625, and Sysmon's registry, file and WMI events (CIM
 * 8.5's `tag=change`). Full rows, field by field (docs/semantics.md, "Change.All_Changes").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evtxEventFile, expectRow, fixture, hasEvtxexport, hasSharedData, loadRows, onlyRow, sharedData, tempFile, type CimRow } from './helpers.js';

const CHANGE = 'Change.All_Changes';
const SECURITY_SOURCE = { source: 'XmlWinEventLog:Security', sourcetype: 'XmlWinEventLog' };
const SYSMON_SOURCE = { source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', sourcetype: 'XmlWinEventLog' };
/** Never set for these events: CIM 8.5 fills. */
const UNSET = { command: 'unknown', object_path: 'unknown' };
const ACCOUNT_TAGS = ['account', 'change', 'management'];

const evtxMitre = (name: string): string => fixture('evtx-to-mitre-attack-xml', `${name}.xml`);

async function changeRows(...paths: string[]): Promise<CimRow[]> {
  return (await loadRows(paths, CHANGE)).rows;
}

describe('Security account management', () => {
  it('4794 (windows_ad_dsrm_password_reset): no add-on result, so the signature; Keywords give action and status', async () => {
    const rows = await changeRows(fixture('splunk-attack-data-datasets/T1098_dsrm_account_windows-security-xml.log'));
    expect(rows).toHaveLength(1); // the file's 4657 is tagged endpoint registry, not change
    expectRow(rows[0]!, CHANGE, {
      _time: '2022-08-23T04:24:05.0646893Z',
      host: 'win-dc-root-17044-552.attackrange.local',
      ...SECURITY_SOURCE,
      action: 'success', // no windows_audit_changes row; Keywords 0x8020000000000000 [WIN840, INF order]
      change_type: 'unknown',
      dest: 'win-dc-root-17044-552.attackrange.local',
      dvc: 'win-dc-root-17044-552.attackrange.local', // Computer AS dvc
      object: 'unknown',
      object_attrs: 'unknown',
      object_category: 'unknown',
      object_id: 'unknown',
      result: 'An attempt was made to set the Directory Services Restore Mode administrator password', // CIM result <- signature
      result_id: '4794', // CIM result_id <- signature_id = EventCode
      src: '[fe80::b907:7694:d740:91bb]', // Workstation -> Source_Workstation -> src [WIN840]
      status: 'success',
      tag: ACCOUNT_TAGS,
      user: 'unknown', // no user source in 4794
      user_name: 'unknown',
      user_type: null,
      vendor_product: 'Microsoft Windows',
      ...UNSET,
      nodename: ['All_Changes', 'All_Changes.Account_Management'], // no Accounts_* child: action is success
      'Account_Management.dest_nt_domain': 'unknown', // no TargetDomainName
      'Account_Management.src_nt_domain': 'ATTACKRANGE', // SubjectDomainName
      'Account_Management.src_user': 'Administrator', // SubjectUserName
      'Account_Management.src_user_name': 'unknown', // EVAL-src_user_name does not list 4794
    });
  });

  it('4720 and 4726 (EVTX-to-MITRE, user created then deleted)', async () => {
    const [created, deleted] = await changeRows(evtxMitre('TA0003-Persistence_T1136-Create_account_ID4720-4726_Fast_created-deleted_user'));
    const common = {
      host: 'rootdc1.offsec.lan',
      ...SECURITY_SOURCE,
      dest: 'rootdc1.offsec.lan',
      dvc: 'rootdc1.offsec.lan',
      object_category: 'user', // windows_audit_changes rows 4720, 4726
      src: 'unknown', // no Workstation/WorkstationName/IpAddress
      status: 'success', // Keywords
      user: 'admin-kriss', // TargetUserName
      user_type: null,
      vendor_product: 'Microsoft Windows',
      ...UNSET,
      'Account_Management.dest_nt_domain': 'OFFSEC', // TargetDomainName
      'Account_Management.src_nt_domain': 'OFFSEC',
      'Account_Management.src_user': 'lambda-user',
    };
    expectRow(created!, CHANGE, {
      _time: '2020-07-12T05:10:08.4421929Z',
      ...common,
      action: 'created', // windows_audit_changes 4720,created
      change_type: 'user',
      object: 'unknown', // EVAL-object does not list 4720
      object_attrs: 'unknown', // EVAL-object_attrs = null() for 4720
      object_id: 'unknown',
      result: 'account was created', // xmlsecurity_change_audit_and_account_management 4720
      result_id: '4720',
      tag: ['add', ...ACCOUNT_TAGS],
      user_name: 'unknown',
      nodename: ['All_Changes', 'All_Changes.Account_Management', 'All_Changes.Account_Management.Accounts_Created'],
      'Account_Management.src_user_name': 'unknown',
    });
    expectRow(deleted!, CHANGE, {
      _time: '2020-07-12T05:11:26.4316015Z',
      ...common,
      action: 'deleted', // windows_audit_changes 4726,deleted
      change_type: 'AAA',
      object: 'admin-kriss', // EVAL-object: TargetUserName
      object_attrs: 'account', // xmlsecurity_change_audit_and_account_management 4726
      object_id: 'S-1-5-21-4230534742-2542757381-3142984815-1166', // TargetSid
      result: 'A user account was deleted',
      result_id: '4726',
      tag: ['delete', ...ACCOUNT_TAGS],
      user_name: 'admin-kriss', // EVAL-user_name: TargetUserName
      nodename: ['All_Changes', 'All_Changes.Account_Management', 'All_Changes.Account_Management.Accounts_Deleted'],
      'Account_Management.src_user_name': 'lambda-user', // EVAL-src_user_name: SubjectUserName
    });
  });

  /** The account events whose add-on fields follow one pattern: EVAL-user/object/object_id/user_name, the CSV rows. */
  const updated = (over: CimRow): CimRow => ({
    ...SECURITY_SOURCE,
    action: 'modified',
    change_type: 'AAA',
    object_attrs: 'account',
    object_category: 'user',
    src: 'unknown',
    status: 'success',
    user_type: null,
    vendor_product: 'Microsoft Windows',
    ...UNSET,
    nodename: ['All_Changes', 'All_Changes.Account_Management', 'All_Changes.Account_Management.Accounts_Updated'],
    ...over,
  });

  it('4722 (guest account enabled)', async () => {
    const [row] = await changeRows(evtxMitre('TA0003-Persistence_T1136-Create_account_ID4722-Guest_account_activated'));
    expectRow(row!, CHANGE, {
      _time: '2020-07-12T05:49:36.9982423Z',
      ...updated({}),
      host: 'jump01.offsec.lan',
      dest: 'jump01.offsec.lan',
      dvc: 'jump01.offsec.lan',
      object: 'Guest',
      object_id: 'S-1-5-21-1470532092-3758209836-3742276719-501',
      result: 'A user account was enabled',
      result_id: '4722',
      tag: ['enable', ...ACCOUNT_TAGS],
      user: 'Guest',
      user_name: 'Guest',
      'Account_Management.dest_nt_domain': 'JUMP01',
      'Account_Management.src_nt_domain': 'OFFSEC',
      'Account_Management.src_user': 'admmig',
      'Account_Management.src_user_name': 'admmig',
    });
  });

  it('4724 and 4725 (security_content samples)', async () => {
    const reset = await onlyRow(fixture('security-content-data-sources/windows_event_log_security_4724.example.log'), CHANGE);
    const disabled = await onlyRow(fixture('security-content-data-sources/windows_event_log_security_4725.example.log'), CHANGE);
    const dc = { host: 'ar-win-dc.attackrange.local', dest: 'ar-win-dc.attackrange.local', dvc: 'ar-win-dc.attackrange.local' };
    const subject = {
      'Account_Management.dest_nt_domain': 'ATTACKRANGE',
      'Account_Management.src_nt_domain': 'ATTACKRANGE',
      'Account_Management.src_user': 'Administrator',
      'Account_Management.src_user_name': 'Administrator',
    };
    expectRow(reset, CHANGE, {
      _time: '2024-02-21T18:02:22.7743969Z',
      ...updated(dc),
      object: 'TRUMAN_CLEMENTS',
      object_id: 'ATTACKRANGE\\TRUMAN_CLEMENTS', // TargetSid as Splunk rendered it
      result: "An attempt was made to reset an account's password",
      result_id: '4724',
      tag: ['password', 'modify', ...ACCOUNT_TAGS],
      user: 'TRUMAN_CLEMENTS',
      user_name: 'TRUMAN_CLEMENTS',
      ...subject,
    });
    expectRow(disabled, CHANGE, {
      _time: '2024-02-21T19:20:19.7278582Z',
      ...updated(dc),
      object: 'WILFORD_SUTTON',
      object_id: 'ATTACKRANGE\\WILFORD_SUTTON',
      result: 'A user account was disabled',
      result_id: '4725',
      tag: ACCOUNT_TAGS,
      user: 'WILFORD_SUTTON',
      user_name: 'WILFORD_SUTTON',
      ...subject,
    });
  });

  it('4738 and 4781 (EVTX-to-MITRE, user renamed): 4781 names the new account name', async () => {
    const [changed, renamed] = await changeRows(evtxMitre('TA0003-Persistence_T1098.xxx-Account_manipulation_ID4781-4738-User_renamed_to_admin_or_likely'));
    const offsec = {
      host: 'rootdc1.offsec.lan',
      dest: 'rootdc1.offsec.lan',
      dvc: 'rootdc1.offsec.lan',
      object: 'adminupn42',
      object_id: 'S-1-5-21-4230534742-2542757381-3142984815-1239',
      user: 'adminupn42',
      user_name: 'adminupn42',
      'Account_Management.dest_nt_domain': 'OFFSEC',
      'Account_Management.src_nt_domain': 'OFFSEC',
      'Account_Management.src_user': 'admmig',
      'Account_Management.src_user_name': 'admmig',
    };
    expectRow(changed!, CHANGE, {
      _time: '2021-04-26T08:46:53.0268057Z',
      ...updated(offsec),
      object_attrs: 'unknown', // EVAL-object_attrs = null() for 4738
      result: 'A user account was changed',
      result_id: '4738',
      tag: ['modify', ...ACCOUNT_TAGS],
    });
    expectRow(renamed!, CHANGE, {
      _time: '2021-04-26T08:46:53.0268337Z',
      ...updated(offsec), // NewTargetUserName adminupn42 [EVAL-user/object/user_name for 4781]
      result: 'The name of an account was changed',
      result_id: '4781',
      tag: ACCOUNT_TAGS,
    });
  });

  it('4741 and 4742 (computer accounts): user_type computer; object_attrs is SamAccountName when the event has one', async () => {
    const [created] = await changeRows(evtxMitre('TA0003-Persistence_T1136-Create_account_ID4741-Computer_account_created_with_privileges'));
    const [changed] = await changeRows(
      evtxMitre('TA0003-Persistence_T1098.xxx-Account_manipulation_ID4742_5136-Enable_Trust_this_computer_for_delegation__to_any_service__Kerberos_only_'),
    );
    const computer = {
      ...SECURITY_SOURCE,
      host: 'rootdc1.offsec.lan',
      change_type: 'user', // windows_audit_changes 4741, 4742
      dest: 'rootdc1.offsec.lan',
      dvc: 'rootdc1.offsec.lan',
      object: 'unknown',
      object_category: 'user',
      object_id: 'unknown',
      src: 'unknown',
      status: 'success',
      user_name: 'unknown',
      user_type: 'computer', // EVAL-user_type
      vendor_product: 'Microsoft Windows',
      ...UNSET,
      'Account_Management.dest_nt_domain': 'OFFSEC',
      'Account_Management.src_nt_domain': 'OFFSEC',
      'Account_Management.src_user_name': 'unknown',
    };
    expectRow(created!, CHANGE, {
      _time: '2021-12-14T14:42:48.8179333Z',
      ...computer,
      action: 'created',
      object_attrs: 'compnay-88$', // EVAL-object_attrs: SamAccountName, before the lookup's OUTPUTNEW
      result: 'account was created',
      result_id: '4741',
      tag: ['add', ...ACCOUNT_TAGS],
      user: 'compnay-88$',
      nodename: ['All_Changes', 'All_Changes.Account_Management', 'All_Changes.Account_Management.Accounts_Created'],
      'Account_Management.src_user': 'hack1',
    });
    expectRow(changed!, CHANGE, {
      _time: '2021-04-26T09:02:53.1494987Z',
      ...computer,
      action: 'modified',
      object_attrs: '-', // SamAccountName "-" is a value
      result: 'account was changed',
      result_id: '4742',
      tag: ['modify', ...ACCOUNT_TAGS],
      user: 'MYTARGET-PC$',
      nodename: ['All_Changes', 'All_Changes.Account_Management', 'All_Changes.Account_Management.Accounts_Updated'],
      'Account_Management.src_user': 'admmig',
    });
  });
});

describe('Security 4625 in Change: only an audited Status', () => {
  const sample = readFileSync(fixture('security-content-data-sources/windows_event_log_security_4625.example.log'), 'utf8');

  it('Status 0xc000006d is not in windows_audit_log_logon: no Change row (real sample)', async () => {
    expect(await changeRows(fixture('security-content-data-sources/windows_event_log_security_4625.example.log'))).toEqual([]);
  });

  it('Status 0xC0000234 (account locked out) is: tags audit change, Auditing_Changes (derived from the sample)', async () => {
    // Derived, not real: the sample with the locked-out Status.
    const row = await onlyRow(tempFile('4625.log', sample.replace("<Data Name='Status'>0xc000006d</Data>", "<Data Name='Status'>0xc0000234</Data>")), CHANGE);
    expectRow(row, CHANGE, {
      _time: '2023-03-22T20:25:15.5946764Z',
      host: 'ar-win-8.attackrange.local',
      ...SECURITY_SOURCE,
      action: 'failure', // Keywords 0x8010000000000000
      change_type: 'unknown',
      dest: 'ar-win-8.attackrange.local',
      dvc: 'ar-win-8.attackrange.local',
      object: 'unknown',
      object_attrs: 'unknown',
      object_category: 'unknown',
      object_id: 'unknown',
      result: 'An account failed to log on', // signature: SubStatus 0xc000006a is not an encoded substatus text
      result_id: '4625',
      src: 'unknown', // WorkstationName "-" wins Source_Workstation, then no src [WIN840]
      status: 'failure',
      tag: ['audit', 'change'],
      user: 'Administrator',
      user_name: 'unknown',
      user_type: null,
      vendor_product: 'Microsoft Windows',
      ...UNSET,
      nodename: ['All_Changes', 'All_Changes.Auditing_Changes'],
      // Not in Account_Management: its fields are null.
      'Account_Management.dest_nt_domain': null,
      'Account_Management.src_nt_domain': null,
      'Account_Management.src_user': null,
      'Account_Management.src_user_name': null,
    });
  });
});

const SYSMON_CHANGE = {
  ...SYSMON_SOURCE,
  change_type: 'unknown',
  command: 'unknown',
  dvc: 'unknown',
  object_attrs: 'unknown',
  object_id: 'unknown',
  src: 'unknown',
  user_name: 'unknown',
  user_type: null,
  vendor_product: 'Microsoft Sysmon',
  nodename: ['All_Changes', 'All_Changes.Endpoint_Changes', 'All_Changes.Endpoint_Changes.Other_Endpoint_Changes'],
  'Account_Management.dest_nt_domain': null,
  'Account_Management.src_nt_domain': null,
  'Account_Management.src_user': null,
  'Account_Management.src_user_name': null,
};

describe('Sysmon events in Change (CIM 8.5 tag=change)', () => {
  it('EventID 13 (security_content sample): object is the value, object_path the whole path', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_13.example.log'), CHANGE);
    expectRow(row, CHANGE, {
      _time: '2021-07-12T08:11:04.5480835Z',
      host: 'win-host-623.attackrange.local',
      ...SYSMON_CHANGE,
      action: 'modified',
      dest: 'win-host-623.attackrange.local',
      object: 'SecureTimeHigh', // [sysmon-registry] leaf of TargetObject [SYS810]
      object_category: 'registry', // EVAL-object_category [SYS810]
      object_path: 'HKLM\\System\\CurrentControlSet\\Services\\W32Time\\SecureTimeLimits\\SecureTimeHigh', // EVAL-object_path
      result: 'Registry value set', // eventcode.csv description [INF]
      result_id: '13',
      status: 'success',
      tag: ['change', 'endpoint', 'registry'],
      user: 'unknown',
    });
  });

  it('EventID 11 (security_content sample) and 23: object_category file', async () => {
    const created = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_11.example.log'), CHANGE);
    expectRow(created, CHANGE, {
      _time: '2023-02-08T13:01:11.0659395Z',
      host: 'win-dc-mhaag-attack-range-84.attackrange.local',
      ...SYSMON_CHANGE,
      action: 'created',
      dest: 'win-dc-mhaag-attack-range-84.attackrange.local',
      object: 'unknown', // [sysmon-filename] extracts file_name, not object
      object_category: 'file',
      object_path: 'unknown', // EVAL-object_path lists 12, 13, 14 only
      result: 'File Created', // the EventDescription SYS810's EVAL-action compares with
      result_id: '11',
      status: 'unknown', // Sysmon status is the registry events' [INF]
      tag: ['change', 'endpoint', 'filesystem'],
      user: 'unknown',
    });
    const deleted = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_23.example.log'), CHANGE);
    expect([deleted.action, deleted.object_category, deleted.result, deleted.result_id, deleted.user]).toEqual([
      'deleted',
      'file',
      'File Delete archived',
      '23',
      'ATTACKRANGE\\Administrator',
    ]);
  });

  it('EventID 20 and 21 (security_content samples): WMI, no dest (SYS810 sets none)', async () => {
    const consumer = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_20.example.log'), CHANGE);
    expectRow(consumer, CHANGE, {
      _time: '2020-12-08T13:54:48.5176988Z',
      host: 'win-dc-935.attackrange.local',
      ...SYSMON_CHANGE,
      action: 'unknown',
      dest: 'unknown',
      object: 'unknown',
      object_category: 'wmi',
      object_path: 'unknown',
      result: 'WmiEventConsumer activity detected',
      result_id: '20',
      status: 'success',
      tag: ['change', 'endpoint'], // ms-sysmon-wmimod
      user: 'ATTACKRANGE\\Administrator',
    });
    const binding = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_21.example.log'), CHANGE);
    expect([binding.object_category, binding.result, binding.result_id, binding.user]).toEqual([
      'wmi',
      'WmiEventConsumerToFilter activity detected',
      '21',
      'WIN-HOST-14\\Administrator',
    ]);
  });

  it.skipIf(!hasSharedData || !hasEvtxexport)('EventID 19 and 2 (GPL samples in ../shared, through evtxexport)', async () => {
    const samples = resolve(sharedData, 'evtx-attack-samples/evtx');
    const filter = await onlyRow(evtxEventFile(resolve(samples, 'AutomatedTestingTools_PanacheSysmon_vs_AtomicRedTeam01.evtx'), '19'), CHANGE);
    expect([filter.object_category, filter.result, filter.result_id, filter.user, filter.dest]).toEqual([
      'wmi',
      'WmiEventFilter activity detected',
      '19',
      'MSEDGEWIN10\\IEUser',
      'unknown',
    ]);
    const timestomp = await onlyRow(
      evtxEventFile(resolve(samples, 'AutomatedTestingTools_Malware_DE_timestomp_and_dll_sideloading_and_RunPersist.evtx'), '2'),
      CHANGE,
    );
    expect([timestomp.action, timestomp.object_category, timestomp.result, timestomp.result_id, timestomp.dest]).toEqual([
      'modified',
      'file',
      'File creation time changed',
      '2',
      'IEWIN7',
    ]);
  });
});

describe('account events with no public sample: derived from a sibling event', () => {
  /** The 4725 sample as another EventCode: the same fields, as Windows logs them for 4723, 4767 and 4743. */
  const sibling = (eventId: string): string =>
    readFileSync(fixture('security-content-data-sources/windows_event_log_security_4725.example.log'), 'utf8').replace('<EventID>4725</EventID>', `<EventID>${eventId}</EventID>`);

  it.each([
    ['4723', 'modified', "An attempt was made to change an account's password", 'AAA', 'account', ['password', 'modify', ...ACCOUNT_TAGS]],
    ['4767', 'modified', 'A user account was unlocked', 'AAA', 'account', ['modify', ...ACCOUNT_TAGS]],
    ['4743', 'deleted', 'account was deleted', 'user', 'computer account', ['delete', ...ACCOUNT_TAGS]],
    ['4740', 'modified', 'lockout', 'user', 'unknown', ['lock', 'lockout', ...ACCOUNT_TAGS]],
  ])('%s', async (eventId, action, result, changeType, objectAttrs, tags) => {
    const row = await onlyRow(tempFile(`${eventId}.log`, sibling(eventId)), CHANGE);
    expect({ action: row.action, result: row.result, result_id: row.result_id, change_type: row.change_type, object_attrs: row.object_attrs, tag: row.tag }).toEqual({
      action, // windows_audit_changes row
      result, // xmlsecurity_change_audit_and_account_management row
      result_id: eventId,
      change_type: changeType,
      object_attrs: objectAttrs,
      tag: tags,
    });
    expect(row.user).toBe('WILFORD_SUTTON');
  });

  it('4740 is in Account_Lockouts (result="lockout")', async () => {
    const row = await onlyRow(tempFile('4740.log', sibling('4740')), CHANGE);
    expect(row.nodename).toEqual([
      'All_Changes',
      'All_Changes.Account_Management',
      'All_Changes.Account_Management.Account_Lockouts',
      'All_Changes.Account_Management.Accounts_Updated',
    ]);
  });
});
