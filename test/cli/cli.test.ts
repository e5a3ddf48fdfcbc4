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

  it('infers the --output format from the extension unless --format says otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-cli-'));
    const search = 'examples/w3wp_spawning_shell.yml';
    for (const [name, check] of [
      ['out.csv', (text: string) => expect(text.split('\n')[0]).toBe('dest,parent_process,original_file_name,user,count,process_name,process,firstTime,lastTime')],
      ['out.JSON', (text: string) => expect((JSON.parse(text) as unknown[]).length).toBe(2)],
      ['out.txt', (text: string) => expect(text).toMatch(/^dest +MXS01\.azsentinel\.local$/m)],
    ] as const) {
      const { code } = spelunk(['run', search, '--output', join(dir, name), '--quiet']);
      expect(code).toBe(0);
      check(readFileSync(join(dir, name), 'utf8'));
    }
    // --format wins over the extension; a file of another extension gets CSV, as a pipe does.
    expect(spelunk(['run', search, '--output', join(dir, 'forced.json'), '--format', 'csv', '--quiet']).code).toBe(0);
    expect(readFileSync(join(dir, 'forced.json'), 'utf8')).toMatch(/^dest,/);
    expect(spelunk(['run', search, '--output', join(dir, 'out.dat'), '--quiet']).code).toBe(0);
    expect(readFileSync(join(dir, 'out.dat'), 'utf8')).toMatch(/^dest,/);
  });

  it('prints the REST document with --format splunk-json, warnings as messages', () => {
    // rename's warning, in Splunk's words (src/commands/rename.ts).
    const { code, stdout } = spelunk(['run', '| makeresults | eval a=1, b=2 | rename a as c, b as c | table c', '--format', 'splunk-json', '--quiet']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['preview', 'init_offset', 'messages', 'fields', 'results', 'highlighted']);
    expect(document['messages']).toEqual([{ type: 'WARN', text: expect.stringMatching(/^Multiple renames to field 'c' detected\./) as unknown }]);
    expect(document['fields']).toEqual([{ name: 'c' }]);
    expect(document['results']).toEqual([{ c: '2' }]);
  });

  it('ends with a footer on stderr giving the result count, not with --quiet', () => {
    const loud = spelunk(['run', 'examples/w3wp_spawning_shell.yml', '--format', 'csv']);
    expect(loud.stderr.trimEnd().split('\n').at(-1)).toMatch(/^spelunk: 2 results in \d+\.\d{3} seconds$/);
    expect(spelunk(['run', 'examples/w3wp_spawning_shell.yml', '--format', 'csv', '--quiet']).stderr).toBe('');
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

describe('spelunk datamodel', () => {
  it('reads the bundled sample by default and writes CSV on a pipe, like run; -q silences stderr', () => {
    const { code, stdout, stderr } = spelunk(['datamodel', '--head', '1', '-q']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [header, row, end] = stdout.split('\n');
    expect(header).toMatch(/^_time,.*\bprocess_name\b/);
    expect(row).toMatch(/,/);
    expect(end).toBe('');
    const table = spelunk(['datamodel', '--head', '1', '-f', 'table', '--vertical']);
    expect(table.stdout).toMatch(/^Processes\.dest +\S+$/m);
    expect(table.stderr).toMatch(/^spelunk: no --data: using the bundled sample/);
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
