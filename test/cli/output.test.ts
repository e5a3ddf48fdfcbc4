/** How the CLI picks a results format and a table width, and wraps its own lines on a terminal. */
import { afterEach, describe, expect, it } from 'vitest';
import { messageLines } from '../../src/cli/messages.js';
import { chooseFormat, tableLayout } from '../../src/cli/output.js';

const stdout = process.stdout as NodeJS.WriteStream & { isTTY: boolean; columns: number };
const saved = { isTTY: stdout.isTTY, columns: stdout.columns, COLUMNS: process.env['COLUMNS'] };

function terminal(columns: number | undefined): void {
  Object.defineProperty(stdout, 'isTTY', { value: columns !== undefined, configurable: true });
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
}

afterEach(() => {
  Object.defineProperty(stdout, 'isTTY', { value: saved.isTTY, configurable: true });
  Object.defineProperty(stdout, 'columns', { value: saved.columns, configurable: true });
  if (saved.COLUMNS === undefined) delete process.env['COLUMNS'];
  else process.env['COLUMNS'] = saved.COLUMNS;
});

describe('the results format', () => {
  it('is --format, else what --output names, else a table on a terminal and CSV on a pipe', () => {
    terminal(120);
    expect(chooseFormat({})).toBe('table');
    expect(chooseFormat({ format: 'json' })).toBe('json');
    expect(chooseFormat({ output: 'r.json' })).toBe('json');
    expect(chooseFormat({ output: 'r.TXT' })).toBe('table');
    expect(chooseFormat({ output: 'r.csv', format: 'splunk-json' })).toBe('splunk-json');
    // A file of another extension is not a terminal: CSV, as on a pipe.
    expect(chooseFormat({ output: 'results' })).toBe('csv');
    terminal(undefined);
    expect(chooseFormat({})).toBe('csv');
  });
});

describe("the table's width", () => {
  it("is --width, else the terminal's, else $COLUMNS, else 80; --wide has none", () => {
    delete process.env['COLUMNS'];
    terminal(132);
    expect(tableLayout({})).toEqual({ width: 132 });
    expect(tableLayout({ width: 50 })).toEqual({ width: 50 });
    expect(tableLayout({ wide: true })).toEqual({ wide: true });
    expect(tableLayout({ vertical: true })).toEqual({ vertical: true });
    // Written to a file, the terminal's width does not apply.
    expect(tableLayout({ output: 'r.txt' })).toEqual({ width: 80 });
    process.env['COLUMNS'] = '100';
    expect(tableLayout({ output: 'r.txt' })).toEqual({ width: 100 });
    terminal(undefined);
    expect(tableLayout({})).toEqual({ width: 100 });
  });
});

describe("spelunk's lines on stderr", () => {
  const summary = 'spelunk: read 4 files, 28 records: 28 process events, 0 other events, 0 skipped; 4 files ignored (not a log file extension)';

  it('wrap at spaces within the width on a terminal, continuation lines indented', () => {
    const lines = messageLines(summary, 80);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]!.startsWith('  ')).toBe(true);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(summary);
  });

  it('stay one line on a pipe', () => {
    expect(messageLines(summary, undefined)).toEqual([summary]);
  });
});
