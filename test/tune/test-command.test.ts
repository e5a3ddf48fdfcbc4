/** `spelunk test`: the .test.yml format, expectations, contentctl's pass rule, output, JUnit and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { parseDetection } from '../../src/detections/detection.js';
import { contentctlFailure, objectFieldsOf } from '../../src/tune/pass-rule.js';
import { datasetPathOf } from '../../src/tune/attack-data.js';
import { runTests, summarize } from '../../src/tune/run-tests.js';
import { parseTestFile } from '../../src/tune/test-file.js';
import type { Row } from '../../src/index.js';
import { junitXml } from '../../src/tune/junit.js';
import { parseXml, schemaProblems, type XmlElement } from './junit-schema.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const w3wp = resolve(repoRoot, 'examples/w3wp_spawning_shell.yml');
const proxylogon = resolve(repoRoot, 'examples/data/otrf-proxylogon');
const sysmonLine = readFileSync(resolve(repoRoot, 'examples/data/splunk-security-content-examples/sysmon_eventid_1.example.log'), 'utf8');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spelunk-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function indented(text: string, spaces: number): string {
  return text.trimEnd().split('\n').map((line) => ' '.repeat(spaces) + line).join('\n');
}

/** A small detection over Endpoint.Processes, with dest as its risk object. */
const cmdDetection = [
  'name: Cmd Anywhere',
  "search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest | `drop_dm_object_name(Processes)` | `cmd_anywhere_filter`'",
  'tags:',
  '  observable:',
  '  - name: dest',
  '    type: Endpoint',
  '    role: [Victim]',
].join('\n');

describe('test files', () => {
  it('reads cases with data, inline events, macros and each kind of expectation', () => {
    const dir = folder({ 'd.yml': cmdDetection });
    const file = parseTestFile(
      [
        'macros: [shared.conf]',
        'tests:',
        '- name: a',
        `  data: [${proxylogon}]`,
        '  expect: fires',
        '- name: b',
        '  events: |',
        '    one line',
        "  macro: ['x_filter=search NOT dest=y']",
        '  expect: does not fire',
        '- name: c',
        `  data: [${proxylogon}]`,
        '  expect: { count: 2 }',
        '- name: d',
        `  data: [${proxylogon}]`,
        '  expect:',
        '    columns: subset',
        '    rows:',
        '    - { dest: a, count: 2 }',
      ].join('\n'),
      join(dir, 'd.test.yml'),
    );
    expect(file.detectionPath).toBe(join(dir, 'd.yml'));
    expect(file.cases.map((c) => c.expect)).toEqual([
      { kind: 'fires' },
      { kind: 'does not fire' },
      { kind: 'count', count: 2 },
      { kind: 'rows', columns: 'subset', rows: [{ dest: 'a', count: '2' }] },
    ]);
    expect(file.cases[1]!.events).toBe('one line\n');
    expect(file.cases[1]!.inlineMacros).toEqual(['x_filter=search NOT dest=y']);
    expect(file.cases[0]!.macros).toEqual([join(dir, 'shared.conf')]);
  });

  it('a mistake names the file and the place in it', () => {
    const attempt = (text: string): string => {
      try {
        parseTestFile(text, 'x.test.yml');
      } catch (error) {
        expect(error).toBeInstanceOf(SpelunkError);
        expect((error as SpelunkError).kind).toBe('usage');
        return (error as SpelunkError).message;
      }
      throw new Error('no error');
    };
    expect(attempt(`tests:\n- name: a\n  data: [${proxylogon}]\n  expect: fire`)).toBe(
      'x.test.yml: tests[0].expect: expected `fires`, `does not fire`, `{ count: N }` or `{ rows: [...], columns: exact|subset }`',
    );
    expect(attempt('tests:\n- name: a\n  expect: fires')).toContain('tests[0]: give the case its data');
    expect(attempt('tests:\n- name: a\n  data: [nope.log]\n  expect: fires')).toContain('no such file or folder');
    expect(attempt('tests: [')).toMatch(/^x\.test\.yml:1:\d+: invalid YAML/);
    expect(attempt(`tests:\n- name: a\n  data: [${proxylogon}]\n  expect: { count: -1 }`)).toContain('tests[0].expect.count');
  });
});

describe('cases', () => {
  it('judge each expectation on real data, with the first difference', async () => {
    const dir = folder({
      'cmd_anywhere.yml': cmdDetection,
      'cmd_anywhere.test.yml': [
        'tests:',
        '- name: inline sysmon event fires',
        '  events: |',
        indented(sysmonLine, 4),
        '  expect: fires',
        '- name: exact rows',
        '  events: |',
        indented(sysmonLine, 4),
        '  expect:',
        '    rows:',
        '    - { dest: win-dc-6764986.attackrange.local, count: 1 }',
        '- name: a subset of columns, wrong value',
        '  events: |',
        indented(sysmonLine, 4),
        '  expect:',
        '    columns: subset',
        '    rows:',
        '    - { count: 3 }',
        '- name: exact rows miss a column',
        '  events: |',
        indented(sysmonLine, 4),
        '  expect:',
        '    rows:',
        '    - { dest: win-dc-6764986.attackrange.local }',
        '- name: filtered out',
        '  events: |',
        indented(sysmonLine, 4),
        "  macro: ['cmd_anywhere_filter=search NOT dest=win-dc-*']",
        '  expect: does not fire',
        '- name: mistyped filter name fires anyway',
        '  events: |',
        indented(sysmonLine, 4),
        "  macro: ['cmd_anywhere_filtr=search NOT dest=win-dc-*']",
        '  expect: does not fire',
        '- name: count',
        '  events: |',
        indented(sysmonLine, 4),
        '  expect: { count: 2 }',
      ].join('\n'),
    });
    const outcomes = await runTests([dir]);
    const byName = new Map(outcomes.map((o) => [o.name, o]));
    expect(outcomes.every((o) => o.kind === 'case' && o.detection === 'Cmd Anywhere')).toBe(true);
    expect(byName.get('inline sysmon event fires')!.status).toBe('pass');
    expect(byName.get('exact rows')!.status).toBe('pass');
    expect(byName.get('a subset of columns, wrong value')!.reason).toBe('row 1: count is "1", expected "3"');
    expect(byName.get('exact rows miss a column')!.reason).toBe('row 1: count is "1", expected null');
    expect(byName.get('filtered out')!.status).toBe('pass');
    const mistyped = byName.get('mistyped filter name fires anyway')!;
    expect(mistyped.status).toBe('fail');
    expect(mistyped.reason).toMatch(/^expected no results, got 1 result; the first: \{"dest":"win-dc-6764986.attackrange.local"/);
    expect(mistyped.warnings.join('\n')).toContain('did you mean `cmd_anywhere_filter`?');
    expect(byName.get('count')!.reason).toBe('expected 2 results, got 1');
    expect(summarize(outcomes)).toEqual({ total: 7, passed: 3, failed: 4, skipped: 0 });
  });
});

describe("contentctl's pass rule", () => {
  const row = (fields: Record<string, string | null>): Row => new Map(Object.entries(fields));
  it('takes Victim observables as risk objects and Attacker ones as threat objects, or the rba block', () => {
    const tags = parseDetection(
      "name: x\nsearch: '| tstats count'\ntags:\n  observable:\n  - {name: dest, type: Endpoint, role: [Victim]}\n  - {name: user, type: User, role: [Victim]}\n  - {name: process_name, type: Process, role: [Attacker]}\n  - {name: parent, type: Process, role: [Parent Process]}\n",
      'x.yml',
    );
    expect(objectFieldsOf(tags)).toEqual({ risk: ['dest', 'user'], threat: ['process_name'] });
    const rba = parseDetection(
      "name: x\nsearch: '| tstats count'\nrba:\n  message: m\n  risk_objects:\n  - {field: user, type: user, score: 20}\n  threat_objects:\n  - {field: process, type: process}\n",
      'x.yml',
    );
    expect(objectFieldsOf(rba)).toEqual({ risk: ['user'], threat: ['process'] });
  });

  it('needs a result, every risk field in every result, and each threat field in some result', () => {
    const fields = { risk: ['dest'], threat: ['process'] };
    expect(contentctlFailure([], fields)).toContain('no results');
    expect(contentctlFailure([row({ dest: 'a', process: 'p' }), row({ dest: null, process: 'p' })], fields)).toBe(
      'result 2 of 2 has no value for the risk object field dest',
    );
    expect(contentctlFailure([row({ dest: 'null', process: 'p' })], fields)).toContain('risk object field dest');
    expect(contentctlFailure([row({ dest: 'a', process: null }), row({ dest: 'b', process: 'p' })], fields)).toBeUndefined();
    expect(contentctlFailure([row({ dest: 'a' })], fields)).toBe('no result has a value for the threat object field process');
  });

  it("finds the datasets/ path in attack_data's URLs", () => {
    expect(datasetPathOf('https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1505.003/windows-sysmon.log')).toBe(
      'attack_techniques/T1505.003/windows-sysmon.log',
    );
    expect(datasetPathOf('https://example.com/other/file.log')).toBeUndefined();
  });
});

describe('spelunk test (command line)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [bin, 'test', ...args], { cwd: repoRoot, encoding: 'utf8' });
  const dir = folder({
    'w3wp.test.yml': [
      `detection: ${w3wp}`,
      'tests:',
      '- name: the proxylogon web shell fires',
      `  data: [${proxylogon}]`,
      '  expect: fires',
      '- name: a filter on the server drops it',
      `  data: [${proxylogon}]`,
      "  macro: ['w3wp_spawning_shell_filter=search NOT dest=MXS01*']",
      '  expect: { count: 1 }',
    ].join('\n'),
  });
  const attackData = folder({});

  it('prints a line per test and the summary, exits 1 on a failure, writes JUnit that validates', () => {
    const junit = join(attackData, 'results.xml');
    const out = run([join(dir, 'w3wp.test.yml'), w3wp, '--attack-data', attackData, '--junit', junit]);
    expect(out.status).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^skipped {2}W3WP Spawning Shell › True Positive Test: attack data not found: looked for .*datasets\/attack_techniques\/T1505\.003\/windows-sysmon\.log/);
    expect(lines[1]).toBe('pass     W3WP Spawning Shell › the proxylogon web shell fires');
    expect(lines[2]).toBe('fail     W3WP Spawning Shell › a filter on the server drops it: expected 1 result, got 0');
    expect(lines[3]).toBe('tests 3: passed 1, failed 1, skipped 1');

    const root = parseXml(readFileSync(junit, 'utf8'));
    expect(schemaProblems(root)).toEqual([]);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const suites = root.children.filter((c) => c.name === 'testsuite');
    // One suite per test file: the detection's own tests, then its .test.yml cases.
    expect(suites.map((s) => [s.attributes['name'], s.attributes['tests'], s.attributes['failures'], s.attributes['skipped']])).toEqual([
      ['W3WP Spawning Shell', '1', '0', '1'],
      ['W3WP Spawning Shell', '2', '1', '0'],
    ]);
    const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
    const status = (c: XmlElement): string => (c.children.some((x) => x.name === 'failure') ? 'fail' : c.children.some((x) => x.name === 'skipped') ? 'skipped' : 'pass');
    expect(cases.map(status)).toEqual(['skipped', 'pass', 'fail']);
    expect(cases[2]!.children.find((x) => x.name === 'failure')!.attributes['message']).toBe('expected 1 result, got 0');
  });

  it('--format json gives one document; a sibling .test.yml is found from the detection; exit 0 when nothing failed', () => {
    const detectionDir = folder({ 'cmd_anywhere.yml': cmdDetection });
    writeFileSync(join(detectionDir, 'cmd_anywhere.test.yml'), ['tests:', '- name: fires', '  events: |', indented(sysmonLine, 4), '  expect: fires'].join('\n'));
    const out = run([join(detectionDir, 'cmd_anywhere.yml'), '--format', 'json']);
    expect(out.status).toBe(0);
    const document = JSON.parse(out.stdout) as { tests: Array<{ name: string; status: string; results: number }>; summary: unknown };
    expect(document.summary).toEqual({ total: 1, passed: 1, failed: 0, skipped: 0 });
    expect(document.tests[0]).toMatchObject({ name: 'fires', status: 'pass', results: 1 });
  });

  it('bad usage exits 2 with a message and no stack', () => {
    for (const args of [['nope/missing.yml'], [join(repoRoot, 'package.json')], []]) {
      const out = run(args);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/spelunk: |error: /);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the JUnit schema check', () => {
  it('rejects what junit-10.xsd does not allow', () => {
    const bad = parseXml('<?xml version="1.0"?>\n<testsuites skipped="1"><testsuite name="a" tests="1"><testcase file="x"><bogus/></testcase></testsuite></testsuites>');
    expect(schemaProblems(bad)).toEqual([
      '<testsuites> may not have skipped',
      '<testsuite> lacks failures',
      '<testsuite> lacks errors',
      '<testcase> lacks name',
      '<testcase> may not have file',
      '<testcase> may not hold <bogus>',
      'unknown element <bogus>',
    ]);
    expect(() => parseXml('<?xml version="1.0"?>\n<a><b></a>')).toThrow();
  });
});

describe('junitXml', () => {
  it('escapes names and reasons so that they read back as written, and counts per suite', () => {
    const odd = 'a <b> & "c"\nnext\u0001';
    const xml = junitXml([
      { detection: odd, file: 'd.yml', name: odd, kind: 'case', status: 'fail', reason: odd, results: 0, warnings: ['w <1>'], seconds: 0.25 },
      { detection: odd, file: 'd.yml', name: 'two', kind: 'case', status: 'skipped', reason: 'why', warnings: [], seconds: 0 },
      { detection: 'other', file: 'e.yml', name: 'three', kind: 'attack_data', status: 'pass', warnings: [], seconds: 1 },
    ]);
    const root = parseXml(xml);
    expect(schemaProblems(root)).toEqual([]);
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '0', time: '1.250' });
    const [first, second] = root.children;
    expect(first!.attributes).toMatchObject({ name: 'a <b> & "c"\nnext\uFFFD', tests: '2', failures: '1', skipped: '1', file: 'd.yml' });
    expect(second!.attributes).toMatchObject({ name: 'other', tests: '1', failures: '0', skipped: '0' });
    const failure = first!.children[0]!.children.find((c) => c.name === 'failure')!;
    expect(failure.attributes['message']).toBe('a <b> & "c"\nnext\uFFFD');
    expect(first!.children[0]!.children.find((c) => c.name === 'system-out')!.text).toBe('warning: w <1>');
    expect(first!.children[1]!.children.map((c) => [c.name, c.attributes['message']])).toEqual([['skipped', 'why']]);
  });
});
