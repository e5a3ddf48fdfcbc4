/**
 * Issue 20, section 3, "Memory": searches that grew until V8 aborted the process (exit 134 and a
 * native stack trace) end in a search error (exit 2) that names the memory budget, or, for
 * mvexpand, in Splunk's own max_mem_usage_mb truncation and warning. Each runs in a child process
 * under a small `--max-memory` so that reaching the budget is quick; the deadline only a hang
 * would miss.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MEM_USAGE_MB } from '../../src/commands/mvexpand.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const DEADLINE_MS = 180_000;

function runSearch(search: string, extra: string[]): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', 'csv', ...extra], { cwd: repoRoot, encoding: 'utf8', timeout: DEADLINE_MS });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('the memory budget', () => {
  const cases: Array<[string, string, string]> = [
    ['makeresults count=1e8', '| makeresults count=100000000 | eval x=1', 'makeresults'],
    ['join max=0 of 20k × 20k', '| makeresults count=20000 | eval k=1 | join max=0 k [| makeresults count=20000 | eval k=1, j=2] | stats count', 'join'],
  ];
  for (const [name, search, where] of cases) {
    it(`${name} stops with a search error naming the budget`, () => {
      const { code, signal, stderr } = runSearch(search, ['--quiet', '--max-memory', '200']);
      expect(signal, 'the run hung until the deadline').toBeNull();
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`Search stopped in '${where}'`);
      expect(stderr).toContain('memory budget of 200 MiB');
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a budget that is no whole number is a usage error', () => {
    const { code, stderr } = runSearch('| makeresults', ['--max-memory', 'lots']);
    expect(code).toBe(2);
    expect(stderr).toContain('--max-memory');
  });

  it('a search within the budget runs', () => {
    const { code, stdout, stderr } = runSearch('| makeresults count=1000 | stats count', ['--quiet', '--max-memory', '200']);
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['count', '1000']);
  });
});

describe('mvexpand max_mem_usage_mb', () => {
  it('1e4 × 1e4 values are cut at the limit with Splunk\'s warning, not an abort', () => {
    const { code, signal, stdout, stderr } = runSearch('| makeresults count=10000 | eval m=mvrange(0,10000) | mvexpand m | stats count', []);
    expect(signal, 'the run hung until the deadline').toBeNull();
    expect(code, stderr).toBe(0);
    const count = Number(stdout.trim().split('\n')[1]);
    // Fewer than all 1e8, and at least as many as fit if each row took 500 bytes.
    expect(count).toBeLessThan(100_000_000);
    expect(count).toBeGreaterThan((MAX_MEM_USAGE_MB * 1024 * 1024) / 500);
    expect(stderr).toContain(`mvexpand: output will be truncated at ${count} results due to excessive memory usage. Memory threshold of ${MAX_MEM_USAGE_MB}MB as configured in limits.conf / [mvexpand] / max_mem_usage_mb has been reached.`);
  });

  it('a small expansion is whole', () => {
    const { code, stdout, stderr } = runSearch('| makeresults count=3 | eval m=mvrange(0,4) | mvexpand m | stats count', ['--quiet']);
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['count', '12']);
  });
});
