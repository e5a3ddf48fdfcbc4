/**
 * parseEvalExpression: one eval expression out of the expanded search text.
 */
import type { IRecognitionException } from 'chevrotain';
import { childrenOf, type EvalExpr } from './ast.js';
import { SpelunkError, type Span } from '../core/errors.js';
import { evalLexer } from './eval-tokens.js';
import { evalGrammar } from './eval-grammar.js';
import { AstBuilder } from './eval-ast-builder.js';

export interface ParsedEval {
  expr: EvalExpr;
  /** Offset just after the expression (trailing spaces not consumed). */
  end: number;
}

/**
 * The offset of the first `|` outside quotes at or after `start` (or the text's end): an eval
 * expression never reaches past it, so only that much text is lexed.
 */
function lexLimit(text: string, start: number): number {
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '|') {
      return i;
    }
  }
  return text.length;
}

function syntaxError(message: string, span: Span): SpelunkError {
  return new SpelunkError('syntax', `Error in eval expression: ${message}`, span);
}

/**
 * Parses ONE expression starting at `start`. Stops, without error, before the first token that
 * cannot continue the expression (a top-level `,`, an unmatched `)` or `]`, `|`, a word such as
 * `by` or `as`, or the end of the text).
 */
export function parseEvalExpression(text: string, start: number): ParsedEval {
  try {
    return parseOrThrow(text, start);
  } catch (error) {
    if (error instanceof SpelunkError) throw error;
    if (error instanceof RangeError) {
      throw syntaxError('the expression is nested too deeply', { start, end: start + 1 });
    }
    throw new SpelunkError('internal', `eval parser failed: ${String(error)}`, { start, end: start + 1 });
  }
}

function parseOrThrow(text: string, start: number): ParsedEval {
  const safeStart = Math.max(0, Math.min(start, text.length));
  const limit = lexLimit(text, safeStart);
  const slice = text.slice(safeStart, limit);
  const lexed = evalLexer.tokenize(slice);
  // Tokens past a character the eval language does not know are dropped: the expression must
  // end before it, and if it cannot, the error names that character.
  const firstLexError = lexed.errors[0];
  const badOffset = firstLexError ? firstLexError.offset : undefined;
  const usable = badOffset === undefined ? lexed.tokens : lexed.tokens.filter((tok) => tok.startOffset < badOffset);

  evalGrammar.input = usable;
  const cst = evalGrammar.expression();
  // Chevrotain reports tokens left after the rule as an error; here they simply end the expression.
  const parseError: IRecognitionException | undefined = evalGrammar.errors.find(
    (error) => error.name !== 'NotAllInputParsedException',
  );
  if (parseError) {
    const token = parseError.token;
    const atEnd = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
    if (atEnd && badOffset !== undefined) {
      const offset = safeStart + badOffset;
      throw syntaxError(`unexpected character '${text[offset] ?? ''}'`, { start: offset, end: offset + 1 });
    }
    const offset = atEnd ? limit : safeStart + token.startOffset;
    const length = atEnd ? 0 : Math.max(1, token.image.length);
    throw syntaxError(parseError.message, { start: offset, end: offset + length });
  }
  const expr = new AstBuilder(safeStart).build(cst);
  if (depthOf(expr) > MAX_EVAL_DEPTH) throw syntaxError('the expression is nested too deeply', { start: safeStart, end: safeStart + 1 });
  return { expr, end: expr.span.end };
}

/**
 * The deepest expression spelunk accepts, in operators and calls from the root to a leaf. Checking,
 * planning and evaluating walk the tree recursively; a chain such as `1+1+…` ten thousand terms
 * long (left-deep, so as deep as it is long) overflowed the stack there. 1000 leaves them ample
 * room (2000 still ran), and is far beyond any published detection.
 */
export const MAX_EVAL_DEPTH = 1000;

/** The depth of `expr`, found without recursion. */
function depthOf(expr: EvalExpr): number {
  let deepest = 0;
  const pending: Array<[EvalExpr, number]> = [[expr, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of childrenOf(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}
