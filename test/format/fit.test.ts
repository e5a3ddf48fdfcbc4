/**
 * Tables fitted to a terminal's width, on real results: the published W3WP detection and a
 * tstats with multivalue command lines, over the bundled OTRF ProxyLogon sample. What each
 * cell should hold comes from the JSON rows of the same search; the layouts are read back
 * by test/format/layout.ts, which knows only what a reader sees.
 */
import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/format/index.js';
import type { ResultTable } from '../../src/core/values.js';
import { asJson, bundledSample, sessionFor, w3wpSearch } from '../run/helpers.js';
import { longestLine, noSpace, readRecords, readTable, width, words } from './layout.js';

type JsonRow = Record<string, string | string[]>;

const PROCESSES_BY_DEST =
  '| tstats count values(Processes.process) as process from datamodel=Endpoint.Processes by Processes.dest';

async function results(search: string): Promise<{ table: ResultTable; rows: JsonRow[] }> {
  const session = await sessionFor([bundledSample]);
  return { table: session.run(search), rows: asJson(session, search) };
}

const valuesOf = (cell: string | string[] | undefined): string[] => (cell === undefined ? [] : Array.isArray(cell) ? cell : [cell]);

/** Counts of each word in a list of texts. */
function wordCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of texts.flatMap(words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe('the W3WP result fitted to 80, 60 and 40 columns', () => {
  for (const columns of [80, 60, 40]) {
    it(`at ${columns}: one record per result, no line longer than ${columns}, every value in full, no word that fits split`, async () => {
      const { table, rows } = await results(w3wpSearch());
      expect(rows.length).toBe(2);
      const text = formatResults(table, 'table', { width: columns });
      expect(longestLine(text)).toBeLessThanOrEqual(columns);

      const records = readRecords(text);
      expect(records).toHaveLength(rows.length);
      records.forEach((fields, r) => {
        expect(fields.map((f) => f.name)).toEqual(table.columns);
        for (const field of fields) {
          const expected = valuesOf(rows[r]![field.name]);
          // In full: the same characters in the same order; only the spaces at line ends are gone.
          expect(noSpace(field.lines.join(''))).toBe(noSpace(expected.join('')));
          // The value column: every field's value starts in the same one, so each line of a
          // value has `columns - valueColumn` columns; a word no wider than that is never split.
          const valueColumn = fields[0]!.valueColumn!;
          expect(field.valueColumn ?? valueColumn).toBe(valueColumn);
          const room = columns - valueColumn;
          const shown = wordCounts(field.lines);
          for (const [word, count] of wordCounts(expected)) {
            if (width(word) <= room) expect(shown.get(word) ?? 0, `"${word}" in ${field.name}`).toBeGreaterThanOrEqual(count);
          }
        }
      });
    });
  }

  it('keeps the words of the long parent_process whole at 80 columns (none is wider than its 60-column value)', async () => {
    const { table, rows } = await results(w3wpSearch());
    const text = formatResults(table, 'table', { width: 80 });
    const sysmonRow = readRecords(text).find((fields) => fields.some((f) => f.name === 'parent_process' && f.lines.length > 1))!;
    const parent = sysmonRow.find((f) => f.name === 'parent_process')!;
    const expected = rows.map((row) => row['parent_process'] as string).find((p) => p.length > 60)!;
    expect(parent.lines.length).toBeGreaterThan(1);
    expect(parent.lines.flatMap(words)).toEqual(words(expected));
  });

  it('shows the wide layout, unchanged, when told to (--wide) or when no width is given', async () => {
    const { table } = await results(w3wpSearch());
    const wide = formatResults(table, 'table');
    expect(formatResults(table, 'table', { width: 40, wide: true })).toBe(wide);
    expect(longestLine(wide)).toBeGreaterThan(160);
  });
});

describe('a table that fits: tstats values(process) by dest', () => {
  for (const columns of [80, 60]) {
    it(`at ${columns}: a table, no line longer than ${columns}, cells complete or ending in an ellipsis, no word split`, async () => {
      const { table, rows } = await results(PROCESSES_BY_DEST);
      const text = formatResults(table, 'table', { width: columns });
      expect(longestLine(text)).toBeLessThanOrEqual(columns);
      const layout = readTable(text, rows.length);
      expect(layout.headers).toEqual(table.columns);
      expect(layout.rows).toHaveLength(rows.length);
      let truncated = 0;
      layout.rows.forEach((cells, r) => {
        cells.forEach((lines, c) => {
          const expected = valuesOf(rows[r]![table.columns[c]!]);
          const full = noSpace(expected.join(''));
          const shown = noSpace(lines.join(''));
          const allWords = new Set(expected.flatMap(words));
          if (shown.endsWith('\u2026')) {
            truncated++;
            expect(full.startsWith(shown.slice(0, -1))).toBe(true);
            expect(full.length).toBeGreaterThan(shown.length - 1);
          } else {
            expect(shown).toBe(full);
          }
          // Every word shown is a word of the value, except the one an ellipsis cuts short.
          lines.forEach((line, k) => {
            const lineWords = words(line);
            const last = k === lines.length - 1 && line.endsWith('\u2026') ? lineWords.pop() : undefined;
            for (const word of lineWords) expect(allWords.has(word), `"${word}"`).toBe(true);
            if (last !== undefined) expect([...allWords].some((w) => w.startsWith(last))).toBe(true);
          });
        });
      });
      // MXS01 ran 25 distinct command lines: more than six lines of a cell, so it is cut.
      expect(truncated).toBeGreaterThan(0);
    });
  }

  it('at 40 columns the three columns no longer fit at their 20-column minimum: one record per result', async () => {
    const { table, rows } = await results(PROCESSES_BY_DEST);
    const text = formatResults(table, 'table', { width: 40 });
    expect(longestLine(text)).toBeLessThanOrEqual(40);
    const records = readRecords(text);
    expect(records).toHaveLength(rows.length);
    records.forEach((fields, r) => {
      const process = fields.find((f) => f.name === 'process')!;
      expect(noSpace(process.lines.join(''))).toBe(noSpace(valuesOf(rows[r]!['process']).join('')));
    });
  });

  it('starts each value of a multivalue cell on a line of its own', async () => {
    const { table, rows } = await results(PROCESSES_BY_DEST);
    const text = formatResults(table, 'table', { width: 80, maxCellLines: 1000 });
    const layout = readTable(text, rows.length);
    const processColumn = table.columns.indexOf('process');
    layout.rows.forEach((cells, r) => {
      const values = valuesOf(rows[r]!['process']);
      const lines = cells[processColumn]!;
      // Each value's first characters open a line.
      let line = 0;
      for (const value of values) {
        const start = noSpace(value).slice(0, 5);
        while (line < lines.length && !noSpace(lines[line]!).startsWith(start)) line++;
        expect(line, value).toBeLessThan(lines.length);
        line++;
      }
    });
  });

  it('renders _time in the --tz zone, as every other format does', async () => {
    const session = await sessionFor([bundledSample]);
    const table = session.run('| tstats min(_time) as _time from datamodel=Endpoint.Processes by Processes.dest');
    const text = formatResults(table, 'table', { width: 80, tz: 'Asia/Kolkata' });
    const json = JSON.parse(formatResults(table, 'json', { tz: 'Asia/Kolkata' })) as JsonRow[];
    expect(json[0]!['_time']).toMatch(/\+05:30$/);
    for (const row of json) expect(text).toContain(row['_time'] as string);
  });
});
