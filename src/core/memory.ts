/**
 * The memory budget: a search that would grow past it stops with a search error instead of
 * letting V8 abort the process (exit 134 and a native stack trace). Commands that build large
 * results call `watchMemory` in their loops and the executor checks between commands; the check
 * reads the heap only every few thousand calls, so it costs nothing measurable.
 */
import { getHeapStatistics } from 'node:v8';
import { SpelunkError } from './errors.js';

const MIB = 1024 * 1024;
/** The default budget: 4 GiB, or less when V8's heap is smaller (see heapCeiling). */
export const DEFAULT_MEMORY_BUDGET_MIB = 4096;
/** How many watchMemory calls pass between two reads of the heap. */
const CHECK_INTERVAL = 16_384;

/**
 * The largest budget that can be honoured: V8 aborts at its heap limit, and a search needs room
 * left to unwind and print its error, so a budget is held to 85% of that limit.
 */
function heapCeiling(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.85);
}

let budgetBytes = Math.min(DEFAULT_MEMORY_BUDGET_MIB * MIB, heapCeiling());
let calls = 0;

/** Sets the budget in MiB (from `--max-memory`); returns the budget in effect, in MiB. */
export function setMemoryBudget(mib: number): number {
  if (!Number.isFinite(mib) || mib <= 0) throw new SpelunkError('usage', `Invalid memory budget '${mib}': expected a positive number of MiB.`);
  budgetBytes = Math.min(Math.floor(mib * MIB), heapCeiling());
  return memoryBudgetMiB();
}

export function memoryBudgetMiB(): number {
  return Math.floor(budgetBytes / MIB);
}

/** Memory the search holds now: the JavaScript heap and the buffers outside it. */
function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Fails when memory in use is over the budget; `where` names what was running (a command). */
export function checkMemory(where: string): void {
  calls = 0;
  const used = memoryInUse();
  if (used <= budgetBytes) return;
  throw new SpelunkError(
    'search',
    `Search stopped in '${where}': it used ${Math.round(used / MIB)} MiB, over the memory budget of ${memoryBudgetMiB()} MiB. Narrow the search, or raise the budget with --max-memory (see "Limits" in docs/semantics.md).`,
  );
}

/** Called once per unit of work in a loop that can grow without bound; checks now and then. */
export function watchMemory(where: string): void {
  if (++calls >= CHECK_INTERVAL) checkMemory(where);
}
