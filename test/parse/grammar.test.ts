import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grammarDocuments } from './grammar-docs.js';

const grammarDir = resolve(import.meta.dirname, '../../grammar');
const documents = grammarDocuments();

// To regenerate after a grammar change: UPDATE_GRAMMAR=1 npx vitest run test/parse/grammar.test.ts
if (process.env.UPDATE_GRAMMAR === '1') {
  for (const [name, html] of Object.entries(documents)) writeFileSync(resolve(grammarDir, name), html);
}

describe('grammar/ is generated from the running parsers', () => {
  it.each(Object.keys(documents))('%s matches grammarDocuments()', (name) => {
    const file = resolve(grammarDir, name);
    expect(existsSync(file), `${name} is missing: run UPDATE_GRAMMAR=1 npx vitest run test/parse/grammar.test.ts`).toBe(true);
    expect(readFileSync(file, 'utf8'), `grammar/${name} is stale: run UPDATE_GRAMMAR=1 npx vitest run test/parse/grammar.test.ts`).toBe(
      documents[name],
    );
  });

  it('shows each rule of the three grammars', () => {
    for (const rule of ['pipeline', 'segment', 'item', 'subsearch']) expect(documents['pipeline.html']).toContain(`"${rule}"`);
    for (const rule of ['conjunction', 'disjunction', 'negation', 'comparison', 'membership']) {
      expect(documents['search.html']).toContain(`"${rule}"`);
    }
    for (const rule of ['expression', 'orExpression']) expect(documents['eval.html']).toContain(`"${rule}"`);
  });
});
