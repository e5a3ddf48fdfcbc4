/** Tuning warnings on the cases that motivated them: a mistyped filter name, a prefixed field after drop_dm_object_name. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSearchArgument } from '../../src/cli/search-input.js';
import { createSession, loadData, type ColumnarStore } from '../../src/index.js';
import { closestName } from '../../src/tune/closest.js';
import { tuneWarnings } from '../../src/tune/warnings.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const detection = readSearchArgument(resolve(repoRoot, 'examples/w3wp_spawning_shell.yml')).text;
let datasets: Map<string, ColumnarStore>;

beforeAll(async () => {
  ({ datasets } = await loadData({ data: [resolve(repoRoot, 'examples/data')] }));
});

function warningsFor(search: string, inlineMacros: string[], macros: string[] = []): string[] {
  const session = createSession({ datasets, inlineMacros, macros });
  session.run(search);
  return tuneWarnings(session, search, { inlineMacros, macros });
}

describe('unused macro warning', () => {
  it('names a mistyped filter and the filter the search did use', () => {
    const warnings = warningsFor(detection, ['w3wp_spawning_shel_filter=search NOT dest=IEWIN7']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('is defined (--macro)');
    expect(warnings[0]).toContain('`w3wp_spawning_shel_filter`');
    expect(warnings[0]).toContain('did you mean `w3wp_spawning_shell_filter`?');
  });

  it('warns of a --macros definition only when it is a typo away from a macro the search used', () => {
    const file = resolve(repoRoot, 'examples/macros/w3wp_filter.conf');
    expect(warningsFor(detection, [], [file])).toEqual([]);
    // A macro file may hold the filters of many detections: an unrelated one is no mistake.
    expect(warningsFor('| tstats count from datamodel=Endpoint.Processes', [], [file])).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-macros-'));
    writeFileSync(join(dir, 'macros.conf'), '[w3wp_spawning_shel_filter]\ndefinition = search NOT dest=IEWIN7\n\n[other_detection_filter]\ndefinition = search *\n');
    const typo = warningsFor(detection, [], [join(dir, 'macros.conf')]);
    expect(typo).toEqual([
      'The macro `w3wp_spawning_shel_filter` is defined (--macros) but the search never expands it; did you mean `w3wp_spawning_shell_filter`? (the search ran it as the default `search *`)',
    ]);
  });

  it('gives no hint when nothing is near', () => {
    const [warning] = warningsFor(detection, ['completely_different=search *']);
    expect(warning).toContain('never expands it');
    expect(warning).not.toContain('did you mean');
  });
});

describe('missing field warning', () => {
  it('flags Processes.dest after drop_dm_object_name, with the fields there and the hint', () => {
    const warnings = warningsFor(detection, ['w3wp_spawning_shell_filter=search NOT Processes.dest=MXS01.azsentinel.local']);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings as [string];
    expect(warning).toContain("names the field 'Processes.dest'");
    expect(warning).toContain('from the macro `w3wp_spawning_shell_filter`');
    // The fields the detection's tstats gives after drop_dm_object_name (its `by` and `as` names).
    for (const field of ['dest', 'parent_process', 'original_file_name', 'user', 'count', 'process_name', 'process', 'firstTime', 'lastTime']) {
      expect(warning).toContain(field);
    }
    expect(warning).toContain('`drop_dm_object_name(Processes)` removed the `Processes.` prefix');
    expect(warning).toContain("write 'dest'");
  });

  it('is silent for the corrected filter, and flags where as well as search', () => {
    expect(warningsFor(detection, ['w3wp_spawning_shell_filter=search NOT dest=MXS01.azsentinel.local'])).toEqual([]);
    const where = warningsFor(`${detection} | where isnotnull('Processes.user')`, []);
    expect(where).toHaveLength(1);
    expect(where[0]).toContain("'Processes.user'");
    expect(where[0]).toContain("write 'user'");
  });

  it('without drop_dm_object_name there is no prefix hint', () => {
    const search = '| tstats count from datamodel=Endpoint.Processes by Processes.dest | search nosuchfield=1';
    const [warning] = warningsFor(search, []);
    expect(warning).toContain("'nosuchfield'");
    expect(warning).toContain('Processes.dest, count');
    expect(warning).not.toContain('Hint');
  });
});

describe('many missing fields', () => {
  it('make one warning per command, with the names counted', () => {
    const terms = Array.from({ length: 50 }, (_, i) => `a${i}=*`).join(' AND ');
    const warnings = warningsFor(`| makeresults | eval a0=1 | search ${terms}`, []);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("names the fields 'a1', 'a2'");
    expect(warnings[0]).toContain('... (49 in all)');
    expect(warnings[0]).not.toContain("'a0'");
  });
});

describe('closestName', () => {
  it('prefers the first candidate at the least distance, and refuses far names', () => {
    expect(closestName('w3wp_spawnign_shell_filter', ['w3wp_spawning_shell_filter', 'other'])).toBe('w3wp_spawning_shell_filter');
    expect(closestName('abc', ['xyz'])).toBeUndefined();
  });
});

describe('spelunk run prints the warnings', () => {
  const bin = resolve(repoRoot, 'dist/src/cli/main.js');
  it('on stderr and in the splunk-json messages', () => {
    const args = ['run', 'examples/w3wp_spawning_shell.yml', '--data', 'examples/data', '-q', '--macro', 'w3wp_spawning_shel_filter=search *'];
    const json = spawnSync(process.execPath, [bin, ...args, '--format', 'splunk-json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(json.status).toBe(0);
    expect(json.stderr).toContain('warning: The macro `w3wp_spawning_shel_filter`');
    const document = JSON.parse(json.stdout) as { messages: Array<{ type: string; text: string }> };
    expect(document.messages.some((m) => m.type === 'WARN' && m.text.includes('did you mean `w3wp_spawning_shell_filter`?'))).toBe(true);
  });
});
