/**
 * `appendpipe [run_in_preview=<bool>] [<subpipeline>]` (DOC appendpipe,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Appendpipe): runs the
 * subpipeline over the current results and appends what it gives after them. "Unlike a
 * subsearch, the subpipeline is not run first. The subpipeline is run when the search reaches
 * the appendpipe command." Columns are the union, current ones first. `run_in_preview` only
 * changes Splunk's preview, not the final results.
 */
import { SpelunkError } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import type { ResultTable } from '../core/values.js';
import type { CommandNodeBase, Subsearch } from '../parse/ast.js';
import { booleanOption } from '../parse/option-values.js';
import type { ExecContext } from './context.js';
import { defineCommand, overResults } from './types.js';

export interface AppendpipeNode extends CommandNodeBase {
  subpipeline: Subsearch;
}

function appendpipe(node: AppendpipeNode, input: RowTable, ctx: ExecContext): ResultTable {
  // The subpipeline gets its own copy of the rows: some commands change their input in place.
  const copy: ResultTable = { columns: [...input.columns], rows: input.rows.map((row) => new Map(row)) };
  const sub = ctx.runSubsearch(overResults(copy, node.subpipeline.pipeline), Number.MAX_SAFE_INTEGER);
  return { columns: appendColumns(input.columns, sub.columns), rows: [...input.rows, ...sub.rows] };
}

export default defineCommand<AppendpipeNode>({
  name: 'appendpipe',
  type: 'streaming',
  summary: 'Runs a subpipeline `[...]` over the current results and appends its results.',
  parse(cursor) {
    const option = cursor.takeOption(['run_in_preview']);
    if (option) booleanOption(option);
    const subpipeline = cursor.takeSubpipeline();
    if (!subpipeline) {
      throw new SpelunkError('syntax', "Error in 'appendpipe' command: a subpipeline in square brackets is required, as in appendpipe [stats count].", {
        start: cursor.offset,
        end: cursor.endOffset,
      });
    }
    cursor.expectEnd();
    return { name: 'appendpipe', span: { start: 0, end: 0 }, subpipeline };
  },
  explain() {
    return { note: 'runs the subpipeline over the current results and appends what it gives' };
  },
  subpipelines: (node) => [node.subpipeline.pipeline],
  execute: appendpipe,
});
