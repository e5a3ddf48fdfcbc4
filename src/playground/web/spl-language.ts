/**
 * SPL highlighting for the playground's editor: a CodeMirror stream parser that tells command
 * names (after `|` or `[`), boolean operators, macros in backticks, quoted strings, field names
 * before a comparison, numbers and ``` comments ``` apart. It colours; spelunk's parser judges.
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';

interface SplState {
  /** The next word is a command name. */
  expectCommand: boolean;
  inComment: boolean;
}

const OPERATORS = /^(AND|OR|NOT|XOR|IN|LIKE|BY|AS|OUTPUT|OUTPUTNEW|WHERE|FROM)\b/i;

function token(stream: StringStream, state: SplState): string | null {
  if (state.inComment) {
    if (stream.skipTo('```')) {
      stream.pos += 3;
      state.inComment = false;
    } else stream.skipToEnd();
    return 'comment';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('```')) {
    state.inComment = true;
    return 'comment';
  }
  if (stream.match('|') || stream.match('[')) {
    state.expectCommand = true;
    return 'punctuation';
  }
  if (stream.match(/^`[^`]*`?/)) return 'macroName';
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
    state.expectCommand = false;
    return 'string';
  }
  if (state.expectCommand && stream.match(/^[A-Za-z_][\w]*/)) {
    state.expectCommand = false;
    return 'keyword';
  }
  state.expectCommand = false;
  if (stream.match(/^(AND|OR|NOT|XOR)\b/)) return 'operator';
  if (stream.match(OPERATORS)) return 'operator';
  if (stream.match(/^[A-Za-z_][\w.:{}*-]*(?=\s*(?:!=|<=|>=|==|=|<|>))/)) return 'propertyName';
  if (stream.match(/^-?\d+(?:\.\d+)?\b/)) return 'number';
  if (stream.match(/^[A-Za-z_][\w.]*(?=\()/)) return 'variableName.function';
  stream.next();
  return null;
}

export const spl = StreamLanguage.define<SplState>({
  name: 'spl',
  startState: () => ({ expectCommand: true, inComment: false }),
  token,
});
