/**
 * .evtx files as ingest input: found when walking a folder, recognised by their signature whatever
 * their name (and on standard input), and the bundled W3WP detection finds its rows in a folder of
 * real recordings. The recordings are GPL-3.0 and stay in ../shared: skips, saying why, without it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedData, skipReason } from './helpers.js';

const reason = skipReason(false);
const samples = resolve(sharedData, 'evtx-attack-samples/evtx');
const cli = resolve(repoRoot, 'dist/src/cli/main.js');
const w3wp = resolve(repoRoot, 'examples/w3wp_spawning_shell.yml');

function spelunk(args: string[], input?: Buffer): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...(input ? { input } : {}) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

if (reason) {
  it.skip(`.evtx ingest over the shared recordings (skipped: ${reason})`, () => undefined);
} else {
  describe('.evtx files as ingest input', () => {
    const work = mkdtempSync(join(tmpdir(), 'spelunk-evtx-ingest-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    // A real IIS web shell recording (Sysmon 1 and 10), to read under other names.
    const webShell = join(samples, 'Lateral_Movement_LM_typical_IIS_webshell_sysmon_1_10_traces.evtx');

    it('the bundled W3WP detection over a folder of .evtx files prints the web shell row', () => {
      const run = spelunk(['run', w3wp, '--data', samples, '--format', 'json', '--strict']);
      expect(run.status, run.stderr).toBe(0);
      const rows = JSON.parse(run.stdout) as Record<string, string>[];
      expect(rows.some((row) => row['dest'] === 'IEWIN7' && row['process_name'] === 'cmd.exe' && /w3wp\.exe/i.test(row['parent_process'] ?? ''))).toBe(true);
      expect(run.stderr).toMatch(/read 208 files, \d+ records: \d+ process events, .*\d+ other events .*, 0 skipped/);
    });

    it('recognises an .evtx by its signature under another name, and on standard input', () => {
      const renamed = join(work, 'capture.log');
      copyFileSync(webShell, renamed);
      const direct = spelunk(['datamodel', '--data', webShell, '--format', 'json']);
      const byName = spelunk(['datamodel', '--data', renamed, '--format', 'json']);
      const piped = spelunk(['datamodel', '--data', '-', '--format', 'json'], readFileSync(webShell));
      expect(direct.status, direct.stderr).toBe(0);
      const rows = JSON.parse(direct.stdout) as unknown[];
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.parse(byName.stdout)).toEqual(rows);
      expect(JSON.parse(piped.stdout)).toEqual(rows);
    });
  });
}
