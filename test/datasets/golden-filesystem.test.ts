/**
 * Golden Endpoint.Filesystem rows (Sysmon 11, 2, 23, 26; Sysmon for Linux 11, 23): the full CIM
 * row, field by field, with the source of each expectation (docs/semantics.md, "Endpoint.Filesystem").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { evtxEventFile, expectRow, fixture, hasEvtxexport, hasSharedData, loadRows, onlyRow, sharedData, tempFile } from './helpers.js';

const FILESYSTEM = 'Endpoint.Filesystem';
const SYSMON_SOURCE = { source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', sourcetype: 'XmlWinEventLog' };
/** CIM 8.5 fills of fields Sysmon file events never carry, and its name calculations (R6). */
const CIM_FILLS = { file_acl: 'unknown', file_size: null, parent_process: 'unknown', parent_process_name: 'unknown', process: 'unknown' };
const SYSMON_FILE = { tag: ['change', 'endpoint', 'filesystem'], vendor_product: 'Microsoft Sysmon', nodename: 'Filesystem' };

describe('Sysmon EventID 11 (FileCreate)', () => {
  it('RTLO attachment (detect_rtlo_in_file_name): the stream suffix and U+202E kept in file_name', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/outlook_attachment_rtlo_events.log')], FILESYSTEM);
    const zoneIdentifier = rows.find((row) => String(row.file_name).endsWith('xcod.htm:Zone.Identifier'))!;
    expectRow(zoneIdentifier, FILESYSTEM, {
      _time: '2023-04-04T18:45:10.912465Z',
      host: 'victim.lan.local',
      ...SYSMON_SOURCE,
      action: 'modified', // UtcTime 2023-04-04 18:45:10.912 differs from CreationUtcTime [GEN]
      dest: 'victim.lan.local', // EVAL-dest: Computer [SYS810]
      ...CIM_FILLS,
      file_create_time: '2023-01-30 14:10:56.000', // CreationUtcTime as logged [SYS810]
      file_hash: 'unknown', // EventID 11 has no hash: CIM fill
      file_modify_time: null,
      file_name: 'test_malware\u202Excod.htm:Zone.Identifier', // [^\\]+$ on TargetFilename [SYS810]
      file_path: 'C:\\Users\\ADMIN\\Desktop\\test_malware\u202Excod.htm:Zone.Identifier', // TargetFilename
      process_exec: 'Explorer.EXE',
      process_guid: '{4E601973-C7BE-63E3-8F00-000000005000}',
      process_id: '5808',
      process_name: 'Explorer.EXE',
      process_path: 'C:\\Windows\\Explorer.EXE',
      user: 'unknown', // no User in this Sysmon version: CIM fill
      ...SYSMON_FILE,
    });
  });

  it('security_content sample: created when UtcTime equals CreationUtcTime', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_11.example.log'), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2023-02-08T13:01:11.0659395Z',
      host: 'win-dc-mhaag-attack-range-84.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'created', // UtcTime = CreationUtcTime = 2023-02-08 13:01:11.053 [GEN]
      dest: 'win-dc-mhaag-attack-range-84.attackrange.local',
      ...CIM_FILLS,
      file_create_time: '2023-02-08 13:01:11.053',
      file_hash: 'unknown',
      file_modify_time: null,
      file_name: 'CURRENT_USER_My_4_atomic@art2.local.pfx',
      file_path: 'C:\\Users\\Administrator\\Downloads\\mimikatz_trunk\\x64\\CURRENT_USER_My_4_atomic@art2.local.pfx',
      process_exec: 'mimikatz.exe',
      process_guid: '{0F9A6540-A70E-63E2-3091-00000000BD02}',
      process_id: '9332',
      process_name: 'mimikatz.exe',
      process_path: 'C:\\Users\\Administrator\\Downloads\\mimikatz_trunk\\x64\\mimikatz.exe',
      user: 'unknown',
      ...SYSMON_FILE,
    });
  });
});

describe('Sysmon EventID 23 (FileDelete, archived)', () => {
  it('security_content sample: deleted, with the whole Hashes text and the deletion time', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_23.example.log'), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2023-02-01T10:57:09.815326Z',
      host: 'win-dc-ctus-attack-range-865.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'deleted', // [INF: the event is a deletion]
      dest: 'win-dc-ctus-attack-range-865.attackrange.local',
      ...CIM_FILLS,
      file_create_time: null, // EventID 23 has no CreationUtcTime
      file_hash:
        'MD5=75E78E4BF561031D39F86143753400FF,SHA256=1758085A61527B427C4380F0C976D29A8BEE889F2AC480C356A3F166433BF70E,IMPHASH=BF380CA954CBF10D1A4CEF9EC18E46FD', // Hashes [INF]
      file_modify_time: '2023-02-01 10:57:09.814', // UtcTime [INF]
      file_name: 'vcruntime140_1.dll',
      file_path: 'C:\\Python311\\vcruntime140_1.dll',
      process_exec: 'swiftslicer.exe', // SYS810's case() predates 23: same rule [INF]
      process_guid: '{F522A29C-446D-63DA-9F01-00000000BB02}',
      process_id: '2428',
      process_name: 'swiftslicer.exe',
      process_path: 'C:\\Temp\\swiftslicer.exe',
      user: 'ATTACKRANGE\\Administrator', // User [SYS810 FIELDALIAS]
      ...SYSMON_FILE,
    });
  });

  it('OTRF ProxyLogon JSON: the same table from flattened EventData', async () => {
    const { rows } = await loadRows([fixture('otrf-proxylogon-json-datasets/proxylogon_one_event_per_id.json')], FILESYSTEM);
    const deleted = rows.find((row) => row.action === 'deleted')!;
    expectRow(deleted, FILESYSTEM, {
      _time: '2021-03-14T01:40:15.304Z',
      host: 'MXS01.azsentinel.local',
      ...SYSMON_SOURCE,
      action: 'deleted',
      dest: 'MXS01.azsentinel.local',
      ...CIM_FILLS,
      file_create_time: null,
      file_hash:
        'SHA1=DA39A3EE5E6B4B0D3255BFEF95601890AFD80709,MD5=D41D8CD98F00B204E9800998ECF8427E,SHA256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,IMPHASH=00000000000000000000000000000000',
      file_modify_time: '2021-03-14 06:40:15.299',
      file_name: 'RES37C9.tmp',
      file_path: 'C:\\Windows\\Temp\\RES37C9.tmp',
      process_exec: 'cvtres.exe',
      process_guid: '{6004D249-AFCF-604D-2827-000000000900}',
      process_id: '15300',
      process_name: 'cvtres.exe',
      process_path: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\cvtres.exe',
      user: 'NT AUTHORITY\\SYSTEM',
      ...SYSMON_FILE,
    });
  });
});

describe.skipIf(!hasSharedData || !hasEvtxexport)('Sysmon EventID 2 (file creation time changed), GPL sample in ../shared read through evtxexport', () => {
  it('timestomp: modified, the new creation time as file_create_time', async () => {
    const evtx = resolve(sharedData, 'evtx-attack-samples/evtx/AutomatedTestingTools_Malware_DE_timestomp_and_dll_sideloading_and_RunPersist.evtx');
    const row = await onlyRow(evtxEventFile(evtx, '2'), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2019-04-27T15:57:53.6501132Z',
      host: 'IEWIN7',
      ...SYSMON_SOURCE,
      action: 'modified', // [INF: the creation time was changed]
      dest: 'IEWIN7', // Computer [INF: SYS810's dest list lacks 2]
      ...CIM_FILLS,
      file_create_time: '2013-09-04 16:29:27.000', // CreationUtcTime, the forged time [SYS810]
      file_hash: 'unknown',
      file_modify_time: null,
      file_name: 'NvSmart.exe',
      file_path: 'C:\\Users\\IEUser\\AppData\\Roaming\\NvSmart.exe',
      process_exec: 'Flash_update.exe', // SYS810 case() lists 2
      process_guid: '{365ABB72-7C01-5CC4-0000-00102B3E0C00}',
      process_id: '2680',
      process_name: 'Flash_update.exe',
      process_path: 'C:\\Users\\IEUser\\Downloads\\Flash_update.exe',
      user: 'unknown',
      ...SYSMON_FILE,
    });
  });
});

describe('Sysmon EventID 26 (FileDeleteDetected): no public sample, so a derived event', () => {
  it('takes the EventID 23 sample as 26: deleted, as 23', async () => {
    // Derived, not real: EventID 26 has the fields of 23 but Archived.
    const sample = readFileSync(fixture('security-content-data-sources/sysmon_eventid_23.example.log'), 'utf8')
      .replace('<EventID>23</EventID>', '<EventID>26</EventID>')
      .replace("<Data Name='Archived'>false - insufficient disk space</Data>", '');
    const row = await onlyRow(tempFile('eid26.log', sample), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2023-02-01T10:57:09.815326Z',
      host: 'win-dc-ctus-attack-range-865.attackrange.local',
      ...SYSMON_SOURCE,
      action: 'deleted',
      dest: 'win-dc-ctus-attack-range-865.attackrange.local',
      ...CIM_FILLS,
      file_create_time: null,
      file_hash:
        'MD5=75E78E4BF561031D39F86143753400FF,SHA256=1758085A61527B427C4380F0C976D29A8BEE889F2AC480C356A3F166433BF70E,IMPHASH=BF380CA954CBF10D1A4CEF9EC18E46FD',
      file_modify_time: '2023-02-01 10:57:09.814',
      file_name: 'vcruntime140_1.dll',
      file_path: 'C:\\Python311\\vcruntime140_1.dll',
      process_exec: 'swiftslicer.exe',
      process_guid: '{F522A29C-446D-63DA-9F01-00000000BB02}',
      process_id: '2428',
      process_name: 'swiftslicer.exe',
      process_path: 'C:\\Temp\\swiftslicer.exe',
      user: 'ATTACKRANGE\\Administrator',
      ...SYSMON_FILE,
    });
  });
});

const LINUX_SOURCE = { source: 'Syslog:Linux-Sysmon/Operational', sourcetype: 'sysmon:linux' };

describe('Sysmon for Linux EventID 11 and 23', () => {
  it('security_content sample of 11: basenames after the last /, vendor_product from the sourcetype', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_for_linux_eventid_11.example.log'), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2021-12-20T16:07:17.927963Z',
      host: 'sysmonlinux-tcontreras-attack-range-4134',
      ...LINUX_SOURCE, // SC data source source:/sourcetype:
      action: 'created', // UtcTime = CreationUtcTime [INF]
      dest: 'sysmonlinux-tcontreras-attack-range-4134',
      ...CIM_FILLS,
      file_create_time: '2021-12-20 16:07:17.929',
      file_hash: 'unknown',
      file_modify_time: null,
      file_name: 'sysmon.checkpoint.tmp.dbed9d351dcc1806',
      file_path: '/opt/splunkforwarder/var/lib/splunk/modinputs/journald/sysmon.checkpoint.tmp.dbed9d351dcc1806',
      process_exec: 'splunkd',
      process_guid: '{ec2c97d1-6aa9-61c0-3038-618238560000}',
      process_id: '5256',
      process_name: 'splunkd',
      process_path: '/opt/splunkforwarder/bin/splunkd',
      user: 'root',
      tag: ['endpoint', 'filesystem'], // [INF: SC field list has tag]
      vendor_product: 'sysmon:linux', // the add-on's value is not public: CIM's case() falls to sourcetype [INF, Q19]
      nodename: 'Filesystem',
    });
  });

  it('EventID 23, derived from the 11 sample (no public sample): deleted', async () => {
    const sample = readFileSync(fixture('security-content-data-sources/sysmon_for_linux_eventid_11.example.log'), 'utf8')
      .replace('<EventID>11</EventID>', '<EventID>23</EventID>')
      .replace('<Data Name="CreationUtcTime">2021-12-20 16:07:17.929</Data>', '<Data Name="Hashes">-</Data>');
    const row = await onlyRow(tempFile('linux23.log', sample), FILESYSTEM);
    expectRow(row, FILESYSTEM, {
      _time: '2021-12-20T16:07:17.927963Z',
      host: 'sysmonlinux-tcontreras-attack-range-4134',
      ...LINUX_SOURCE,
      action: 'deleted', // [INF: the Linux Filesystem detections filter action=deleted]
      dest: 'sysmonlinux-tcontreras-attack-range-4134',
      ...CIM_FILLS,
      file_create_time: null,
      file_hash: '-', // Hashes, "-" kept [INF]
      file_modify_time: null,
      file_name: 'sysmon.checkpoint.tmp.dbed9d351dcc1806',
      file_path: '/opt/splunkforwarder/var/lib/splunk/modinputs/journald/sysmon.checkpoint.tmp.dbed9d351dcc1806',
      process_exec: 'splunkd',
      process_guid: '{ec2c97d1-6aa9-61c0-3038-618238560000}',
      process_id: '5256',
      process_name: 'splunkd',
      process_path: '/opt/splunkforwarder/bin/splunkd',
      user: 'root',
      tag: ['endpoint', 'filesystem'],
      vendor_product: 'sysmon:linux',
      nodename: 'Filesystem',
    });
  });
});
