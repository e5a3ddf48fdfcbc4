/**
 * Tokens of the eval language (`eval`, `where`, `count(eval(...))`, function arguments).
 *
 * Keywords are matched case-insensitively: security_content writes `where a > 10 or b > 10`
 * and `where isnull(x) and isnotnull(y)`, so Splunk accepts lower-case boolean operators in
 * eval (see docs/semantics.md).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  label: 'a "string"',
});
export const QuotedField = createToken({
  name: 'QuotedField',
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  label: "a 'field name'",
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
  label: 'a number',
});
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: 'a field name',
});

function keyword(name: string, word: string): TokenType {
  return createToken({
    name,
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    label: word.toUpperCase(),
  });
}

export const And = keyword('And', 'and');
export const Or = keyword('Or', 'or');
export const Xor = keyword('Xor', 'xor');
export const Not = keyword('Not', 'not');
export const Like = keyword('Like', 'like');
export const In = keyword('In', 'in');

export const DoubleEquals = createToken({ name: 'DoubleEquals', pattern: '==', label: "'=='" });
export const NotEquals = createToken({ name: 'NotEquals', pattern: '!=', label: "'!='" });
export const LessEquals = createToken({ name: 'LessEquals', pattern: '<=', label: "'<='" });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: '>=', label: "'>='" });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: "'='" });
export const Less = createToken({ name: 'Less', pattern: '<', label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: '>', label: "'>'" });
export const Plus = createToken({ name: 'Plus', pattern: '+', label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: '-', label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: '*', label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: '/', label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: '%', label: "'%'" });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: "'.'" });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
/** Never part of an expression; lexed so that the parser stops cleanly in front of them. */
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
export const Pipe = createToken({ name: 'Pipe', pattern: '|', label: "'|'" });

export const allTokens: TokenType[] = [
  WhiteSpace,
  StringLiteral,
  QuotedField,
  NumberLiteral,
  And,
  Or,
  Xor,
  Not,
  Like,
  In,
  Identifier,
  DoubleEquals,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Equals,
  Less,
  Greater,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Dot,
  LParen,
  RParen,
  Comma,
  LBracket,
  RBracket,
  Pipe,
];

export const evalLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });
