/** Runs one streaming command directly over a table built in the test. */
import { findCommand } from '../../src/commands/index.js';
import type { ResultTable, Row, Value } from '../../src/core/values.js';
import type { ExecContext } from '../../src/exec/context.js';
import { parseSearch } from '../../src/parse/parser.js';

export function table(columns: string[], ...rows: Record<string, Value>[]): ResultTable {
  return { columns, rows: rows.map((r) => new Map(Object.entries(r)) as Row) };
}

export function runCommand(spl: string, input: ResultTable, options: { tz?: string } = {}): { table: ResultTable; warnings: string[] } {
  const text = `| tstats count from datamodel=Endpoint.Processes | ${spl}`;
  const node = parseSearch(text).commands[1]!;
  const warnings: string[] = [];
  const ctx: ExecContext = {
    text,
    now: 1_600_000_000,
    tz: options.tz ?? 'UTC',
    timeRange: {},
    evalContext: { now: 1_600_000_000, tz: options.tz ?? 'UTC' },
    dataset: () => {
      throw new Error('no datasets in direct command tests');
    },
    runSubsearch: () => ({ columns: [], rows: [] }),
    warn: (m) => warnings.push(m),
    lookupPaths: [],
    outputLookupDir: undefined,
  };
  return { table: findCommand(node.name)!.execute(node, input, ctx), warnings };
}

export const plain = (t: ResultTable): Record<string, Value>[] => t.rows.map((r) => Object.fromEntries(r));
