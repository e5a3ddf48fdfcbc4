/**
 * Published detections expand with the bundled macros: the W3WP reference search always (from a
 * fixture copy), and all 564 Endpoint.Processes searches when ../shared is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSearchArgument } from '../../src/cli/search-input.js';
import { expandMacros } from '../../src/macros/expand.js';
import { MacroLibrary } from '../../src/macros/library.js';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(here, '../../..');
const corpusFile = resolve(repoRoot, '../shared/reference/security_content/detections_endpoint_processes_searches.txt');
const w3wpFixture = resolve(here, '../fixtures/w3wp_spawning_shell.yml');

/** Backticks left outside double-quoted strings would be unexpanded macros. */
function backticksOutsideQuotes(text: string): number {
  let count = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
    } else if (ch === '"') inQuote = true;
    else if (ch === '`') count++;
  }
  return count;
}

const library = MacroLibrary.bundled();
const definitionOf = (name: string): string => library.lookup(name, 0)!.definition;

describe('W3WP Spawning Shell', () => {
  it('expands to the SPL of issue 5 / security_content.md section 1b', () => {
    const { text: search } = readSearchArgument(w3wpFixture);
    const expanded = expandMacros(search, library).text;
    // The expected text of issue 5, with (...cmd...) and (...powershell...) standing for the bodies
    // of process_cmd and process_powershell. One difference is deliberate: the detection's YAML
    // has no space before its last pipe (`security_content_ctime(lastTime)`| `w3wp_..._filter`),
    // and expansion is textual, so the result has `ctime(lastTime)| search *`.
    const expected =
      '| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count ' +
      'values(Processes.process_name) as process_name values(Processes.process) as process ' +
      'min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes ' +
      `where Processes.parent_process_name=w3wp.exe AND ${definitionOf('process_cmd')} OR ${definitionOf('process_powershell')} ` +
      'by Processes.dest Processes.parent_process Processes.original_file_name Processes.user ' +
      '| rename "Processes.*" as * ' +
      '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) ' +
      '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime)| search *';
    expect(expanded).toBe(expected);
    // security_content.md 2b: process_cmd's verbatim definition.
    expect(definitionOf('process_cmd')).toBe('(Processes.process_name=cmd.exe OR Processes.original_file_name=Cmd.Exe)');
  });

  it('records the nested summariesonly macros in order', () => {
    const { text: search } = readSearchArgument(w3wpFixture);
    const steps = expandMacros(search, library).steps.map((step) => `${step.depth}:${step.macro}`);
    expect(steps).toEqual([
      '1:security_content_summariesonly',
      '2:summariesonly_config',
      '2:oldsummaries_config',
      '2:fillnull_config',
      '1:process_cmd',
      '1:process_powershell',
      '1:drop_dm_object_name(1)',
      '1:security_content_ctime(1)',
      '1:security_content_ctime(1)',
      '1:w3wp_spawning_shell_filter',
    ]);
  });
});

describe.skipIf(!existsSync(corpusFile))('all 564 Endpoint.Processes searches of security_content', () => {
  const lines = existsSync(corpusFile) ? readFileSync(corpusFile, 'utf8').split('\n').filter((line) => line !== '') : [];

  it('has 564 searches (security_content.md section 3)', () => {
    expect(lines).toHaveLength(564);
  });

  it('expands every one with the bundled macros, leaving no macro unexpanded', () => {
    const failures: string[] = [];
    for (const line of lines) {
      const [file, search] = line.split('\t') as [string, string];
      try {
        const { text } = expandMacros(search, library);
        if (backticksOutsideQuotes(text) > 0) failures.push(`${file}: backtick left`);
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves a macro written inside a quoted string alone (macros.conf.spec: "foo`bar`baz")', () => {
    const line = lines.find((entry) => entry.startsWith('first_time_seen_child_process_of_zoom.yml\t'))!;
    const { text } = expandMacros(line.split('\t')[1]!, library);
    expect(text).toContain('relative_time(now(), "`previously_seen_zoom_child_processes_window`")');
  });
});
