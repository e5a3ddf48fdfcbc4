/**
 * What a search reads its events from: the data model datasets of its tstats commands (in
 * subsearches too), and whether some other generating command (inputlookup, makeresults) makes
 * results of its own. Coverage uses it to tell a search that ran over data from one that could
 * find nothing because every dataset it reads is empty.
 */
import { findCommand } from '../commands/index.js';
import type { TstatsNode } from '../commands/tstats.js';
import { datasetOfSpec, NODENAME, type DatasetKey } from '../datamodel/models.js';
import type { CommandNodeBase, Pipeline, SearchExpr } from '../parse/ast.js';
import type { ColumnarStore } from '../store/types.js';

/** A dataset a search reads: its key, and the child dataset `where nodename=...` names, if any. */
export interface DatasetRead {
  key: DatasetKey;
  nodename?: string;
}

export interface SearchInputs {
  datasets: DatasetRead[];
  /**
   * For each search over events (a first `search`, in subsearches too): the part of its
   * expression that names where its events come from (source, sourcetype, eventtype, index, tag,
   * Channel: what the input macros test), or undefined when it names none.
   */
  events: (SearchExpr | undefined)[];
  /** Whether a generating command other than tstats makes results. */
  otherSources: boolean;
}

/** The `nodename=<path>` at the top level of a tstats WHERE clause (as tstats reads it). */
function nodenameOf(where: SearchExpr | undefined): string | undefined {
  if (!where) return undefined;
  const operands = where.kind === 'and' ? where.operands : [where];
  for (const operand of operands) {
    if (operand.kind === 'compare' && operand.field === NODENAME && operand.op === '=') return operand.value.value;
  }
  return undefined;
}

/** The fields input macros select events by. */
const ORIGIN_FIELDS = new Set(['source', 'sourcetype', 'eventtype', 'index', 'tag', 'Channel']);

/** Whether every leaf of `expr` tests one of ORIGIN_FIELDS. */
function onlyOrigin(expr: SearchExpr): boolean {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.operands.every(onlyOrigin);
    case 'not':
      return onlyOrigin(expr.operand);
    case 'compare':
    case 'in':
      return ORIGIN_FIELDS.has(expr.field);
    default:
      return false;
  }
}

/** The top-level AND operands of a search expression that select by origin, ANDed; undefined for none. */
export function originOf(expr: SearchExpr | undefined): SearchExpr | undefined {
  if (!expr) return undefined;
  const operands = (expr.kind === 'and' ? expr.operands : [expr]).filter(onlyOrigin);
  if (operands.length === 0) return undefined;
  return operands.length === 1 ? operands[0] : { kind: 'and', operands, span: expr.span };
}

function collect(pipeline: Pipeline, inputs: SearchInputs): void {
  for (const [index, node] of pipeline.commands.entries()) {
    const command = findCommand(node.name);
    if (index === 0 && node.name === 'search') inputs.events.push(originOf((node as CommandNodeBase & { expression?: SearchExpr }).expression));
    if (command?.type === 'generating') {
      if (node.name === 'tstats') {
        const tstats = node as TstatsNode;
        const entry = tstats.datamodel ? datasetOfSpec(tstats.datamodel.spec) : undefined;
        if (entry) {
          const nodename = nodenameOf(tstats.where);
          inputs.datasets.push({ key: entry.key, ...(nodename !== undefined ? { nodename } : {}) });
        }
      } else {
        inputs.otherSources = true;
      }
    }
    for (const subsearch of command?.subsearches?.(node) ?? []) collect(subsearch, inputs);
  }
}

export function searchInputs(pipeline: Pipeline): SearchInputs {
  const inputs: SearchInputs = { datasets: [], events: [], otherSources: false };
  collect(pipeline, inputs);
  return inputs;
}

/**
 * How many rows of `store` are in the dataset `nodename` names: all of them for the root (or
 * without nodename), else those whose nodename values include the path.
 */
export function rowsIn(store: ColumnarStore, read: DatasetRead): number {
  const root = read.key.slice(read.key.indexOf('.') + 1);
  if (read.nodename === undefined || read.nodename === root) return store.rowCount;
  const column = store.column(NODENAME);
  if (!column) return 0;
  const inside = column.dictionary.map((entry) => (entry === null ? false : (typeof entry === 'string' ? [entry] : entry).includes(read.nodename!)));
  let count = 0;
  for (let row = 0; row < store.rowCount; row++) if (inside[column.ids[row]!]) count++;
  return count;
}

/** How a dataset read is named in a report. */
export function describeRead(read: DatasetRead): string {
  return read.nodename !== undefined ? `${read.key} (nodename=${read.nodename})` : read.key;
}
