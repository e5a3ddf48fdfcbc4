/**
 * `regex [<field>=|<field>!=]"<regex>"` (DOC regex): keeps the results whose field matches
 * the PCRE regex (`=`, the field defaults to `_raw`) or does not match it (`!=`). A result
 * without the field never matches: `=` drops it and `!=` keeps it [INF]. A multivalue field
 * matches when any value does [INF].
 */
import type { Span } from '../core/errors.js';
import type { Table } from '../core/table.js';
import { displayValues, type FieldReader } from '../core/values.js';
import { compilePcre } from '../eval/pcre.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { CompareOp, Quoted, isWordLike, tokenSpan, unquote } from '../parse/tokens.js';
import { defineCommand } from './types.js';

export interface RegexNode extends CommandNodeBase {
  field: string;
  negated: boolean;
  regex: RegExp;
}

/** One implementation for rows and columns: a column table tests once per dictionary value. */
function regex(node: RegexNode, input: Table): Table {
  const keeps = (result: FieldReader): boolean => {
    const matched = displayValues(result.get(node.field)).some((text) => {
      node.regex.lastIndex = 0;
      return node.regex.test(text);
    });
    return node.negated ? !matched : matched;
  };
  return input.filter(input.test(new Set([node.field]), keeps));
}

export default defineCommand<RegexNode>({
  name: 'regex',
  type: 'streaming',
  summary: 'Keeps results whose field matches (`field=`) or does not match (`field!=`) a PCRE regex; default field _raw.',
  parse(cursor) {
    let field = '_raw';
    let negated = false;
    const operator = cursor.peekToken(1);
    if (operator?.tokenType === CompareOp && (operator.image === '=' || operator.image === '!=')) {
      field = cursor.expectFieldName('before the operator').name;
      cursor.nextToken();
      negated = operator.image === '!=';
    }
    const token = cursor.peekToken();
    if (!token || !(token.tokenType === Quoted || isWordLike(token))) return cursor.fail("Error in 'regex' command: a regular expression is required.");
    cursor.nextToken();
    cursor.expectEnd();
    const span: Span = tokenSpan(token);
    const regex = compilePcre(unquote(token.image).value, '', span);
    return { name: 'regex', span: { start: 0, end: 0 }, field, negated, regex };
  },
  explain(node) {
    return { note: `keeps rows whose ${node.field} ${node.negated ? 'does not match' : 'matches'} /${node.regex.source}/` };
  },
  execute: regex,
  executeColumns: regex,
});
