/**
 * No input may make the expander or the parser throw anything but SpelunkError (issue 3), and
 * every error's span must lie inside the text it points into. Seeded, so CI is deterministic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { emptyStore } from '../../src/datamodel/models.js';
import { Session } from '../../src/session.js';
import { PEER_CORPORA, peerCorpusDir, readPeerCorpus, readSecurityContentSearches, repoRoot } from './corpus.js';

const SEED = 20240611;
const session = new Session({ store: emptyStore() });

/** Characters that carry structure in SPL: the ones a broken search gets wrong. */
const STRUCTURAL = ['"', "'", '`', '```', '|', '[', ']', '(', ')', ',', '=', '\\', '!', '<', '>', ' AND ', ' OR ', ' NOT ', '\n', '$'];

function seedTexts(): string[] {
  const texts = [readFileSync(resolve(repoRoot, 'examples/w3wp_spawning_shell.spl'), 'utf8')];
  texts.push(...readSecurityContentSearches());
  if (existsSync(peerCorpusDir)) for (const corpus of PEER_CORPORA) texts.push(...readPeerCorpus(corpus).map((e) => e.spl));
  return texts.filter((t) => t.length > 0);
}

/** Checks one input: returns a description of what went wrong, or undefined. */
function misbehaviour(text: string): string | undefined {
  try {
    session.parse(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SpelunkError)) return `threw ${String(error)}`;
    if (error.kind === 'internal') return `internal error: ${error.message}`;
    const span = error.span;
    if (span) {
      // Spans index the expanded text, which macros may make longer than the input; the
      // expansion of an input that fails in the parser is what the span refers to.
      let limit = text.length;
      try {
        limit = session.expand(text).text.length;
      } catch {
        // The expander itself failed: its spans refer to the input.
      }
      if (!(span.start <= span.end && span.end <= limit)) return `span ${span.start}..${span.end} outside 0..${limit}`;
    }
    return undefined;
  }
}

type Mutation = { kind: 'delete' | 'insert' | 'duplicate'; at: number; piece: string };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * (out.length + 1));
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.piece + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + 1) + out.slice(at);
  }
  return out;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete' as const, 'insert' as const, 'duplicate' as const),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  piece: fc.constantFrom(...STRUCTURAL),
});

describe('fuzzing the expander and parser', () => {
  const seeds = seedTexts();

  it('mutated published searches and corpus strings raise only SpelunkError with a span inside the text', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutate(seeds[index]!, mutations);
        expect(misbehaviour(text), text).toBeUndefined();
      }),
      { seed: SEED, numRuns: 2500 },
    );
  });

  it('random strings of SPL-ish pieces raise only SpelunkError with a span inside the text', () => {
    const piece = fc.oneof(
      fc.constantFrom(...STRUCTURAL, '| tstats ', 'count ', 'from datamodel=Endpoint.Processes ', 'where ', 'by ', ' IN (', '`process_cmd`', '`security_content_summariesonly`', '`drop_dm_object_name(', 'eval x=', 'search ', 'rename ', ' as ', 'convert ctime(', '*', 'a', '1'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(misbehaviour(text), text).toBeUndefined();
      }),
      { seed: SEED + 1, numRuns: 2500 },
    );
  });
});
