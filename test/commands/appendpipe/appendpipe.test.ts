/**
 * appendpipe, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Appendpipe
 * (same text at https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendpipe).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));
const AUDIT = '| makeresults count=5 | streamstats count as n | eval action=if(n<=3, "search", "login"), user=if(n%2=0, "admin", "bob") | fields - _time n';

describe('appendpipe', () => {
  it("runs the page's example 1: subtotals per action appended, 'TOTAL - ALL USERS'", () => {
    // `stats count by action user | appendpipe [stats sum(count) as count by action | eval user = "TOTAL - ALL USERS"] | sort action`.
    // By hand from the five events: login/admin 1, login/bob 1, search/admin 1, search/bob 2.
    const result = session.run(`${AUDIT} | stats count by action user | appendpipe [stats sum(count) as count by action | eval user = "TOTAL - ALL USERS"] | sort action`);
    expect(result.columns).toEqual(['action', 'user', 'count']);
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([
      { action: 'login', user: 'admin', count: 1 },
      { action: 'login', user: 'bob', count: 1 },
      { action: 'login', user: 'TOTAL - ALL USERS', count: 2 },
      { action: 'search', user: 'admin', count: 1 },
      { action: 'search', user: 'bob', count: 2 },
      { action: 'search', user: 'TOTAL - ALL USERS', count: 3 },
    ]);
  });

  it('leaves the current results as they were, whatever the subpipeline does to its copy', () => {
    const result = rows('| makeresults count=2 | streamstats count as n | fields - _time | appendpipe [eval n=n*10 | where n>10]');
    expect(result).toEqual([{ n: 1 }, { n: 2 }, { n: 20 }]);
  });

  it('appends nothing from an empty subpipeline result, and accepts run_in_preview', () => {
    const result = rows('| makeresults | eval a=1 | fields - _time | appendpipe run_in_preview=false [where a=2]');
    expect(result).toEqual([{ a: 1 }]);
  });

  it('checks the subpipeline before anything runs', () => {
    expect(() => session.check('| makeresults | appendpipe [nosuchcommand]')).toThrow(/nosuchcommand/);
    expect(() => session.check('| makeresults | appendpipe [| makeresults]')).toThrow(/must be the first command/);
    expect(() => session.check('| makeresults | appendpipe')).toThrow(/subpipeline in square brackets/);
  });
});
