import { describe, expect, it } from 'vitest';
import { formatResults, TABLE_CELL_WIDTH } from '../src/format/index.js';
import type { ResultTable, Value } from '../src/core/values.js';

function table(columns: string[], ...rows: Record<string, Value>[]): ResultTable {
  return { columns, rows: rows.map((r) => new Map(Object.entries(r))) };
}

describe('output formats', () => {
  const sample = table(
    ['dest', 'count', 'process', '_time', '_cd'],
    { dest: 'IEWIN7', count: 2, process: ['cmd /c dir', 'cmd /c "whoami"'], _time: 1615686015.5, _cd: 'x' },
    { dest: 'win10', count: 1 },
  );

  it('json: objects in column order, every value a string, multivalues as arrays, nulls left out, _ fields hidden but _time', () => {
    const text = formatResults(sample, 'json');
    expect(JSON.parse(text)).toEqual([
      { dest: 'IEWIN7', count: '2', process: ['cmd /c dir', 'cmd /c "whoami"'], _time: '2021-03-14T01:40:15.500+00:00' },
      { dest: 'win10', count: '1' },
    ]);
    expect(Object.keys((JSON.parse(text) as object[])[0]!)).toEqual(['dest', 'count', 'process', '_time']);
  });

  it('json: _time in the --tz zone', () => {
    const rows = JSON.parse(formatResults(sample, 'json', { tz: 'Asia/Kolkata' })) as { _time?: string }[];
    expect(rows[0]!._time).toBe('2021-03-14T07:10:15.500+05:30');
  });

  it('csv: header in column order, a multivalue joined by newlines in one quoted cell, quotes doubled', () => {
    expect(formatResults(sample, 'csv')).toBe(
      'dest,count,process,_time\nIEWIN7,2,"cmd /c dir\ncmd /c ""whoami""",2021-03-14T01:40:15.500+00:00\nwin10,1,,\n',
    );
  });

  it('table: aligned columns, a multivalue on several lines, rows apart when they take several lines', () => {
    const lines = formatResults(table(['a', 'b'], { a: 'x', b: ['1', '22'] }, { a: 'yy', b: '3' }), 'table').split('\n');
    expect(lines).toEqual(['a   b', '--  --', 'x   1', '    22', '', 'yy  3', '']);
  });

  it('table: wraps a long value at the column width, after a space where it can', () => {
    const long = 'z'.repeat(TABLE_CELL_WIDTH + 5);
    expect(formatResults(table(['v'], { v: long }), 'table').split('\n').slice(2, 4)).toEqual(['z'.repeat(TABLE_CELL_WIDTH), 'zzzzz']);
    const words = `${'a'.repeat(TABLE_CELL_WIDTH - 10)} ${'b'.repeat(20)}`;
    expect(formatResults(table(['v'], { v: words }), 'table').split('\n').slice(2, 4).map((l) => l.trimEnd())).toEqual(['a'.repeat(TABLE_CELL_WIDTH - 10), 'b'.repeat(20)]);
  });

  it('table: says when there are no results', () => {
    expect(formatResults(table(['a']), 'table')).toBe('a\n-\n(no results)\n');
  });
});
