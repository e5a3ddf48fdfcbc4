/**
 * `makemv [delim=<string> | tokenizer=<regex>] [allowempty=<bool>] <field>` (DOC makemv):
 * splits a single-value field into a multivalue. `delim` (default a single space) splits on
 * the string; `tokenizer` is repeat-matched and each match's first capturing group (or the
 * whole match without one) is a value. Empty values are dropped unless allowempty=true.
 * An internal field (a name starting with `_`) is left as it is (DOC makemv 10.0: "The makemv
 * command does not apply to internal fields"). setsv is not supported.
 */
import { SpelunkError } from '../core/errors.js';
import type { Table } from '../core/table.js';
import { fromValues, scalarToString, valuesOf, type Scalar } from '../core/values.js';
import { compilePcre, copyRegex } from '../eval/pcre.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface MakemvNode extends CommandNodeBase {
  field: string;
  delim: string;
  tokenizer?: RegExp;
  allowEmpty: boolean;
}

function split(text: string, node: MakemvNode): string[] {
  let parts: string[];
  if (node.tokenizer) {
    const pattern = copyRegex(node.tokenizer, 'g');
    parts = [];
    for (const match of text.matchAll(pattern)) {
      parts.push(match.length > 1 ? (match[1] ?? '') : match[0]);
      if (match[0] === '') pattern.lastIndex++;
    }
  } else {
    parts = text.split(node.delim);
  }
  return node.allowEmpty ? parts : parts.filter((p) => p !== '');
}

/** One implementation for rows and columns: a column table splits each dictionary value once. */
function makemv(node: MakemvNode, input: Table): Table {
  if (node.field.startsWith('_')) return input;
  return input.withColumn(node.field, new Set([node.field]), (result) => {
    const value = result.get(node.field);
    if (value === undefined || value === null) return null;
    const parts: Scalar[] = [];
    // A loop, not push(...): a spread of a million values overflows the stack.
    for (const item of valuesOf(value)) for (const part of split(scalarToString(item), node)) parts.push(part);
    return fromValues(parts);
  });
}

export default defineCommand<MakemvNode>({
  name: 'makemv',
  type: 'streaming',
  summary: 'Splits a field into a multivalue field by `delim=` (default a space) or `tokenizer=` regex.',
  parse(cursor) {
    let delim = ' ';
    let tokenizer: RegExp | undefined;
    let allowEmpty = false;
    let field: string | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['delim', 'tokenizer', 'allowempty', 'setsv']);
      if (option) {
        if (option.key === 'delim') delim = option.value;
        else if (option.key === 'tokenizer') tokenizer = compilePcre(option.value, '', option.span);
        else if (option.key === 'allowempty') allowEmpty = booleanOption(option);
        else if (booleanOption(option)) {
          throw new SpelunkError('unsupported', 'spelunk does not support makemv setsv=true.', option.span);
        }
        continue;
      }
      if (field !== undefined) cursor.expectEnd();
      field = cursor.expectFieldName('to split').name;
    }
    if (field === undefined) return cursor.fail("Error in 'makemv' command: expected a field name.");
    return { name: 'makemv', span: { start: 0, end: 0 }, field, delim, ...(tokenizer ? { tokenizer } : {}), allowEmpty };
  },
  explain(node) {
    return { note: `splits ${node.field} ${node.tokenizer ? `with the tokenizer /${node.tokenizer.source}/` : `on "${node.delim}"`}` };
  },
  execute: makemv,
  executeColumns: makemv,
});
