/**
 * The command line over broken and repeated input (issues 12 and 20): --dedup-events, --strict
 * whatever the input, exit codes, and a closed output pipe. Runs the built binary (npm test
 * builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const sample = resolve(repoRoot, 'test/fixtures/data/splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
const count = '| tstats count from datamodel=Endpoint.Processes';

function spelunk(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function twoCopies(): string {
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-cli-dups-'));
  copyFileSync(sample, join(folder, 'a.log'));
  copyFileSync(sample, join(folder, 'b.log'));
  return folder;
}

describe('spelunk run over repeated events', () => {
  it('counts both copies, as Splunk does, and says so in the summary', () => {
    const folder = twoCopies();
    const { code, stdout, stderr } = spelunk(['run', count, '--data', folder, '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toBe('count\n18\n');
    expect(stderr).toContain(`; 10 duplicate events (same channel, computer and EventRecordID as an earlier record, e.g. ${join(folder, 'a.log')} and ${join(folder, 'b.log')}:1): indexed again, as Splunk does; --dedup-events keeps the first`);
  });

  it('keeps the first copy with --dedup-events', () => {
    const { code, stdout, stderr } = spelunk(['run', count, '--data', twoCopies(), '--format', 'csv', '--dedup-events']);
    expect(code).toBe(0);
    expect(stdout).toBe('count\n9\n');
    expect(stderr).toMatch(/read 2 files, 20 records: .*; 10 duplicate events dropped \(--dedup-events/);
  });
});

describe('spelunk run --strict, whatever the input', () => {
  it('fails for a binary file in a folder as for the file named alone (exit 1, no stack trace)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'spelunk-cli-strict-'));
    writeFileSync(join(folder, 'a.log'), Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x0a]));
    for (const data of [folder, join(folder, 'a.log')]) {
      const { code, stderr } = spelunk(['run', count, '--data', data, '--strict', '--quiet']);
      expect(code).toBe(1);
      expect(stderr).toBe(`spelunk: ${join(folder, 'a.log')}:1: binary file (contains NUL bytes), not a text log\n`);
    }
  });

  it('lists folder entries it did not read and does not fail on them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'spelunk-cli-entries-'));
    mkdirSync(join(folder, 'logs'));
    copyFileSync(sample, join(folder, 'logs', 'a.log'));
    spawnSync('ln', ['-s', join(folder, 'missing.log'), join(folder, 'logs', 'b.log')]);
    const { code, stdout, stderr } = spelunk(['run', count, '--data', folder, '--strict', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toBe('count\n9\n');
    expect(stderr).toContain(`; 1 folder entry not read (first: ${join(folder, 'logs', 'b.log')}: broken symbolic link (its target does not exist))`);
  });
});

describe('exit codes and output', () => {
  it('reports an invalid YAML search file as a usage error (exit 2)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spelunk-cli-yaml-')), 'broken.yml');
    writeFileSync(file, 'name: x\nsearch: "| tstats count\n');
    const { code, stderr } = spelunk(['run', file, '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^spelunk: .*broken\.yml:\d+: invalid YAML: /);
  });

  it('ends quietly, exit 0, when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [bin, 'run', '| makeresults count=200000 | eval x="a long value to fill the pipe"', '--format', 'csv', '--quiet'], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
