/**
 * A data model dataset's constraint: the search a row must satisfy to be in the dataset (the
 * root's `tag=network tag=communicate`, a child's `action="failure" OR result="failure"`). Written
 * once as a small tree, so that the same constraint is shown as the CIM writes it (`spelunk
 * datamodel --fields`) and evaluated on each row at ingest, with the search language's rules for
 * `field=value`: values compare case-insensitively, `*` matches any run of characters, `field=*`
 * holds when the field has a value, and a multivalue field holds when one of its values does.
 */
import { splitMultivalue } from './multivalue.js';

export type Constraint =
  | { kind: 'equals'; field: string; value: string }
  | { kind: 'and'; operands: readonly Constraint[] }
  | { kind: 'or'; operands: readonly Constraint[] }
  | { kind: 'not'; operand: Constraint };

export const equals = (field: string, value: string): Constraint => ({ kind: 'equals', field, value });
export const tagged = (...tags: string[]): Constraint =>
  tags.length === 1 ? equals('tag', tags[0]!) : { kind: 'and', operands: tags.map((tag) => equals('tag', tag)) };
export const allOf = (...operands: Constraint[]): Constraint => ({ kind: 'and', operands });
export const anyOf = (...operands: Constraint[]): Constraint => ({ kind: 'or', operands });
export const not = (operand: Constraint): Constraint => ({ kind: 'not', operand });

/** Whether a value must be quoted to be read back as one search term. */
function quoted(value: string): string {
  return /^[\w*$.:-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** The constraint as search text, in the CIM JSON's spelling (implicit AND). */
export function describeConstraint(constraint: Constraint): string {
  switch (constraint.kind) {
    case 'equals':
      return `${constraint.field}=${quoted(constraint.value)}`;
    case 'and':
      return constraint.operands.map((c) => (c.kind === 'or' ? `(${describeConstraint(c)})` : describeConstraint(c))).join(' ');
    case 'or':
      return constraint.operands.map((c) => (c.kind === 'and' ? `(${describeConstraint(c)})` : describeConstraint(c))).join(' OR ');
    case 'not': {
      const inner = describeConstraint(constraint.operand);
      return constraint.operand.kind === 'equals' ? `NOT ${inner}` : `NOT (${inner})`;
    }
  }
}

/** The fields a constraint reads, each once, in the order met. */
export function constraintFields(constraint: Constraint, into: string[] = []): string[] {
  switch (constraint.kind) {
    case 'equals':
      if (!into.includes(constraint.field)) into.push(constraint.field);
      break;
    case 'and':
    case 'or':
      for (const operand of constraint.operands) constraintFields(operand, into);
      break;
    case 'not':
      constraintFields(constraint.operand, into);
      break;
  }
  return into;
}

/** A search-language wildcard pattern as an anchored, case-insensitive regular expression. */
function patternOf(value: string): RegExp {
  const body = value
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

/** A row's values by column; multivalue cells hold their values joined (multivalue.ts). */
export type ConstraintRow = readonly (string | null | undefined)[];

/**
 * The constraint as a test over rows whose columns are `fields`; `multivalue` names the fields
 * whose cells hold several values. A field the dataset lacks never has a value.
 */
export function compileConstraint(
  constraint: Constraint,
  fields: readonly string[],
  multivalue: readonly string[],
): (row: ConstraintRow) => boolean {
  switch (constraint.kind) {
    case 'equals': {
      const column = fields.indexOf(constraint.field);
      if (column < 0) return () => false;
      const isMultivalue = multivalue.includes(constraint.field);
      if (constraint.value === '*') return (row) => row[column] !== null && row[column] !== undefined;
      const lowered = constraint.value.toLowerCase();
      const pattern = constraint.value.includes('*') ? patternOf(constraint.value) : undefined;
      const test = pattern ? (value: string) => pattern.test(value) : (value: string) => value.toLowerCase() === lowered;
      return (row) => {
        const cell = row[column];
        if (cell === null || cell === undefined) return false;
        return isMultivalue ? splitMultivalue(cell).some(test) : test(cell);
      };
    }
    case 'and': {
      const tests = constraint.operands.map((c) => compileConstraint(c, fields, multivalue));
      return (row) => tests.every((test) => test(row));
    }
    case 'or': {
      const tests = constraint.operands.map((c) => compileConstraint(c, fields, multivalue));
      return (row) => tests.some((test) => test(row));
    }
    case 'not': {
      const test = compileConstraint(constraint.operand, fields, multivalue);
      return (row) => !test(row);
    }
  }
}
