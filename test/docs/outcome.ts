/**
 * Runs a documented example through spelunk's library API over an empty store and compares what
 * it shows with what the page states.
 */
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { emptyStore } from '../../src/datamodel/models.js';
import { visibleColumns } from '../../src/format/index.js';
import { createSession, formatResults, SpelunkError, type Session } from '../../src/index.js';
import type { Cell, DocCase, Expected } from './cases/types.js';

/** What spelunk shows for a search: its results as the JSON output gives them, or the error it reports. */
export type Outcome =
  | { kind: 'rows'; columns: string[]; rows: Record<string, string | string[]>[] }
  | { kind: 'error'; errorKind: string; message: string }
  /** Anything thrown that is not a SpelunkError: a bug, whatever the page says. */
  | { kind: 'crash'; message: string };

/** Fixed so that examples that print now() or _time give the same results on every run. */
export const DEFAULT_NOW = 1_700_000_000;

/** Lookup tables that the lookup pages show, beside the bundled ones. */
const FIXTURE_LOOKUPS = resolve(import.meta.dirname, 'fixtures/lookups');

const sessions = new Map<string, Session>();

function sessionFor(docCase: DocCase): Session {
  const now = docCase.now ?? DEFAULT_NOW;
  const tz = docCase.tz ?? 'UTC';
  const key = `${now} ${tz}`;
  let session = sessions.get(key);
  if (!session) {
    session = createSession({ store: emptyStore(), now, tz, lookups: [FIXTURE_LOOKUPS] });
    sessions.set(key, session);
  }
  return session;
}

export function outcomeOf(docCase: DocCase): Outcome {
  try {
    const result = sessionFor(docCase).run(docCase.search);
    const rows = JSON.parse(formatResults(result, 'json', { tz: docCase.tz ?? 'UTC' })) as Record<string, string | string[]>[];
    return { kind: 'rows', columns: visibleColumns(result), rows };
  } catch (error) {
    if (error instanceof SpelunkError) return { kind: 'error', errorKind: error.kind, message: error.message };
    return { kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const cellOf = (row: Record<string, string | string[]>, field: string): Cell => row[field] ?? null;

/** The part of the outcome the expectation speaks of, in the expectation's own shape. */
export function observed(expected: Expected, outcome: Outcome): unknown {
  if (outcome.kind === 'error' && 'error' in expected && outcome.errorKind !== 'unsupported') return { error: true };
  if (outcome.kind !== 'rows') return { [outcome.kind]: outcome.message };
  const { rows } = outcome;
  if ('error' in expected) return { rows };
  if ('rows' in expected) {
    const fields = [...new Set(expected.rows.flatMap((r) => Object.keys(r)))];
    const shown = { rows: rows.map((row) => Object.fromEntries(fields.map((f) => [f, cellOf(row, f)]))) };
    return expected.columns ? { columns: outcome.columns, ...shown } : shown;
  }
  if (rows.length !== 1) return { resultCount: rows.length, rows };
  const row = rows[0]!;
  if ('field' in expected) return { field: expected.field, value: cellOf(row, expected.field) };
  return { fields: Object.fromEntries(Object.keys(expected.fields).map((f) => [f, cellOf(row, f)])) };
}

/** The expectation with every field it lists, absent ones as null, so it compares with `observed`. */
export function normalised(expected: Expected): unknown {
  if ('error' in expected) return { error: true };
  if ('rows' in expected) {
    const fields = [...new Set(expected.rows.flatMap((r) => Object.keys(r)))];
    const shown = { rows: expected.rows.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))) };
    return expected.columns ? { columns: expected.columns, ...shown } : shown;
  }
  return expected;
}

/**
 * Whether spelunk gives the documented result. A documented error agrees only with an error that
 * is not spelunk's "unsupported": refusing a function it lacks is not the error the page describes.
 */
export function agrees(expected: Expected, outcome: Outcome): boolean {
  if ('error' in expected) return outcome.kind === 'error' && outcome.errorKind !== 'unsupported';
  return isDeepStrictEqual(observed(expected, outcome), normalised(expected));
}
