/**
 * The executor: checks every step of a plan, then runs the steps in order over one result
 * table. Generating commands start from an empty table; every other command transforms the
 * table it is given.
 *
 * This is the one place that chooses between a command's row path and its column path: a
 * column table goes to the command's column path when it has one (and the search runs on
 * columns), and is made rows for every other command.
 */
import { deferredThrough, isColumnTable } from '../core/column-table.js';
import { checkMemory } from '../core/memory.js';
import { rowTableOf } from '../core/table.js';
import { emptyTable, type ResultTable } from '../core/values.js';
import type { CommandDefinition } from '../commands/types.js';
import type { ExecContext } from '../commands/context.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { Plan, PlanStep } from '../plan/plan.js';

/**
 * Watches a plan run, step by step (`run --stages`, src/explain/stages.ts). With an observer, a
 * column table a step hands on is formed before the step's time is taken, so the time is the
 * step's own; without one nothing changes.
 */
export interface StageObserver {
  /** Step `index` (0-based) is about to run. */
  start?(index: number, step: PlanStep): void;
  /** Step `index` ran and gave `output` in `milliseconds`. */
  end(index: number, step: PlanStep, output: ResultTable, milliseconds: number): void;
  /** The observer for a subsearch the running step starts (absent: subsearches are not watched). */
  subsearch?(): StageObserver;
}

export function executePlan(plan: Plan, ctx: ExecContext, observer?: StageObserver): ResultTable {
  validatePlan(plan, ctx);
  let table = emptyTable();
  for (const [index, step] of plan.steps.entries()) {
    observer?.start?.(index, step);
    const started = observer ? performance.now() : 0;
    table = executeCommand(step.definition, step.node, table, ctx);
    if (observer && isColumnTable(table)) table.formed();
    observer?.end(index, step, table, performance.now() - started);
    checkMemory(step.definition.name);
  }
  return table;
}

/** Every step's checks, the subsearches' included, before anything runs. */
function validatePlan(plan: Plan, ctx: ExecContext): void {
  for (const step of plan.steps) {
    step.definition.validate?.(step.node, ctx);
    for (const subplan of step.subplans) validatePlan(subplan, ctx);
  }
}

/** One command over its input, by its column path or its row path. */
export function executeCommand(definition: CommandDefinition, node: CommandNodeBase, input: ResultTable, ctx: ExecContext): ResultTable {
  if (!(ctx.columnar && isColumnTable(input) && definition.executeColumns)) return definition.execute(node, rowTableOf(input), ctx);
  if (definition.shapeFromColumns && !input.isFormed) {
    return deferredThrough(input, (table, warn) => executeCommand(definition, node, table, { ...ctx, warn }), ctx.warn);
  }
  return definition.executeColumns(node, input, ctx);
}
