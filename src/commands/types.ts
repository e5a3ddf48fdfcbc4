/**
 * What a command file provides. Each SPL command is one file in src/commands exporting one
 * CommandDefinition: how its arguments parse into a typed node, a one-line explanation for
 * `spelunk parse --explain`, and how it executes over a result table.
 */
import type { ResultTable } from '../core/values.js';
import type { CommandNodeBase, Pipeline } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import type { ExecContext } from '../exec/context.js';

/**
 * generating: makes results from nothing and must come first (`| tstats`, `| makeresults`);
 * streaming: transforms rows one by one; transforming: summarises the whole table.
 */
export type CommandType = 'generating' | 'streaming' | 'transforming';

export interface CommandDefinition<N extends CommandNodeBase = CommandNodeBase> {
  name: string;
  aliases?: readonly string[];
  type: CommandType;
  /** One sentence for the README and for `--explain` when the node has nothing more specific. */
  summary: string;
  parse(cursor: ArgCursor): N;
  /** The command as `spelunk parse --explain` shows it: groups made explicit, and a note. */
  explain?(node: N, text: string): { text?: string; note: string };
  /** Checks that need the whole pipeline or the environment, before anything runs. */
  validate?(node: N, ctx: ExecContext): void;
  execute(node: N, input: ResultTable, ctx: ExecContext): ResultTable;
  /**
   * For a generating command: whether this node may also stand later in a pipeline, where it
   * adds to the results (`inputlookup append=t`, `makeresults` is not one of them).
   */
  allowedAfterFirst?(node: N): boolean;
  /**
   * Whether the command takes its input unforced (core/column-table.ts DeferredTable) and forces
   * it only if it needs the results; other commands always get the work done.
   */
  takesDeferred?: boolean;
  /** Subsearches the command holds, run before it (join, append, search [...]). */
  subsearches?(node: N): Pipeline[];
}

/** Erases the node type so definitions of different commands can sit in one registry. */
export function defineCommand<N extends CommandNodeBase>(definition: CommandDefinition<N>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}
