/**
 * One set of options (issue 21): a shared flag has one help text wherever it appears, and the
 * same effect in every command that takes it; every subcommand's help has examples; an option
 * error prints one line and where the help is. Runs the built binary (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCoverageCommand } from '../../src/cli/coverage.js';
import { registerDatamodelCommand } from '../../src/cli/datamodel.js';
import { registerExpandCommand } from '../../src/cli/expand.js';
import { SHARED_HELP } from '../../src/cli/options.js';
import { registerRunCommand } from '../../src/cli/run.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function spelunk(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The help key of each shared flag. */
const SHARED_FLAGS: Record<string, keyof typeof SHARED_HELP> = {
  '--data': 'data',
  '--strict': 'strict',
  '--dedup-events': 'dedupEvents',
  '--threads': 'threads',
  '--index': 'index',
  '--source': 'source',
  '--sourcetype': 'sourcetype',
  '--macros': 'macros',
  '--macro': 'macro',
  '--lookups': 'lookups',
  '--output-lookups': 'outputLookups',
  '--tz': 'tz',
  '--earliest': 'earliest',
  '--latest': 'latest',
  '--now': 'now',
  '--quiet': 'quiet',
  '--debug': 'debug',
  '--output': 'output',
  '--wide': 'wide',
  '--width': 'width',
  '--vertical': 'vertical',
};

function commands(): Map<string, readonly Option[]> {
  const program = new Command();
  for (const register of [registerRunCommand, registerCoverageCommand, registerDatamodelCommand, registerExpandCommand]) register(program);
  return new Map(program.commands.map((command) => [command.name(), command.options]));
}

describe('shared options', () => {
  it('have one help text wherever they appear', () => {
    for (const [name, options] of commands()) {
      for (const option of options) {
        const key = option.long ? SHARED_FLAGS[option.long] : undefined;
        if (key) expect(option.description, `${name} ${option.long}`).toBe(SHARED_HELP[key]);
      }
    }
  });

  it('are all taken by run and coverage; datamodel takes the data and output ones; expand the macro ones', () => {
    const longs = (name: string): string[] => commands().get(name)!.map((option) => option.long ?? '');
    const search = ['--data', '--strict', '--index', '--source', '--sourcetype', '--macros', '--macro', '--lookups', '--output-lookups', '--tz', '--earliest', '--latest', '--now', '--quiet', '--format'];
    expect(longs('run')).toEqual(expect.arrayContaining([...search, '--output', '--wide', '--width', '--vertical']));
    expect(longs('coverage')).toEqual(expect.arrayContaining(search));
    expect(longs('datamodel')).toEqual(expect.arrayContaining(['--data', '--strict', '--format', '--quiet', '--output', '--wide', '--width', '--vertical']));
    expect(longs('expand')).toEqual(expect.arrayContaining(['--macros', '--macro']));
    // The short forms are the same everywhere too.
    for (const name of ['run', 'coverage', 'datamodel']) {
      const shorts = commands().get(name)!.map((option) => `${option.short ?? ''} ${option.long ?? ''}`);
      expect(shorts).toEqual(expect.arrayContaining(['-d --data', '-f --format', '-q --quiet']));
    }
  });

  it('--macro overrides a macro the same way in run, coverage and expand', () => {
    const override = ['--macro', 'w3wp_spawning_shell_filter=search dest=nomatch', '--quiet'];
    expect(spelunk(['run', '--format', 'csv', '--quiet']).stdout).toMatch(/cmd \/c whoami/);
    expect(spelunk(['run', '--format', 'csv', ...override]).stdout).toBe('');
    expect(spelunk(['coverage', ...override]).stdout).toMatch(/W3WP Spawning Shell: 0 rows/);
    expect(spelunk(['expand', 'examples/w3wp_spawning_shell.yml', ...override.slice(0, 2)]).stdout).toMatch(/\| search dest=nomatch\s*$/);
  });

  it('--earliest and --now bound the time range in coverage as in run', () => {
    const future = ['--earliest', '2030-01-01T00:00:00Z', '--now', '2031-01-01T00:00:00Z', '--quiet'];
    expect(spelunk(['run', '--format', 'csv', ...future]).stdout).toBe('');
    expect(spelunk(['coverage', ...future]).stdout).toMatch(/W3WP Spawning Shell: 0 rows/);
  });

  it('--data names the same missing path the same way in run, coverage and datamodel', () => {
    const messages = ['run', 'coverage', 'datamodel'].map((name) => {
      const { code, stderr } = spelunk([name, '--data', 'no/such/dir', '--quiet']);
      expect(code, name).toBe(1);
      return stderr;
    });
    expect(messages[0]).toMatch(/no\/such\/dir/);
    expect(new Set(messages).size).toBe(1);
  });

  it('--tz rejects an unknown zone in run and coverage', () => {
    for (const name of ['run', 'coverage']) {
      const { code, stderr } = spelunk([name, '--tz', 'Mars/Olympus', '--quiet']);
      expect(code, name).toBe(2);
      expect(stderr).toMatch(/Unknown time zone 'Mars\/Olympus'/);
    }
  });
});

describe('help and option errors', () => {
  it("every subcommand's help has examples of that command", () => {
    const top = spelunk(['--help']).stdout;
    const list = top.slice(top.indexOf('Commands:'));
    const names = [...list.slice(0, list.indexOf('\n\n')).matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
    expect(names).toEqual(expect.arrayContaining(['run', 'expand', 'parse', 'datamodel', 'generate', 'coverage']));
    for (const name of names) {
      const { code, stdout } = spelunk([name, '--help']);
      expect(code, name).toBe(0);
      expect(stdout, name).toMatch(new RegExp(`\\nExamples:\\n {2}spelunk ${name}\\b`));
    }
  });

  it('an option error is one line and where the help is, not the whole help', () => {
    for (const name of ['run', 'coverage', 'datamodel', 'generate']) {
      const { code, stderr } = spelunk([name, '--frobnicate']);
      expect(code, name).toBe(2);
      expect(stderr).toBe(`error: unknown option '--frobnicate'\nsee \`spelunk ${name} --help\`\n`);
    }
    const mine = spelunk(['datamodel', '--head', 'ten']);
    expect(mine.code).toBe(2);
    expect(mine.stderr).toBe("spelunk: --head needs a whole number of rows, got 'ten'\nsee `spelunk datamodel --help`\n");
  });
});

describe('the search argument', () => {
  it('says so when it is a folder or a file that holds no search', () => {
    const folder = spelunk(['run', 'examples', '--quiet']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^spelunk: examples is a folder: did you mean `spelunk coverage examples`/);
    const file = spelunk(['run', 'README.md', '--quiet']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^spelunk: README\.md is a file spelunk reads no search from .*did you mean --data README\.md\?/);
  });

  it("notes the bundled sample when the user's own search has no --data", () => {
    const { code, stderr } = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('spelunk: no --data: using the bundled sample (examples/data)');
  });

  it("appends spelunk's advice to Splunk's message that points at Splunk's settings", () => {
    const { code, stderr } = spelunk(['run', '| tstats count from datamodel=Endpoint.Processes | `no_such_macro`', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Click Settings, Advanced search, Search Macros to view macro information\.\n/);
    expect(stderr).toMatch(/\nWith spelunk: define the macro with --macro 'NAME=DEFINITION'.* with --macros/);
    const lookup = spelunk(['run', '| inputlookup no_such_lookup', '--quiet']);
    expect(lookup.stderr).toMatch(/^spelunk: The lookup table 'no_such_lookup' does not exist or is not available\./);
    expect(lookup.stderr).toMatch(/\nWith spelunk: give the folder holding the lookup's CSV file .* with --lookups DIR/);
  });
});
