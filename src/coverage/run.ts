/**
 * Runs each search through the whole of spelunk (expand, parse, plan, execute) on one session
 * and classifies it: ok (with its row count), no data (it ran, but every dataset it reads is
 * empty, so nothing could match), unsupported (with the feature spelunk lacks), or error (with
 * the message).
 */
import { SpelunkError } from '../core/errors.js';
import { matchingEvents } from '../events/search.js';
import { renderSearchExpr } from '../search/explain.js';
import type { Session } from '../session.js';
import { describeRead, rowsIn, searchInputs } from './inputs.js';
import type { CoverageSearch } from './sources.js';

export type CoverageStatus = 'ok' | 'no data' | 'unsupported' | 'error';

export interface CoverageResult {
  name: string;
  source: string;
  deprecated: boolean;
  status: CoverageStatus;
  /** Expanded and parsed (an `unsupported` refusal at parse time still counts: the SPL is well-formed). */
  parsed: boolean;
  rows?: number;
  /** The error message, for unsupported and error; what was empty, for no data. */
  message?: string;
  /** For no data: the datasets it reads, which no input filled (`Model.Dataset`, with the child dataset if any). */
  emptyDatasets?: string[];
  /** What spelunk lacks, for unsupported: `command 'apply'`, `function 'foo'`, or the message. */
  feature?: string;
}

export function runCoverage(searches: readonly CoverageSearch[], session: Session, onResult?: (result: CoverageResult) => void): CoverageResult[] {
  return searches.map((entry) => {
    const result = runOne(entry, session);
    onResult?.(result);
    return result;
  });
}

function runOne(entry: CoverageSearch, session: Session): CoverageResult {
  const base = { name: entry.name, source: entry.source, deprecated: entry.deprecated };
  if (entry.problem !== undefined) return { ...base, status: 'error', parsed: false, message: entry.problem };
  let parsed = false;
  try {
    const { pipeline } = session.parse(entry.search);
    parsed = true;
    const result = session.run(entry.search);
    const empty = emptyInputs(pipeline, session);
    if (empty) {
      const message = `no data: it reads only ${empty.join(', ')}, which no input filled`;
      return { ...base, status: 'no data', parsed, rows: result.rows.length, message, emptyDatasets: empty };
    }
    return { ...base, status: 'ok', parsed, rows: result.rows.length };
  } catch (error) {
    if (error instanceof SpelunkError && error.kind === 'unsupported') {
      return { ...base, status: 'unsupported', parsed: true, message: error.message, feature: featureOf(error.message) };
    }
    const message = error instanceof SpelunkError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, status: 'error', parsed, message };
  }
}

/**
 * The datasets a search reads when every one of them is empty and nothing else generates
 * results (an inputlookup, a makeresults); otherwise undefined.
 */
function emptyInputs(pipeline: Parameters<typeof searchInputs>[0], session: Session): string[] | undefined {
  const inputs = searchInputs(pipeline);
  if (inputs.otherSources || (inputs.datasets.length === 0 && inputs.events.length === 0)) return undefined;
  const stores = session.datasets;
  for (const read of inputs.datasets) {
    const store = stores.get(read.key);
    if (store && rowsIn(store, read) > 0) return undefined;
  }
  const clock = { now: session.now, tz: session.tz };
  for (const origin of inputs.events) {
    // A search over events that names no origin reads every event.
    if (origin === undefined ? session.events.rowCount > 0 : matchingEvents(origin, session.events, clock).length > 0) return undefined;
  }
  const events = inputs.events.map((origin) => `events of ${origin ? renderSearchExpr(origin) : 'any source'}`);
  return [...new Set([...inputs.datasets.map(describeRead), ...events])];
}

/** A short name for what an `unsupported` message says is missing, so detections group by it. */
export function featureOf(message: string): string {
  const command = /the '([^']+)' command/i.exec(message) ?? /command '([^']+)'/i.exec(message);
  if (command) return `command '${command[1]}'`;
  const fn = /function '([^']+)'/i.exec(message) ?? /'([^']+)' function/i.exec(message) ?? /function ([A-Za-z_][\w]*)\(/.exec(message);
  if (fn) return `function '${fn[1]}'`;
  if (/KV store/i.test(message)) return 'KV store lookups';
  const lookup = /the lookup '([^']+)'/i.exec(message);
  if (lookup) return `lookup '${lookup[1]}'`;
  return message.split(/(?<=\.)\s/)[0]!;
}
