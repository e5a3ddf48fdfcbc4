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
  let line = 1;
  let lineStart = 0;
  const limit = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < limit; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: limit - lineStart + 1 };
}
