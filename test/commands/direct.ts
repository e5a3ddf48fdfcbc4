/** Runs one command directly over a table built in the test, by its row path and its column path. */
import { expect } from 'vitest';
import { findCommand, parseSearch } from '../../src/commands/index.js';
import type { ExecContext } from '../../src/commands/context.js';
import { columnTableOf } from '../../src/core/column-table.js';
import type { ResultTable, Row, Value } from '../../src/core/values.js';
import { executeCommand, executePlan } from '../../src/exec/execute.js';
import { planPipeline } from '../../src/plan/plan.js';

export function table(columns: string[], ...rows: Record<string, Value>[]): ResultTable {
  return { columns, rows: rows.map((r) => new Map(Object.entries(r)) as Row) };
}

/** An execution context without data models, for running commands directly; subsearches run, unlimited. */
export function directContext(text: string, warnings: string[], tz = 'UTC'): ExecContext {
  const ctx: ExecContext = {
    text,
    now: 1_600_000_000,
    tz,
    timeRange: {},
    evalContext: { now: 1_600_000_000, tz },
    dataset: () => {
      throw new Error('no datasets in direct command tests');
    },
    runSubsearch: (pipeline) => executePlan(planPipeline(pipeline), ctx),
    warn: (m) => warnings.push(m),
    lookupPaths: [],
    outputLookupDir: undefined,
    columnar: false,
  };
  return ctx;
}

export function runCommand(spl: string, input: ResultTable, options: { tz?: string } = {}): { table: ResultTable; warnings: string[] } {
  const text = `| tstats count from datamodel=Endpoint.Processes | ${spl}`;
  const node = parseSearch(text).commands[1]!;
  const warnings: string[] = [];
  const ctx = directContext(text, warnings, options.tz);
  const definition = findCommand(node.name)!;
  // Taken before the row path runs: some commands change their input rows in place.
  const columnarInput = columnTableOf(input);
  const result = executeCommand(definition, node, input, ctx);
  // Every direct test also runs the command over the same input held as columns, which must
  // give the same columns, rows and warnings as the row path.
  const rowWarnings = warnings.splice(0);
  const columnar = executeCommand(definition, node, columnarInput, { ...ctx, columnar: true });
  expect(columnar.columns).toEqual(result.columns);
  expect(plain(columnar)).toEqual(plain(result));
  expect(warnings).toEqual(rowWarnings);
  return { table: result, warnings: rowWarnings };
}

export const plain = (t: ResultTable): Record<string, Value>[] => t.rows.map((r) => Object.fromEntries(r));
