/** `spelunk expand` and the search argument shared by spelunk's commands. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expandCommandOutput, registerExpandCommand } from '../../src/cli/expand.js';
import { readSearchArgument } from '../../src/cli/search-input.js';
import { SpelunkError } from '../../src/core/errors.js';

const fixtures = resolve(fileURLToPath(import.meta.url), '../fixtures');

describe('readSearchArgument', () => {
  it('takes text that does not name a .spl/.yml file as SPL', () => {
    expect(readSearchArgument('| tstats count')).toEqual({ text: '| tstats count', sourceName: 'command line' });
  });

  it('reads the search: field and name of a detection YAML', () => {
    const input = readSearchArgument(join(fixtures, 'w3wp_spawning_shell.yml'));
    expect(input.detectionName).toBe('W3WP Spawning Shell');
    expect(input.text.startsWith('| tstats `security_content_summariesonly` count')).toBe(true);
    expect(input.sourceName).toBe(join(fixtures, 'w3wp_spawning_shell.yml'));
  });

  it('reads a .spl file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-spl-'));
    const file = join(dir, 'q.spl');
    writeFileSync(file, '| `x_filter`\n');
    expect(readSearchArgument(file)).toEqual({ text: '| `x_filter`', sourceName: file });
  });

  it('a missing .spl/.yml path is a usage error', () => {
    for (const path of ['nope/missing.spl', 'missing.yml', 'missing.yaml']) {
      expect(() => readSearchArgument(path)).toThrow(SpelunkError);
      try {
        readSearchArgument(path);
      } catch (error) {
        expect((error as SpelunkError).kind).toBe('usage');
        expect((error as SpelunkError).message).toContain(path);
      }
    }
  });

  it('a YAML without a search: field is a usage error', () => {
    expect(() => readSearchArgument(join(fixtures, 'broken-name.yml'))).toThrow(/has no `search:` field/);
  });
});

describe('spelunk expand', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  function run(args: string[]): { stdout: string; stderr: string; exitCode: number } {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const program = new Command().exitOverride();
    registerExpandCommand(program);
    program.parse(['expand', ...args], { from: 'user' });
    const exitCode = Number(process.exitCode ?? 0);
    vi.restoreAllMocks();
    return { stdout, stderr, exitCode };
  }

  it('prints the fully expanded search', () => {
    const result = run(['| `drop_dm_object_name(Processes)` | `w3wp_spawning_shell_filter`']);
    expect(result).toEqual({ stdout: '| rename "Processes.*" as * | search *\n', stderr: '', exitCode: 0 });
  });

  it('layers --macros sources in order, then --macro', () => {
    const app = join(fixtures, 'conf-app');
    const withApp = run(['`w3wp_spawning_shell_filter`', '--macros', join(app, 'local', 'macros.conf'), '--macros', join(app, 'default', 'macros.conf')]);
    expect(withApp.stdout).toBe('search user!=SYSTEM\n');
    const inline = run(['`w3wp_spawning_shell_filter`', '--macros', app, '--macro', 'w3wp_spawning_shell_filter=search x']);
    expect(inline.stdout).toBe('search x\n');
  });

  it('--trace lists each expansion: macro, where defined, arguments, text', () => {
    const output = expandCommandOutput('`security_content_ctime(firstTime)`', { macros: [], macro: [], trace: true });
    expect(output).toBe(
      [
        '1. `security_content_ctime(1)` defined in macros/security_content/security_content_ctime.yml:3 (invoked at line 1, column 1)',
        '   arguments: field=firstTime',
        '   -> convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
        '',
        'expanded search:',
        'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
        '',
      ].join('\n'),
    );
  });

  it('reports a macro error on stderr with position and exit code 2', () => {
    const result = run(['search a | `no_such_macro`']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("spelunk: Error in 'SearchParser': The search specifies a macro 'no_such_macro' that cannot be found.");
    expect(result.stderr).toContain('at line 1, column 12');
    expect(result.exitCode).toBe(2);
  });

  it('reports a bad --macro as a usage error with exit code 2', () => {
    const result = run(['x', '--macro', 'nonsense']);
    expect(result.stderr).toMatch(/^spelunk: --macro "nonsense": missing '='/);
    expect(result.exitCode).toBe(2);
  });
});
