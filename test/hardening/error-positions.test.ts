/**
 * Issue 20, section 4, "missing where": errors that name what is wrong also say where it is in
 * the search (line and column under the search text), exit 2, and never show a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function run(search: string, extra: string[] = []): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', 'csv', '--quiet', ...extra], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stderr: result.stderr };
}

/** The error is a search error (2) with `message`, placed at the column where `at` starts in the search. */
function expectErrorAt(search: string, message: string, at: string): void {
  const { code, stderr } = run(search);
  expect(code, stderr).toBe(2);
  expect(stderr).toContain(message);
  expect(stderr).toContain(`at line 1, column ${search.indexOf(at) + 1}`);
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('errors say where', () => {
  it('searchmatch() with a subsearch in brackets points at the call', () => {
    for (const query of ['[y]', 'x=[y]']) {
      const search = `| makeresults | eval x=if(searchmatch("${query}"),1,0)`;
      expectErrorAt(search, `"${query}" holds a subsearch`, 'searchmatch(');
    }
  });

  it('bin span=2 on _time (no time unit) points at the span', () => {
    const search = '| makeresults | bin span=2 _time';
    expectErrorAt(search, "Invalid span '2'", 'span=2');
  });

  it('a huge epoch in bin names the time and points at the span', () => {
    const search = '| makeresults | eval _time=1e20 | bin _time span=1h';
    expectErrorAt(search, 'The time 100000000000000000000 is out of range', 'span=1h');
  });

  it("an invalid latest= in the tstats WHERE or in search names 'latest', not 'earliest'", () => {
    for (const search of ['| tstats count from datamodel=Endpoint.Processes where latest=1e309', '| makeresults | search latest=1e309']) {
      const { code, stderr } = run(search);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`Invalid value "1e309" for time term 'latest'`);
    }
  });
  it('perc101() points at the function', () => {
    const search = '| makeresults | stats perc101(_time)';
    expectErrorAt(search, 'between 0 and 100', 'perc101');
  });

  it('a subsecond span that does not divide a second is refused at the span (DOC bin: "span = 1000ms is not allowed")', () => {
    const search = '| makeresults | bin _time span=1000ms';
    expectErrorAt(search, 'must divide one second evenly', 'span=1000ms');
  });

  it('a streamstats reset expression that does not parse points at the option', () => {
    const search = '| makeresults | streamstats count reset_after="(x==" ';
    expectErrorAt(search, 'streamstats reset_after', 'reset_after');
  });
});
