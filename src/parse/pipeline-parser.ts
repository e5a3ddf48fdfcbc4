/**
 * The pipeline grammar (chevrotain): commands separated by `|`, each a run of argument items,
 * with `[ ... ]` subsearches nested as pipelines of their own. What the arguments mean is each
 * command's business (src/commands); this layer only finds where commands begin and end.
 *
 *   pipeline  := "|"? segment ("|" segment)*
 *   segment   := item*
 *   item      := Word | Quoted | CompareOp | "->" | "," | "(" | ")" | AND | OR | NOT | IN | subsearch
 *   subsearch := "[" pipeline "]"
 */
import { EmbeddedActionsParser, EOF, type IToken } from 'chevrotain';
import { SpelunkError, type Span } from '../core/errors.js';
import {
  allTokens,
  And,
  Arrow,
  Comma,
  CompareOp,
  In,
  LBracket,
  LParen,
  Not,
  Or,
  Pipe,
  Quoted,
  RBracket,
  RParen,
  Word,
  tokenSpan,
} from './tokens.js';

export interface TokenItem {
  kind: 'token';
  token: IToken;
}

export interface SubsearchSyntax {
  kind: 'subsearch';
  pipeline: PipelineSyntax;
  span: Span;
}

export type ArgItem = TokenItem | SubsearchSyntax;

export interface SegmentSyntax {
  items: ArgItem[];
  /** The `|` that opened this segment, if any. */
  pipe: IToken | undefined;
}

export interface PipelineSyntax {
  leadingPipe: boolean;
  segments: SegmentSyntax[];
  span: Span;
}

export function itemSpan(item: ArgItem): Span {
  return item.kind === 'token' ? tokenSpan(item.token) : item.span;
}

class PipelineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  public pipeline = this.RULE('pipeline', (): PipelineSyntax => {
    const segments: SegmentSyntax[] = [];
    const leading = this.OPTION(() => this.CONSUME(Pipe));
    segments.push({ items: this.SUBRULE(this.segment), pipe: leading });
    this.MANY(() => {
      const pipe = this.CONSUME2(Pipe);
      segments.push({ items: this.SUBRULE2(this.segment), pipe });
    });
    return { leadingPipe: leading !== undefined, segments, span: { start: 0, end: 0 } };
  });

  private segment = this.RULE('segment', (): ArgItem[] => {
    const items: ArgItem[] = [];
    this.MANY(() => {
      items.push(this.SUBRULE(this.item));
    });
    return items;
  });

  private item = this.RULE('item', (): ArgItem => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.subsearch) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Word) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Quoted) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(CompareOp) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Arrow) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Comma) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(LParen) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(RParen) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(And) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Or) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(Not) }) },
      { ALT: () => ({ kind: 'token', token: this.CONSUME(In) }) },
    ]);
  });

  private subsearch = this.RULE('subsearch', (): SubsearchSyntax => {
    const open = this.CONSUME(LBracket);
    const pipeline = this.SUBRULE(this.pipeline);
    const close = this.CONSUME(RBracket);
    const span = { start: open.startOffset, end: close.startOffset + 1 };
    return { kind: 'subsearch', pipeline: { ...pipeline, span }, span };
  });
}

let sharedParser: PipelineParser | undefined;

/** Exposed so that grammar/ can be generated from the very parser that runs. */
export function pipelineParser(): EmbeddedActionsParser {
  return (sharedParser ??= new PipelineParser());
}

export function parsePipelineSyntax(tokens: IToken[], text: string): PipelineSyntax {
  checkBrackets(tokens);
  const parser = (sharedParser ??= new PipelineParser());
  parser.input = tokens;
  const result = parser.pipeline();
  if (parser.errors.length > 0) {
    const error = parser.errors[0]!;
    const token = error.token;
    const offset = token.tokenType === EOF ? text.length : token.startOffset;
    throw new SpelunkError('syntax', `Unexpected '${token.image || 'end of search'}'.`, {
      start: offset,
      end: Math.min(offset + Math.max(1, token.image.length), text.length),
    });
  }
  return { ...result, span: { start: 0, end: text.length } };
}

/**
 * limits.conf max_subsearch_depth: the deepest nesting of subsearches. Checked on the tokens, so
 * that the grammar, which recurses per level, never meets 300 levels and overflows the stack.
 */
export const MAX_SUBSEARCH_DEPTH = 8;

/** Splunk's bracket messages (CONF Splunk 8.2.12 messages.conf) before the grammar sees the tokens. */
function checkBrackets(tokens: IToken[]): void {
  const open: IToken[] = [];
  for (const token of tokens) {
    if (token.tokenType === LBracket) {
      open.push(token);
      if (open.length > MAX_SUBSEARCH_DEPTH) {
        throw new SpelunkError(
          'syntax',
          `Subsearches are nested too deeply: more than ${MAX_SUBSEARCH_DEPTH} levels (limits.conf max_subsearch_depth).`,
          tokenSpan(token),
        );
      }
    } else if (token.tokenType === RBracket) {
      if (open.length === 0) throw new SpelunkError('syntax', "Mismatched ']'.", tokenSpan(token));
      open.pop();
    }
  }
  if (open.length > 0) throw new SpelunkError('syntax', "Mismatched '['.", tokenSpan(open[open.length - 1]!));
}
