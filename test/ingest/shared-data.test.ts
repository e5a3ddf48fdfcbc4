/**
 * The real logs in ../shared/data: counts against each folder's PROVENANCE.md, the log/ and xml/
 * copies of the same events, and Sysmon vs 4688 in the OTRF ProxyLogon recording.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEndpointProcesses, type IngestReport } from '../../src/ingest/index.js';
import { hasSharedData, sharedData, storeRows } from './helpers.js';

const data = (...parts: string[]): string => resolve(sharedData, ...parts);

function otherCounts(report: IngestReport): Record<string, number> {
  return Object.fromEntries(report.otherEvents);
}

describe.skipIf(!hasSharedData)('counts match PROVENANCE.md', () => {
  it('sysmon-webshell-w3wp: 51 EID 1 in 66 events', async () => {
    const { store, report } = await loadEndpointProcesses([data('sysmon-webshell-w3wp/log')]);
    expect(store.rowCount).toBe(51);
    expect(report.skippedCount).toBe(0);
    // Contents table: 7:3, 10:1+2, 3:7, 8:2; EventID 3 fills Network_Traffic (issue 13).
    expect(otherCounts(report)).toEqual({
      'Microsoft-Windows-Sysmon/7': 3,
      'Microsoft-Windows-Sysmon/10': 3,
      'Microsoft-Windows-Sysmon/8': 2,
    });
    expect(report.datasetRows.get('Network_Traffic.All_Traffic')).toBe(7);
    const w3wpChildren = storeRows(store).filter((r) => r.parent_process_name === 'w3wp.exe');
    expect(w3wpChildren.map((r) => r.process_name).sort()).toEqual(['cmd.exe', 'cmd.exe', 'cmd.exe', 'cmd.exe', 'notepad.exe', 'powershell.exe']);
  });

  it('sysmon-background-art-panache: 511 EID 1 of 565 events', async () => {
    const { store, report } = await loadEndpointProcesses([data('sysmon-background-art-panache/log')]);
    expect(store.rowCount).toBe(511);
    expect(report.records).toBe(565);
    expect(report.datasetRows.get('Endpoint.Registry')).toBe(33); // 3 x EventID 12 + 30 x 13 (issue 13)
    expect(report.skippedCount).toBe(0);
  });

  it('security-4688-xml-evtx-to-mitre: 198 x 4688 and one 4697', async () => {
    const { store, report } = await loadEndpointProcesses([data('security-4688-xml-evtx-to-mitre/log')]);
    expect(store.rowCount).toBe(198);
    expect(otherCounts(report)).toEqual({ 'Microsoft-Windows-Security-Auditing/4697': 1 });
    const rows = storeRows(store);
    expect(rows.filter((r) => r.parent_process_name === 'sqlservr.exe')).toHaveLength(69);
  });

  it('splunk-attack-data-xml: every file as the PROVENANCE table says', async () => {
    const file = async (name: string) => loadEndpointProcesses([data('splunk-attack-data-xml', name)]);
    const generic = await file('generic_webshell_exploit.log');
    expect(generic.store.rowCount).toBe(3);
    const certutil = await file('certutil_exe_certificate_extraction.raw');
    expect(certutil.store.rowCount).toBe(40); // 20 EID 1 + 20 x 4688
    expect(otherCounts(certutil.report)).toEqual({ 'Microsoft-Windows-PowerShell/4104': 19 }); // 19 classic events
    expect(certutil.report.skippedCount).toBe(0);
    const copy = await file('credential-dumping-via-copy_data.log');
    expect(copy.store.rowCount).toBe(17); // 20 lines: one CommandLine spans lines
    const atomic = await file('T1003.002_atomic_red_team_sysmon.log');
    expect(atomic.store.rowCount).toBe(9);
    expect(otherCounts(atomic.report)).toEqual({});
    expect(atomic.report.datasetRows.get('Network_Resolution.DNS')).toBe(1); // the EventID 22 (issue 13)
    const rtlo = await file('outlook_attachment_rtlo_events.log');
    expect(rtlo.store.rowCount).toBe(7);
    expect(otherCounts(rtlo.report)).toEqual({});
    expect(rtlo.report.datasetRows.get('Endpoint.Filesystem')).toBe(7); // the 7 EventID 11 (issue 13)
  });

  it('otrf-lsass-campaign01: 269 EID 1 + 53 x 4688', async () => {
    const { store } = await loadEndpointProcesses([data('otrf-lsass-campaign01-process-creation-json')]);
    const rows = storeRows(store);
    expect(rows.filter((r) => r.vendor_product === 'Microsoft Sysmon')).toHaveLength(269);
    expect(rows.filter((r) => r.vendor_product === 'Microsoft Windows')).toHaveLength(53);
  });

  it('otrf-proxylogon full file: 13 EID 1, 12 x 4688 and the other counts', async () => {
    const { store, report } = await loadEndpointProcesses([data('otrf-proxylogon-json/proxylogon_ssrf_rce_poc_2021-03-14T01401970.json')]);
    expect(report.records).toBe(10487);
    expect(store.rowCount).toBe(25);
    expect(report.otherEvents.get('Microsoft-Windows-Sysmon/10')).toBe(3626);
    expect(report.otherEvents.get('Microsoft-Windows-Sysmon/7')).toBe(427);
    expect(report.otherEvents.get('Microsoft-Windows-Security-Auditing/4658')).toBe(2398);
    expect(report.otherEvents.get('Microsoft-Windows-Security-Auditing/4689')).toBe(12);
    expect(report.skippedCount).toBe(0);
  });

  it('splunk-wineventlog-4688-classic: 1,797 classic 4688 events', async () => {
    const { store, report } = await loadEndpointProcesses([data('splunk-wineventlog-4688-classic')]);
    expect(store.rowCount).toBe(1797);
    expect(report.skippedCount).toBe(0);
    const first = storeRows(store)[0]!;
    // First block: New Process Name C:\Windows\System32\cmd.exe, Creator powershell.exe, empty command line.
    expect(first).toMatchObject({
      source: 'WinEventLog:Security',
      process_name: 'cmd.exe',
      process: 'C:\\Windows\\System32\\cmd.exe',
      parent_process_name: 'powershell.exe',
      process_id: '0x13d8',
      parent_process_id: '0xd44',
      user: 'Administrator',
      dest: 'win-dc-4473022.attackrange.local',
    });
  });
});

describe.skipIf(!hasSharedData)('the same events in log/ and xml/ give identical rows', () => {
  for (const folder of ['sysmon-webshell-w3wp', 'sysmon-background-art-panache', 'security-4688-xml-evtx-to-mitre']) {
    it(folder, async () => {
      const log = await loadEndpointProcesses([data(folder, 'log')]);
      const xml = await loadEndpointProcesses([data(folder, 'xml')]);
      expect(xml.report.skippedCount).toBe(0);
      expect(storeRows(xml.store)).toEqual(storeRows(log.store));
      expect(log.store.rowCount).toBeGreaterThan(0);
    });
  }
});

describe.skipIf(!hasSharedData)('OTRF ProxyLogon: Sysmon EID 1 and 4688 of the same process creations', () => {
  it('agree on dest, process_name and parent_process_name; process differs only by the 4688 EVAL', async () => {
    const { store } = await loadEndpointProcesses([data('otrf-proxylogon-json/proxylogon_process_creation_only.json')]);
    const rows = storeRows(store);
    const sysmon = rows.filter((r) => r.vendor_product === 'Microsoft Sysmon');
    const security = rows.filter((r) => r.vendor_product === 'Microsoft Windows');
    expect([sysmon.length, security.length]).toEqual([13, 12]);
    // Pair the records of one process creation by its process ID: Sysmon writes it in decimal,
    // 4688 in hexadecimal (NewProcessId 0x2d54 = ProcessId 11604). Then the fields both carry must agree.
    const key = (r: Record<string, unknown>) => String(Number(r.process_id));
    const sysmonByKey = new Map(sysmon.map((r) => [key(r), r]));
    // Both collectors ran for the last 10 creations (python.exe onwards); the two WmiApSrv.exe
    // 4688s have no Sysmon EID 1 in the file, and the first netsh/cscript/conhost ones no 4688.
    const paired = security.filter((r) => sysmonByKey.has(key(r)));
    expect(paired).toHaveLength(10);
    for (const windows of paired) {
      const sysmonRow = sysmonByKey.get(key(windows))!;
      expect([windows.dest, windows.process_name, windows.parent_process_name]).toEqual([
        sysmonRow.dest,
        sysmonRow.process_name,
        sysmonRow.parent_process_name,
      ]);
    }
    for (const windows of paired) {
      const commandLine = sysmonByKey.get(key(windows))!.process as string;
      const firstToken = commandLine.startsWith('"') ? commandLine.slice(0, commandLine.indexOf('"', 1) + 1) : commandLine.split(' ')[0]!;
      if (firstToken.includes('\\')) {
        expect(windows.process).toBe(commandLine); // first token is a path: the raw CommandLine
      } else {
        // `cmd /c whoami` -> NewProcessName + " " + arguments; `whoami` alone -> NewProcessName.
        const args = commandLine.slice(firstToken.length).trim();
        expect(windows.process).toBe(args ? `${windows.process_path} ${args}` : windows.process_path);
      }
    }
    // The w3wp.exe children are the same in both sources (PROVENANCE table).
    const w3wp = (list: Record<string, unknown>[]) => list.filter((r) => r.parent_process_name === 'w3wp.exe').map((r) => r.process_name).sort();
    expect(w3wp(security)).toEqual(w3wp(sysmon));
    expect(w3wp(sysmon)).toEqual(['cmd.exe', 'cmd.exe', 'cvtres.exe']);
  });
});
