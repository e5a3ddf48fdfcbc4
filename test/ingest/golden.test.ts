/**
 * Golden CIM rows, one per input kind, on Splunk's own sample events (security_content
 * data_sources example_log, Apache-2.0, copied in test/fixtures/data). Each expectation names
 * the raw value it comes from and the add-on / CIM rule (docs/semantics.md).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { fixtures, storeRows } from './helpers.js';

const examples = resolve(fixtures, 'splunk-security-content-examples');

async function onlyRow(file: string): Promise<Record<string, unknown>> {
  const { store, report } = await loadEndpointProcesses([resolve(examples, file)]);
  expect(report.skippedCount).toBe(0);
  expect(store.rowCount).toBe(1);
  return storeRows(store)[0]!;
}

describe('Sysmon EventID 1 (sysmon_eventid_1.example.log)', () => {
  it('maps every field as TA-microsoft-sysmon and the CIM do', async () => {
    const row = await onlyRow('sysmon_eventid_1.example.log');
    // <TimeCreated SystemTime='2020-10-08T11:03:46.617920300Z'/>, microseconds kept.
    expect(row._time).toBeCloseTo(Date.UTC(2020, 9, 8, 11, 3, 46) / 1000 + 0.61792, 6);
    expect(row.host).toBe('win-dc-6764986.attackrange.local'); // <Computer>
    expect(row.source).toBe('XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'); // ta-windows-fix-xml-source
    expect(row.sourcetype).toBe('XmlWinEventLog'); // ta-windows-fix-sourcetype, AD replay yml
    expect(row.dest).toBe('win-dc-6764986.attackrange.local'); // EVAL-dest ... Computer
    expect(row.user).toBe('ATTACKRANGE\\Administrator'); // FIELDALIAS User AS user, domain kept
    expect(row.user_id).toBe('S-1-5-18'); // <Security UserID='S-1-5-18'/>
    // FIELDALIAS CommandLine AS process: raw value, quotes, trailing space and &amp; all kept.
    expect(row.process).toBe(
      '"C:\\Windows\\system32\\cmd.exe" /c "reg save HKLM\\sam %%temp%%\\sam &amp; reg save HKLM\\system %%temp%%\\system &amp; reg save HKLM\\security %%temp%%\\security" ',
    );
    expect(row.process_name).toBe('cmd.exe'); // replace(Image, folder regex, "")
    expect(row.process_exec).toBe('cmd.exe');
    expect(row.process_path).toBe('C:\\Windows\\System32\\cmd.exe'); // Image
    expect(row.process_id).toBe('2296'); // ProcessId, decimal string
    expect(row.process_guid).toBe('{96128EA2-F212-5F7E-E400-000000007F01}'); // braces kept
    expect(row.process_current_directory).toBe('C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\'); // trailing \ kept
    expect(row.process_integrity_level).toBe('high'); // IntegrityLevel High, lower() in the CIM base search
    expect(row.process_hash).toBe(
      'MD5=F4F684066175B77E0C3A000549D2922C,SHA256=935C1861DF1F4018D698E8B65ABFA02D7E9037D8F68CA3C2065B6CA165D44AD2,IMPHASH=3062ED732D4B25D1C64F084DAC97D37A',
    );
    expect(row.parent_process).toMatch(/^"powershell.exe" -noninteractive -encodedcommand WwBDAG8A/); // ParentCommandLine
    expect(row.parent_process_name).toBe('powershell.exe'); // ParentImage basename
    expect(row.parent_process_path).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(row.parent_process_id).toBe('4624');
    expect(row.parent_process_guid).toBe('{96128EA2-F211-5F7E-DF00-000000007F01}');
    expect(row.original_file_name).toBe('Cmd.Exe'); // OriginalFileName, case kept
    expect(row.vendor_product).toBe('Microsoft Sysmon');
    expect(row.action).toBe('allowed'); // EVAL-action case(EventCode=="1","allowed")
    expect(row.loaded_file).toBe('unknown'); // CIM 8.5 fill
    expect(row.parent_user).toBe('unknown'); // CIM 8.5 fill
    expect(row.os).toBeNull(); // no add-on expression found
  });
});

describe('Security 4688 (windows_event_log_security_4688.example.log)', () => {
  it('maps the fields of ta_mappings.md §3d', async () => {
    const row = await onlyRow('windows_event_log_security_4688.example.log');
    expect(row._time).toBeCloseTo(Date.UTC(2024, 3, 23, 8, 48, 30) / 1000 + 0.449376, 6);
    expect(row.source).toBe('XmlWinEventLog:Security');
    expect(row.dest).toBe('ar-win-1'); // Computer_as_dest
    expect(row.user).toBe('AR-WIN-1$'); // TargetUserName is "-" -> src_user = SubjectUserName
    // First token of CommandLine contains "\" -> the raw CommandLine.
    expect(row.process).toBe('"C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunk-powershell.exe" --ps2');
    expect(row.process_name).toBe('splunk-powershell.exe');
    expect(row.process_path).toBe('C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunk-powershell.exe');
    expect(row.process_id).toBe('0xf84'); // NewProcessId, hex kept
    expect(row.parent_process).toBe('C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunkd.exe'); // ParentProcessName
    expect(row.parent_process_name).toBe('splunkd.exe');
    expect(row.parent_process_id).toBe('0xb2c'); // EventData ProcessId
    expect(row.action).toBe('allowed'); // Keywords 0x8020000000000000
    expect(row.vendor_product).toBe('Microsoft Windows');
    expect(row.original_file_name).toBe('unknown'); // no 4688 source; CIM fill
    expect(row.process_guid).toBeNull();
    expect(row.user_id).toBeNull(); // <Security/> has no UserID
  });
});

describe('CrowdStrike ProcessRollup2 (crowdstrike_processrollup2.example.log)', () => {
  it('maps the fields of the worked example in ta_mappings.md §4', async () => {
    const row = await onlyRow('crowdstrike_processrollup2.example.log');
    expect(row._time).toBeCloseTo(1713805173.418, 6); // "timestamp":"1713805173418" ms
    expect(row.source).toBe('crowdstrike');
    expect(row.sourcetype).toBe('crowdstrike:events:sensor');
    // replace(trim(CommandLine, " "), "\"", ""): quotes removed, trailing space trimmed.
    expect(row.process).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(row.process_name).toBe('powershell.exe');
    expect(row.process_path).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(row.process_exec).toBe('powershell.exe'); // ImageFileName basename
    expect(row.process_id).toBe('5642133882'); // TargetProcessId (TA 3.2.0), not RawProcessId 5012
    expect(row.parent_process_id).toBe('5459598860');
    expect(row.parent_process_name).toBe('explorer.exe'); // ParentBaseFileName
    expect(row.process_hash).toBe('ba4038fd20e474c047be8aad5bfacdb1bfc1ddbe12f803f473b7918d8d819436');
    expect(row.process_integrity_level).toBe('high'); // IntegrityLevel 12288 = high RID
    expect(row.user).toBe('S-1-5-21-586445407-708991241-1829972403-500'); // UserSid
    expect(row.dest).toBe('unknown'); // no device_hostname/aid_computer_name offline
    expect(row.parent_process).toBe('unknown');
    expect(row.original_file_name).toBe('unknown');
    expect(row.vendor_product).toBe('CrowdStrike FDR');
  });
});
