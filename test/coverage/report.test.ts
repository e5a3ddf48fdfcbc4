import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectSearches, finalLine, formatJsonReport, formatTextReport, runCoverage, summarize, type CoverageResult } from '../../src/coverage/index.js';
import { openSession } from '../../src/index.js';

let results: CoverageResult[];
let noData: CoverageResult[];
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
  // The bundled sample holds Sysmon EID 1, 3, 7, 8, 10 and 4688: no registry or DNS events.
  const empty = path.join(folder, 'empty.tsv');
  writeFileSync(
    empty,
    [
      'registry\t| tstats count from datamodel=Endpoint.Registry by Registry.dest',
      'registry and dns\t| tstats count from datamodel=Endpoint.Registry by Registry.dest | append [| tstats count from datamodel=Network_Resolution by DNS.query]',
      'registry joined to processes\t| tstats count from datamodel=Endpoint.Processes by Processes.process_guid | join type=outer process_guid [| tstats count from datamodel=Endpoint.Registry by Registry.process_guid]',
      'registry with makeresults\t| makeresults | append [| tstats count from datamodel=Endpoint.Registry by Registry.dest]',
      '',
    ].join('\n'),
  );
  const { session: emptySession } = await openSession({ now: '2024-01-01T00:00:00Z' });
  noData = runCoverage(collectSearches([empty]), emptySession);
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
    expect(text.trimEnd().split('\n').at(-1)).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3, no data 0/3');
    expect(text).toContain("1  command 'apply'");
    expect(finalLine(summarize(results))).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3, no data 0/3');
  });

  it('gives valid JSON with per-search results', () => {
    const json = JSON.parse(formatJsonReport(results)) as { results: unknown[]; summary: { deprecated: { total: number } }; line: string };
    expect(json.results).toHaveLength(5);
    expect(json.summary.deprecated.total).toBe(2);
    expect(json.line).toBe('parsed 2/3, executed 1/3, unsupported 1/3, errors 1/3, no data 0/3');
  });

  it('says no data, naming the empty datasets, for a search that reads only datasets no input filled', () => {
    expect(noData.map((r) => [r.name, r.status])).toEqual([
      ['registry', 'no data'],
      ['registry and dns', 'no data'],
      ['registry joined to processes', 'ok'],
      ['registry with makeresults', 'ok'],
    ]);
    expect(noData[0]!.message).toBe('no data: it reads only Endpoint.Registry, which no input filled');
    expect(noData[1]!.emptyDatasets).toEqual(['Endpoint.Registry', 'Network_Resolution.DNS']);
    // They ran: among the executed, and counted apart on the final line.
    expect(finalLine(summarize(noData))).toBe('parsed 4/4, executed 4/4, unsupported 0/4, errors 0/4, no data 2/4');
    const text = formatTextReport(noData);
    expect(text).toContain('no data                  registry: no data: it reads only Endpoint.Registry, which no input filled');
    expect(text).toMatch(/\n {2}no data +2 {2}50\.0%\n/);
  });

  it('reports an invalid YAML file met in a folder as an error of its own and reads the others', async () => {
    const broken = path.join(folder, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'a_bad.yml'), "name: Bad\nsearch: '| tstats count\nfrom datamodel=Endpoint.Processes'\n| more: x\n");
    writeFileSync(path.join(broken, 'b_good.yml'), 'name: Good\nsearch: "| tstats count from datamodel=Endpoint.Processes"\n');
    const { session } = await openSession({ now: '2024-01-01T00:00:00Z' });
    const found = runCoverage(collectSearches([broken]), session);
    expect(found.map((r) => [r.name, r.status, r.parsed])).toEqual([
      ['a_bad.yml', 'error', false],
      ['Good', 'ok', true],
    ]);
    expect(found[0]!.message).toMatch(/a_bad\.yml: invalid YAML: /);
    // Named on its own, the file is still a usage error.
    expect(() => collectSearches([path.join(broken, 'a_bad.yml')])).toThrow(/invalid YAML/);
  });
});
