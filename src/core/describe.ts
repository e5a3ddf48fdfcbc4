/**
 * Turns a position in the search into the lines a user reads under an error message:
 * where (line, column, and the macro chain), the line itself, and a caret under the spot.
 */
import type { Origin, TextPosition } from './origin.js';

/** Longest macro chain shown in full under an error. */
const MAX_FRAMES_SHOWN = 6;

export function describeOrigin(originalText: string, origin: Origin): string {
  const lines: string[] = [];
  const { line, column } = origin.position;
  lines.push(`at line ${line}, column ${column}`);
  const chain = origin.macroChain;
  const describeFrame = (i: number): string => {
    const frame = chain[i]!;
    const inner = i === chain.length - 1 && origin.positionInMacro
      ? ` (line ${origin.positionInMacro.line}, column ${origin.positionInMacro.column} of its definition)`
      : '';
    const caller = i === 0
      ? `invoked at line ${frame.invokedAt.line}, column ${frame.invokedAt.column}`
      : `invoked by macro \`${chain[i - 1]!.name}\``;
    return `  in macro \`${frame.name}\`${inner}, defined in ${frame.definedAt}, ${caller}`;
  };
  // Innermost first. A long chain (a macro that calls itself) keeps its two ends.
  const shown = chain.length > MAX_FRAMES_SHOWN;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (shown && i < chain.length - 3 && i >= 2) {
      if (i === chain.length - 4) lines.push(`  ... ${chain.length - 5} more macro expansions ...`);
      continue;
    }
    lines.push(describeFrame(i));
  }
  lines.push(...caretLines(originalText, origin.position));
  return lines.join('\n');
}

/** The source line holding `position`, and a caret under its column. Long lines are windowed. */
function caretLines(text: string, position: TextPosition): string[] {
  const sourceLine = text.split('\n')[position.line - 1] ?? '';
  const width = 100;
  let start = 0;
  if (sourceLine.length > width && position.column > width - 20) {
    start = Math.min(position.column - 1 - Math.floor(width / 2), sourceLine.length - width);
    start = Math.max(0, start);
  }
  const shown = sourceLine.slice(start, start + width);
  const prefix = start > 0 ? '...' : '';
  const suffix = start + width < sourceLine.length ? '...' : '';
  const caretColumn = prefix.length + (position.column - 1 - start);
  return [`  ${prefix}${shown}${suffix}`, `  ${' '.repeat(Math.max(0, caretColumn))}^`];
}
