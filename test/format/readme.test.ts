/** The README's output section shows what the code prints: the W3WP result in 80 columns. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/format/index.js';
import { bundledSample, repoRoot, sessionFor, w3wpSearch } from '../run/helpers.js';

describe('README, output formats', () => {
  it('shows the first lines the W3WP result really has at 80 columns', async () => {
    const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
    const intro = readme.indexOf('In 80 columns the bundled W3WP result starts like this:');
    expect(intro).toBeGreaterThan(0);
    const block = /```\n([\s\S]*?)\n *```/.exec(readme.slice(intro))![1]!;
    const shown = block.split('\n').map((line) => line.replace(/^ {2}/, ''));
    const session = await sessionFor([bundledSample]);
    const printed = formatResults(session.run(w3wpSearch()), 'table', { width: 80 }).split('\n');
    expect(shown.length).toBeGreaterThan(3);
    expect(printed.slice(0, shown.length)).toEqual(shown);
  });
});
