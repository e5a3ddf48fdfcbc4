/**
 * `rename <wc-field> AS <wc-field> [, ...]`: renames fields, carrying wildcard parts over
 * (`"Processes.*" as *`). Semantics from the rename reference (DOC Search Reference: rename) and searchbnf (CONF Splunk 8.2.12):
 * AS, TO and -> are all accepted; wildcard counts must match; a rename onto an existing field
 * overwrites it, with null where the source is missing; renaming a missing field onto an
 * existing one removes that field's data. Columns keep their positions.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { countWildcards, fillWildcards, matchFieldPattern } from '../core/field-names.js';
import type { Table } from '../core/table.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { Arrow } from '../parse/tokens.js';
import type { ExecContext } from './context.js';
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

/** One pair's renames: the warning and the new column order here, the moves in the table's own `rename` (a column table moves no value). */
function applyRenames(table: Table, renames: Map<string, string>, warn: (m: string) => void): Table {
  const targets = new Map<string, string>();
  for (const [from, to] of renames) {
    if (targets.has(to) && targets.get(to) !== from) {
      warn(`Multiple renames to field '${to}' detected. Only the last one will appear, and previous 'from' fields will be dropped.`);
    }
    targets.set(to, from);
  }
  const columns: string[] = [];
  for (const column of table.columns) {
    const renamed = renames.get(column);
    if (renamed !== undefined) {
      if (targets.get(renamed) === column && !columns.includes(renamed)) columns.push(renamed);
    } else if (!targets.has(column) && !columns.includes(column)) {
      columns.push(column);
    }
  }
  return table.rename(columns, renames);
}

/** One implementation for rows and columns. */
function rename(node: RenameNode, input: Table, ctx: ExecContext): Table {
  const warn = ctx.warn;
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
      // Stats output names like `count(Type)` are field names too (DOC Search Reference: stats).
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
      // DOC rename 10.0: "You can't rename one field with multiple names ... rename A as B, A as C".
      if (!from.name.includes('*') && pairs.some((p) => p.from === from.name)) {
        throw new SpelunkError('syntax', `Error in 'rename' command: the field '${from.name}' is renamed more than once; a field can have only one new name.`, {
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
  execute: rename,
  executeColumns: rename,
  shapeFromColumns: true,
});
