/**
 * A cursor over one command's arguments. Each command file reads its own syntax with it:
 * options (`key=value`), keywords, field names, values, parenthesised lists, subsearches, and
 * embedded search-language or eval-language expressions.
 */
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { SpelunkError, type Span } from '../core/errors.js';
import { parseEvalExpression } from './eval-parser.js';
import type { EvalExpr, SearchExpr, Subsearch } from './ast.js';
import { itemSpan, type ArgItem, type SubsearchSyntax } from './pipeline-parser.js';
import { parseSearchTokens } from './search-parser.js';
import { Comma, CompareOp, LParen, Quoted, RParen, SubsearchMarker, isWordLike, tokenSpan, unquote } from './tokens.js';

export interface ParsedOption {
  key: string;
  value: string;
  quoted: boolean;
  span: Span;
}

export interface FieldName {
  name: string;
  quoted: boolean;
  span: Span;
}

export class ArgCursor {
  private index = 0;

  constructor(
    /** The whole expanded search text; spans index into it. */
    readonly text: string,
    /** The command name, for messages. */
    readonly command: string,
    readonly items: readonly ArgItem[],
    /** Where the command ends in the text (for errors about something missing at the end). */
    readonly endOffset: number,
    private readonly subsearchParser: (syntax: SubsearchSyntax, implicitSearch?: boolean) => Subsearch,
  ) {}

  get done(): boolean {
    return this.index >= this.items.length;
  }

  get position(): number {
    return this.index;
  }

  /** Where the next item starts, or the end of the command. */
  get offset(): number {
    const item = this.items[this.index];
    return item ? itemSpan(item).start : this.endOffset;
  }

  peek(ahead = 0): ArgItem | undefined {
    return this.items[this.index + ahead];
  }

  peekToken(ahead = 0): IToken | undefined {
    const item = this.peek(ahead);
    return item?.kind === 'token' ? item.token : undefined;
  }

  isToken(type: TokenType, ahead = 0): boolean {
    return this.peekToken(ahead)?.tokenType === type;
  }

  /** True when the next item is the bare word `word` (case-insensitive). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peekToken(ahead);
    return isWordLike(token) && token!.image.toLowerCase() === word.toLowerCase();
  }

  next(): ArgItem {
    const item = this.items[this.index];
    if (!item) this.fail(`${this.command}: more arguments were expected.`);
    this.index++;
    return item;
  }

  takeWord(word: string): IToken | undefined {
    if (!this.isWord(word)) return undefined;
    return this.nextToken();
  }

  expectWord(word: string, context: string): IToken {
    const token = this.takeWord(word);
    if (!token) this.fail(`${this.command}: expected '${word}' ${context}.`);
    return token;
  }

  take(type: TokenType): IToken | undefined {
    return this.isToken(type) ? this.nextToken() : undefined;
  }

  expect(type: TokenType, what: string): IToken {
    const token = this.take(type);
    if (!token) this.fail(`${this.command}: expected ${what}.`);
    return token;
  }

  nextToken(): IToken {
    const item = this.next();
    if (item.kind !== 'token') this.fail(`${this.command}: a subsearch is not allowed here.`, item.span);
    return item.token;
  }

  /** `key=value` where key is one of `keys` (case-insensitive); the value may be quoted. */
  takeOption(keys: readonly string[]): ParsedOption | undefined {
    const key = this.peekToken(0);
    if (!isWordLike(key) || !keys.includes(key!.image.toLowerCase())) return undefined;
    const eq = this.peekToken(1);
    if (eq?.tokenType !== CompareOp || eq.image !== '=') return undefined;
    const valueToken = this.peekToken(2);
    if (!valueToken || !(isWordLike(valueToken) || valueToken.tokenType === Quoted)) {
      this.fail(`${this.command}: option '${key!.image}' needs a value.`, tokenSpan(eq));
    }
    this.index += 3;
    const { value, quoted } = unquote(valueToken.image);
    return { key: key!.image.toLowerCase(), value, quoted, span: { start: key!.startOffset, end: tokenSpan(valueToken).end } };
  }

  /** A field name: a bare word or a quoted string. */
  takeFieldName(): FieldName | undefined {
    const token = this.peekToken();
    if (!token || !(isWordLike(token) || token.tokenType === Quoted)) return undefined;
    this.index++;
    const { value, quoted } = unquote(token.image);
    return { name: value, quoted, span: tokenSpan(token) };
  }

  expectFieldName(context: string): FieldName {
    const field = this.takeFieldName();
    if (!field) this.fail(`${this.command}: expected a field name ${context}.`);
    return field;
  }

  takeComma(): boolean {
    return this.take(Comma) !== undefined;
  }

  takeSubsearch(): Subsearch | undefined {
    const item = this.peek();
    if (item?.kind !== 'subsearch') return undefined;
    this.index++;
    return this.subsearchParser(item);
  }

  /** Where `[ ... ]` stands, taken unparsed: a template filled in as text before it is parsed (foreach). */
  takeBracketed(): Span | undefined {
    const item = this.peek();
    if (item?.kind !== 'subsearch') return undefined;
    this.index++;
    return item.span;
  }

  /** `[ ... ]` as a subpipeline: its first command is named, never an implied `search`. */
  takeSubpipeline(): Subsearch | undefined {
    const item = this.peek();
    if (item?.kind !== 'subsearch') return undefined;
    this.index++;
    return this.subsearchParser(item, false);
  }

  /**
   * The items up to (not including) the first top-level item for which `stop` is true;
   * parentheses nest, so a stop word inside `( ... )` does not count.
   */
  takeUntil(stop: (cursor: ArgCursor) => boolean): ArgItem[] {
    const taken: ArgItem[] = [];
    let depth = 0;
    while (!this.done) {
      if (depth === 0 && stop(this)) break;
      const item = this.next();
      if (item.kind === 'token') {
        if (item.token.tokenType === LParen) depth++;
        else if (item.token.tokenType === RParen) depth--;
      }
      taken.push(item);
    }
    return taken;
  }

  /** Parses `items` (taken from this cursor) as one search-language expression. */
  searchExpression(items: readonly ArgItem[]): SearchExpr {
    const tokens: IToken[] = [];
    const subsearches: Subsearch[] = [];
    for (const item of items) {
      if (item.kind === 'subsearch') {
        tokens.push(subsearchMarker(subsearches.length, item.span));
        subsearches.push(this.subsearchParser(item));
      } else {
        tokens.push(item.token);
      }
    }
    const end = items.length > 0 ? itemSpan(items[items.length - 1]!).end : this.offset;
    return parseSearchTokens(tokens, end, subsearches);
  }

  /** Parses one eval-language expression starting at the next item, and moves past it. */
  evalExpression(): EvalExpr {
    if (this.done) this.fail(`${this.command}: an expression was expected.`);
    const start = this.offset;
    const { expr, end } = parseEvalExpression(this.text, start);
    while (!this.done && itemSpan(this.peek()!).start < end) {
      const span = itemSpan(this.peek()!);
      if (span.end > end) {
        this.fail(`${this.command}: the expression ends inside '${this.text.slice(span.start, span.end)}'.`, span);
      }
      this.index++;
    }
    return expr;
  }

  /** Fails unless every argument was used. */
  expectEnd(): void {
    const item = this.peek();
    if (item) {
      const span = itemSpan(item);
      this.fail(`${this.command}: unexpected '${this.text.slice(span.start, span.end)}'.`, span);
    }
  }

  fail(message: string, span?: Span): never {
    // At the end of the search there is no character to underline: the span is empty.
    const at = span ?? { start: this.offset, end: Math.min(this.offset + 1, this.text.length) };
    throw new SpelunkError('syntax', message, at);
  }
}

/** A token standing for subsearch number `index`, so the search-language parser can place it. */
function subsearchMarker(index: number, span: Span): IToken {
  return createTokenInstance(SubsearchMarker, String(index), span.start, span.end - 1, NaN, NaN, NaN, NaN);
}
