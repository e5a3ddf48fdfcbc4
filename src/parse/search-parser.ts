/**
 * The search language (chevrotain): the argument of `search` and of the tstats WHERE clause.
 * Precedence, tightest first: parentheses, NOT (binds the next operand only), OR, AND
 * (explicit or implied). So `A AND B OR C` is `A AND (B OR C)` (DOC Search Manual: Boolean expressions) — the reverse of eval.
 *
 *   conjunction := disjunction (AND? disjunction)*
 *   disjunction := negation (OR negation)*
 *   negation    := NOT negation | primary
 *   primary     := "(" conjunction ")" | field CompareOp value | field IN "(" value (","* value)* ")" | term | subsearch
 *   field, value, term := Word | Quoted
 */
import { EmbeddedActionsParser, EOF, type IToken } from 'chevrotain';
import { SpelunkError, type Span } from '../core/errors.js';
import type { ComparisonOperator, SearchExpr, SearchValue, Subsearch } from './ast.js';
import { allTokens, And, Comma, CompareOp, In, LParen, Not, Or, Quoted, RParen, SubsearchMarker, Word, tokenSpan, unquote } from './tokens.js';

const TIME_BOUNDS = new Set(['earliest', 'latest']);

function joinSpans(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}

function searchValue(token: IToken): SearchValue {
  const { value, quoted } = unquote(token.image);
  return { value, quoted, span: tokenSpan(token) };
}

function flatten(kind: 'and' | 'or', operands: SearchExpr[]): SearchExpr {
  if (operands.length === 1) return operands[0]!;
  const span = joinSpans(operands[0]!.span, operands[operands.length - 1]!.span);
  return { kind, operands, span };
}

class SearchExpressionParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  public conjunction = this.RULE('conjunction', (): SearchExpr => {
    const operands: SearchExpr[] = [this.SUBRULE(this.disjunction)];
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(And));
      operands.push(this.SUBRULE2(this.disjunction));
    });
    return this.ACTION(() => flatten('and', operands));
  });

  private disjunction = this.RULE('disjunction', (): SearchExpr => {
    const operands: SearchExpr[] = [this.SUBRULE(this.negation)];
    this.MANY(() => {
      this.CONSUME(Or);
      operands.push(this.SUBRULE2(this.negation));
    });
    return this.ACTION(() => flatten('or', operands));
  });

  private negation = this.RULE('negation', (): SearchExpr => {
    return this.OR([
      {
        ALT: () => {
          const not = this.CONSUME(Not);
          const operand = this.SUBRULE(this.negation);
          return this.ACTION((): SearchExpr => ({ kind: 'not', operand, span: joinSpans(tokenSpan(not), operand.span) }));
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  private primary = this.RULE('primary', (): SearchExpr => {
    return this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(LParen);
          const inner = this.SUBRULE(this.conjunction);
          const close = this.CONSUME(RParen);
          return this.ACTION(() => ({ ...inner, span: joinSpans(tokenSpan(open), tokenSpan(close)) }));
        },
      },
      {
        ALT: () => {
          const marker = this.CONSUME(SubsearchMarker);
          return this.ACTION((): SearchExpr => {
            const subsearch = this.subsearches[Number(marker.image)]!;
            return { kind: 'subsearch', subsearch, span: subsearch.span };
          });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
      { ALT: () => this.SUBRULE(this.membership) },
      { ALT: () => this.SUBRULE(this.term) },
    ]);
  });

  /** The subsearches that SubsearchMarker tokens stand for, by index. */
  subsearches: readonly Subsearch[] = [];

  private comparison = this.RULE('comparison', (): SearchExpr => {
    // A quoted field name is read as the name (published content writes "Processes.process"="...").
    const field = this.OR2([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME3(Quoted) }]);
    const op = this.CONSUME(CompareOp);
    const valueToken = this.OR([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
    let inner: IToken | undefined;
    this.OPTION({ GATE: () => this.wraps(valueToken, ['CASE']), DEF: () => (inner = this.SUBRULE(this.wrapped)) });
    return this.ACTION((): SearchExpr => {
      const name = unquote(field.image).value;
      const value = inner ? { ...searchValue(inner), caseSensitive: true } : searchValue(valueToken);
      const span = joinSpans(tokenSpan(field), value.span);
      const operator = (op.image === '==' ? '=' : op.image) as ComparisonOperator;
      if (TIME_BOUNDS.has(name.toLowerCase()) && operator === '=') {
        return { kind: 'timeBound', bound: name.toLowerCase() as 'earliest' | 'latest', value, span };
      }
      return { kind: 'compare', field: name, op: operator, value, span };
    });
  });

  private membership = this.RULE('membership', (): SearchExpr => {
    const field = this.OR2([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME3(Quoted) }]);
    this.CONSUME(In);
    this.CONSUME(LParen);
    const values: SearchValue[] = [];
    // Published searches that Splunk accepts have trailing, doubled and missing commas in IN
    // lists (`("a","b",)`, `("a",, "b")`, `("a". "b")`), so commas are optional separators.
    this.MANY(() => {
      this.OR3([
        { ALT: () => this.CONSUME(Comma) },
        {
          ALT: () => {
            const token = this.OR([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
            values.push(this.ACTION(() => searchValue(token)));
          },
        },
      ]);
    });
    const close = this.CONSUME(RParen);
    return this.ACTION((): SearchExpr => ({
      kind: 'in',
      field: unquote(field.image).value,
      values,
      span: joinSpans(tokenSpan(field), tokenSpan(close)),
    }));
  });

  /** Whether `token` is `TERM` or `CASE` (as `wrapper` names) glued to the `(` that follows it. */
  private wraps(token: IToken | undefined, wrappers: readonly string[]): boolean {
    const next = this.LA(1);
    return token !== undefined && wrappers.includes(token.image) && next.tokenType === LParen && next.startOffset === token.startOffset + token.image.length;
  }

  /** `TERM(x)` / `CASE(x)` after its name: the value inside (DOC Search Manual: CASE() and TERM() "Use CASE() and TERM()"). */
  private wrapped = this.RULE('wrapped', (): IToken => {
    this.CONSUME(LParen);
    const inner = this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
    this.CONSUME(RParen);
    return inner;
  });

  private term = this.RULE('term', (): SearchExpr => {
    const token = this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
    let inner: IToken | undefined;
    this.OPTION({ GATE: () => this.wraps(token, ['TERM', 'CASE']), DEF: () => (inner = this.SUBRULE(this.wrapped)) });
    return this.ACTION((): SearchExpr => {
      if (!inner) return { kind: 'term', value: searchValue(token), span: tokenSpan(token) };
      const value = searchValue(inner);
      const span = joinSpans(tokenSpan(token), value.span);
      return token.image === 'TERM' ? { kind: 'term', value, span: { ...span, end: span.end + 1 }, exact: true } : { kind: 'term', value: { ...value, caseSensitive: true }, span: { ...span, end: span.end + 1 } };
    });
  });
}

let sharedParser: SearchExpressionParser | undefined;

export function searchExpressionParser(): EmbeddedActionsParser {
  return (sharedParser ??= new SearchExpressionParser());
}

/** An expression that every row satisfies: what `search` with no argument means. */
function matchAll(at: number): SearchExpr {
  return { kind: 'and', operands: [], span: { start: at, end: at } };
}

/**
 * Parses a whole run of tokens as one search expression. `endOffset` is where the run ends in
 * the text, for errors about a missing operand at the end.
 */
export function parseSearchTokens(tokens: IToken[], endOffset: number, subsearches: readonly Subsearch[] = []): SearchExpr {
  if (tokens.length === 0) return matchAll(endOffset);
  const parser = (sharedParser ??= new SearchExpressionParser());
  parser.subsearches = subsearches;
  parser.input = tokens;
  const expr = parser.conjunction();
  const error = parser.errors[0];
  if (error) {
    const token = error.token;
    if (token.tokenType === EOF) throw endedEarly(tokens, endOffset);
    throw new SpelunkError('syntax', describeUnexpected(token), tokenSpan(token));
  }
  return expr;
}

/**
 * The expression stopped before it was complete. The error points at a real token (the
 * unclosed `(` or the last token) rather than past the end, so that its position maps back to
 * the user's text, inside the macro that wrote it if a macro did.
 */
function endedEarly(tokens: readonly IToken[], endOffset: number): SpelunkError {
  const unclosed: IToken[] = [];
  for (const token of tokens) {
    if (token.tokenType === LParen) unclosed.push(token);
    else if (token.tokenType === RParen) unclosed.pop();
  }
  const open = unclosed[unclosed.length - 1];
  if (open) return new SpelunkError('syntax', "Missing ')': this '(' is never closed.", tokenSpan(open));
  const last = tokens[tokens.length - 1];
  const span = last ? tokenSpan(last) : { start: endOffset, end: endOffset };
  const after = last ? ` after '${last.image}'` : '';
  return new SpelunkError('syntax', `The search expression ends too early${after}: an operand is missing.`, span);
}

function describeUnexpected(token: IToken): string {
  switch (token.tokenType) {
    case RParen:
      return "Unexpected ')': no '(' opens it.";
    case LParen:
      return "Unexpected '(': parentheses must hold a search expression.";
    case CompareOp:
      return `Unexpected '${token.image}': a comparison needs a field name on its left and a value on its right.`;
    case And:
    case Or:
      return `Unexpected '${token.image}': a boolean operator needs a search term on each side.`;
    case Not:
      return "Unexpected 'NOT': it must be followed by a search term.";
    case In:
      return "Unexpected 'IN': write <field> IN (<value>, ...).";
    default:
      return `Unexpected '${token.image}'.`;
  }
}
