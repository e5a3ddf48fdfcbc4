/**
 * `lookup [local=<bool>] [update=<bool>] <lookup-table-name> (<lookup-field> [AS <event-field>])...
 *  [OUTPUT | OUTPUTNEW (<lookup-destfield> [AS <event-destfield>])...]` (DOC lookup command).
 * The table is a security_content lookup definition or a CSV file name; matching follows the
 * definition's transforms.conf settings (src/lookup/apply.ts).
 */
import type { Span } from '../core/errors.js';
import {
  lookupColumns,
  lookupRows,
  LookupCatalog,
  readLookupCsv,
  type LookupDefinition,
  type LookupFieldPair,
  type LookupRequest,
  type LookupTable,
} from '../lookup/index.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface LookupNode extends CommandNodeBase {
  table: string;
  tableSpan: Span;
  inputs: LookupFieldPair[];
  outputs: LookupFieldPair[] | undefined;
  mode: 'OUTPUT' | 'OUTPUTNEW';
}

const USAGE =
  'Usage: lookup [local=<bool>] [update=<bool>] <lookup-table-name> ( <lookup-field> [AS <event-field>] )... ' +
  '[ OUTPUT | OUTPUTNEW ( <lookup-destfield> [AS <event-destfield>] )... ]';

function isOutputKeyword(cursor: ArgCursor): boolean {
  return cursor.isWord('OUTPUT') || cursor.isWord('OUTPUTNEW');
}

/** `field [AS name]` pairs, commas optional, until the end or an OUTPUT keyword. */
function readPairs(cursor: ArgCursor, stopAtOutput: boolean): LookupFieldPair[] {
  const pairs: LookupFieldPair[] = [];
  while (!cursor.done && !(stopAtOutput && isOutputKeyword(cursor))) {
    if (cursor.takeComma()) continue;
    const field = cursor.expectFieldName('in the lookup field list');
    let eventField = field.name;
    if (cursor.takeWord('as')) eventField = cursor.expectFieldName("after 'AS'").name;
    pairs.push({ lookupField: field.name, eventField });
  }
  return pairs;
}

/** The lookup definition the node names, its table, and what the node asks of it. */
function lookupOf(node: LookupNode, ctx: ExecContext): { definition: LookupDefinition; table: LookupTable; request: LookupRequest } {
  const definition = LookupCatalog.forSearch(ctx.lookupPaths, ctx.outputLookupDir).resolve(node.table, node.tableSpan);
  const table = readLookupCsv(definition.file!);
  return { definition, table, request: { inputs: node.inputs, outputs: node.outputs, mode: node.mode, span: node.tableSpan } };
}

export default defineCommand<LookupNode>({
  name: 'lookup',
  type: 'streaming',
  summary: 'Adds fields from a lookup table (CSV with a security_content definition) to each result.',
  parse(cursor) {
    // local= and update= only matter on a distributed or real-time Splunk (DOC lookup).
    while (cursor.takeOption(['local', 'update'])) {
      /* accepted and ignored */
    }
    const table = cursor.takeFieldName() ?? cursor.fail(USAGE);
    const inputs = readPairs(cursor, true);
    if (inputs.length === 0) cursor.fail(`${USAGE} (no lookup field was given)`);
    let mode: LookupNode['mode'] = 'OUTPUT';
    let outputs: LookupFieldPair[] | undefined;
    if (!cursor.done) {
      mode = cursor.nextToken().image.toUpperCase() as LookupNode['mode'];
      outputs = readPairs(cursor, false);
      if (outputs.length === 0) cursor.fail(`${USAGE} (no field after ${mode})`);
    }
    return { name: 'lookup', span: { start: 0, end: 0 }, table: table.name, tableSpan: table.span, inputs, outputs, mode };
  },
  explain(node) {
    const inputs = node.inputs.map((p) => (p.lookupField === p.eventField ? p.lookupField : `${p.lookupField} AS ${p.eventField}`));
    const outputs = node.outputs
      ? `${node.mode === 'OUTPUT' ? 'overwrites' : 'fills when absent'} ${node.outputs.map((p) => p.eventField).join(', ')}`
      : 'adds every other field of the table';
    return { note: `matches ${inputs.join(', ')} against lookup '${node.table}'; ${outputs}` };
  },
  validate(node, ctx) {
    LookupCatalog.forSearch(ctx.lookupPaths, ctx.outputLookupDir).resolve(node.table, node.tableSpan);
  },
  execute(node, input, ctx) {
    const { definition, table, request } = lookupOf(node, ctx);
    return lookupRows(input, definition, table, request);
  },
  executeColumns(node, input, ctx) {
    const { definition, table, request } = lookupOf(node, ctx);
    return lookupColumns(input, definition, table, request);
  },
});
