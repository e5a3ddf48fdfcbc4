/**
 * What a command file provides. Each SPL command is one file in src/commands exporting one
 * CommandDefinition: how its arguments parse into a typed node, a one-line explanation for
 * `spelunk parse --explain`, and how it executes: over rows (the reference semantics) and,
 * optionally, over a column table. src/exec/execute.ts is the one place that chooses.
 */
import type { ColumnTable } from '../core/column-table.js';
import type { RowTable } from '../core/table.js';
import type { ResultTable } from '../core/values.js';
import type { CommandNodeBase, Pipeline } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import type { ExecContext } from './context.js';

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
  /** The command over rows: the reference semantics. */
  execute(node: N, input: RowTable, ctx: ExecContext): ResultTable;
  /**
   * The command's column path: over a column table (core/column-table.ts, what tstats hands
   * on), giving exactly what `execute` gives over the same results. Absent, a column table's
   * rows are formed and `execute` runs. A command written with the verbs both kinds of table
   * share (core/table.ts) gives the same function for both.
   */
  executeColumns?(node: N, input: ColumnTable, ctx: ExecContext): ResultTable;
  /**
   * Whether the command's columns and warnings follow from its input's columns alone (rename,
   * convert): then over a column table not formed yet, it runs at once over no results, for
   * them, and over the results only when a later command needs these (tstats results wait so,
   * in case `join` finds it needs none).
   */
  shapeFromColumns?: boolean;
  /**
   * For a generating command: whether this node may also stand later in a pipeline, where it
   * adds to the results (`inputlookup append=t`, `makeresults` is not one of them).
   */
  allowedAfterFirst?(node: N): boolean;
  /** Subsearches the command holds, run before it (join, append, search [...]). */
  subsearches?(node: N): Pipeline[];
  /**
   * Pipelines the command runs over its own input (appendpipe's subpipeline): planned with the
   * command, and allowed to begin with a command that is not generating.
   */
  subpipelines?(node: N): Pipeline[];
}

/** The name of the step that starts a subpipeline from given results; no SPL word is spelled so. */
export const INPUT_RESULTS = '(input)';

/** A generating step that hands on the results it holds: how a subpipeline starts from a command's input. */
export interface InputResultsNode extends CommandNodeBase {
  results: ResultTable;
}

/** `pipeline` run over `results`: the input step, then the pipeline's commands. */
export function overResults(results: ResultTable, pipeline: Pipeline): Pipeline {
  const input: InputResultsNode = { name: INPUT_RESULTS, span: pipeline.span, results };
  return { ...pipeline, commands: [input, ...pipeline.commands] };
}

/** Erases the node type so definitions of different commands can sit in one registry. */
export function defineCommand<N extends CommandNodeBase>(definition: CommandDefinition<N>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}
