/**
 * `spelunk hunt` end to end (dist/, as users run it): the summary, the --out files, exit codes,
 * writes confined to --out, and agreement with `spelunk run` on which detections fire.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDetectionLibrary } from '../../src/detections/library.js';
import { bundledDetections } from '../../src/detections/paths.js';
import { detectionPaths } from '../../src/cli/hunt.js';
import { openSession } from '../../src/index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const sample = resolve(repoRoot, 'examples/data');

function spelunk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', input: '' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One bundled detection file: most cases need not read the whole library. */
const w3wpFile = resolve(repoRoot, 'detections/endpoint/w3wp_spawning_shell.yml');

const temp = (): string => mkdtempSync(join(tmpdir(), 'spelunk-hunt-'));

describe('--detections', () => {
  it('replaces the bundled library, or with +PATH adds to it', () => {
    expect(detectionPaths(undefined)).toEqual({ paths: [bundledDetections()], user: [] });
    expect(detectionPaths(['mine/'])).toEqual({ paths: ['mine/'], user: ['mine/'] });
    expect(detectionPaths(['+mine/', 'other.yml'])).toEqual({ paths: [bundledDetections(), 'mine/', 'other.yml'], user: ['mine/', 'other.yml'] });
  });
});

describe('spelunk hunt', () => {
  it('prints the summary and writes every --out file; exit 0 though something fired', () => {
    const out = join(temp(), 'out');
    const { status, stdout, stderr } = spelunk('hunt', '--data', sample, '--name', 'W3WP*', '--out', out, '-q');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^hunt: 1 detections: ran 1, fired 1, skipped 0 \(no data\), unsupported 0, errors 0; 2 risk events, 2 notables$/);
    expect(stdout).toContain('W3WP Spawning Shell');
    expect(readdirSync(out).sort()).toEqual(['detections', 'notables.jsonl', 'report.html', 'risk.jsonl', 'summary.json', 'timeline.csv']);
    expect(readdirSync(join(out, 'detections'))).toEqual(['W3WP_Spawning_Shell.json']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.fired).toBe(1);
    const risk = readFileSync(join(out, 'risk.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(risk.map((e: { risk_score: number }) => e.risk_score)).toEqual([56, 56]);
    const timeline = readFileSync(join(out, 'timeline.csv'), 'utf8').trim().split('\n');
    expect(timeline[0]).toBe('time,detection,type,risk_score,techniques,dest,user,risk_message,run_time,details');
    expect(timeline).toHaveLength(3);
    // Sorted by time.
    expect(timeline[1]! <= timeline[2]!).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)/);
  });

  it('--fail-on-fire exits 3 when something fired, 0 when nothing did', () => {
    expect(spelunk('hunt', '--data', sample, '--detections', w3wpFile, '--fail-on-fire', '-q').status).toBe(3);
    expect(spelunk('hunt', '--data', sample, '--detections', w3wpFile, '--fail-on-fire', '--type', 'Anomaly', '-q').stderr).toMatch(/no detection matches/);
    const rclone = resolve(repoRoot, 'detections/endpoint/detect_rclone_command_line_usage.yml');
    expect(spelunk('hunt', '--data', sample, '--detections', rclone, '--fail-on-fire', '-q').status).toBe(0);
  });

  it('exits 2 for bad usage and for a search error in the user detection, 1 for an unsafe --out', () => {
    expect(spelunk('hunt', '--data', sample, '--detections', w3wpFile, '--type', 'Bogus').status).toBe(2);
    expect(spelunk('hunt', '--detections', w3wpFile).status).toBe(2);
    const dir = temp();
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, "name: Broken\ntype: TTP\nsearch: '| tstats count from datamodel=Nope'\n");
    const run = spelunk('hunt', '--data', sample, '--detections', broken, '-q');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("The data model 'Nope' was not found");
    // +PATH adds the user detection to the bundled library.
    const both = spelunk('hunt', '--data', sample, '--detections', broken, '--detections', w3wpFile, '-q');
    expect(both.status).toBe(2);
    expect(both.stdout).toMatch(/^hunt: 2 detections: ran 1, fired 1/);

    const out = join(dir, 'out');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'detections'));
    const unsafe = spelunk('hunt', '--data', sample, '--detections', w3wpFile, '--out', out, '-q');
    expect(unsafe.status).toBe(1);
    expect(unsafe.stderr).toMatch(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

const w3wpLog = resolve(repoRoot, '../shared/data/sysmon-webshell-w3wp/log');
const hasShared = existsSync(w3wpLog);
if (!hasShared) console.log(`skipping the hunt-versus-run test: ${w3wpLog} is absent (GPL data kept outside the repository)`);

describe.skipIf(!hasShared)('hunt and run agree over sysmon-webshell-w3wp/log', () => {
  it('every detection hunt reports fired returns rows with spelunk run, and every one run finds rows for is reported fired', async () => {
    const out = join(temp(), 'out');
    const hunt = spelunk('hunt', '--data', w3wpLog, '--out', out, '-q');
    expect(hunt.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { firedDetections: { name: string; type: string; path: string; results: number }[] };
    const fired = summary.firedDetections;
    expect(fired.length).toBeGreaterThan(5);
    // Each fired detection through the CLI's `run` (one process each: bounded by the fired count).
    for (const entry of fired) {
      const run = spelunk('run', entry.path, '--data', w3wpLog, '--format', 'json', '-q');
      expect(run.status, `${entry.name}: ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout), entry.name).toHaveLength(entry.results);
    }
    // The other way: every bundled detection through run's engine (one session, as `spelunk run` builds it).
    const { session } = await openSession({ data: [w3wpLog] });
    const withRows: string[] = [];
    for (const detection of loadDetectionLibrary([bundledDetections()]).detections) {
      if (detection.type === 'Correlation') continue; // they read the hunt's risk events, which run has not
      try {
        if (session.run(detection.search).rows.length > 0) withRows.push(detection.name);
      } catch {
        // unsupported or failing: hunt reports those apart
      }
    }
    expect(withRows.sort()).toEqual(fired.filter((f) => f.type !== 'Correlation').map((f) => f.name).sort());
  }, 600_000);
});
