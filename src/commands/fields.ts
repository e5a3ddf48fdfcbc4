/**
 * `fields [+|-] <wc-field-list>` (DOC fields): `+` (the default) keeps the listed fields, in
 * the order listed; `-` removes them. Internal fields (names starting with `_`, such as
 * `_time`) are kept by `+` unless listed, and removed by `-` only when listed (`fields - _*`).
 */
import type { Table } from '../core/table.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { expandPatterns, matchesAnyPattern, takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface FieldsNode extends CommandNodeBase {
  remove: boolean;
  fields: string[];
}

/** One implementation for rows and columns. */
function fields(node: FieldsNode, input: Table): Table {
  if (node.remove) return input.project(input.columns.filter((c) => !matchesAnyPattern(node.fields, c)));
  const listed = expandPatterns(node.fields, input.columns, false);
  return input.project([...listed, ...input.columns.filter((c) => c.startsWith('_') && !listed.includes(c))]);
}

export default defineCommand<FieldsNode>({
  name: 'fields',
  type: 'streaming',
  summary: 'Keeps (`+`, default) or removes (`-`) the listed fields; wildcards allowed.',
  parse(cursor) {
    let remove = false;
    if (cursor.takeWord('-')) remove = true;
    else cursor.takeWord('+');
    const items = takeFieldList(cursor);
    const fields: string[] = [];
    for (const item of items) {
      // `-field` / `+field` glued together is how `fields -x` lexes.
      if (fields.length === 0 && !remove && item.name.length > 1 && (item.name.startsWith('-') || item.name.startsWith('+')) && !item.quoted) {
        remove = item.name.startsWith('-');
        fields.push(item.name.slice(1));
      } else fields.push(item.name);
    }
    if (fields.length === 0) cursor.fail("Error in 'fields' command: expected at least one field name.");
    return { name: 'fields', span: { start: 0, end: 0 }, remove, fields };
  },
  explain(node) {
    return { note: `${node.remove ? 'removes' : 'keeps only'} ${node.fields.join(', ')}` };
  },
  execute: fields,
  executeColumns: fields,
});
