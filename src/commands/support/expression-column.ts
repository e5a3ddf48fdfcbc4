/**
 * An eval expression over a column table, worked out once per dictionary value when it reads
 * a single dictionary column, and once in all when it reads no field.
 */
import { encodedColumn, type Column } from '../../core/column-table.js';
import type { FieldReader, Value } from '../../core/values.js';
import { fieldsRead } from '../../eval/dependencies.js';
import type { EvalExpr } from '../../parse/ast.js';

/**
 * The expression's values as a column sharing the ids of the one dictionary column it reads;
 * undefined when that shortcut does not apply and each result must be evaluated on its own.
 */
export function expressionByValue(expression: EvalExpr, data: ReadonlyMap<string, Column>, compute: (reader: FieldReader) => Value): Column | undefined {
  const fields = fieldsRead(expression);
  if (fields === undefined || fields.size > 1) return undefined;
  if (fields.size === 0) {
    let value: Value | undefined;
    return { get: () => (value === undefined ? (value = compute({ get: () => undefined })) : value) };
  }
  const field = [...fields][0]!;
  const column = data.get(field);
  // A field no result has reads as absent everywhere: one value for all.
  if (column === undefined) return expressionByValue({ kind: 'string', value: '', span: expression.span }, data, compute);
  const encoding = column.encoding;
  if (!encoding) return undefined;
  return encodedColumn(encoding.ids, encoding.size, (id) => {
    const value = encoding.value(id);
    return compute({ get: (name) => (name === field ? value : undefined) });
  });
}
