/** `--explain-filter`: the rows that reached a filter macro, the ones it dropped, the ones it kept. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSearchArgument } from '../../src/cli/search-input.js';
import { createSession, loadData, type ColumnarStore, type Row } from '../../src/index.js';
import { explainFilters } from '../../src/tune/explain-filter.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const detection = readSearchArgument(resolve(repoRoot, 'examples/w3wp_spawning_shell.yml')).text;
let datasets: Map<string, ColumnarStore>;
let unfiltered: Row[];

beforeAll(async () => {
  ({ datasets } = await loadData({ data: [resolve(repoRoot, 'examples/data')] }));
  unfiltered = createSession({ datasets }).run(detection).rows;
});

function explain(inlineMacros: string[]) {
  return explainFilters(createSession({ datasets, inlineMacros }), detection, { inlineMacros });
}

describe('explainFilters', () => {
  it('with the default filter everything that reached it is kept', () => {
    const [only, ...rest] = explain([]);
    expect(rest).toEqual([]);
    expect(only!.macro).toBe('w3wp_spawning_shell_filter');
    expect(only!.definition).toBe('search *');
    expect(only!.reached!.rows).toEqual(unfiltered);
    expect(only!.dropped!.rows).toEqual([]);
    expect(only!.kept!.rows).toEqual(unfiltered);
  });

  it('search NOT dest=... drops exactly the rows of that dest', () => {
    // The sample's W3WP shells all ran on one Exchange server.
    expect(unfiltered.length).toBeGreaterThan(0);
    const dest = unfiltered[0]!.get('dest') as string;
    const [filter] = explain([`w3wp_spawning_shell_filter=search NOT dest=${dest}`]);
    expect(filter!.definedAt).toBe('--macro');
    expect(filter!.dropped!.rows).toEqual(unfiltered.filter((row) => row.get('dest') === dest));
    expect(filter!.kept!.rows).toEqual(unfiltered.filter((row) => row.get('dest') !== dest));
  });

  it('a filter on machine accounts drops the rows whose user ends in $ and keeps the others', () => {
    const [filter] = explain(['w3wp_spawning_shell_filter=search NOT user="*$"']);
    const machine = (row: Row): boolean => String(row.get('user')).endsWith('$');
    expect(unfiltered.some(machine) && unfiltered.some((row) => !machine(row))).toBe(true);
    expect(filter!.reached!.rows).toEqual(unfiltered);
    expect(filter!.dropped!.rows).toEqual(unfiltered.filter(machine));
    expect(filter!.kept!.rows).toEqual(unfiltered.filter((row) => !machine(row)));
  });

  it('a user macro inside a command is named, with no rows of its own', () => {
    const explanations = explain(['process_cmd=Processes.process_name=cmd.exe']);
    const cmd = explanations.find((e) => e.macro === 'process_cmd');
    expect(cmd!.insideCommand).toMatch(/^tstats /);
    expect(cmd!.dropped).toBeUndefined();
  });
});

describe('spelunk run --explain-filter', () => {
  it('prints each filter with its dropped and kept rows, then the results (json)', () => {
    const bin = resolve(repoRoot, 'dist/src/cli/main.js');
    const args = ['run', 'examples/w3wp_spawning_shell.yml', '--data', 'examples/data', '-q', '--explain-filter', '--format', 'json'];
    const out = spawnSync(process.execPath, [bin, ...args, '--macro', 'w3wp_spawning_shell_filter=search NOT user="*$"'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const document = JSON.parse(out.stdout) as { filters: Array<{ macro: string; dropped: Array<Record<string, string>>; kept: unknown[] }>; results: unknown[] };
    expect(document.filters.map((f) => f.macro)).toEqual(['w3wp_spawning_shell_filter']);
    expect(document.filters[0]!.dropped.map((row) => row['user'])).toEqual(unfiltered.filter((row) => String(row.get('user')).endsWith('$')).map((row) => row.get('user')));
    expect(document.results).toEqual(document.filters[0]!.kept);
  });
});
