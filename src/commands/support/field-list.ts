/**
 * Field lists with wildcards, as table, fields, dedup and fillnull read them: names separated
 * by spaces or commas; `*` matches any run of characters, case-sensitively.
 */
import { matchFieldPattern } from '../../core/field-names.js';
import type { ArgCursor, FieldName } from '../../parse/cursor.js';
import { LParen, RParen } from '../../parse/tokens.js';

/** Field names until the end of the arguments or until `stop` holds. */
export function takeFieldList(cursor: ArgCursor, stop: () => boolean = () => false): FieldName[] {
  const fields: FieldName[] = [];
  while (!cursor.done && !stop()) {
    if (cursor.takeComma()) continue;
    fields.push(takeListedField(cursor));
  }
  return fields;
}

/** One field name of a list. */
export function takeListedField(cursor: ArgCursor): FieldName {
  return withCallSuffix(cursor, cursor.expectFieldName('in the field list'));
}

/**
 * A field named like a function call, `predicted(x)` or `values(process)`, lexes as a word
 * and a parenthesised group; written without spaces, it is one field name.
 */
function withCallSuffix(cursor: ArgCursor, field: FieldName): FieldName {
  const open = cursor.peekToken();
  if (field.quoted || open?.tokenType !== LParen || open.startOffset !== field.span.end) return field;
  let depth = 0;
  let end = field.span.end;
  do {
    const token = cursor.nextToken();
    if (token.tokenType === LParen) depth++;
    else if (token.tokenType === RParen) depth--;
    end = token.startOffset + token.image.length;
  } while (depth > 0 && !cursor.done);
  return { name: cursor.text.slice(field.span.start, end), quoted: false, span: { start: field.span.start, end } };
}

/** The columns each pattern selects, in pattern order (a plain name selects itself even if absent). */
export function expandPatterns(patterns: readonly string[], columns: readonly string[], keepAbsent: boolean): string[] {
  const selected: string[] = [];
  for (const pattern of patterns) {
    if (!pattern.includes('*')) {
      if ((keepAbsent || columns.includes(pattern)) && !selected.includes(pattern)) selected.push(pattern);
      continue;
    }
    for (const column of columns) if (matchFieldPattern(pattern, column) && !selected.includes(column)) selected.push(column);
  }
  return selected;
}

export function matchesAnyPattern(patterns: readonly string[], field: string): boolean {
  return patterns.some((pattern) => matchFieldPattern(pattern, field) !== undefined);
}
