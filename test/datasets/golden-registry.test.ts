/**
 * Golden Endpoint.Registry rows: the full CIM row of real events, field by field. Each
 * expectation says where it comes from: the add-on rule (SYS810 = TA-microsoft-sysmon 8.1.0,
 * WIN840 = Splunk_TA_windows 8.4.0, GEN = the secondary Sysmon add-on description), the CIM 8.5
 * calculation, or a decision of docs/semantics.md ("Endpoint.Registry"), marked INF.
 */
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { expectRow, fixture, loadRows, onlyRow, tempFile } from './helpers.js';

const REGISTRY = 'Endpoint.Registry';
const SYSMON_SOURCE = { source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', sourcetype: 'XmlWinEventLog' };
/** Sysmon registry events carry no parent and no command line: CIM 8.5 fills (R6). */
const NO_COMMAND_LINES = { parent_process: 'unknown', parent_process_name: 'unknown', process: 'unknown' };
const SYSMON_REGISTRY = { tag: ['change', 'endpoint', 'registry'], vendor_product: 'Microsoft Sysmon', nodename: 'Registry' };

describe('Sysmon EventID 13 (value set)', () => {
  it('T1098 DSRM account: DWORD data lifted out of Details, key path as registry_key_name', async () => {
    const row = await onlyRow(fixture('splunk-attack-data-datasets/T1098_dsrm_account_windows-sysmon.log'), REGISTRY);
    expectRow(row, REGISTRY, {
      _time: '2022-07-20T07:01:49.1290051Z', // TimeCreated/@SystemTime
      host: 'win-dc-root-42062-811.attackrange.local', // Computer
      ...SYSMON_SOURCE,
      action: 'modified', // EVAL-action: EventType SetValue [SYS810]
      dest: 'win-dc-root-42062-811.attackrange.local', // EVAL-dest: Computer [SYS810]
      ...NO_COMMAND_LINES,
      process_exec: 'reg.exe', // replace(Image, folder) [SYS810]
      process_guid: '{5AE44C2C-A85D-62D7-6B23-000000006902}',
      process_id: '32',
      process_name: 'reg.exe',
      process_path: 'C:\\Windows\\system32\\reg.exe',
      registry_hive: 'HKEY_LOCAL_MACHINE\\System', // HKLM\System\ prefix, CIM spelling [INF]
      registry_key_name: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa', // containing key [INF, Q1]
      registry_path: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DSRMAdminLogonBehavior', // TargetObject
      registry_value_data: '0x00000002', // Details `DWORD (0x00000002)` lifted [GEN]
      registry_value_name: 'DSRMAdminLogonBehavior', // leaf of TargetObject [INF]
      registry_value_type: 'DWORD', // type word of Details [INF]
      status: 'success', // Keywords 0x8000000000000000 [INF, GEN]
      user: 'unknown', // the event has no User: CIM fill
      ...SYSMON_REGISTRY,
    });
  });

  it('security_content sample: QWORD data, its two halves kept', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_13.example.log'), REGISTRY);
    expectRow(row, REGISTRY, {
      _time: '2021-07-12T08:11:04.5480835Z',
      host: 'win-host-623.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'modified',
      dest: 'win-host-623.attackrange.local',
      ...NO_COMMAND_LINES,
      process_exec: 'lsass.exe',
      process_guid: '{0C1E0330-048F-60E8-0B00-00000000D001}',
      process_id: '628',
      process_name: 'lsass.exe',
      process_path: 'C:\\Windows\\system32\\lsass.exe',
      registry_hive: 'HKEY_LOCAL_MACHINE\\System',
      registry_key_name: 'HKLM\\System\\CurrentControlSet\\Services\\W32Time\\SecureTimeLimits',
      registry_path: 'HKLM\\System\\CurrentControlSet\\Services\\W32Time\\SecureTimeLimits\\SecureTimeHigh',
      registry_value_data: '0x01d776fd-0xd724b8c5', // `QWORD (0x01d776fd-0xd724b8c5)` [GEN]
      registry_value_name: 'SecureTimeHigh',
      registry_value_type: 'QWORD',
      status: 'success',
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });

  it('remcos agent: `(Empty)` details are kept whole, no type', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/remcos_agent_license.log')], REGISTRY);
    expectRow(rows[0]!, REGISTRY, {
      _time: '2021-09-22T14:21:43.5526298Z', // the file's first line
      host: 'win-client-7895819',
      ...SYSMON_SOURCE,
      action: 'modified',
      dest: 'win-client-7895819',
      ...NO_COMMAND_LINES,
      process_exec: 'remcos_a.exe',
      process_guid: '{51A89197-3BF7-614B-D600-000000000E00}',
      process_id: '264',
      process_name: 'remcos_a.exe',
      process_path: 'C:\\Users\\vagrant\\Desktop\\remcos_a.exe',
      registry_hive: 'HKEY_USERS', // HKU\ prefix
      registry_key_name: 'HKU\\S-1-5-21-1854396824-2342670854-3736740652-1000\\Software\\Remcos-8H18K4',
      registry_path: 'HKU\\S-1-5-21-1854396824-2342670854-3736740652-1000\\Software\\Remcos-8H18K4\\licence',
      registry_value_data: '(Empty)', // no `word (data)` shape: Details as is
      registry_value_name: 'licence',
      registry_value_type: 'unknown', // no type word: CIM fill
      status: 'success',
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });
});

describe('Sysmon EventID 12 (object create and delete)', () => {
  it('T1556 LSA protection: DeleteValue names the deleted value', async () => {
    const row = await onlyRow(fixture('splunk-attack-data-datasets/T1556_disable_lsa_protection_windows-sysmon.log'), REGISTRY);
    expectRow(row, REGISTRY, {
      _time: '2022-08-23T05:22:58.6960744Z',
      host: 'win-host-root-17044-47.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'deleted', // EventType DeleteValue [SYS810]
      dest: 'win-host-root-17044-47.attackrange.local',
      ...NO_COMMAND_LINES,
      process_exec: 'reg.exe',
      process_guid: '{58A7821C-6432-6304-C100-000000007802}',
      process_id: '4388',
      process_name: 'reg.exe',
      process_path: 'C:\\Windows\\system32\\reg.exe',
      registry_hive: 'HKEY_LOCAL_MACHINE\\System',
      registry_key_name: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa',
      registry_path: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\RunAsPPL',
      registry_value_data: 'unknown', // EventID 12 has no Details: CIM fill
      registry_value_name: 'RunAsPPL', // leaf of TargetObject for DeleteValue [INF]
      registry_value_type: 'unknown',
      status: 'success',
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });

  it('security_content sample: DeleteKey names no value', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_12.example.log'), REGISTRY);
    expectRow(row, REGISTRY, {
      _time: '2021-07-12T08:10:32.6070682Z',
      host: 'win-dc-890.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'deleted',
      dest: 'win-dc-890.attackrange.local',
      ...NO_COMMAND_LINES,
      process_exec: 'powershell.exe',
      process_guid: '{466BC892-F8F2-60EB-107E-00000000CF01}',
      process_id: '10188',
      process_name: 'powershell.exe',
      process_path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      registry_hive: 'HKEY_USERS',
      registry_key_name: 'HKU\\S-1-5-21-2333072374-3391925831-3197092227-1112_Classes\\exefile\\shell\\runas',
      registry_path: 'HKU\\S-1-5-21-2333072374-3391925831-3197092227-1112_Classes\\exefile\\shell\\runas\\command',
      registry_value_data: 'unknown',
      registry_value_name: 'unknown', // DeleteKey: no value [INF]
      registry_value_type: 'unknown',
      status: 'success',
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });

  it('OTRF ProxyLogon JSON: the same table, from flattened EventData (CreateKey)', async () => {
    const { rows } = await loadRows([fixture('otrf-proxylogon-json-datasets/proxylogon_one_event_per_id.json')], REGISTRY);
    const createKey = rows.find((row) => row.action === 'created')!;
    expectRow(createKey, REGISTRY, {
      _time: '2021-03-14T01:39:36.219Z', // OTRF TimeCreated
      host: 'MXS01.azsentinel.local', // Hostname
      ...SYSMON_SOURCE, // Channel Microsoft-Windows-Sysmon/Operational
      action: 'created', // EventType CreateKey [SYS810]
      dest: 'MXS01.azsentinel.local',
      ...NO_COMMAND_LINES,
      process_exec: 'MSExchangeHMWorker.exe',
      process_guid: '{6004D249-0957-604D-6019-000000000900}',
      process_id: '12252',
      process_name: 'MSExchangeHMWorker.exe',
      process_path: 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe',
      registry_hive: 'HKEY_LOCAL_MACHINE\\System',
      registry_key_name: 'HKLM\\System\\CurrentControlSet\\Services\\Tcpip',
      registry_path: 'HKLM\\System\\CurrentControlSet\\Services\\Tcpip\\Parameters',
      registry_value_data: 'unknown',
      registry_value_name: 'unknown',
      registry_value_type: 'unknown',
      status: 'success', // Keywords 0x8000000000000000 in the JSON
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });
});

describe('Security 4657 (a registry value was modified)', () => {
  it('T1098 DSRM: the key in kernel form, WIN840 fields only', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/T1098_dsrm_account_windows-security-xml.log')], REGISTRY);
    expectRow(rows[0]!, REGISTRY, {
      _time: '2022-08-23T04:24:27.3046064Z',
      host: 'win-dc-root-17044-552.attackrange.local',
      source: 'XmlWinEventLog:Security', // ta-windows-fix-xml-source
      sourcetype: 'XmlWinEventLog',
      action: 'success', // Keywords 0x8020000000000000 via windows_action_lookup [WIN840; order INF]
      dest: 'win-dc-root-17044-552.attackrange.local', // Computer_as_dest
      ...NO_COMMAND_LINES,
      process_exec: null, // WIN840 sets none for 4657
      process_guid: null,
      process_id: '0x12d0', // ProcessId, hex as logged
      process_name: 'reg.exe', // basename of ProcessName
      process_path: 'C:\\Windows\\System32\\reg.exe',
      registry_hive: null, // not set by WIN840, no CIM calculation
      registry_key_name: 'unknown', // not set by WIN840: CIM fill
      registry_path: '\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001\\Control\\Lsa', // EVAL-registry_path = ObjectName
      registry_value_data: 'unknown',
      registry_value_name: 'DSRMAdminLogonBehavior', // ObjectValueName
      registry_value_type: '%%1876', // NewValueType as rendered
      status: 'success', // `action AS status` of the same lookup
      tag: ['endpoint', 'registry'], // windows_security_endpoint_registry
      user: 'unknown', // no REPORT source in 4657 XML: CIM fill
      vendor_product: 'Microsoft Windows',
      nodename: 'Registry',
    });
  });
});

describe('Sysmon EventID 14 (rename): no public sample, so a derived event', () => {
  it('takes the EventID 12 sample renamed: no action (SYS810 has no branch for 14), no value name', async () => {
    // Derived, not real: the security_content EventID 12 sample with EventID 14, EventType
    // RenameKey and a NewName, the fields Sysmon documents for EventID 14.
    const sample = readFileSync(fixture('security-content-data-sources/sysmon_eventid_12.example.log'), 'utf8')
      .replace('<EventID>12</EventID>', '<EventID>14</EventID>')
      .replace("<Data Name='EventType'>DeleteKey</Data>", "<Data Name='EventType'>RenameKey</Data>")
      .replace('</EventData>', "<Data Name='NewName'>HKU\\x\\renamed</Data></EventData>");
    const row = await onlyRow(tempFile('eid14.log', sample), REGISTRY);
    expectRow(row, REGISTRY, {
      _time: '2021-07-12T08:10:32.6070682Z',
      host: 'win-dc-890.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'unknown', // no EVAL-action branch for 14 [SYS810]: CIM fill
      dest: 'win-dc-890.attackrange.local',
      ...NO_COMMAND_LINES,
      process_exec: 'powershell.exe',
      process_guid: '{466BC892-F8F2-60EB-107E-00000000CF01}',
      process_id: '10188',
      process_name: 'powershell.exe',
      process_path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      registry_hive: 'HKEY_USERS',
      registry_key_name: 'HKU\\S-1-5-21-2333072374-3391925831-3197092227-1112_Classes\\exefile\\shell\\runas',
      registry_path: 'HKU\\S-1-5-21-2333072374-3391925831-3197092227-1112_Classes\\exefile\\shell\\runas\\command', // TargetObject
      registry_value_data: 'unknown',
      registry_value_name: 'unknown',
      registry_value_type: 'unknown',
      status: 'success',
      user: 'unknown',
      ...SYSMON_REGISTRY,
    });
  });
});
