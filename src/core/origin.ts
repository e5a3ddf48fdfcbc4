/**
 * Where a piece of the expanded search came from. Splunk expands macros textually before it
 * parses; spelunk does the same and keeps this map so that errors and explanations point at
 * what the user wrote, and at the macro that produced the text.
 */
export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

/** One macro expansion in a chain, outermost first. */
export interface MacroFrame {
  /** The stanza name, with arity for argument macros: `security_content_ctime(1)`. */
  name: string;
  /** Where the definition came from: `macros/process_cmd.yml:3`, `--macro`, ... */
  definedAt: string;
  /** Where the backtick invocation starts in the user's original text. */
  invokedAt: TextPosition;
}

export interface Origin {
  /** Position in the user's original search text (for text from a macro: its invocation). */
  position: TextPosition;
  /** Empty when the text was written by the user; else the macros it came through. */
  macroChain: MacroFrame[];
  /** For text inside a macro definition: the position within that (innermost) definition. */
  positionInMacro?: TextPosition;
}

export interface OriginMap {
  /** The origin of the character at `offset` in the expanded text (offset may equal its length). */
  originOf(offset: number): Origin;
}

/** The identity map, for text that went through no expansion. */
export function positionAt(text: string, offset: number): TextPosition {
  const starts = lineStartsOf(text);
  const limit = Math.max(0, Math.min(offset, text.length));
  // The last line start at or before `limit` (a newline at `limit` itself belongs to this line).
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= limit) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: limit - starts[low]! + 1 };
}

/**
 * Offsets where each line of `text` starts, remembered for the few texts asked about last: macro
 * expansion asks for many positions in one search, and scanning from the start each time made
 * expanding many invocations quadratic.
 */
const lineStartCache = new Map<string, number[]>();
const LINE_START_CACHE_SIZE = 8;

function lineStartsOf(text: string): number[] {
  const cached = lineStartCache.get(text);
  if (cached) return cached;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (lineStartCache.size >= LINE_START_CACHE_SIZE) lineStartCache.clear();
  lineStartCache.set(text, starts);
  return starts;
}
