/**
 * The README's "Supported SPL" section is generated from the registries; this test fails when
 * they drift apart. Regenerate with: UPDATE_README=1 npx vitest run test/readme.test.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedReference } from './helpers/supported-spl.js';
import { COMMANDS } from '../src/commands/index.js';

const readmePath = resolve(import.meta.dirname, '../README.md');
const START = '<!-- generated:supported-spl:start -->\n';
const END = '<!-- generated:supported-spl:end -->';

describe('README', () => {
  it('lists exactly the supported commands and functions of the registries', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const generated = supportedReference();
    if (process.env['UPDATE_README']) {
      writeFileSync(readmePath, readme.slice(0, start + START.length) + generated + readme.slice(end));
      return;
    }
    expect(readme.slice(start + START.length, end)).toBe(generated);
    for (const command of COMMANDS) expect(generated).toContain(`\`${command.name}\``);
  });

  it('gives the two commands that CI and a newcomer run', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toContain('```sh\nnpm ci && npm start\n```');
    expect(readme).toContain('```sh\nnpm ci && npm test\n```');
    expect(readFileSync(resolve(import.meta.dirname, '../.ci/run'), 'utf8')).toContain('npm ci && npm test');
  });
});

describe("README's library section", () => {
  const repoRoot = resolve(import.meta.dirname, '..');
  const readme = readFileSync(readmePath, 'utf8');
  const marker = readme.indexOf('<!-- tested:library-example -->');
  const code = /```js\n([\s\S]*?)```/.exec(readme.slice(marker))?.[1] ?? '';

  it('runs its example as another project would, importing the package by its npm name', () => {
    expect(marker).toBeGreaterThan(0);
    expect(code).toContain("from 'spelunk-spl'");
    // Another project: the package installed in its node_modules (here a link to this clone, built by npm test).
    const project = mkdtempSync(join(tmpdir(), 'spelunk-readme-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(repoRoot, join(project, 'node_modules', 'spelunk-spl'), 'dir');
    writeFileSync(join(project, 'example.mjs'), code);
    const result = spawnSync(process.execPath, [join(project, 'example.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // What the example's comments say it prints, it prints.
    const promised = [...code.matchAll(/^console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]!);
    expect(promised.length).toBeGreaterThanOrEqual(2);
    for (const line of promised) expect(result.stdout.split('\n')).toContain(line);
    expect(result.stdout).toMatch(/\ndest,parent_process,original_file_name,user,count,process_name,process,firstTime,lastTime\n/);
  });

  it('names the package as package.json does, and its command as spelunk', () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
    expect(pkg.name).toBe('spelunk-spl');
    expect(Object.keys(pkg.bin)).toEqual(['spelunk']);
    expect(readme).toContain('npm install -g');
    expect(readme).not.toMatch(/npm link|from 'spelunk'/);
  });
});
