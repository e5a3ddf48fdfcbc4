/**
 * Issue 20, section 3, "Stack depth": inputs that overflowed the JavaScript stack and ended in an
 * internal error now either run (loops instead of spreads) or stop at a documented depth with a
 * search or syntax error that says so, exit code 2, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valuesOf } from '../../src/core/values.js';
import { MAX_EVAL_DEPTH } from '../../src/parse/eval-parser.js';
import { MAX_SUBSEARCH_DEPTH } from '../../src/parse/pipeline-parser.js';
import { runCommand, table } from '../commands/direct.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const DEADLINE_MS = 120_000;

function runSearch(search: string, format = 'csv'): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', format, '--quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: DEADLINE_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectRefused(search: string, message: string): void {
  const { code, stderr } = runSearch(search);
  expect(code, stderr).toBe(2);
  expect(stderr).toContain(message);
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\n\s+at /);
}

function nestedAppends(levels: number): string {
  let search = '| makeresults | eval a=1';
  for (let i = 0; i < levels; i++) search = `| makeresults | append [${search}]`;
  return `${search} | stats count`;
}

describe('nested subsearches', () => {
  it(`${MAX_SUBSEARCH_DEPTH} levels run`, () => {
    const { code, stdout, stderr } = runSearch(nestedAppends(MAX_SUBSEARCH_DEPTH));
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['count', String(MAX_SUBSEARCH_DEPTH + 1)]);
  });

  it('one more, or 300, is refused with max_subsearch_depth', () => {
    expectRefused(nestedAppends(MAX_SUBSEARCH_DEPTH + 1), 'max_subsearch_depth');
    expectRefused(nestedAppends(300), 'max_subsearch_depth');
  });
});

describe('deep expressions', () => {
  const tooDeep = 'the expression is nested too deeply';
  it(`a chain of ${MAX_EVAL_DEPTH} terms runs, 10,000 are refused`, () => {
    const ok = runSearch(`| makeresults | eval x=${Array(MAX_EVAL_DEPTH).fill('1').join('+')} | table x`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual(['x', String(MAX_EVAL_DEPTH)]);
    expectRefused(`| makeresults | eval x=${Array(10_000).fill('1').join('+')}`, tooDeep);
  });

  it('WHERE parentheses, NOT ×2000 and a 5,000-term AND are refused', () => {
    expectRefused(`| makeresults | where ${'('.repeat(700)}1=1${')'.repeat(700)}`, tooDeep);
    expectRefused(`| makeresults | where ${'NOT '.repeat(2000)}1=1`, tooDeep);
    expectRefused(`| makeresults | where ${Array(5000).fill('1=1').join(' AND ')}`, tooDeep);
  });

  it('a 5,000-term AND in search runs', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `a${i}=*`).join(' AND ');
    const { code, stderr } = runSearch(`| makeresults | eval a0=1 | search ${terms}`);
    expect(code, stderr).toBe(0);
  });
});

describe('large values and outputs', () => {
  it('makemv into a million values', () => {
    const value = Array.from({ length: 1_000_000 }, (_, i) => String(i % 10)).join(',');
    const { table: out } = runCommand('makemv delim="," s', table(['s'], { s: value }));
    const values = valuesOf(out.rows[0]!.get('s') ?? null);
    expect(values).toHaveLength(1_000_000);
    expect(values[999_999]).toBe('9');
  });

  it('table output of 200,000 rows', () => {
    const { code, stdout, stderr } = runSearch('| makeresults count=200000 | streamstats count as n | table n', 'table');
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]!.trim()).toBe('200000');
  });
});
