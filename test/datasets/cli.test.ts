/** `spelunk datamodel --model`: any dataset's rows and fields, from the built binary (npm test builds first). */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot } from './helpers.js';

const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function spelunk(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('spelunk datamodel --model', () => {
  it('shows the Endpoint.Registry rows, prefixed Registry.*, with nodename unprefixed', () => {
    const { code, stdout, stderr } = spelunk([
      'datamodel',
      '--model',
      'Endpoint.Registry',
      '--data',
      fixture('splunk-attack-data-datasets/T1098_dsrm_account_windows-sysmon.log'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Registry.registry_value_data': '0x00000002',
      'Registry.registry_key_name': 'HKLM\\System\\CurrentControlSet\\Control\\Lsa',
      'Registry.tag': ['change', 'endpoint', 'registry'],
      nodename: 'Registry',
    });
    // The summary counts rows per dataset: the Sysmon 13 is a Registry row and a Change row.
    expect(stderr).toContain('1 Endpoint.Registry events, 1 Change.All_Changes events');
  });

  it('--fields starts with the dataset: CIM version, tables, constraint, children', () => {
    const { code, stdout } = spelunk(['datamodel', '--model', 'Authentication.Authentication', '--fields', '--data', fixture('splunk-attack-data-datasets/T1558.004_as-rep-roasting-detection.log'), '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { field: string; rows: string; source: string[] }[];
    expect(rows[0]!.field).toBe('(dataset) Authentication.Authentication');
    expect(rows[0]!.source).toContain('constraint: tag=authentication NOT (action=success user=*$)');
    expect(rows[0]!.source).toContain('child Authentication.Failed_Authentication: action=failure OR result=failure');
    expect(rows[0]!.source[0]).toMatch(/^CIM 8\.5/);
    const signature = rows.find((row) => row.field === 'Authentication.signature')!;
    expect(signature.rows).toBe('1');
    expect(signature.source.some((line) => line.startsWith('security-4768') && line.includes('A Kerberos authentication ticket (TGT) was requested'))).toBe(true);
  });

  it('names the datasets it knows when --model names none', () => {
    const { code, stderr } = spelunk(['datamodel', '--model', 'Endpoint.Nothing', '--data', fixture('security-content-data-sources')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--model: 'Endpoint\.Nothing' is not a dataset spelunk knows\. Known: Endpoint\.Ports, Endpoint\.Processes, /);
  });
});
