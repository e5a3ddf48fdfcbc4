/**
 * `rename <wc-field> AS <wc-field> [, ...]`: renames fields, carrying wildcard parts over
 * (`"Processes.*" as *`). Semantics from the rename reference (DOC S8) and searchbnf (CONF S1):
 * AS, TO and -> are all accepted; wildcard counts must match; a rename onto an existing field
 * overwrites it, with null where the source is missing; renaming a missing field onto an
 * existing one removes that field's data. Columns keep their positions.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { countWildcards, fillWildcards, matchFieldPattern } from '../core/field-names.js';
import { deferredThrough, isColumnTable, type Column, type ColumnTable } from '../core/column-table.js';
import type { ResultTable, Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { Arrow } from '../parse/tokens.js';
import { takeListedField } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface RenamePair {
  from: string;
  to: string;
  span: Span;
}

export interface RenameNode extends CommandNodeBase {
  pairs: RenamePair[];
}

/** The renames one pair makes on the current columns, as old name → new name, in column order. */
function renamesFor(pair: RenamePair, columns: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  if (countWildcards(pair.from) === 0) {
    renames.set(pair.from, pair.to);
    return renames;
  }
  for (const column of columns) {
    const parts = matchFieldPattern(pair.from, column);
    if (parts) renames.set(column, fillWildcards(pair.to, parts));
  }
  return renames;
}

function applyRenames(table: ResultTable, renames: Map<string, string>, warn: (m: string) => void): ResultTable {
  const targets = new Map<string, string>();
  for (const [from, to] of renames) {
    if (targets.has(to) && targets.get(to) !== from) {
      warn(`Multiple renames to field '${to}' detected. Only the last one will appear, and previous 'from' fields will be dropped.`);
    }
    targets.set(to, from);
  }
  const columns: string[] = [];
  const present = new Set(table.columns);
  for (const column of table.columns) {
    const renamed = renames.get(column);
    if (renamed !== undefined) {
      if (targets.get(renamed) === column && !columns.includes(renamed)) columns.push(renamed);
    } else if (!targets.has(column) && !columns.includes(column)) {
      columns.push(column);
    }
  }
  if (isColumnTable(table)) return table.withColumns(columns, renamedColumns(table, renames, targets, present));
  // Rows belong to this stage of the pipeline, so they are changed in place.
  const moved: Value[] = [];
  for (const row of table.rows) {
    moved.length = 0;
    for (const [, from] of targets) moved.push(present.has(from) ? (row.get(from) ?? null) : null);
    for (const [from] of renames) row.delete(from);
    let index = 0;
    for (const [to] of targets) {
      const value = moved[index++]!;
      if (value === null) row.delete(to);
      else row.set(to, value);
    }
  }
  return { columns, rows: table.rows };
}

/** The same renames on a column table: columns change names, no value is touched. */
function renamedColumns(table: ColumnTable, renames: Map<string, string>, targets: Map<string, string>, present: Set<string>): Map<string, Column> {
  const data = new Map(table.data);
  const moved = [...targets].map(([to, from]) => [to, present.has(from) ? table.data.get(from) : undefined] as const);
  for (const [from] of renames) data.delete(from);
  for (const [to, column] of moved) {
    if (column === undefined) data.delete(to);
    else data.set(to, column);
  }
  return data;
}

function renameAll(node: RenameNode, input: ResultTable, warn: (message: string) => void): ResultTable {
  const seen = new Set<string>();
  for (const pair of node.pairs) {
    if (seen.has(pair.to)) {
      warn(`Multiple renames to field '${pair.to}' detected. Only the last one will appear, and previous 'from' fields will be dropped.`);
    }
    seen.add(pair.to);
  }
  let table = input;
  for (const pair of node.pairs) table = applyRenames(table, renamesFor(pair, table.columns), warn);
  return table;
}

export default defineCommand<RenameNode>({
  name: 'rename',
  type: 'streaming',
  summary: 'Renames fields; wildcards carry over (`"Processes.*" as *`).',
  parse(cursor) {
    const pairs: RenamePair[] = [];
    while (!cursor.done) {
      // Stats output names like `count(Type)` are field names too (DOC S13).
      const from = takeListedField(cursor);
      if (!(cursor.takeWord('as') || cursor.takeWord('to') || cursor.take(Arrow))) {
        cursor.fail('Usage: rename [old_name AS/TO/-> new_name]+.', from.span);
      }
      const to = takeListedField(cursor);
      if (countWildcards(from.name) !== countWildcards(to.name)) {
        throw new SpelunkError('syntax', `Wildcard mismatch: '${from.name}' as '${to.name}'.`, {
          start: from.span.start,
          end: to.span.end,
        });
      }
      pairs.push({ from: from.name, to: to.name, span: { start: from.span.start, end: to.span.end } });
      cursor.takeComma();
    }
    if (pairs.length === 0) cursor.fail('Usage: rename [old_name AS/TO/-> new_name]+.');
    return { name: 'rename', span: { start: 0, end: 0 }, pairs };
  },
  explain(node) {
    return { note: `renames ${node.pairs.map((p) => `${p.from} to ${p.to}`).join(', ')}` };
  },
  // Its columns and warnings follow from the input's columns: it can wait for a deferred input.
  takesDeferred: true,
  execute(node, input, ctx) {
    return deferredThrough(input, (table, warn) => renameAll(node, table, warn), ctx.warn);
  },
});
