/**
 * The raw-search detections that ../shared/data/splunk-attack-data-history/PROVENANCE.md names,
 * run verbatim (macros expanded from security_content) on the attack_data file their test names.
 * Skipped when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDetection, openSession } from '../../src/index.js';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const data = path.join(shared, 'data/splunk-attack-data-history');
const content = path.join(shared, 'reference/security_content_full');
const present = existsSync(data) && existsSync(content);

function detectionFile(folder: string, name: string): string {
  return path.join(content, 'detections', folder, `${name}.yml`);
}

async function rowsOf(folder: string, name: string, file: string): Promise<number> {
  const detection = loadDetection(detectionFile(folder, name));
  const { session } = await openSession({ data: [path.join(data, file)], now: 1_800_000_000 });
  return session.run(detection.search).rows.length;
}

describe.skipIf(!present)('raw-search detections on their attack_data file (skipped without ../shared)', () => {
  it('detect_certify_with_powershell_script_block_logging finds the two Certify script blocks', async () => {
    expect(await rowsOf('endpoint', 'detect_certify_with_powershell_script_block_logging', 'T1649_certify_esc1_abuse_powershell.log')).toBeGreaterThanOrEqual(1);
  });

  it('windows_steal_authentication_certificates___esc1_abuse finds the 4886/4887 requests', async () => {
    expect(await rowsOf('endpoint', 'windows_steal_authentication_certificates___esc1_abuse', 'T1649_certify_esc1_abuse_winsecurity.log')).toBeGreaterThanOrEqual(1);
  });

  it('windows_steal_authentication_certificates___esc1_authentication joins a raw 4768 subsearch', async () => {
    expect(await rowsOf('endpoint', 'windows_steal_authentication_certificates___esc1_authentication', 'T1649_certify_esc1_abuse_winsecurity.log')).toBeGreaterThanOrEqual(1);
  });

  it('windows_ad_privileged_object_access_activity finds the enumeration of privileged groups', async () => {
    expect(await rowsOf('endpoint', 'windows_ad_privileged_object_access_activity', 'T1087.002_4662_priv_events.log')).toBeGreaterThanOrEqual(1);
  });

  it('windows_ad_abnormal_object_access_activity runs, and finds nothing: 2 users (14 and 1 objects) give avg+3*stdev = 35', async () => {
    // stats dc(ObjectName) by SubjectUserName over the file's 16 4662 events: attacker 14, normal_user 1; the
    // detection keeps a user above round(avg + 3 * stdev) = round(7.5 + 3 * 9.19) = 35, which neither is.
    expect(await rowsOf('endpoint', 'windows_ad_abnormal_object_access_activity', 'T1087.002_4662_priv_events.log')).toBe(0);
  });

  it('windows_ad_short_lived_domain_controller_spn_attribute (replace, appendpipe + map) finds the SPN added and deleted', async () => {
    expect(await rowsOf('endpoint', 'windows_ad_short_lived_domain_controller_spn_attribute', 'T1207_mimikatz_windows-security-xml.log')).toBeGreaterThanOrEqual(1);
  });

  it('windows_ad_replication_request_initiated_from_unsanctioned_location (appendpipe + map) finds the DCSync requests', async () => {
    expect(await rowsOf('endpoint', 'windows_ad_replication_request_initiated_from_unsanctioned_location', 'T1003.006_impacket_windows-security-xml.log')).toBeGreaterThanOrEqual(1);
  });
});
