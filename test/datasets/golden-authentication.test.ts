/**
 * Golden Authentication.Authentication rows: the full CIM row of real Security events, field by
 * field, with the source of each expectation (WIN840 = Splunk_TA_windows 8.4.0 props.conf
 * `[source::XmlWinEventLog:Security]`; docs/semantics.md, "Authentication.Authentication").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectRow, fixture, loadRows, onlyRow, tempFile, type CimRow } from './helpers.js';

const AUTHENTICATION = 'Authentication.Authentication';
const SECURITY_SOURCE = { source: 'XmlWinEventLog:Security', sourcetype: 'XmlWinEventLog' };
const RESULT = { result: 'unknown' }; // no add-on result: CIM 8.5 fill
const SUCCESSFUL = ['Authentication', 'Authentication.Successful_Authentication'];
const FAILED = ['Authentication', 'Authentication.Failed_Authentication'];
const PRIVILEGED = [
  ...SUCCESSFUL,
  'Authentication.Privileged_Authentication',
  'Authentication.Privileged_Authentication.Successful_Privileged_Authentication',
];

const sample = (eventId: string): string => fixture('security-content-data-sources', `windows_event_log_security_${eventId}.example.log`);
const brute = fixture('evtx-to-mitre-attack-xml/TA0006-Credential_Access_T1110.xxx-Brut_force_ID4625-OpenSSH_brutforce_with_non_existing_users.xml');

async function bruteRows(): Promise<CimRow[]> {
  return (await loadRows([brute], AUTHENTICATION)).rows;
}

describe('4624 (logon)', () => {
  it('security_content sample: network logon of a user', async () => {
    expectRow(await onlyRow(sample('4624'), AUTHENTICATION), AUTHENTICATION, {
      _time: '2023-03-23T19:15:28.3373125Z',
      host: 'ar-win-7.attackrange.local',
      ...SECURITY_SOURCE,
      action: 'success', // Keywords 0x8020000000000000 [WIN840 windows_action_lookup]
      app: 'win:remote', // Logon_Type 3 [WIN840 windows_apps rows]
      dest: 'ar-win-7.attackrange.local', // Computer_as_dest
      dest_nt_domain: 'ATTACKRANGE.LOCAL', // TargetDomainName
      process: '-', // EXTRACT ProcessName [^<]+ takes "-"
      ...RESULT,
      session_id: '0x0', // SubjectLogonId
      signature: 'An account was successfully logged on', // 4624's title [INF]
      signature_id: '4624',
      src: 'unknown', // WorkstationName "-" wins Source_Workstation; no src [WIN840]
      src_nt_domain: '-', // SubjectDomainName
      src_user: 'unknown', // SubjectUserName "-" fails (?!^-$) [WIN840]: CIM fill
      tag: 'authentication', // windows_logon_success
      user: 'ELMER_SALAS', // TargetUserName
      nodename: SUCCESSFUL,
    });
  });

  it("a machine account's successful logon is outside the root constraint NOT (action=success user=*$)", async () => {
    const machine = readFileSync(sample('4624'), 'utf8').replace("<Data Name='TargetUserName'>ELMER_SALAS</Data>", "<Data Name='TargetUserName'>AR-WIN-7$</Data>");
    const { rows, report } = await loadRows([tempFile('machine.log', machine)], AUTHENTICATION);
    expect(rows).toEqual([]);
    expect(report.skippedCount).toBe(0); // read by its table, then not in the dataset
  });
});

describe('4625 (failed logon)', () => {
  it('EVTX-to-MITRE OpenSSH brute force: the substatus text as signature, FS01 as src', async () => {
    const failed = (await bruteRows()).filter((row) => row.signature_id === '4625');
    expect(failed).toHaveLength(5);
    expectRow(failed[0]!, AUTHENTICATION, {
      _time: '2021-05-20T12:49:52.3157891Z',
      host: 'fs01.offsec.lan',
      ...SECURITY_SOURCE,
      action: 'failure', // Keywords 0x8010000000000000
      app: 'win:remote', // Logon_Type 8
      dest: 'fs01.offsec.lan',
      dest_nt_domain: 'FS01',
      process: 'C:\\Program Files\\OpenSSH-Win64\\sshd.exe',
      ...RESULT,
      session_id: '0x00000000000003e7', // as evtxexport renders SubjectLogonId (Windows: 0x3e7)
      signature: 'User name does not exist', // windows_signature_lookup2 on SubStatus 0xc0000064 [WIN840 comment]
      signature_id: '4625',
      src: 'FS01', // WorkstationName
      src_nt_domain: 'OFFSEC',
      src_user: 'FS01$',
      tag: 'authentication', // windows_logon_failure: Status 0xc000006d is not an `error` status
      user: 'NOUSER',
      nodename: FAILED,
    });
  });

  it('Status 0XC0000133 (clock skew) makes ta_windows_action error: not tagged authentication, no row (derived)', async () => {
    const skew = readFileSync(sample('4625'), 'utf8').replace("<Data Name='Status'>0xc000006d</Data>", "<Data Name='Status'>0xc0000133</Data>");
    expect((await loadRows([tempFile('skew.log', skew)], AUTHENTICATION)).rows).toEqual([]);
  });
});

describe('4648 (explicit credentials) and 4672 (special privileges): privileged', () => {
  it('security_content 4648: TargetServerName is dest, win:remote by EventCode', async () => {
    expectRow(await onlyRow(sample('4648'), AUTHENTICATION), AUTHENTICATION, {
      _time: '2022-09-08T21:33:47.8136737Z',
      host: 'win-host-mvelazco-02713-447.attackrange.local',
      ...SECURITY_SOURCE,
      action: 'success',
      app: 'win:remote', // windows_apps EventCode 4648 [WIN840]
      dest: 'win-dc-mvelazco-02713-392.attackrange.local', // Target_Server_Name_as_dest before Computer_as_dest
      dest_nt_domain: 'attackrange.local',
      process: null, // empty ProcessName: no field
      ...RESULT,
      session_id: '0x1360f2',
      signature: 'A logon was attempted using explicit credentials',
      signature_id: '4648',
      src: '10.0.1.14', // IpAddress (no Workstation, no WorkstationName)
      src_nt_domain: 'ATTACKRANGE',
      src_user: 'reed_larsen',
      tag: ['authentication', 'privileged'], // windows_logon_explicit
      user: 'STEVE_BRADFORD',
      nodename: PRIVILEGED,
    });
  });

  it('EVTX-to-MITRE 4672: no TargetUserName, so user unknown', async () => {
    const [privileges] = (await bruteRows()).filter((row) => row.signature_id === '4672');
    expectRow(privileges!, AUTHENTICATION, {
      _time: '2021-05-20T12:49:46.8761188Z',
      host: 'fs01.offsec.lan',
      ...SECURITY_SOURCE,
      action: 'success',
      app: 'win:unknown', // no Logon_Type: the source row [WIN840]
      dest: 'fs01.offsec.lan',
      dest_nt_domain: null,
      process: null,
      ...RESULT,
      session_id: '0x0000000003c569ed',
      signature: 'Special privileges assigned to new logon',
      signature_id: '4672',
      src: 'unknown',
      src_nt_domain: 'VIRTUAL USERS',
      src_user: 'sshd_5848', // SubjectUserName
      tag: ['authentication', 'privileged'], // windows_special_privileges
      user: 'unknown', // none of REPORT-user_for_windows_security's sources is in 4672 XML [WIN840]
      nodename: PRIVILEGED,
    });
  });
});

describe('Kerberos and NTLM', () => {
  it('4768 (attack_data AS-REP roasting): IpAddress as src, success', async () => {
    const row = await onlyRow(fixture('splunk-attack-data-datasets/T1558.004_as-rep-roasting-detection.log'), AUTHENTICATION);
    expectRow(row, AUTHENTICATION, {
      _time: '2025-10-23T15:14:48.5074584Z',
      host: 'DC.example.com',
      ...SECURITY_SOURCE,
      action: 'success',
      app: 'win:unknown',
      dest: 'DC.example.com',
      dest_nt_domain: 'example.COM',
      process: null,
      ...RESULT,
      session_id: null,
      signature: 'A Kerberos authentication ticket (TGT) was requested',
      signature_id: '4768',
      src: '::ffff:192.168.184.200', // IpAddress, as logged
      src_nt_domain: null,
      src_user: 'unknown',
      tag: 'authentication', // windows_auth_ticket_granted
      user: 'mahdi',
      nodename: SUCCESSFUL,
    });
  });

  it.each([
    ['4768', 'failure', 'RXETPKZH', '::ffff:10.0.1.15', 'attackrange.local', 'A Kerberos authentication ticket (TGT) was requested', FAILED],
    ['4769', 'success', 'AR-WIN-2$@ATTACKRANGE.LOCAL', '::ffff:10.0.1.15', 'ATTACKRANGE.LOCAL', 'A Kerberos service ticket was requested', SUCCESSFUL],
    ['4771', 'failure', 'ALLISON_WATERS', '::ffff:10.0.1.15', null, 'Kerberos pre-authentication failed', FAILED],
    ['4776', 'failure', 'KSYLEFUA', 'WIN-HOST-MVELAZ', null, 'The computer attempted to validate the credentials for an account', FAILED],
  ])('security_content %s', async (eventId, action, user, src, destDomain, signature, nodename) => {
    const row = await onlyRow(sample(eventId), AUTHENTICATION);
    const host = eventId === '4769' ? 'ar-win-dc.attackrange.local' : 'win-dc-mvelazco-02713-392.attackrange.local';
    const times: Record<string, string> = {
      '4768': '2022-09-08T18:16:25.601071Z',
      '4769': '2024-04-09T01:00:49.1430038Z',
      '4771': '2022-09-08T17:44:20.5541794Z',
      '4776': '2022-09-08T19:03:50.0576003Z',
    };
    expectRow(row, AUTHENTICATION, {
      _time: times[eventId]!,
      host,
      ...SECURITY_SOURCE,
      action, // Keywords: Audit Failure 0x8010... / Audit Success 0x8020...
      app: 'win:unknown',
      dest: host,
      dest_nt_domain: destDomain,
      process: null,
      ...RESULT,
      session_id: null,
      signature,
      signature_id: eventId,
      src, // IpAddress, or Workstation for 4776
      src_nt_domain: null,
      src_user: 'unknown',
      tag: 'authentication',
      user, // AR-WIN-2$@ATTACKRANGE.LOCAL does not end in $: the root constraint keeps its success
      nodename,
    });
  });

  it('4777, derived from the 4776 sample (no public sample)', async () => {
    const failed = readFileSync(sample('4776'), 'utf8').replace('<EventID>4776</EventID>', '<EventID>4777</EventID>');
    const row = await onlyRow(tempFile('4777.log', failed), AUTHENTICATION);
    expect([row.signature, row.signature_id, row.action, row.user, row.src]).toEqual([
      'The domain controller failed to validate the credentials for an account',
      '4777',
      'failure',
      'KSYLEFUA',
      'WIN-HOST-MVELAZ',
    ]);
  });
});

describe('OTRF ProxyLogon JSON', () => {
  it('4624, 4648 and 4672 through the same tables', async () => {
    const { rows } = await loadRows([fixture('otrf-proxylogon-json-datasets/proxylogon_one_event_per_id.json')], AUTHENTICATION);
    expect(rows.map((row) => [row.signature_id, row.action, row.user, row.app])).toEqual([
      ['4624', 'success', 'HealthMailbox28ea308', 'win:remote'],
      ['4648', 'success', 'HealthMailbox28ea308e40024e60bd8b472f93eb9a96@azsentinel.local', 'win:remote'],
      ['4672', 'success', 'unknown', 'win:unknown'],
    ]);
  });
});
