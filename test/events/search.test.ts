/**
 * The first `search` over events: Splunk's rules for field=value (case-insensitive values,
 * case-sensitive names, absent fields), bare terms against `_raw` with the major and minor
 * breakers, TERM(), CASE(), and newest-first order. Sources: docs/semantics.md "Search over events".
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, createSession, type Session } from '../../src/index.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/events');
let session: Session;

beforeAll(async () => {
  const files = ['sysmon-13.log', 'security-5136.log', 'powershell-4104.log', 'system-7045.evtx'].map((f) => path.join(fixtures, f));
  const { datasets, events } = await loadData({ data: files });
  session = createSession({ datasets, events });
});

const count = (search: string): number => Number(session.run(`${search} | stats count`).rows[0]!.get('count'));

describe('search over events', () => {
  it('matches values case-insensitively and field names case-sensitively (S2, S3)', () => {
    expect(count('Channel=security')).toBe(1);
    expect(count('EventCode=4104 Opcode=15')).toBe(1);
    expect(count('EventCode=4104 OpCode=15')).toBe(0);
  });

  it('treats an empty <Data> as an absent field: NOT Path=* holds, Path=* does not (S4)', () => {
    expect(count('EventCode=4104 NOT Path=*')).toBe(1);
    expect(count('EventCode=4104 Path=*')).toBe(0);
    expect(count('EventCode=4104 Path!=x')).toBe(0);
  });

  it('binds OR tighter than AND, and IN with wildcards', () => {
    expect(count('source=*sysmon* OR source=*powershell* EventCode=13')).toBe(1);
    expect(count('EventCode IN (13, 41*)')).toBe(2);
  });

  it('matches bare terms at segment boundaries only (Search Manual "Event segmentation")', () => {
    expect(count('DSRMAdminLogonBehavior')).toBe(1); // after a minor breaker (\)
    expect(count('DSRMAdmin')).toBe(0); // not a whole segment
    expect(count('DSRMAdmin*')).toBe(1);
    expect(count('"demand start"')).toBe(1);
    expect(count('reg.exe')).toBe(1);
  });

  it('TERM() needs major breakers around it; CASE() matches case-sensitively (S5)', () => {
    expect(count('TERM(SetValue)')).toBe(1); // between > and <
    expect(count('TERM(DSRMAdminLogonBehavior)')).toBe(0); // after a backslash, a minor breaker
    expect(count('CASE(setvalue)')).toBe(0);
    expect(count('CASE(SetValue)')).toBe(1);
    expect(count('EventType=CASE(SetValue)')).toBe(1);
    expect(count('EventType=CASE(setvalue)')).toBe(0);
  });

  it('returns events newest first', () => {
    const times = session.run('index=main | table _time').rows.map((row) => String(row.get('_time')));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('earliest= in the search bounds _time', () => {
    expect(count('index=main earliest=2023-01-01T00:00:00')).toBe(1);
  });
});
