/**
 * map, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Map (same text at
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/map).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map(), inlineMacros: ['double(x)=eval y=$x$*2'] });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));
const THREE = '| makeresults count=3 | streamstats count as n | fields - _time';

describe('map', () => {
  it('runs the search once per result with $field$ replaced by its value, results in input order', () => {
    const result = rows(`${THREE} | map search="| makeresults count=$n$ | eval from=$n$ | table from"`);
    expect(result).toEqual([{ from: 1 }, { from: 2 }, { from: 2 }, { from: 3 }, { from: 3 }, { from: 3 }]);
  });

  it('"maxsearches ... Default: 10": runs ten searches and says so when there are more results', () => {
    const result = session.run('| makeresults count=12 | map search="| makeresults | eval x=1"');
    expect(result.rows).toHaveLength(10);
    expect(result.warnings.join('\n')).toMatch(/\(12\) exceeds maximum \(10\)/);
    const two = session.run('| makeresults count=12 | map maxsearches=2 search="| makeresults | eval x=1"');
    expect(two.rows).toHaveLength(2);
  });

  it("expands the macros in its search, as a new search does (the published `map search=\"search `wineventlog_security` ...\"` form)", () => {
    const result = rows(`${THREE} | map search="| makeresults | eval n=$n$ | \`double(n)\` | table n y"`);
    expect(result).toEqual([{ n: 1, y: 2 }, { n: 2, y: 4 }, { n: 3, y: 6 }]);
  });

  it('takes its search as a subsearch too', () => {
    const result = rows(`${THREE} | where n<3 | map [| makeresults | eval m="$n$"+100 | table m]`);
    expect(result).toEqual([{ m: 101 }, { m: 102 }]);
  });

  it('runs no search for a result lacking a named field, and warns', () => {
    const result = session.run(`${THREE} | eval k=if(n=2, null(), n) | map search="| makeresults | eval k=$k$ | table k"`);
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([{ k: 1 }, { k: 3 }]);
    expect(result.warnings.join('\n')).toMatch(/\$k\$/);
  });

  it("inside appendpipe, as six published AD detections write it: appendpipe [| map search=\"... $TargetLogonId$\"]", () => {
    const result = rows('| makeresults | eval TargetLogonId="0x3e7" | fields - _time | appendpipe [| map search="| makeresults | eval logon=\\"$TargetLogonId$\\" | table logon"]');
    expect(result).toEqual([{ TargetLogonId: '0x3e7' }, { logon: '0x3e7' }]);
  });

  it('names the search that failed, and refuses saved searches', () => {
    expect(() => session.run('| makeresults | map search="| nosuch"')).toThrow(/in the search '\| nosuch'/);
    expect(() => session.run('| makeresults | map mysaved')).toThrow(/saved searches/);
  });
});
