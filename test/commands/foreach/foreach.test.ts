/**
 * foreach, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Foreach (same text
 * at https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/foreach).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));

describe('foreach', () => {
  it('fills <<FIELD>> with each matching field name, as the page\'s `foreach test* [eval <<FIELD>> = <<FIELD>> + 1]`', () => {
    const [row] = rows('| makeresults | eval test1=1, test2=10, other=100 | fields - _time | foreach test* [eval <<FIELD>> = <<FIELD>> + 1]');
    expect(row).toEqual({ test1: 2, test2: 11, other: 100 });
  });

  it('fills <<MATCHSTR>> and <<MATCHSEG1>> with what the wildcards matched', () => {
    const [row] = rows('| makeresults | eval foo_a_x=1, foo_b_y=2 | fields - _time | foreach foo_*_* [eval new_<<MATCHSEG1>>=<<FIELD>>, all_<<MATCHSTR>>=<<FIELD>>*10]');
    expect(row).toEqual({ foo_a_x: 1, foo_b_y: 2, new_a: 1, all_ax: 10, new_b: 2, all_by: 20 });
  });

  it('runs the published null-cleaning form: foreach * [ eval <<FIELD>> = if(<<FIELD>>="null",null(),<<FIELD>>)]', () => {
    // detect_password_spray_attempts.yml (security_content b13b314).
    const [row] = rows('| makeresults | eval src="null", user="bob" | foreach * [ eval <<FIELD>> = if(<<FIELD>>="null",null(),<<FIELD>>)] | table _time src user');
    expect(row!.src).toBeUndefined();
    expect(row!.user).toBe('bob');
    expect(typeof row!._time).toBe('number');
  });

  it('renames the token with fieldstr=, and mode=multivalue fills <<ITEM>> per value', () => {
    const [renamed] = rows('| makeresults | eval a=1 | fields - _time | foreach a fieldstr=#f# [eval #f#_copy=#f#]');
    expect(renamed).toEqual({ a: 1, a_copy: 1 });
    const [summed] = rows('| makeresults | eval v=split("1,2,3", ","), total=0 | fields - _time | foreach mode=multivalue v [eval total=total+<<ITEM>>]');
    expect(summed).toEqual({ v: ['1', '2', '3'], total: 6 });
  });

  it('says which filled-in template failed', () => {
    expect(() => session.run('| makeresults | eval a=1 | foreach a [eval <<FIELD>> = ]')).toThrow(/foreach.*eval a =/);
    expect(() => session.run('| makeresults | foreach a')).toThrow(/square brackets/);
  });
});
