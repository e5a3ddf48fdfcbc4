/**
 * Evaluates an eval AST over one row. Null propagates: arithmetic or concatenation with a
 * missing value is null, a comparison with one is unknown (null), and AND/OR/NOT follow
 * three-valued logic, so `where` keeps a row only when its expression is true.
 */
import { childrenOf, type EvalExpr } from '../parse/ast.js';
import { SpelunkError, type Span } from '../core/errors.js';
import { scalarToString, valuesOf, type FieldReader, type Scalar, type Value } from '../core/values.js';
import { compareScalars, toArithmeticNumber, toBoolean, toNumber } from './coerce.js';
import { checkCall, functionSpec, like, unsupportedFunction, type CallEnv, type EvalContext } from './functions.js';

export type { EvalContext } from './functions.js';
export { isTrue } from './coerce.js';

type Binary = Extract<EvalExpr, { kind: 'binary' }>;

function compare(op: string, left: Value, right: Value): Value {
  if (left === null || right === null) return null;
  const lefts = valuesOf(left);
  const rights = valuesOf(right);
  if (lefts.length === 0 || rights.length === 0) return null;
  // A multivalue compares true when any of its values does.
  return lefts.some((l) =>
    rights.some((r) => {
      const order = compareScalars(l, r);
      switch (op) {
        case '=':
        case '==':
          return order === 0;
        case '!=':
          return order !== 0;
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    }),
  );
}

function single(value: Value): Scalar | undefined {
  if (value === null || Array.isArray(value)) return undefined;
  return value as Scalar;
}

/**
 * The longest string an eval operator builds: V8 cannot hold more than 2^29 - 24 UTF-16 units,
 * and throws a bare RangeError past it.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

function joined(l: string, r: string, span: Span): string {
  if (l.length + r.length > MAX_STRING_LENGTH) {
    throw new SpelunkError('search', `Error in eval expression: the result would be ${l.length + r.length} characters long, more than the ${MAX_STRING_LENGTH} a string can hold.`, span);
  }
  return l + r;
}

function arithmetic(op: string, left: Value, right: Value, span: Span): Value {
  const l = single(left);
  const r = single(right);
  if (l === undefined || r === undefined) return null;
  if (op === '.') return joined(scalarToString(l), scalarToString(r), span);
  const a = toArithmeticNumber(l);
  const b = toArithmeticNumber(r);
  if (a === undefined || b === undefined) {
    // `+` joins two strings; other operators need numbers.
    return op === '+' && typeof l === 'string' && typeof r === 'string' ? joined(l, r, span) : null;
  }
  // NaN in, NaN out, printed as Splunk prints it (DOC informational-functions 10.0: numval "NaN").
  if (Number.isNaN(a) || Number.isNaN(b)) return 'NaN';
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

function logical(expr: Binary, row: FieldReader, ctx: EvalContext): Value {
  const left = toBoolean(evaluate(expr.left, row, ctx));
  if (expr.op === 'AND' && left === false) return false;
  if (expr.op === 'OR' && left === true) return true;
  const right = toBoolean(evaluate(expr.right, row, ctx));
  if (expr.op === 'AND') return right === false ? false : left === null || right === null ? null : true;
  if (expr.op === 'OR') return right === true ? true : left === null || right === null ? null : false;
  return left === null || right === null ? null : left !== right;
}

function call(expr: Extract<EvalExpr, { kind: 'call' }>, row: FieldReader, ctx: EvalContext): Value {
  const spec = functionSpec(expr.name);
  if (!spec) throw unsupportedFunction(expr.name, expr.span);
  const env: CallEnv = {
    args: expr.args,
    row,
    ctx,
    span: expr.span,
    value: (index) => {
      const arg = expr.args[index];
      return arg === undefined ? null : evaluate(arg, row, ctx);
    },
    evaluateIn: (inner, otherRow) => evaluate(inner, otherRow, ctx),
  };
  return spec.run(env);
}

export function evaluate(expr: EvalExpr, row: FieldReader, ctx: EvalContext): Value {
  switch (expr.kind) {
    case 'number':
      // A decimal literal keeps the zeros it was written with: `a = 5.0` prints 5.0 (DOC
      // mathematical-functions and statistical-eval-functions 10.0); it reads as the number.
      return /^\d+\.\d*0$/.test(expr.text) ? expr.text : expr.value;
    case 'string':
    case 'boolean':
      return expr.value;
    case 'field':
      return row.get(expr.name) ?? null;
    case 'call':
      return call(expr, row, ctx);
    case 'not': {
      const value = toBoolean(evaluate(expr.operand, row, ctx));
      return value === null ? null : !value;
    }
    case 'negate': {
      const value = single(evaluate(expr.operand, row, ctx));
      const number = value === undefined ? undefined : toNumber(value);
      return number === undefined ? null : -number;
    }
    case 'in': {
      const value = evaluate(expr.operand, row, ctx);
      if (value === null) return null;
      return expr.values.some((candidate) => compare('=', value, evaluate(candidate, row, ctx)) === true);
    }
    case 'binary':
      switch (expr.op) {
        case 'AND':
        case 'OR':
        case 'XOR':
          return logical(expr, row, ctx);
        case 'LIKE':
          return like(evaluate(expr.left, row, ctx), evaluate(expr.right, row, ctx));
        case '=':
        case '==':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compare(expr.op, evaluate(expr.left, row, ctx), evaluate(expr.right, row, ctx));
        default:
          return arithmetic(expr.op, evaluate(expr.left, row, ctx), evaluate(expr.right, row, ctx), expr.span);
      }
  }
}

/** Checks every function call in the expression: known name, valid argument count. Call at parse/plan time. */
export function checkFunctions(expr: EvalExpr): void {
  if (expr.kind === 'call') checkCall(expr.name, expr.args.length, expr.span);
  childrenOf(expr).forEach(checkFunctions);
}

/** True when the value may be stored in a field: eval cannot assign a boolean (Splunk's rule). */
export function assertAssignable(value: Value, span: EvalExpr['span']): void {
  if (typeof value === 'boolean') {
    throw new SpelunkError(
      'search',
      'Fields cannot be assigned a boolean result. Instead, try if([bool expr], [expr], [expr]).',
      span,
    );
  }
}

