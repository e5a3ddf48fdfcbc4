/**
 * The README's "Supported SPL" section is generated from the registries; this test fails when
 * they drift apart. Regenerate with: UPDATE_README=1 npx vitest run test/readme.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
