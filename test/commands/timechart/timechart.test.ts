/**
 * timechart, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Timechart (same
 * text at https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/timechart).
 * Events are built with makeresults at T0 + offsets (T0 = 1,700,000,000 = 2023-11-14T22:13:20Z).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const T0 = 1_700_000_000;
const BIN = Math.floor(T0 / 300) * 300; // 22:10:00, the 5m bin holding T0

/** Events at T0 + each offset, with `host` from the list (empty: no host). */
function events(list: [number, string][]): string {
  const text = list.map(([t, h]) => `${t}:${h}`).join(',');
  return `| makeresults | eval e=split("${text}", ",") | mvexpand e | eval _time=${T0}+tonumber(mvindex(split(e,":"),0)), host=mvindex(split(e,":"),1) | eval host=if(host="", null(), host) | fields - e`;
}
const plain = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));

describe('timechart', () => {
  it('counts per span=5m bin, continuous bins with 0, and _span in seconds', () => {
    const result = session.run(`${events([[0, 'a'], [10, 'a'], [500, 'b']])} | timechart span=5m count`);
    expect(result.columns).toEqual(['_time', 'count', '_span']);
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([
      { _time: BIN, count: 2, _span: 300 },
      { _time: BIN + 300, count: 0, _span: 300 },
      { _time: BIN + 600, count: 1, _span: 300 },
    ]);
  });

  it('splits by one field: a column per value, NULL for results without it (usenull=true)', () => {
    const result = session.run(`${events([[0, 'a'], [10, 'b'], [20, ''], [200, 'a']])} | timechart span=5m count by host`);
    expect(result.columns).toEqual(['_time', 'a', 'b', 'NULL', '_span']);
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([
      { _time: BIN, a: 1, b: 1, NULL: 1, _span: 300 },
      { _time: BIN + 300, a: 1, b: 0, NULL: 0, _span: 300 },
    ]);
  });

  it('limit keeps the series with the largest totals and gathers the rest in OTHER; useother=f drops them', () => {
    const data = events([[0, 'a'], [1, 'a'], [2, 'a'], [3, 'b'], [4, 'b'], [5, 'c']]);
    expect(plain(`${data} | timechart span=1h limit=1 count by host | fields - _span`)).toEqual([{ _time: Math.floor(T0 / 3600) * 3600, a: 3, OTHER: 3 }]);
    expect(plain(`${data} | timechart span=1h limit=2 useother=f count by host | fields - _span`)).toEqual([{ _time: Math.floor(T0 / 3600) * 3600, a: 3, b: 2 }]);
    expect(session.run(`${data} | timechart span=1h limit=0 count by host`).columns).toEqual(['_time', 'a', 'b', 'c', '_span']);
  });

  it('names columns "<function>: <value>" with several functions and BY, and leaves empty cells of other functions empty', () => {
    const result = session.run(`${events([[0, 'a'], [200, 'b']])} | eval n=5 | timechart span=5m count avg(n) by host`);
    expect(result.columns).toEqual(['_time', 'count: a', 'count: b', 'avg(n): a', 'avg(n): b', '_span']);
    expect(Object.fromEntries(result.rows[0]!)).toEqual({ _time: BIN, 'count: a': 1, 'count: b': 0, 'avg(n): a': 5, _span: 300 });
  });

  it('runs the published fill-the-buckets form: appendpipe [| timechart limit=0 span=5m count | table _time]', () => {
    // detect_password_spray_attempts.yml: empty 5-minute buckets are appended as rows with only _time.
    const rows = plain(`${events([[0, 'a'], [500, 'b']])} | stats count by _time host | appendpipe [| timechart limit=0 span=5m count | table _time] | table _time count`);
    expect(rows.slice(2)).toEqual([{ _time: BIN }, { _time: BIN + 300 }, { _time: BIN + 600 }]);
  });

  it('refuses two BY fields', () => {
    expect(() => session.run('| makeresults | timechart count by a b')).toThrow(/only one field/);
  });
});
