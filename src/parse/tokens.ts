/**
 * The SPL lexer (chevrotain). One token set serves the pipeline structure and the search
 * language; the eval language has its own lexer (src/eval), applied to the same text where a
 * command takes an eval expression.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { SpelunkError, type Span } from '../core/errors.js';

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const CompareOp = createToken({ name: 'CompareOp', pattern: /!=|<=|>=|==|=|<|>/ });
// Word and quoted text run together without white space form one argument, as in a shell:
// `""Processes".*"` (what `drop_dm_object_name("Processes")` expands to) is the field
// pattern `Processes.*`. Text after a closing quote joins it only when another quoted part
// follows, so `"* Nul*"Processes.process="*x*"` (published, accepted by Splunk) stays two
// arguments. An empty `()` inside a word is literal text: `*GetCurrent()*` is one value.
const QUOTED_PART = String.raw`"(?:[^"\\]|\\[\s\S])*"`;
const PLAIN_PART = String.raw`[^\s|[\](),="<>!\\-]|\\[\s\S]|!(?!=)|-(?!>)`;
/** Text that starts with a quote: a quoted string, possibly glued to further quoted parts. */
export const Quoted = createToken({
  name: 'Quoted',
  pattern: new RegExp(`${QUOTED_PART}(?:(?:${PLAIN_PART})*${QUOTED_PART})*`),
});
/** A quote that never closes (tried after Quoted, so it runs to the end): "Unbalanced quotes." */
const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"(?:[^"\\]|\\[\s\S])*\\?/ });
/**
 * A bare word: anything up to white space or a structural character. A backslash escapes the
 * next character, so `\|` stays inside the word. `!` belongs to the word unless `=` follows,
 * and `-` unless `>` follows.
 */
export const Word = createToken({ name: 'Word', pattern: new RegExp(`(?:${PLAIN_PART})(?:${QUOTED_PART}|${PLAIN_PART}|\\(\\))*`) });
/** `->`, rename's third spelling of AS (CONF Splunk 8.2.12: "rename [old_name AS/TO/-> new_name]+"). */
export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
/** A backslash that escapes nothing (only possible at the very end, since Word takes `\x`). */
const TrailingEscape = createToken({ name: 'TrailingEscape', pattern: /\\/ });

// Keywords of the search language. Case-sensitive: lower-case `and` is an ordinary term (DOC Search Manual: Boolean expressions).
export const And = createToken({ name: 'And', pattern: /AND/, longer_alt: Word });
export const Or = createToken({ name: 'Or', pattern: /OR/, longer_alt: Word });
export const Not = createToken({ name: 'Not', pattern: /NOT/, longer_alt: Word });
export const In = createToken({ name: 'In', pattern: /IN/, longer_alt: Word });

/**
 * Stands for a `[ ... ]` subsearch inside a search expression. Never produced by the lexer:
 * the cursor puts one in place of each subsearch before the search-language parser runs.
 */
export const SubsearchMarker = createToken({ name: 'SubsearchMarker', pattern: Lexer.NA });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Pipe,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Arrow,
  CompareOp,
  Quoted,
  UnterminatedQuote,
  And,
  Or,
  Not,
  In,
  Word,
  TrailingEscape,
  SubsearchMarker,
];

/** Tokens that are words in every position except where the search language reads them as operators. */
const wordLikeTokens: readonly TokenType[] = [Word, And, Or, Not, In];

const lexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

export function isWordLike(token: IToken | undefined): boolean {
  return token !== undefined && wordLikeTokens.includes(token.tokenType);
}

/**
 * Removes quoting from a word or quoted string: every double-quoted part loses its quotes.
 * Inside and outside quotes, `\"`, `\\` and `\|` lose their backslash; other backslash
 * sequences are kept as written (DOC Search Reference: search: "Unrecognized backslash sequences are not altered").
 */
export function unquote(image: string): { value: string; quoted: boolean } {
  if (!image.includes('"') && !image.includes('\\')) return { value: image, quoted: false };
  let out = '';
  let quoted = false;
  for (let i = 0; i < image.length; i++) {
    const ch = image[i]!;
    const next = image[i + 1];
    if (ch === '\\' && (next === '"' || next === '\\' || next === '|')) {
      out += next;
      i++;
    } else if (ch === '"') {
      quoted = true;
    } else {
      out += ch;
    }
  }
  return { value: out, quoted };
}

/** Lexes the expanded search. Errors use Splunk's messages (CONF Splunk 8.2.12 messages.conf). */
export function lex(text: string): IToken[] {
  const result = lexer.tokenize(text);
  if (result.errors.length > 0) {
    const error = result.errors[0]!;
    throw new SpelunkError('syntax', `Unexpected character '${text[error.offset]}'.`, {
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
    });
  }
  for (const token of result.tokens) {
    if (token.tokenType === UnterminatedQuote) throw new SpelunkError('syntax', 'Unbalanced quotes.', tokenSpan(token));
    if (token.tokenType === TrailingEscape) {
      throw new SpelunkError('syntax', 'The trailing escape character is invalid.', tokenSpan(token));
    }
  }
  return result.tokens;
}
