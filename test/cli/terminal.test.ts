/**
 * The first screen (issue 21): `npm start` in an 80-column terminal prints no line longer than 80
 * characters and the W3WP result is readable there; piped into `head -1`, spelunk ends with exit
 * 0 and no stack trace. Runs under a pseudo-terminal made by util-linux `script`.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** The environment without $COLUMNS, so the width comes from the terminal itself. */
function envWithoutColumns(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['COLUMNS'];
  delete env['LINES'];
  return env;
}

/** What a terminal `columns` wide shows for `command` (stdout and stderr), as lines. */
function inTerminal(command: string, columns: number): string[] {
  const result = spawnSync('script', ['-qec', `stty cols ${columns} rows 50; ${command}`, '/dev/null'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: envWithoutColumns(),
  });
  expect(result.status).toBe(0);
  // The progress bar's line clearing and the terminal's carriage returns are not text.
  return result.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/).map((line) => line.replace(/^.*\r/, ''));
}

describe.skipIf(!hasScript)('in an 80-column terminal', () => {
  it('npm start prints no line longer than 80 characters, and the W3WP result', () => {
    const lines = inTerminal('npm start', 80);
    const long = lines.filter((line) => [...line].length > 80);
    expect(long).toEqual([]);
    const text = lines.join('\n');
    // The two results of the bundled sample, each value whole (none cut short).
    expect(text).toMatch(/^dest +MXS01\.azsentinel\.local$/m);
    expect(text).toMatch(/^process +cmd \/c whoami$/m);
    expect(text).toMatch(/^process +C:\\Windows\\System32\\cmd\.exe \/c whoami$/m);
    expect(text).toMatch(/^spelunk: 2 results in \d+\.\d{3} seconds$/m);
  });

  it('a narrow table fits too, and --wide keeps the wide layout', () => {
    const search = "'| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name'";
    const fitted = inTerminal(`node ${bin} run ${search} --quiet`, 40);
    expect(fitted.filter((line) => line.length > 40)).toEqual([]);
    expect(fitted.join('\n')).toMatch(/MXS01\.azsentinel\.local/);
    const wide = inTerminal(`node ${bin} run examples/w3wp_spawning_shell.yml --quiet --wide`, 40);
    expect(wide[0]).toMatch(/^dest\s+parent_process\s+original_file_name\s+user\s+count/);
  });
});

describe('on a pipe', () => {
  it('`spelunk run ... | head -1` exits 0 with no stack trace', () => {
    const command = `set -o pipefail; node ${bin} run '| makeresults count=100000 | eval x="a value long enough to fill the pipe"' --format csv | head -1`;
    const result = spawnSync('bash', ['-c', command], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stdout).toBe('_time,x\n');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.stderr).not.toMatch(/EPIPE|internal error/);
    expect(result.status).toBe(0);
  });
});
