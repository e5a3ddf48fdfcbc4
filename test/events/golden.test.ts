/**
 * One real event per channel the raw detections read, field by field. The expected XML fields are
 * those the Windows add-on's generic transforms give (Splunk_TA_windows 8.4.0 transforms.conf
 * [system_props_xml_kv], [system_props_xml_attributes], [eventdata_xml_data], with MV_ADD,
 * CLEAN_KEYS and KEEP_EMPTY_VALS=false), worked out by an independent script over the same events
 * (docs/research/issue14-fields.md §7); the derived ones cite their add-on setting. Absent fields
 * are asserted too.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/index.js';
import type { EventStore } from '../../src/events/store.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/events');

async function firstEvent(file: string, options: { source?: string } = {}): Promise<{ store: EventStore; get: (field: string) => unknown }> {
  const { events } = await loadData({ data: [path.join(fixtures, file)], ...options });
  return { store: events, get: (field) => events.value(field, 0) };
}

function expectFields(get: (field: string) => unknown, expected: Record<string, string | string[]>, absent: readonly string[]): void {
  for (const [field, value] of Object.entries(expected)) expect(get(field), field).toEqual(value);
  for (const field of absent) expect(get(field), `${field} is absent`).toBeNull();
}

describe('golden events, one per channel', () => {
  it('Sysmon 13 (T1098_dsrm_account_windows-sysmon.log line 1)', async () => {
    const { store, get } = await firstEvent('sysmon-13.log');
    expect(store.rowCount).toBe(1);
    expectFields(
      get,
      {
        // [system_props_xml_kv] / [system_props_xml_attributes] / [eventdata_xml_data]
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'win-dc-root-42062-811.attackrange.local',
        Details: 'DWORD (0x00000002)',
        EventCode: '13',
        EventID: '13',
        EventRecordID: '262912',
        EventType: 'SetValue',
        Guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
        Image: 'C:\\Windows\\system32\\reg.exe',
        Keywords: '0x8000000000000000',
        Level: '4',
        Name: 'Microsoft-Windows-Sysmon',
        Opcode: '0',
        ProcessGuid: '{5AE44C2C-A85D-62D7-6B23-000000006902}',
        ProcessID: '2424',
        ProcessId: '32',
        RuleName: 'T1101',
        SystemTime: '2022-07-20T07:01:49.129005400Z',
        TargetObject: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DSRMAdminLogonBehavior',
        Task: '13',
        ThreadID: '2192',
        UserID: 'S-1-5-18',
        UtcTime: '2022-07-20 07:01:49.126',
        Version: '2',
        // [XmlWinEventLog] aliases and EVALs
        RecordNumber: '262912',
        event_id: '262912',
        id: '262912',
        dvc: 'win-dc-root-42062-811.attackrange.local',
        user_id: 'S-1-5-18',
        signature_id: '13',
        // Sysmon add-on (SYS810 props.conf)
        dest: 'win-dc-root-42062-811.attackrange.local',
        process_name: 'reg.exe',
        process_path: 'C:\\Windows\\system32\\reg.exe',
        process_id: '32',
        process_guid: '{5AE44C2C-A85D-62D7-6B23-000000006902}',
        action: 'modified',
        object_category: 'registry',
        registry_path: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DSRMAdminLogonBehavior',
        registry_key_name: 'DSRMAdminLogonBehavior',
        registry_value_name: 'DWORD (0x00000002)',
        SecurityID: 'S-1-5-18',
        vendor_product: 'Microsoft Sysmon',
        // metadata
        source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        sourcetype: 'XmlWinEventLog',
        host: 'win-dc-root-42062-811.attackrange.local',
        index: 'main',
        linecount: '1',
      },
      ['user', 'OpCode', 'CommandLine'],
    );
  });

  it('Security 5136 (T1207_mimikatz_windows-security-xml.log line 1)', async () => {
    const { get } = await firstEvent('security-5136.log');
    expectFields(
      get,
      {
        ActivityID: '{4EC0CCF2-B67B-0004-F8CC-C04E7BB6D801}',
        AppCorrelationID: '-',
        AttributeLDAPDisplayName: 'servicePrincipalName',
        AttributeSyntaxOID: '2.5.5.12',
        AttributeValue: 'GC/win-host-root-17044-47.attackrange.local/attackrange.local',
        Channel: 'Security',
        Computer: 'win-dc-root-17044-552.attackrange.local',
        DSName: 'attackrange.local',
        DSType: '%%14676',
        EventCode: '5136',
        EventID: '5136',
        EventRecordID: '817989',
        Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
        Keywords: '0x8020000000000000',
        Level: '0',
        Name: 'Microsoft-Windows-Security-Auditing',
        ObjectClass: 'computer',
        ObjectDN: 'CN=WIN-HOST-ROOT-1,CN=Computers,DC=attackrange,DC=local',
        OpCorrelationID: '{4EF2372F-3122-47AD-B1FB-E4A0FA9DAB18}',
        OperationType: '%%14675',
        ProcessID: '612',
        SubjectDomainName: 'ATTACKRANGE',
        SubjectLogonId: '0x5dac2d',
        SubjectUserName: 'Administrator',
        SystemTime: '2022-08-23T03:35:28.677945100Z',
        Task: '14081',
        ThreadID: '5560',
        Version: '0',
        RecordNumber: '817989',
        signature_id: '5136',
        vendor_product: 'Microsoft Windows',
        // [source::XmlWinEventLog:Security]
        Logon_ID: '0x5dac2d',
        Caller_User_Name: 'Administrator',
        Caller_Domain: 'ATTACKRANGE',
        src_user: 'Administrator',
        src_nt_domain: 'ATTACKRANGE',
        dest: 'win-dc-root-17044-552.attackrange.local',
        Error_Code: '-',
        vendor: 'Microsoft',
        product: 'Windows',
        source: 'XmlWinEventLog:Security',
        eventtype: ['wineventlog_security', 'wineventlog_windows'],
      },
      ['UserID', 'user_id'],
    );
  });

  it('PowerShell 4104 (T1649_certify_esc1_abuse_powershell.log line 1): the empty Path gives no field', async () => {
    const { get } = await firstEvent('powershell-4104.log');
    expectFields(
      get,
      {
        ActivityID: '{3e02b68e-9971-0006-a41b-063e7199d901}',
        Channel: 'Microsoft-Windows-PowerShell/Operational',
        Computer: 'attack_pc.attack_range.local',
        EventCode: '4104',
        EventRecordID: '1350025',
        Keywords: '0x0',
        Level: '5',
        MessageNumber: '1',
        MessageTotal: '1',
        Opcode: '15',
        ProcessID: '18992',
        ScriptBlockId: '35cc5131-c1e3-4308-81aa-517eb2fec231',
        ScriptBlockText:
          '[Certify.Program]::Main("request /ca:cert_authority.attack_range.local\\Attack Range Cert Authority /template:cert_authority.attack_range.local\\Attack Range Cert Authority /altuser:victim_admin_user".Split())',
        Task: '2',
        ThreadID: '14176',
        UserID: 'S-1-5-21-522199786-2069634556-312552118-87710',
        user_id: 'S-1-5-21-522199786-2069634556-312552118-87710',
        Version: '1',
        source: 'XmlWinEventLog:Microsoft-Windows-PowerShell/Operational',
      },
      ['Path', 'dest', 'user', 'OpCode'],
    );
  });

  it('Defender 1121 (data_sources example_log): CLEAN_KEYS names, empty values absent, --source as attack_data declares it', async () => {
    const { get } = await firstEvent('defender-1121.log', { source: 'WinEventLog:Microsoft-Windows-Windows Defender/Operational' });
    expectFields(
      get,
      {
        Channel: 'Microsoft-Windows-Windows Defender/Operational',
        Computer: 'researchvmhaa',
        Detection_Time: '2023-11-20T16:29:48.984Z',
        Engine_Version: '1.1.23100.2009',
        EventCode: '1121',
        ID: '3B576869-A4EC-4529-8536-B80A7769E899',
        id: '2975',
        Inhertiance_Flags: '0x00000000',
        Path: 'C:\\Users\\research\\AppData\\Local\\Temp\\script.vbs',
        Process_Name: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
        Product_Name: 'Microsoft Defender Antivirus',
        Product_Version: '4.18.23100.2009',
        RuleType: 'ENT\\ConsR',
        Security_intelligence_Version: '1.401.912.0',
        User: 'researchvmhaa\\research',
        UserID: 'S-1-5-18',
        source: 'WinEventLog:Microsoft-Windows-Windows Defender/Operational',
        host: 'researchvmhaa',
      },
      ['Unused', 'Target_Commandline', 'Involved_File'],
    );
    expect(String(get('Parent_Commandline'))).toMatch(/^"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD\.EXE" ?/);
  });

  it('System 7045 (a .evtx, CC0): EventID with Qualifiers gives no EventID field, EventCode all the same', async () => {
    const { events: store } = await loadData({ data: [path.join(fixtures, 'system-7045.evtx')] });
    const row = [...Array(store.rowCount).keys()].find((r) => store.value('EventRecordID', r) === '9459');
    expect(row).toBeDefined();
    const get = (field: string): unknown => store.value(field, row!);
    expectFields(
      get,
      {
        AccountName: 'LocalSystem',
        Channel: 'System',
        Computer: 'fs02.offsec.lan',
        EventCode: '7045',
        EventSourceName: 'Service Control Manager',
        ImagePath: 'virusé.exe',
        Qualifiers: '16384',
        ServiceName: 'bad-task',
        ServiceType: 'user mode service',
        StartType: 'demand start',
        service: 'bad-task',
        service_name: 'bad-task',
        dest: 'fs02.offsec.lan',
        Error_Code: '-',
        start_mode: 'manual',
        source: 'XmlWinEventLog:System',
        eventtype: ['wineventlog_system', 'wineventlog_windows', 'windows_endpoint_services'],
      },
      ['EventID'],
    );
    // evtx input is rendered in Splunk's one-line, single-quoted form.
    expect(store.raw(row!)).toMatch(/^<Event xmlns='http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event'><System><Provider Name='Service Control Manager'/);
  });
});
