/** Word-boundary wrapping, and the fitted layouts on any table at any width (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFittedTable } from '../../src/format/index.js';
import { wrapLine } from '../../src/format/wrap.js';
import type { ResultTable, Value } from '../../src/core/values.js';
import { chars, longestLine, noSpace, readRecords, width, words } from './layout.js';

describe('wrapLine', () => {
  it('breaks at spaces and drops them', () => {
    expect(wrapLine('cmd /c whoami /all', 8, 'break').lines).toEqual(['cmd /c', 'whoami', '/all']);
  });

  it('breaks after path separators when no space fills half the line', () => {
    expect(wrapLine('C:\\Windows\\System32\\cmd.exe /c whoami', 20, 'break').lines).toEqual(['C:\\Windows\\System32\\', 'cmd.exe /c whoami']);
  });

  it('breaks where a word meets a quote rather than inside the word', () => {
    expect(wrapLine('"MSExchangeOWAAppPool"', 20, 'break').lines).toEqual(['"', 'MSExchangeOWAAppPool', '"']);
  });

  it('cuts a word wider than the line with an ellipsis (truncate), or at the width (break)', () => {
    expect(wrapLine('ab GenericAppPoolConfig', 8, 'truncate')).toEqual({ lines: ['ab', 'Generic\u2026'], cut: true });
    expect(wrapLine('ab GenericAppPoolConfig', 8, 'break')).toEqual({ lines: ['ab', 'GenericA', 'ppPoolCo', 'nfig'], cut: false });
  });

  it('counts code points: an emoji is one column and is never cut in half', () => {
    const text = '\u{1F600}'.repeat(5);
    const lines = wrapLine(text, 2, 'break').lines;
    expect(lines).toEqual(['\u{1F600}\u{1F600}', '\u{1F600}\u{1F600}', '\u{1F600}']);
  });

  const text = fc.stringMatching(/^[a-zA-Z0-9_ .\\/:"=-]{0,80}$/);
  const lineWidth = fc.integer({ min: 1, max: 30 });

  it('break: no line wider than the width, no character but spaces lost, no word that fits split', () => {
    fc.assert(
      fc.property(text, lineWidth, (value, w) => {
        const lines = wrapLine(value, w, 'break').lines;
        expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(w);
        expect(noSpace(lines.join(''))).toBe(noSpace(value));
        const shown = lines.flatMap(words);
        for (const word of words(value)) if (width(word) <= w) expect(shown).toContain(word);
      }),
    );
  });

  it('truncate: no line wider than the width; the lines are the value, or a start of it ending in an ellipsis', () => {
    fc.assert(
      fc.property(text, lineWidth, (value, w) => {
        const { lines, cut } = wrapLine(value, w, 'truncate');
        expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(w);
        const shown = noSpace(lines.join(''));
        if (cut) {
          expect(shown.endsWith('\u2026')).toBe(true);
          expect(noSpace(value).startsWith(shown.slice(0, -1))).toBe(true);
        } else {
          expect(shown).toBe(noSpace(value));
        }
      }),
    );
  });
});

describe('fitted layouts, any table, any width', () => {
  const name = fc.stringMatching(/^[a-z][a-z_.]{0,24}$/);
  const scalar = fc.stringMatching(/^[a-zA-Z0-9 .\\/:"=-]{0,60}$/);
  const filled: fc.Arbitrary<Value> = fc.oneof(scalar, fc.array(scalar, { minLength: 2, maxLength: 4 }));
  const value: fc.Arbitrary<Value> = fc.oneof(filled, fc.constant(null));
  const tableOf = (cell: fc.Arbitrary<Value>): fc.Arbitrary<ResultTable> =>
    fc.uniqueArray(name, { minLength: 1, maxLength: 7 }).chain((columns) =>
      fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 5 }).map((rows) => ({
        columns,
        rows: rows.map((values) => new Map(columns.map((c, i) => [c, values[i]!]))),
      })),
    );
  const table = tableOf(value);
  // Narrow widths, where the edge cases are, half the time.
  const columns = fc.oneof(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 120 }));

  it('never writes a line longer than the width', () => {
    fc.assert(
      fc.property(table, columns, (t, w) => {
        expect(longestLine(formatFittedTable(t, w))).toBeLessThanOrEqual(w);
        expect(longestLine(formatFittedTable(t, w, { vertical: true }))).toBeLessThanOrEqual(w);
      }),
      { numRuns: 500 },
    );
  });

  it('records show every field of every result, every character of its value in order', () => {
    fc.assert(
      fc.property(tableOf(filled), fc.integer({ min: 30, max: 120 }), (t, w) => {
        // A blank value (or a blank value of a multivalue) is a blank line, which would read as
        // a result's end: the property is about the characters of values that have some.
        const visible = (v: Value): boolean => (Array.isArray(v) ? v.every(visible) : v !== null && /\S/.test(String(v)));
        fc.pre(t.rows.length > 0 && t.rows.every((row) => [...row.values()].every(visible)));
        const records = readRecords(formatFittedTable(t, w, { vertical: true }));
        expect(records).toHaveLength(t.rows.length);
        records.forEach((fields, r) => {
          expect(fields.map((f) => f.name)).toEqual(t.columns);
          for (const field of fields) {
            const v = t.rows[r]!.get(field.name)!;
            expect(noSpace(field.lines.join(''))).toBe(noSpace((Array.isArray(v) ? v : [v]).join('')));
          }
        });
      }),
    );
  });

  it('keeps a header whole: a table whose headers do not fit becomes records', () => {
    const t: ResultTable = { columns: ['original_file_name', 'parent_process_name'], rows: [new Map([['original_file_name', 'Cmd.Exe'], ['parent_process_name', 'w3wp.exe']])] };
    expect(formatFittedTable(t, 39).split('\n')[0]).toBe('original_file_name  parent_process_name');
    // At 38 a name may take 18 columns, half the line less the gap: the 19-letter one stands alone.
    expect(formatFittedTable(t, 38)).toBe('original_file_name  Cmd.Exe\nparent_process_name\n                    w3wp.exe\n');
    expect(formatFittedTable(t, 40, { vertical: true })).toBe('original_file_name   Cmd.Exe\nparent_process_name  w3wp.exe\n');
  });

  it('puts a name wider than half the line on a line of its own, its value under the others', () => {
    const t: ResultTable = { columns: ['dest', 'Processes.parent_process_name'], rows: [new Map([['dest', 'win10'], ['Processes.parent_process_name', 'w3wp.exe']])] };
    expect(formatFittedTable(t, 40, { vertical: true })).toBe('dest  win10\nProcesses.parent_process_name\n      w3wp.exe\n');
    // Narrower than the name itself, the name wraps too.
    expect(formatFittedTable(t, 20, { vertical: true })).toBe('dest  win10\nProcesses.\nparent_process_name\n      w3wp.exe\n');
  });

  it('shows control characters as control pictures, so a tab cannot push a line past the width', () => {
    const t: ResultTable = { columns: ['v'], rows: [new Map([['v', 'a\tb']])] };
    expect(formatFittedTable(t, 10)).toBe('v\n---\na\u2409b\n');
    expect(chars('a\u2409b')).toHaveLength(3);
  });

  it('says when there are no results, within the width', () => {
    expect(formatFittedTable({ columns: ['a'], rows: [] }, 80)).toBe('a\n-\n(no results)\n');
    expect(formatFittedTable({ columns: ['a'.repeat(30)], rows: [] }, 20)).toBe('(no results)\n');
    expect(longestLine(formatFittedTable({ columns: [], rows: [] }, 5))).toBeLessThanOrEqual(5);
    expect(formatFittedTable({ columns: ['a'], rows: [] }, 6)).toBe('a\n-\n(no\nresult\ns)\n');
  });

  it('refuses a width below one column', () => {
    expect(() => formatFittedTable({ columns: ['a'], rows: [] }, 0)).toThrow(/width of at least 1/);
  });
});
