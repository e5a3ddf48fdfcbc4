/**
 * Issue 20, section 3, "Quadratic paths": inputs that made spelunk's work grow faster than the
 * input. Field-name wildcards are matched in linear passes (a regex with lazy groups took
 * exponential time on long names that almost match); eventstats computes each group's
 * statistics once instead of once per row; macro expansion finds positions without rescanning the
 * search; streamstats refuses a window over Splunk's max_stream_window. Runs that would hang are
 * in a child process with a deadline only a hang would miss; no timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchFieldPattern } from '../../src/core/field-names.js';
import { MAX_STREAM_WINDOW } from '../../src/commands/streamstats.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
/** Minutes: the fixed code needs well under a second on each case, the old code hours (wildcards) or most of a minute. */
const DEADLINE_MS = 120_000;
const scratch = mkdtempSync(join(tmpdir(), 'spelunk-quadratic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runSearch(search: string, extra: string[] = []): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', 'csv', '--quiet', ...extra], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: DEADLINE_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('field-name wildcards', () => {
  it('capture what (.*?) groups would, shortest from the left', () => {
    expect(matchFieldPattern('Processes.*', 'Processes.dest')).toEqual(['dest']);
    expect(matchFieldPattern('*.*', 'a.b.c')).toEqual(['a', 'b.c']);
    expect(matchFieldPattern('a**b', 'axyb')).toEqual(['', 'xy']);
    expect(matchFieldPattern('*ab*ab', 'xabyab')).toEqual(['x', 'y']);
    expect(matchFieldPattern('ab*ba', 'aba')).toBeUndefined();
    expect(matchFieldPattern('*', '')).toEqual(['']);
    expect(matchFieldPattern('x', 'x')).toEqual([]);
    expect(matchFieldPattern('a*b*c', 'abca')).toBeUndefined();
    // The same answers as the regex they replace, on every small case.
    const alphabet = ['a', 'b', '*'];
    const words = (n: number): string[] => (n === 0 ? [''] : words(n - 1).flatMap((w) => alphabet.map((c) => w + c)));
    const fields = [...words(4)].filter((w) => !w.includes('*'));
    for (const pattern of words(4)) {
      const source = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)');
      for (const field of fields) {
        const match = new RegExp(`^${source}$`, 's').exec(field);
        expect(matchFieldPattern(pattern, field), `${pattern} on ${field}`).toEqual(match ? match.slice(1) : undefined);
      }
    }
  });

  it('a pattern of many stars against a long name that almost matches takes linear passes', () => {
    const pattern = `${'a*'.repeat(30)}b`;
    expect(matchFieldPattern(pattern, 'a'.repeat(5_000))).toBeUndefined();
  });

  it('fields and table with such a pattern finish', () => {
    const name = 'a'.repeat(200);
    const { code, signal, stdout, stderr } = runSearch(`| makeresults | eval ${name}=1, keep=2 | fields ${'a*'.repeat(20)}b keep | table ${'*k*e*e*p'} ${'a*'.repeat(20)}b`);
    expect(signal, 'the run hung until the deadline').toBeNull();
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['keep', '2']);
  });
});

describe('eventstats perc on many rows', () => {
  it('computes each group once', () => {
    const { code, signal, stdout, stderr } = runSearch('| makeresults count=50000 | streamstats count as n | eval g=n%2 | eventstats perc50(n) as p by g | stats values(p) as p by g');
    expect(signal, 'the run hung until the deadline').toBeNull();
    expect(code, stderr).toBe(0);
    // perc interpolates between ranks (docs/semantics.md, percentiles): odd n (g=1) are
    // 1,3,...,49999, whose rank 0.5·24999 = 12499.5 lies between 24999 and 25001: 25000;
    // even n (g=0) are 2,...,50000: between 25000 and 25002, 25001.
    expect(stdout.trim().split('\n')).toEqual(['g,p', '0,25001', '1,25000']);
  });
});

describe('macro expansion of many invocations', () => {
  it('99,000 empty macros expand', () => {
    const conf = join(scratch, 'macros.conf');
    writeFileSync(conf, '[empty]\ndefinition = \n');
    // Too long for a command-line argument: the search goes in a .spl file.
    const search = join(scratch, 'many.spl');
    writeFileSync(search, `| makeresults ${'`empty`'.repeat(99_000)}| eval ok=1 | table ok`);
    const { code, signal, stdout, stderr } = runSearch(search, ['--macros', conf]);
    expect(signal, 'the run hung until the deadline').toBeNull();
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['ok', '1']);
  });
});

describe('streamstats window', () => {
  it(`accepts ${MAX_STREAM_WINDOW} and refuses more, naming the limit`, () => {
    const ok = runSearch(`| makeresults count=3 | streamstats window=${MAX_STREAM_WINDOW} count as c | table c`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual(['c', '1', '2', '3']);
    const refused = runSearch(`| makeresults count=3 | streamstats window=${MAX_STREAM_WINDOW + 1} count as c`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('max_stream_window');
    expect(refused.stderr).toContain(String(MAX_STREAM_WINDOW));
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
