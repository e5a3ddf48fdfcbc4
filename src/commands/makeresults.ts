/**
 * `| makeresults [count=<int>] [annotate=<bool>]` (DOC makeresults): generates `count`
 * results (default 1) holding only `_time`, the search's now. With annotate=true the results
 * also carry `_raw`, `host`, `source`, `sourcetype`, `splunk_server` and
 * `splunk_server_group`, all empty offline [INF: spelunk has no server], in that order after
 * `_time`. The `format`/`data` inline-data form is not supported.
 */
import { SpelunkError } from '../core/errors.js';
import { watchMemory } from '../core/memory.js';
import type { Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface MakeresultsNode extends CommandNodeBase {
  count: number;
  annotate: boolean;
}

const ANNOTATED_COLUMNS = ['_raw', 'host', 'source', 'sourcetype', 'splunk_server', 'splunk_server_group'];

export default defineCommand<MakeresultsNode>({
  name: 'makeresults',
  type: 'generating',
  summary: 'Generates `count=` results (default 1) with `_time` set to now.',
  parse(cursor) {
    let count = 1;
    let annotate = false;
    while (!cursor.done) {
      const option = cursor.takeOption(['count', 'annotate', 'splunk_server', 'splunk_server_group', 'format', 'data']);
      if (!option) cursor.expectEnd();
      else if (option.key === 'count') count = countOption(option);
      else if (option.key === 'annotate') annotate = booleanOption(option);
      else if (option.key === 'format' || option.key === 'data') {
        throw new SpelunkError('unsupported', `spelunk does not support makeresults ${option.key}=.`, option.span);
      }
    }
    return { name: 'makeresults', span: { start: 0, end: 0 }, count, annotate };
  },
  explain(node) {
    return { note: `makes ${node.count} result(s) with _time = now` };
  },
  execute(node, _input, ctx) {
    const rows: Row[] = [];
    for (let i = 0; i < node.count; i++) {
      watchMemory('makeresults');
      rows.push(new Map([['_time', ctx.now]]));
    }
    return { columns: node.annotate ? ['_time', ...ANNOTATED_COLUMNS] : ['_time'], rows };
  },
});
