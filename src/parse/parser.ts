/**
 * From expanded SPL text to a Pipeline of typed command nodes: lex, find the pipeline's
 * structure, then let each command's own file read its arguments. The commands come from the
 * caller (src/commands/index.ts binds spelunk's registry), so this layer sits below them.
 */
import { SpelunkError } from '../core/errors.js';
import type { CommandNodeBase, GenericCommandNode, Pipeline, SearchExpr, Subsearch } from './ast.js';
import { ArgCursor } from './cursor.js';
import { itemSpan, parsePipelineSyntax, type PipelineSyntax, type SegmentSyntax } from './pipeline-parser.js';
import { isWordLike, lex, tokenSpan } from './tokens.js';

/** What the parser needs of a command: the name it is registered under and how it reads its arguments. */
export interface CommandSyntax {
  readonly name: string;
  parse(cursor: ArgCursor): CommandNodeBase;
}

/** The command a name (or alias) stands for; undefined for a command the caller does not know. */
export type CommandLookup = (name: string) => CommandSyntax | undefined;

/** `implicitSearch` false: the text is a subpipeline, its first command named (foreach's template). */
export function parseSearchWith(commands: CommandLookup, text: string, implicitSearch = true): Pipeline {
  const tokens = lex(text);
  const syntax = parsePipelineSyntax(tokens, text);
  return buildPipeline(commands, text, syntax, false, implicitSearch);
}

/**
 * `implicitSearch` false: the first segment names its command like every other (appendpipe's
 * subpipeline: `appendpipe [stats count by action]` begins with stats, not with a search).
 */
function buildPipeline(find: CommandLookup, text: string, syntax: PipelineSyntax, inSubsearch: boolean, implicitSearch = true): Pipeline {
  const commands: CommandNodeBase[] = [];
  syntax.segments.forEach((segment, index) => {
    const implicitSearchAllowed = implicitSearch && index === 0 && !syntax.leadingPipe;
    if (segment.items.length === 0 && !implicitSearchAllowed) missingCommand(text, syntax.segments[index + 1] ?? segment, syntax);
    commands.push(buildCommand(find, text, segment, implicitSearchAllowed, inSubsearch, syntax));
  });
  return { commands, span: syntax.span, leadingPipe: syntax.leadingPipe };
}

/** `segment` is the one whose opening `|` has no command before it. */
function missingCommand(text: string, segment: SegmentSyntax, syntax: PipelineSyntax): never {
  const pipe = segment.pipe;
  const at = pipe ? pipe.startOffset : syntax.span.start;
  throw new SpelunkError(
    'syntax',
    `Missing a search command before '|'. Error at position '${at}' of search query '${text.slice(syntax.span.start, syntax.span.end)}'.`,
    { start: at, end: Math.min(at + 1, text.length) },
  );
}

function buildCommand(
  find: CommandLookup,
  text: string,
  segment: SegmentSyntax,
  implicitSearchAllowed: boolean,
  inSubsearch: boolean,
  syntax: PipelineSyntax,
): CommandNodeBase {
  const items = segment.items;
  const first = items[0];
  const firstToken = first?.kind === 'token' ? first.token : undefined;
  const parseSubsearch = (s: { pipeline: PipelineSyntax; span: { start: number; end: number } }, implicitSearch = true): Subsearch => ({
    kind: 'subsearch',
    pipeline: buildPipeline(find, text, s.pipeline, true, implicitSearch),
    span: s.span,
  });

  let name: string;
  let argumentItems = items;
  if (implicitSearchAllowed && !(firstToken && isWordLike(firstToken) && firstToken.image.toLowerCase() === 'search')) {
    // The search command is implied at the start of every search (DOC Search Reference: search).
    if (items.length === 0 && !inSubsearch) throw new SpelunkError('syntax', 'The search is empty.', { start: 0, end: 0 });
    name = 'search';
  } else {
    if (!firstToken || !isWordLike(firstToken)) {
      if (items.length === 0) missingCommand(text, segment, syntax);
      const span = first ? itemSpan(first) : { start: 0, end: 0 };
      throw new SpelunkError('syntax', `Expected a command name, found '${text.slice(span.start, span.end)}'.`, span);
    }
    name = firstToken.image.toLowerCase();
    argumentItems = items.slice(1);
  }

  const start = first ? itemSpan(first).start : segment.pipe ? tokenSpan(segment.pipe).end : 0;
  const last = items[items.length - 1];
  const end = last ? itemSpan(last).end : start;
  const span = { start, end };
  const cursor = new ArgCursor(text, name, argumentItems, end, parseSubsearch);
  const definition = find(name);
  const generic = (unsupported?: SpelunkError): GenericCommandNode => ({
    name,
    span,
    generic: true,
    argumentText: argumentItems.length > 0 ? text.slice(itemSpan(argumentItems[0]!).start, end).trim() : '',
    ...(unsupported ? { unsupported: { message: unsupported.message, span: unsupported.span ?? span } } : {}),
  });
  if (!definition) return generic();
  try {
    const node = definition.parse(cursor);
    return { ...node, name: definition.name, span };
  } catch (error) {
    // Well-formed SPL that uses an option spelunk lacks still parses; running it reports why.
    if (error instanceof SpelunkError && error.kind === 'unsupported') return generic(error);
    throw error;
  }
}

/** Parses text as one search-language expression, as `search <text>` reads it (for searchmatch()). */
export function parseSearchExpressionWith(commands: CommandLookup, text: string): SearchExpr {
  const syntax = parsePipelineSyntax(lex(text), text);
  if (syntax.leadingPipe || syntax.segments.length !== 1) {
    throw new SpelunkError('syntax', 'Expected one search expression, not a pipeline.', { start: 0, end: text.length });
  }
  const items = syntax.segments[0]!.items;
  const cursor = new ArgCursor(text, 'search', items, text.length, (s) => ({
    kind: 'subsearch',
    pipeline: buildPipeline(commands, text, s.pipeline, true),
    span: s.span,
  }));
  return cursor.searchExpression(items);
}
