/**
 * The command line as a user meets it: the built `spelunk` binary (npm test builds first),
 * its exit codes (0 success, 2 usage or search error, 1 anything else) and its messages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function spelunk(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', input: input ?? '' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('spelunk run', () => {
  it('runs the bundled W3WP detection over the bundled sample with no arguments', () => {
    const { code, stdout, stderr } = spelunk(['run', '--format', 'table', '--wide']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^dest\s+parent_process\s+original_file_name\s+user\s+count\s+process_name\s+process\s+firstTime\s+lastTime$/);
    expect(stdout).toContain('cmd /c whoami');
    expect(stderr).toMatch(/using the bundled sample/);
    expect(stderr).toMatch(/process events/);
  });

  it('prints JSON: an array of objects in column order, every value a string', () => {
    const { code, stdout } = spelunk(['run', 'examples/w3wp_spawning_shell.yml', '--format', 'json', '--quiet']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(['dest', 'parent_process', 'original_file_name', 'user', 'count', 'process_name', 'process', 'firstTime', 'lastTime']);
    for (const row of rows) for (const value of Object.values(row)) expect(typeof value === 'string' || Array.isArray(value)).toBe(true);
  });

  it('prints CSV with a multivalue cell joined by newlines inside quotes', () => {
    const { code, stdout } = spelunk(['run', '| tstats values(Processes.process_name) as names from datamodel=Endpoint.Processes', '--format', 'csv', '--quiet']);
    expect(code).toBe(0);
    expect(stdout.startsWith('names\n"')).toBe(true);
    expect(stdout.trim().split('\n').length).toBeGreaterThan(3);
  });

  it('reads a .spl file and writes --output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-cli-'));
    const out = join(dir, 'out.json');
    const { code, stdout } = spelunk(['run', 'examples/w3wp_spawning_shell.spl', '--format', 'json', '--output', out, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads data from standard input with --data -', () => {
    const sample = readFileSync(resolve(repoRoot, 'examples/data/otrf-proxylogon/proxylogon_process_creation_only.json'), 'utf8');
    const { code, stdout } = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes', '--data', '-', '--format', 'csv', '--quiet'], sample);
    expect(code).toBe(0);
    expect(stdout).toBe(`count\n${sample.trim().split('\n').length}\n`);
  });

  it('exits 0 with zero rows', () => {
    const { code, stdout } = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes where Processes.dest=nomatch by Processes.dest', '--format', 'json', '--quiet']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('applies --macro to override a filter', () => {
    const all = JSON.parse(spelunk(['run', '--format', 'json', '--quiet']).stdout) as unknown[];
    const none = spelunk(['run', '--format', 'json', '--quiet', '--macro', 'w3wp_spawning_shell_filter=search dest=nomatch']);
    expect(all.length).toBeGreaterThan(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });
});

describe('errors: one clear message, the right exit code, never a stack trace', () => {
  const cases: { name: string; args: string[]; code: number; message: RegExp }[] = [
    { name: 'unbalanced quotes', args: ['run', '| tstats count from datamodel=Endpoint.Processes where x="a'], code: 2, message: /^spelunk: Unbalanced quotes\.\nat line 1, column 58\n/ },
    { name: 'unknown macro', args: ['run', '| tstats count from datamodel=Endpoint.Processes | `no_such_macro`'], code: 2, message: /The search specifies a macro 'no_such_macro' that cannot be found/ },
    { name: 'unsupported command', args: ['run', '| tstats count from datamodel=Endpoint.Processes | frobnicate x'], code: 2, message: /^spelunk: spelunk does not support the 'frobnicate' command\./ },
    { name: 'unknown data model', args: ['run', '| tstats count from datamodel=Nope'], code: 2, message: /The data model 'Nope' was not found/ },
    { name: 'bad --format', args: ['run', '--format', 'xml'], code: 2, message: /argument 'xml' is invalid/ },
    { name: 'unknown option', args: ['run', '--frobnicate'], code: 2, message: /unknown option '--frobnicate'/ },
    { name: 'unknown command', args: ['frobnicate'], code: 2, message: /unknown command 'frobnicate'/ },
    { name: 'bad --tz', args: ['run', '--tz', 'Mars/Olympus'], code: 2, message: /Unknown time zone 'Mars\/Olympus'/ },
    { name: 'bad --earliest', args: ['run', '--earliest', 'yesterdayish'], code: 2, message: /yesterdayish/ },
    { name: 'inverted time range', args: ['run', '--earliest', '2020-08-09T00:00:00Z', '--latest', '2020-08-01T00:00:00Z'], code: 2, message: /--earliest \(2020-08-09T00:00:00.000Z\) is later than --latest/ },
    { name: 'unwritable --output', args: ['run', '--output', '/nonexistent-dir/out.csv'], code: 1, message: /^spelunk: cannot write \/nonexistent-dir\/out\.csv: / },
    { name: 'missing search file', args: ['run', 'nope.yml'], code: 2, message: /search file not found: nope\.yml/ },
    { name: 'missing data path', args: ['run', '--data', 'no/such/dir'], code: 1, message: /no\/such\/dir/ },
    { name: 'missing --macros file', args: ['run', '--macros', 'no/such/macros.conf'], code: 2, message: /no\/such\/macros\.conf/ },
  ];
  for (const c of cases) {
    it(`${c.name}: exit ${c.code}`, () => {
      const { code, stderr } = spelunk([...c.args, '--quiet']);
      expect(stderr).toMatch(c.message);
      expect(code).toBe(c.code);
      expectNoStackTrace(stderr);
    });
  }

  it('points at the macro an error came from', () => {
    const { code, stderr } = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes | `bad`', '--macro', 'bad=search x="open', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unbalanced quotes\./);
    expect(stderr).toMatch(/in macro `bad`/);
    expect(stderr).toMatch(/\^/);
  });

  it('fails on a malformed record only with --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-cli-'));
    const file = join(dir, 'broken.log');
    const sample = readFileSync(resolve(repoRoot, 'examples/data/otrf-proxylogon/proxylogon_process_creation_only.json'), 'utf8');
    writeFileSync(file, `${sample.split('\n')[0]}\n{"truncated": \n`);
    const lenient = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes', '--data', file, '--format', 'csv']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/1 skipped/);
    const strict = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes', '--data', file, '--strict', '--quiet']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/broken\.log:2/);
    expectNoStackTrace(strict.stderr);
  });
});

describe('spelunk expand', () => {
  it('evaluates an iseval macro with the eval engine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-cli-'));
    const file = join(dir, 'macros.conf');
    writeFileSync(file, '[double_it(1)]\nargs = n\ndefinition = "eval y=" . tostring($n$ * 2)\niseval = 1\n');
    const { code, stdout } = spelunk(['expand', '| makeresults | `double_it(3)`', '--macros', file]);
    expect(code).toBe(0);
    expect(stdout).toBe('| makeresults | eval y=6\n');
  });
});

describe('help', () => {
  it('explains every run option with an example', () => {
    const { code, stdout } = spelunk(['run', '--help']);
    expect(code).toBe(0);
    for (const option of ['--data', '--macros', '--macro', '--format', '--tz', '--output', '--quiet', '--earliest', '--latest', '--now', '--strict', '--threads']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toMatch(/Examples:/);
  });

  it('lists the subcommands', () => {
    const { code, stdout } = spelunk(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'expand', 'parse', 'datamodel', 'generate', 'coverage']) expect(stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
  });
});
