/**
 * Issue 20, section 4: errors in spelunk's words, naming the right thing, with the documented exit
 * code (2 for a search or usage error) and never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_STRING_LENGTH } from '../../src/eval/evaluate.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const scratch = mkdtempSync(join(tmpdir(), 'spelunk-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(search: string, extra: string[] = []): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', 'csv', '--quiet', ...extra], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectError(result: { code: number | null; stderr: string }, message: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('eval', () => {
  it('a string past the longest V8 can hold is a search error at the operator', () => {
    let search = '| makeresults | eval s="aaaaaaaaaaaaaaaa"';
    for (let i = 0; i < 26; i++) search += ' | eval s=s.s';
    const result = run(`${search} | eval n=len(s)`);
    expectError(result, `more than the ${MAX_STRING_LENGTH} a string can hold`);
    expect(result.stderr).toMatch(/at line 1, column \d+/);
  });

  it('searchmatch() with square brackets names the argument instead of an internal subsearch error', () => {
    for (const query of ['[y]', 'x=[y]']) {
      expectError(run(`| makeresults | eval x=if(searchmatch("${query}"),1,0)`), `searchmatch(): "${query}" holds a subsearch`);
    }
    // Brackets inside a quoted value are text.
    const quoted = run('| makeresults | eval x="[y]" | eval m=if(searchmatch("x=\\"[y]\\""),1,0) | table m');
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(quoted.stdout.trim().split('\n')).toEqual(['m', '1']);
  });
});

describe('times', () => {
  it('a huge epoch in bin blames the time, not the zone', () => {
    const result = run('| makeresults | eval _time=1e300 | bin _time span=1h');
    expectError(result, 'The time 1e+300 is out of range');
    expect(result.stderr).not.toContain('time zone');
  });

  it('--now and --latest errors name their own option', () => {
    expectError(run('| makeresults', ['--now', 'garbage']), "for time term 'now'");
    expectError(run('| makeresults', ['--latest', 'garbage']), "for time term 'latest'");
    expectError(run('| makeresults', ['--earliest', 'garbage']), "for time term 'earliest'");
    expectError(run('| makeresults', ['--now', '99999999999999999']), "for time term 'now': a time is at most");
  });
});

describe('exit codes of broken inputs', () => {
  it('an invalid YAML search file is a usage error (2)', () => {
    const file = join(scratch, 'bad.yml');
    writeFileSync(file, 'search: "| makeresults\n  bad: [\n');
    expectError(run(file), 'invalid YAML');
  });

  it('a macros.conf with a broken stanza is a macro error (2)', () => {
    const file = join(scratch, 'macros.conf');
    writeFileSync(file, '[good]\ndefinition = 1\n[broken\ndefinition = 2\n');
    expectError(run('| makeresults', ['--macros', file]), "macros.conf:3: stanza header without closing ']'");
    writeFileSync(file, '[good]\ndefinition = 1\nno equals sign here\n');
    expectError(run('| makeresults', ['--macros', file]), "macros.conf:3: expected 'key = value'");
  });

  it('--lookups PATH that does not exist is a usage error', () => {
    expectError(run('| makeresults', ['--lookups', join(scratch, 'missing')]), 'no such file or folder');
  });
});
