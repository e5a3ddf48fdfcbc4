/**
 * Golden Endpoint.Processes rows from Sysmon for Linux EventID 1 (sourcetype sysmon:linux): the
 * full CIM row, field by field. The Splunk Add-on for Sysmon for Linux's configuration is not
 * public: every add-on expectation is INF from security_content's field list for the data source
 * and the Windows Sysmon analogue (docs/semantics.md, "Sysmon for Linux").
 */
import { describe, expect, it } from 'vitest';
import { expectRow, fixture, loadRows, onlyRow } from './helpers.js';

const PROCESSES = 'Endpoint.Processes';
const LINUX = {
  source: 'Syslog:Linux-Sysmon/Operational', // SC data source source:
  sourcetype: 'sysmon:linux', // SC data source sourcetype:
  action: 'allowed', // as Windows EventID 1 [INF]
  loaded_file: 'unknown', // CIM 8.5 fill
  os: 'Linux', // [INF: SC field list has os]
  original_file_name: 'unknown', // OriginalFileName "-" dropped, then CIM fill [INF, Q18]
  parent_user: 'unknown', // CIM 8.5 fill
  process_hash: '-', // Hashes, "-" kept [INF, Q18]
  process_integrity_level: 'no level', // IntegrityLevel, lower() in the CIM base search
  user_id: null, // <Security UserId="0"/> is not UserID
  vendor_product: 'sysmon:linux', // no add-on value known: CIM's case() takes the sourcetype [INF, Q19]
};

describe('Sysmon for Linux EventID 1', () => {
  it('linpeas dataset, line 1: find run from bash', async () => {
    const { rows, report } = await loadRows([fixture('splunk-attack-data-datasets/linux_post_exploitation_linpeasdataset.txt')], PROCESSES);
    expect(rows).toHaveLength(114); // PROVENANCE.md: 114 events, all EventID 1
    expect(report.skippedCount).toBe(0);
    expectRow(rows[0]!, PROCESSES, {
      _time: '2022-01-14T00:30:28.074002Z',
      host: 'sysmonlinux-51', // Computer
      ...LINUX,
      dest: 'sysmonlinux-51',
      parent_process: 'bash', // ParentCommandLine
      parent_process_exec: 'bash',
      parent_process_guid: '{ec2b687f-c3cb-61e0-0854-df9924560000}',
      parent_process_id: '26461',
      parent_process_name: 'bash', // after the last / of ParentImage
      parent_process_path: '/bin/bash',
      process: 'find /var/log/ /private/var/log -type f -exec grep -I -R -E -o \\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,6}\\b {} ;', // CommandLine
      process_current_directory: '/home/ubuntu',
      process_exec: 'find',
      process_guid: '{ec2b687f-c424-61e0-9010-99397a550000}',
      process_id: '16289',
      process_name: 'find', // after the last / of Image
      process_path: '/usr/bin/find',
      user: 'ubuntu', // User
    });
  });

  it('security_content sample: sudo gdb, parent -bash', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_for_linux_eventid_1.example.log'), PROCESSES);
    expectRow(row, PROCESSES, {
      _time: '2022-08-09T10:42:47.74945Z',
      host: 'ar-linux',
      ...LINUX,
      dest: 'ar-linux',
      parent_process: '-bash',
      parent_process_exec: 'bash',
      parent_process_guid: '{ec23eae3-315b-62f2-4884-4ea587550000}',
      parent_process_id: '15369',
      parent_process_name: 'bash',
      parent_process_path: '/bin/bash',
      process: 'sudo gdb -nx -ex !sh -ex quit',
      process_current_directory: '/home/ubuntu',
      process_exec: 'sudo',
      process_guid: '{ec23eae3-3a27-62f2-085e-16549b550000}',
      process_id: '10268',
      process_name: 'sudo',
      process_path: '/usr/bin/sudo',
      user: 'ubuntu',
    });
  });

  it('T1548 octave: 4 EventID 1, each a Processes row', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/T1548_octave_sysmon_linux.txt')], PROCESSES);
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.sourcetype === 'sysmon:linux' && row.os === 'Linux')).toBe(true);
  });
});
