/**
 * The eval language grammar (a Chevrotain CST parser). It only recognises structure; the AST
 * is built from its concrete syntax tree in eval-ast-builder.ts.
 *
 * Precedence, loosest first: OR/XOR, AND, NOT, comparison (and `IN`), LIKE,
 * additive/concatenation (`+ - .`), multiplicative (`* / %`), unary minus.
 *
 * Nothing here demands end of input: the rule `expression` stops in front of the first token
 * that cannot continue it, so commands can parse `eval a=x, b=y` or `count(eval(x)) as y`.
 */
import { CstParser, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as t from './eval-tokens.js';

function describeToken(token: IToken): string {
  return token.tokenType.name === 'EOF' ? 'the end of the expression' : `'${token.image}'`;
}

function labelOf(tokenType: TokenType): string {
  return tokenType.LABEL ?? tokenType.name;
}

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${labelOf(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const found = actual[0] ? describeToken(actual[0]) : 'the end of the expression';
    const wanted = ruleName === 'primary' ? 'a value, field name, function call or (' : 'an expression';
    return `expected ${wanted} but found ${found}`;
  },
  buildEarlyExitMessage({ actual }) {
    const found = actual[0] ? describeToken(actual[0]) : 'the end of the expression';
    return `expected an expression but found ${found}`;
  },
};

export class EvalGrammar extends CstParser {
  constructor() {
    super(t.allTokens, { maxLookahead: 2, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpression);
  });

  private orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Or, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Xor, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.andExpression, { LABEL: 'operand' });
    });
  });

  private andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(t.And, { LABEL: 'operator' });
      this.SUBRULE2(this.notExpression, { LABEL: 'operand' });
    });
  });

  private notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Not);
          this.SUBRULE(this.notExpression, { LABEL: 'negated' });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: 'operand' }) },
    ]);
  });

  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.likeExpression, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(t.Equals, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.DoubleEquals, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.NotEquals, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.Less, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.LessEquals, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.Greater, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.GreaterEquals, { LABEL: 'operator' }) },
            ]);
            this.SUBRULE2(this.likeExpression, { LABEL: 'operand' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.In, { LABEL: 'operator' });
            this.SUBRULE(this.argumentList, { LABEL: 'operand' });
          },
        },
      ]);
    });
  });

  private likeExpression = this.RULE('likeExpression', () => {
    this.SUBRULE(this.additive, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(t.Like, { LABEL: 'operator' });
      this.SUBRULE2(this.additive, { LABEL: 'operand' });
    });
  });

  private additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Plus, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Minus, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Dot, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operand' });
    });
  });

  private multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Star, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Slash, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Percent, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: 'operand' });
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Minus, { LABEL: 'sign' });
          this.SUBRULE(this.unary, { LABEL: 'negated' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Plus, { LABEL: 'sign' });
          this.SUBRULE2(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.primary, { LABEL: 'operand' }) },
    ]);
  });

  private primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.NumberLiteral, { LABEL: 'number' }) },
      { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'string' }) },
      { ALT: () => this.CONSUME(t.QuotedField, { LABEL: 'quotedField' }) },
      {
        ALT: () => {
          this.CONSUME(t.LParen, { LABEL: 'open' });
          this.SUBRULE(this.expression, { LABEL: 'inner' });
          this.CONSUME(t.RParen, { LABEL: 'close' });
        },
      },
      { ALT: () => this.SUBRULE(this.nameOrCall, { LABEL: 'nameOrCall' }) },
    ]);
  });

  /** A field name, or a function call when `(` follows; `like(...)` and `in(...)` are functions too. */
  private nameOrCall = this.RULE('nameOrCall', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Identifier, { LABEL: 'name' }) },
      {
        GATE: () => this.LA(2).tokenType === t.LParen,
        ALT: () => this.CONSUME(t.Like, { LABEL: 'name' }),
      },
      {
        GATE: () => this.LA(2).tokenType === t.LParen,
        ALT: () => this.CONSUME(t.In, { LABEL: 'name' }),
      },
    ]);
    this.OPTION(() => this.SUBRULE(this.argumentList, { LABEL: 'arguments' }));
  });

  private argumentList = this.RULE('argumentList', () => {
    this.CONSUME(t.LParen, { LABEL: 'open' });
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => this.SUBRULE(this.expression, { LABEL: 'argument' }),
    });
    this.CONSUME(t.RParen, { LABEL: 'close' });
  });
}

export const evalGrammar = new EvalGrammar();
