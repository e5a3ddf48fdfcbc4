/**
 * A search cut at its commands: the expanded pipeline, and the results of running it up to (not
 * including) a given command. Tuning tools compare what reaches a command with what leaves it.
 */
import type { ResultTable } from '../core/values.js';
import type { ExpansionResult } from '../macros/expand.js';
import type { CommandNodeBase, Pipeline } from '../parse/ast.js';
import type { Session } from '../session.js';

export interface Stages {
  expansion: ExpansionResult;
  pipeline: Pipeline;
  /** The results of the commands before `index` (the whole search for `index` = its length). */
  resultsBefore(index: number): ResultTable;
}

export function stagesOf(session: Session, search: string): Stages {
  const { expansion, pipeline } = session.parse(search);
  const cache = new Map<number, ResultTable>();
  return {
    expansion,
    pipeline,
    resultsBefore(index) {
      let table = cache.get(index);
      if (!table) {
        table = session.run(prefixText(expansion.text, pipeline.commands, index));
        cache.set(index, table);
      }
      return table;
    },
  };
}

/** The expanded text of the first `index` commands, without the pipe that followed them. */
function prefixText(text: string, commands: readonly CommandNodeBase[], index: number): string {
  if (index >= commands.length) return text;
  return text.slice(0, commands[index]!.span.start).replace(/\s*\|\s*$/, '');
}

/** Fields present at a stage: the table's columns and any field a row holds a value for. */
export function fieldsOf(table: ResultTable): Set<string> {
  const fields = new Set(table.columns);
  for (const row of table.rows) for (const [name, value] of row) if (value !== null) fields.add(name);
  return fields;
}

/** The macros a command's text came through, outermost first (empty for text the user wrote). */
export function macroChainOf(expansion: ExpansionResult, command: CommandNodeBase): string[] {
  return expansion.origins.originOf(command.span.start).macroChain.map((frame) => frame.name);
}
