/**
 * Reads the two fitted layouts back, the way a person reads them, without spelunk's code: the
 * table by the column spans of its dashes line, the records by their unindented field names.
 */

export const chars = (text: string): string[] => Array.from(text);
export const width = (text: string): number => chars(text).length;
export const noSpace = (text: string): string => text.replace(/\s+/g, '');
/** Runs of letters, marks, digits and `_`: what a line must never split. */
export const words = (text: string): string[] => text.match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];

export function longestLine(text: string): number {
  return text.split('\n').reduce((w, line) => Math.max(w, width(line)), 0);
}

export interface TableLayout {
  headers: string[];
  /** rows[r][c]: the lines of one cell, trailing blanks dropped. */
  rows: string[][][];
}

/** Splits a fitted table into cells; `rowCount` tells one-line rows from blank-separated blocks. */
export function readTable(text: string, rowCount: number): TableLayout {
  const lines = text.replace(/\n$/, '').split('\n');
  const dashes = lines[1]!;
  const spans = [...dashes.matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const cut = (line: string): string[] => spans.map((s) => chars(line).slice(s.start, s.end).join('').trimEnd());
  const headers = cut(lines[0]!);
  const body = lines.slice(2);
  const blocks = body.length === rowCount ? body.map((line) => [line]) : splitOnBlank(body);
  const rows = blocks.map((block) => {
    const cells: string[][] = spans.map(() => []);
    for (const line of block) cut(line).forEach((part, c) => cells[c]!.push(part));
    return cells.map((cell) => dropTrailingBlanks(cell));
  });
  return { headers, rows };
}

function splitOnBlank(lines: string[]): string[][] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line === '') blocks.push([]);
    else blocks[blocks.length - 1]!.push(line);
  }
  return blocks;
}

function dropTrailingBlanks(lines: string[]): string[] {
  const kept = [...lines];
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept;
}

export interface RecordField {
  name: string;
  /** The value's lines as shown, indentation removed. */
  lines: string[];
  /** The column its value starts in, on the name's line (undefined when the name is alone on its line). */
  valueColumn: number | undefined;
}

/** Splits the record layout into results and each result into its fields. */
export function readRecords(text: string): RecordField[][] {
  return text
    .replace(/\n$/, '')
    .split('\n\n')
    .map((block) => {
      const fields: RecordField[] = [];
      for (const line of block.split('\n')) {
        const named = /^(\S+)( +)(.*)$/.exec(line) ?? /^(\S+)()()$/.exec(line);
        if (named) {
          const [, name, gap, value] = named;
          fields.push({ name: name!, lines: value ? [value] : [], valueColumn: value ? width(name!) + gap!.length : undefined });
        } else {
          fields[fields.length - 1]!.lines.push(line.trimStart());
        }
      }
      return fields;
    });
}
