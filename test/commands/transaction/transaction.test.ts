/**
 * transaction, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Transaction
 * (same text at https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/transaction).
 * Events are built with makeresults: each row is (seconds after 1,700,000,000, fields).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });

/** `| makeresults` rows from a compact list: `t` seconds after T0, then fields. */
function events(list: Record<string, string | number>[]): string {
  const parts = list.map((e) => Object.entries(e).map(([k, v]) => `${k}=${v}`).join(';'));
  return `| makeresults | eval e=split("${parts.join('|')}", "|") | mvexpand e | rex field=e max_match=0 "(?<kv>[^;]+)" | eval t=mvindex(split(mvindex(kv,0),"="),1) | eval _time=1700000000+t`;
}
const T0 = 1_700_000_000;

function fieldsOf(search: string, fields: string[]): Record<string, unknown>[] {
  const result = session.run(`${search} | table ${fields.join(' ')}`);
  return result.rows.map((row) => Object.fromEntries(fields.filter((f) => row.has(f)).map((f) => [f, row.get(f)])));
}

const withFields = (list: Record<string, string | number>[], names: string[]): string =>
  `${events(list)} | ${names.map((n) => `eval ${n}=mvindex(split(mvindex(mvfilter(match(kv, "^${n}=")),0),"="),1)`).join(' | ')}`;

describe('transaction', () => {
  it('"adds two fields ... duration and eventcount"; _time of the earliest member; fields merged as unique values', () => {
    const search = withFields(
      [{ t: 0, user: 'a', host: 'h2' }, { t: 30, user: 'a', host: 'h1' }, { t: 60, user: 'b', host: 'h1' }, { t: 90, user: 'a', host: 'h1' }],
      ['user', 'host'],
    );
    const rows = fieldsOf(`${search} | transaction user`, ['_time', 'user', 'host', 'duration', 'eventcount']);
    // Newest first: b's single event at t=60, a's three events starting at t=0.
    expect(rows).toEqual([
      { _time: T0 + 60, user: 'b', host: 'h1', duration: 0, eventcount: 1 },
      { _time: T0, user: 'a', host: ['h1', 'h2'], duration: 90, eventcount: 3 },
    ]);
  });

  it('maxspan and maxpause cut transactions ("maxspan=<int>[s|m|h|d]")', () => {
    const search = withFields([{ t: 0, u: 'x' }, { t: 50, u: 'x' }, { t: 100, u: 'x' }, { t: 400, u: 'x' }], ['u']);
    expect(fieldsOf(`${search} | transaction u maxspan=1m`, ['_time', 'eventcount'])).toEqual([
      { _time: T0 + 400, eventcount: 1 },
      { _time: T0 + 50, eventcount: 2 },
      { _time: T0, eventcount: 1 },
    ]);
    expect(fieldsOf(`${search} | transaction u maxpause=2m`, ['_time', 'eventcount', 'duration'])).toEqual([
      { _time: T0 + 400, eventcount: 1, duration: 0 },
      { _time: T0, eventcount: 3, duration: 100 },
    ]);
  });

  it('runs the published short-lived task form: transaction Task_Name startswith=(EventCode=4698) endswith=(EventCode=4699)', () => {
    const search = withFields(
      [
        { t: 0, EventCode: 4698, Task_Name: 'evil' },
        { t: 20, EventCode: 4699, Task_Name: 'evil' },
        { t: 40, EventCode: 4698, Task_Name: 'kept' },
        { t: 50, EventCode: 4699, Task_Name: 'other' },
      ],
      ['EventCode', 'Task_Name'],
    );
    // 'evil' is created then deleted; 'kept' never ends; 'other' never started (evicted).
    expect(fieldsOf(`${search} | transaction Task_Name startswith=(EventCode=4698) endswith=(EventCode=4699)`, ['Task_Name', 'EventCode', 'duration', 'eventcount'])).toEqual([
      { Task_Name: 'evil', EventCode: ['4698', '4699'], duration: 20, eventcount: 2 },
    ]);
    // keepevicted=true keeps the one that never met its start, with closed_txn=0.
    expect(fieldsOf(`${search} | transaction Task_Name startswith="EventCode=4698" endswith=(EventCode=4699) keepevicted=true`, ['Task_Name', 'closed_txn'])).toEqual([
      { Task_Name: 'other', closed_txn: 0 },
      { Task_Name: 'evil', closed_txn: 1 },
    ]);
  });

  it('keeps every value in arrival order with mvlist=true, and stops at maxevents', () => {
    const search = withFields([{ t: 0, u: 'x', v: 'b' }, { t: 1, u: 'x', v: 'a' }, { t: 2, u: 'x', v: 'b' }], ['u', 'v']);
    expect(fieldsOf(`${search} | transaction u mvlist=true`, ['v'])).toEqual([{ v: ['b', 'a', 'b'] }]);
    expect(fieldsOf(`${search} | transaction u maxevents=2`, ['eventcount'])).toEqual([{ eventcount: 2 }, { eventcount: 1 }]);
  });

  it('accepts the published connected=false and refuses what it lacks', () => {
    const search = withFields([{ t: 0, src_user: 'a' }], ['src_user']);
    expect(fieldsOf(`${search} | transaction src_user connected=false maxspan=180m`, ['eventcount'])).toEqual([{ eventcount: 1 }]);
    expect(() => session.run('| makeresults | transaction x startswith=eval(x>1)')).toThrow(/eval/);
    expect(() => session.run('| makeresults | transaction x maxspan=abc')).toThrow(/maxspan/);
  });
});
