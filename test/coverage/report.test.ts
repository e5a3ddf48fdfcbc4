import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectSearches, finalLine, formatJsonReport, formatTextReport, runCoverage, summarize, type CoverageResult } from '../../src/coverage/index.js';
import { openSession } from '../../src/index.js';

let results: CoverageResult[];
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'spelunk-coverage-'));
  mkdirSync(path.join(folder, 'endpoint'));
  mkdirSync(path.join(folder, 'deprecated'));
  writeFileSync(
    path.join(folder, 'endpoint', 'count.yml'),
    'name: Count By Dest\nstatus: production\nsearch: "| tstats count from datamodel=Endpoint.Processes by Processes.dest"\n',
  );
  writeFileSync(path.join(folder, 'endpoint', 'old.yml'), 'name: Old One\nstatus: deprecated\nsearch: "| tstats count from datamodel=Endpoint.Processes"\n');
  writeFileSync(path.join(folder, 'deprecated', 'gone.yml'), 'name: Gone\nsearch: "| tstats count from datamodel=Endpoint.Processes"\n');
  writeFileSync(path.join(folder, 'not-a-detection.yml'), 'name: a macro\ndefinition: search *\n');
  const list = path.join(folder, 'searches.tsv');
  writeFileSync(
    list,
    [
      'mltk\t| tstats count from datamodel=Endpoint.Processes by Processes.dest | apply some_model',
      'broken\t| tstats count from datamodel=Endpoint.Processes by',
      '',
    ].join('\n'),
  );
  const { session } = await openSession({ now: '2024-01-01T00:00:00Z' });
  results = runCoverage(collectSearches([path.join(folder, 'endpoint'), path.join(folder, 'deprecated'), list]), session);
});

describe('spelunk coverage', () => {
  it('reads detection folders recursively and name<TAB>search files; marks deprecated by folder or status', () => {
    expect(results.map((r) => [r.name, r.deprecated])).toEqual([
      ['Count By Dest', false],
      ['Old One', true],
      ['Gone', true],
      ['mltk', false],
      ['broken', false],
    ]);
  });

  it('classifies ok (with rows), unsupported (naming the command) and error', () => {
    expect(results[0]!.status).toBe('ok');
    expect(results[0]!.rows).toBeGreaterThan(0);
    expect(results[3]).toMatchObject({ status: 'unsupported', feature: "command 'apply'", parsed: true });
    expect(results[4]).toMatchObject({ status: 'error', parsed: false });
  });

  it('ends the text report with the exact summary line over the non-deprecated searches', () => {
    const text = formatTextReport(results);
    expect(text.trimEnd().split('\n').at(-1)).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3');
    expect(text).toContain("1  command 'apply'");
    expect(finalLine(summarize(results))).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3');
  });

  it('gives valid JSON with per-search results', () => {
    const json = JSON.parse(formatJsonReport(results)) as { results: unknown[]; summary: { deprecated: { total: number } }; line: string };
    expect(json.results).toHaveLength(5);
    expect(json.summary.deprecated.total).toBe(2);
    expect(json.line).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3');
  });
});
