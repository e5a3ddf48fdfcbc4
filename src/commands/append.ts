/**
 * `append [maxout=<int>] [<subsearch>]` (DOC append): runs the subsearch and adds its results
 * after the current ones; the columns are the union (current columns first). The subsearch
 * runs with spelunk's subsearch limit (10,000 results, with a warning); `maxout` can lower it.
 * `extendtimerange`, `maxtime` and `timeout` are accepted and have no effect offline.
 */
import { SpelunkError } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import type { CommandNodeBase, Subsearch } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface AppendNode extends CommandNodeBase {
  subsearch: Subsearch;
  /** 0: no limit beyond the subsearch limit. */
  maxout: number;
}

export default defineCommand<AppendNode>({
  name: 'append',
  type: 'streaming',
  summary: 'Appends the results of a subsearch `[...]` to the current results.',
  parse(cursor) {
    let maxout = 0;
    while (!cursor.done) {
      const option = cursor.takeOption(['maxout', 'extendtimerange', 'maxtime', 'timeout']);
      if (!option) break;
      if (option.key === 'maxout') maxout = countOption(option);
    }
    const subsearch = cursor.takeSubsearch();
    if (!subsearch) {
      throw new SpelunkError('syntax', "Error in 'append' command: a subsearch in square brackets is required, as in append [| tstats ...].", { start: cursor.offset, end: cursor.endOffset });
    }
    cursor.expectEnd();
    return { name: 'append', span: { start: 0, end: 0 }, subsearch, maxout };
  },
  explain() {
    return { note: 'appends the subsearch results' };
  },
  subsearches: (node) => [node.subsearch.pipeline],
  execute(node, input, ctx) {
    const sub = ctx.runSubsearch(node.subsearch.pipeline);
    const rows = node.maxout > 0 ? sub.rows.slice(0, node.maxout) : sub.rows;
    return { columns: appendColumns(input.columns, sub.columns), rows: [...input.rows, ...rows] };
  },
});
