/**
 * contentctl's pass rule on the new datasets: each published detection that names one of the
 * attack_data files in ../shared/data/splunk-attack-data-history/PROVENANCE.md (and
 * splunk-attack-data-xml) for registry, file, network, change and Sysmon for Linux data returns
 * at least one row on that file, run verbatim through the library API. The files are copied in
 * test/fixtures/data/splunk-attack-data-datasets; the detections are read from ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../../src/index.js';
import { fixture, sharedReference } from './helpers.js';

const detections = resolve(sharedReference, 'security_content_full/detections/endpoint');

function searchOf(name: string): string {
  return (parseYaml(readFileSync(resolve(detections, `${name}.yml`), 'utf8')) as { search: string }).search;
}

/** Detection, its test file, and what the file's events say it must give (PROVENANCE.md; research issue13-detections.md §3). */
const CASES: readonly [string, string, number][] = [
  // 1 Sysmon 13: DSRMAdminLogonBehavior set to DWORD 2, which matches IN ("*1","*2").
  ['windows_ad_dsrm_account_changes', 'T1098_dsrm_account_windows-sysmon.log', 1],
  // 1 Sysmon 12 DeleteValue of ...\Lsa\RunAsPPL: action deleted.
  ['disabling_windows_local_security_authority_defences_via_registry', 'T1556_disable_lsa_protection_windows-sysmon.log', 1],
  // 3 Sysmon 3 by powershell.exe, cmd.exe and msiexec.exe, each its own app/src/user/dest group.
  ['lolbas_with_network_traffic', 'T1218_lolbas_with_network_traffic.log', 3],
  // 1 Security 4794.
  ['windows_ad_dsrm_password_reset', 'T1098_dsrm_account_windows-security-xml.log', 1],
  // 2 of the 7 Sysmon 11 have U+202E in their file name.
  ['detect_rtlo_in_file_name', 'outlook_attachment_rtlo_events.log', 2],
  // Sysmon for Linux: 2 of the octave file's 4 octave-cli --eval system(...) runs are under sudo.
  ['linux_octave_privilege_escalation', 'T1548_octave_sysmon_linux.txt', 2],
];

describe.skipIf(!existsSync(detections))('published detections on their attack_data files', () => {
  for (const [name, file, rows] of CASES) {
    it(`${name} returns ${rows} row${rows === 1 ? '' : 's'} on ${file}`, async () => {
      const result = await run(searchOf(name), { data: [fixture('splunk-attack-data-datasets', file)] });
      expect(result.ingest.skippedCount).toBe(0);
      expect(result.rows).toHaveLength(rows);
    });
  }

  it('windows_ad_dsrm_password_reset groups by the 4794 row: action, dest, src, user', async () => {
    const result = await run(searchOf('windows_ad_dsrm_password_reset'), { data: [fixture('splunk-attack-data-datasets/T1098_dsrm_account_windows-security-xml.log')] });
    const row = Object.fromEntries(result.rows[0]!);
    expect({ action: row.action, dest: row.dest, src: row.src, user: row.user }).toEqual({
      action: 'success',
      dest: 'win-dc-root-17044-552.attackrange.local',
      src: '[fe80::b907:7694:d740:91bb]',
      user: 'unknown',
    });
  });
});
