/**
 * The syntax tree spelunk parses SPL into. Offsets in every `span` are in the expanded text;
 * an OriginMap turns them back into the user's line and column.
 */
import type { Span } from '../core/errors.js';

// ---------------------------------------------------------------------------------------------
// The search language: `search`, the tstats WHERE clause, `where nodename=...`.
// Precedence (tightest first): parentheses, NOT, OR, AND (explicit or implied).
// ---------------------------------------------------------------------------------------------

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A value as written: `value` is the text with quotes removed and escapes applied. */
export interface SearchValue {
  value: string;
  quoted: boolean;
  /** Written as `CASE(value)`: matched case-sensitively (DOC Search Manual: CASE() and TERM()). */
  caseSensitive?: boolean;
  span: Span;
}

export type SearchExpr =
  | { kind: 'and'; operands: SearchExpr[]; span: Span }
  | { kind: 'or'; operands: SearchExpr[]; span: Span }
  | { kind: 'not'; operand: SearchExpr; span: Span }
  /** `field=value`, `field!=value`, `field<value`, ... The right side is always a literal. */
  | { kind: 'compare'; field: string; op: ComparisonOperator; value: SearchValue; span: Span }
  /** `field IN (v1, v2, ...)`; values may hold wildcards. */
  | { kind: 'in'; field: string; values: SearchValue[]; span: Span }
  /** A bare term or quoted phrase matched against `_raw`; `*` matches every row. */
  | { kind: 'term'; value: SearchValue; span: Span; /** `TERM(x)`: bounded by major breakers (DOC Search Manual: CASE() and TERM()). */ exact?: boolean }
  /** A time modifier inside the expression: `earliest=-24h`, `latest=now`. */
  | { kind: 'timeBound'; bound: 'earliest' | 'latest'; value: SearchValue; span: Span }
  /** `[ ... ]`: runs first; its results become `(f1=v1 AND f2=v2) OR (...)` (DOC: subsearches). */
  | { kind: 'subsearch'; subsearch: Subsearch; span: Span };

// ---------------------------------------------------------------------------------------------
// The eval language: `eval`, `where`, `count(eval(...))`, function arguments.
// Precedence (loosest first): OR/XOR, AND, NOT, comparison, LIKE, concatenation/additive,
// multiplicative, unary minus.
// ---------------------------------------------------------------------------------------------

export type EvalBinaryOperator =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | '+'
  | '-'
  | '.'
  | '*'
  | '/'
  | '%';

export type EvalExpr =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'call'; name: string; args: EvalExpr[]; span: Span }
  | { kind: 'binary'; op: EvalBinaryOperator; left: EvalExpr; right: EvalExpr; span: Span }
  | { kind: 'not'; operand: EvalExpr; span: Span }
  | { kind: 'negate'; operand: EvalExpr; span: Span }
  /** `x IN (a, b, c)` in eval/where: exact matches, no wildcards. */
  | { kind: 'in'; operand: EvalExpr; values: EvalExpr[]; span: Span };

/** The expressions directly inside `expr`, in order. Every walk of the eval AST goes through it. */
export function childrenOf(expr: EvalExpr): readonly EvalExpr[] {
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'field':
      return [];
    case 'call':
      return expr.args;
    case 'binary':
      return [expr.left, expr.right];
    case 'not':
    case 'negate':
      return [expr.operand];
    case 'in':
      return [expr.operand, ...expr.values];
  }
}

// ---------------------------------------------------------------------------------------------
// Pipelines and commands.
// ---------------------------------------------------------------------------------------------

/** Fields every command node has. Each command file extends this with its own typed fields. */
export interface CommandNodeBase {
  /** The command name as registered (lower case), e.g. `tstats`. */
  name: string;
  /** The whole command, from its name to the end of its last argument. */
  span: Span;
}

/** A command spelunk parses generically: well-formed, but without a typed node of its own. */
export interface GenericCommandNode extends CommandNodeBase {
  generic: true;
  /** The argument text exactly as written (expanded), trimmed. */
  argumentText: string;
  /** Set when the command is known but uses something spelunk does not support: why. */
  unsupported?: { message: string; span: Span };
}

export interface Pipeline {
  commands: CommandNodeBase[];
  span: Span;
  /** True when the search began with `|` (a generating command comes first). */
  leadingPipe: boolean;
}

/** A `[ ... ]` subsearch, parsed eagerly; it runs before the command that holds it. */
export interface Subsearch {
  kind: 'subsearch';
  pipeline: Pipeline;
  span: Span;
}
