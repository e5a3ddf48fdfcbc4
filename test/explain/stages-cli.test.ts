/**
 * `spelunk run --stages` from the command line (needs dist/: `npm test` builds first): the json
 * document holds the results `run --format json` prints, beside the stages.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = resolve(import.meta.dirname, '../../dist/src/cli/main.js');
const spelunk = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
  const run = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('spelunk run --stages', () => {
  it('puts a stages list beside the results in --format json', () => {
    const plain = spelunk(['run', '-q', '--format', 'json']);
    const staged = spelunk(['run', '-q', '--format', 'json', '--stages', '--stage-rows', '2']);
    expect(staged.code).toBe(0);
    const document = JSON.parse(staged.stdout) as { results: unknown; stages: { command: string; count: number; rows: unknown[] }[] };
    expect(document.results).toEqual(JSON.parse(plain.stdout));
    expect(document.stages.map((s) => s.command)).toEqual(['tstats', 'rename', 'convert', 'convert', 'search']);
    for (const stage of document.stages) expect(stage.rows).toHaveLength(Math.min(2, stage.count));
  });

  it('refuses a --stage-rows that is not a whole number', () => {
    const result = spelunk(['run', '-q', '--stages', '--stage-rows', 'many']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/whole number of rows/);
  });
});
