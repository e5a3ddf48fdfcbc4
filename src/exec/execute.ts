/**
 * The executor: runs a plan's steps in order over one result table. Generating commands start
 * from an empty table; every other command transforms the table it is given.
 */
import { forced } from '../core/column-table.js';
import { emptyTable, type ResultTable } from '../core/values.js';
import type { Plan } from '../plan/plan.js';
import type { ExecContext } from './context.js';

export function executePlan(plan: Plan, ctx: ExecContext): ResultTable {
  let table = emptyTable();
  for (const step of plan.steps) {
    step.definition.validate?.(step.node, ctx);
    if (!step.definition.takesDeferred) table = forced(table);
    table = step.definition.execute(step.node, table, ctx);
  }
  return forced(table);
}
