/**
 * `from datamodel <Model>.<Dataset>` (also `datamodel:<Model>.<Dataset>`, quoted or not; DOC from,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/From): the events of a data
 * model dataset, read from the store tstats reads (the session's bound dataset, in the search's
 * time range), newest first as Splunk returns events. Each result holds `_time` and the dataset's
 * fields under their own names, without the `<Dataset>.` prefix tstats uses: security_content's
 * published `from datamodel` searches read them so (`| from datamodel Web.Web | ... | stats count
 * by action, category, dest ...`, `| from datamodel Risk.All_Risk | search normalized_risk_object
 * IN (...)`) [INF from those searches; see docs/semantics.md]. Other `from` sources (saved
 * searches, lookups, other datasets) need a Splunk server and are refused.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import type { ResultTable, Row, Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface FromNode extends CommandNodeBase {
  dataset: string;
  datasetSpan: Span;
}

/** Store columns that are bookkeeping, not event fields: which child datasets a row is in. */
const HIDDEN = new Set(['nodename']);

function from(node: FromNode, ctx: ExecContext): ResultTable {
  const binding = ctx.dataset(node.dataset, node.datasetSpan);
  const store = binding.store;
  const { earliest, latest } = ctx.timeRange;
  const fields = store.fields.filter((f) => !HIDDEN.has(f));
  const columns = fields.map((f) => ({ name: f, column: store.column(f) }));
  const order: number[] = [];
  for (let row = 0; row < store.rowCount; row++) {
    const time = store.time[row]!;
    if ((earliest === undefined || time >= earliest) && (latest === undefined || time < latest)) order.push(row);
  }
  order.sort((a, b) => store.time[b]! - store.time[a]! || a - b);
  const rows = order.map((index) => {
    const row: Row = new Map<string, Value>([['_time', store.time[index]!]]);
    for (const { name, column } of columns) {
      const entry = column?.dictionary[column.ids[index]!];
      if (entry !== null && entry !== undefined) row.set(name, entry);
    }
    return row;
  });
  return { columns: ['_time', ...fields], rows };
}

export default defineCommand<FromNode>({
  name: 'from',
  type: 'generating',
  summary: 'The events of a data model dataset (`| from datamodel Endpoint.Processes`), fields without the dataset prefix.',
  parse(cursor) {
    const first = cursor.expectFieldName('(the dataset, as in from datamodel Endpoint.Processes)');
    let spec: string;
    let span = first.span;
    if (first.name.toLowerCase() === 'datamodel') {
      const dataset = cursor.expectFieldName('after datamodel (Model.Dataset)');
      spec = dataset.name;
      span = dataset.span;
    } else if (/^datamodel:/i.test(first.name)) {
      spec = first.name.slice('datamodel:'.length);
    } else {
      throw new SpelunkError('unsupported', `spelunk's from reads data models only: write from datamodel <Model>.<Dataset> (found '${first.name}').`, first.span);
    }
    cursor.expectEnd();
    if (!/^[^.]+\.[^.]+$/.test(spec)) {
      throw new SpelunkError('syntax', `Error in 'from' command: '${spec}' is not <Model>.<Dataset>.`, span);
    }
    return { name: 'from', span: { start: 0, end: 0 }, dataset: spec, datasetSpan: span };
  },
  explain(node) {
    return { note: `the events of the data model dataset ${node.dataset}` };
  },
  execute: (node, _input, ctx) => from(node, ctx),
});
