/**
 * Reading the peer corpora (../shared/reference/peer_corpus, see its PROVENANCE.md) and deciding
 * whether each string parses. Shared by the peer-corpus and fuzz tests; the strings themselves
 * stay in shared/ and are never copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpelunkError } from '../../src/core/errors.js';
import type { Session } from '../../src/session.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const peerCorpusDir = resolve(repoRoot, '../shared/reference/peer_corpus');
export const securityContentSearches = resolve(
  repoRoot,
  '../shared/reference/security_content/detections_endpoint_processes_searches.txt',
);

export const PEER_CORPORA = [
  'splparser',
  'spl_validator',
  'craftedsignal-spl-parser',
  'pysigma-backend-splunk',
  'open-splunk',
] as const;
export type PeerCorpus = (typeof PEER_CORPORA)[number];

export interface CorpusEntry {
  spl: string;
  /** spl_validator only: how many errors the validator expects (0 = valid). */
  expected_error_count?: number;
  case_id?: string;
  source_path?: string;
}

/** The exact strings of one corpus, from its .jsonl (the .txt folds newlines). */
export function readPeerCorpus(corpus: PeerCorpus): CorpusEntry[] {
  const file = resolve(peerCorpusDir, `${corpus}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry);
}

/** Alternative names splparser's test files use for the command they test. */
const SPLPARSER_ALIASES: Record<string, readonly string[]> = { bucket: ['bin'] };

/**
 * The search Splunk would be given for a corpus string. splparser's doctests exercise one
 * command per file (`test/splparser/cmdparsers/<cmd>rules/test_<cmd>rules.txt`) and give it
 * as a bare stage: `eval x=1`, `rename a as b`. splparser reads the first word as the command,
 * but Splunk would read it as a search term (the search command is implied at the start, DOC
 * S2), so a stage that starts with the command its file tests is parsed after a `|`, where a
 * non-generating command belongs. Every other string is parsed exactly as written.
 */
export function asSplunkSearch(corpus: PeerCorpus, entry: CorpusEntry): string {
  if (corpus !== 'splparser') return entry.spl;
  const tested = /\/test_([a-z]+?)(?:rules)?\.txt$/.exec(entry.source_path ?? '')?.[1];
  const firstWord = /^\s*([^\s|]+)/.exec(entry.spl)?.[1]?.toLowerCase();
  if (!tested || !firstWord || firstWord === 'search') return entry.spl;
  const names = [tested, ...(SPLPARSER_ALIASES[tested] ?? [])];
  return names.includes(firstWord) ? `| ${entry.spl}` : entry.spl;
}

export function readSecurityContentSearches(): string[] {
  if (!existsSync(securityContentSearches)) return [];
  return readFileSync(securityContentSearches, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t')[1] ?? '');
}

export type Outcome =
  | { status: 'parsed' }
  /** Parsed only after each macro we do not have was replaced by `search *`. */
  | { status: 'parsed-with-placeholders'; unknownMacros: string[] }
  | { status: 'rejected'; error: SpelunkError };

const PLACEHOLDER = 'search *';

/**
 * Backtick invocations outside double quotes whose macro the session does not define, replaced
 * by `search *` (what security_content substitutes for a missing `_filter` macro). Splunk expands
 * macros as text before parsing, so an invocation can stand anywhere; `search *` is a command at
 * a command position and two plain search terms inside an expression, so it parses in both.
 */
export function replaceUnknownMacros(text: string, session: Session): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  let out = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && inQuotes) {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '`' && !inQuotes && !text.startsWith('```', i)) {
      const close = text.indexOf('`', i + 1);
      if (close > i) {
        const invocation = text.slice(i + 1, close);
        const name = invocation.replace(/\(.*$/s, '').trim();
        if (session.macros.aritiesOf(name).length === 0 && !name.endsWith('_filter')) {
          unknown.push(name);
          out += PLACEHOLDER;
          i = close;
          continue;
        }
      }
    }
    out += ch;
  }
  return { text: out, unknown };
}

/** Expands and parses; a macro we lack gets one more try with placeholders. */
export function parseOutcome(session: Session, spl: string): Outcome {
  try {
    session.parse(spl);
    return { status: 'parsed' };
  } catch (error) {
    if (!(error instanceof SpelunkError)) throw error;
    if (error.kind !== 'macro') return { status: 'rejected', error };
    const { text, unknown } = replaceUnknownMacros(spl, session);
    if (unknown.length === 0) return { status: 'rejected', error };
    try {
      session.parse(text);
      return { status: 'parsed-with-placeholders', unknownMacros: unknown };
    } catch (retryError) {
      if (!(retryError instanceof SpelunkError)) throw retryError;
      return { status: 'rejected', error: retryError };
    }
  }
}
