import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/datamodel/models.js';
import { Session } from '../../src/session.js';
import { explainPipeline } from '../../src/cli/parse.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const searchesFile = resolve(repoRoot, '../shared/reference/security_content/detections_endpoint_processes_searches.txt');

describe('the W3WP detection', () => {
  const session = new Session({ store: emptyStore() });
  const w3wp = readFileSync(resolve(repoRoot, 'examples/w3wp_spawning_shell.spl'), 'utf8').trim();

  it('explains the tstats WHERE with OR grouped inside AND (issue 3)', () => {
    const { expansion, pipeline } = session.parse(w3wp);
    const lines = explainPipeline(pipeline, expansion.text);
    const cmd = 'Processes.process_name=cmd.exe OR Processes.original_file_name=Cmd.Exe';
    const powershell = [
      'Processes.process_name=pwsh.exe',
      'Processes.process_name=sqlps.exe',
      'Processes.process_name=sqltoolsps.exe',
      'Processes.process_name=powershell.exe',
      'Processes.process_name=powershell_ise.exe',
      'Processes.original_file_name=pwsh.dll',
      'Processes.original_file_name=PowerShell.EXE',
      'Processes.original_file_name=powershell_ise.EXE',
    ].join(' OR ');
    expect(lines).toContain(`   where Processes.parent_process_name=w3wp.exe AND ((${cmd}) OR (${powershell}))`);
    expect(pipeline.commands.map((c) => c.name)).toEqual(['tstats', 'rename', 'convert', 'convert', 'search']);
  });
});

describe.skipIf(!existsSync(searchesFile))('all 564 published Endpoint.Processes searches', () => {
  it('expand and parse with the bundled macros, with zero errors', () => {
    const session = new Session({ store: emptyStore() });
    const lines = readFileSync(searchesFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBe(564);
    const failures: string[] = [];
    for (const line of lines) {
      const [name, search] = line.split('\t') as [string, string];
      try {
        const { pipeline } = session.parse(search);
        expect(pipeline.commands[0]!.name).toBe('tstats');
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
