/** `--max-memory <MiB>`: the memory budget of a search (src/core/memory.ts). */
import { InvalidArgumentError } from 'commander';
import { DEFAULT_MEMORY_BUDGET_MIB, setMemoryBudget } from '../core/memory.js';

export const MAX_MEMORY_HELP = `stop a search that uses more than this many MiB, with an error (default ${DEFAULT_MEMORY_BUDGET_MIB}, at most 85% of Node's heap limit; raise that with NODE_OPTIONS=--max-old-space-size=N)`;

/** Commander's parser for the option: sets the budget as soon as the option is read. */
export function parseMaxMemory(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of MiB, 1 or more.');
  return setMemoryBudget(Number(value));
}
