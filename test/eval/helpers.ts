import { parseEvalExpression } from '../../src/parse/eval-parser.js';
import { evaluate, checkFunctions, type EvalContext } from '../../src/eval/evaluate.js';
import type { Row, Value } from '../../src/core/values.js';

export const ctx: EvalContext = { now: 1_700_000_000, tz: 'UTC' };

/** Parses and evaluates `text` over a row built from `fields`. */
export function run(text: string, fields: Record<string, Value> = {}, context: EvalContext = ctx): Value {
  const { expr } = parseEvalExpression(text, 0);
  checkFunctions(expr);
  return evaluate(expr, new Map(Object.entries(fields)) as Row, context);
}
