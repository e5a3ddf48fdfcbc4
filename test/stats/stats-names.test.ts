/**
 * Field names where stats reads them (DOC stats, https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Stats
 * and the statistical functions page https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Aggregatefunctions):
 * single-quoted names with spaces, double-quoted AS names, and AS names with parentheses as
 * security_content writes them.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/session.js';

const session = createSession({ datasets: new Map() });
const VISITORS = '| makeresults count=4 | streamstats count as n | eval visitors=n*100';

describe('stats field names', () => {
  it("reads 'visitors total' in a function and in AS, and names the column without the quotes", () => {
    // The page's example: `stats perc50('visitors total')` gives the column `perc50(visitors total)`.
    const result = session.run(`${VISITORS} | streamstats sum(visitors) as 'visitors total' | stats max('visitors total') min('visitors total') as 'lowest total'`);
    expect(result.columns).toEqual(['max(visitors total)', 'lowest total']);
    expect(result.rows[0]!.get('max(visitors total)')).toBe(1000);
    expect(result.rows[0]!.get('lowest total')).toBe(100);
  });

  it('reads a double-quoted AS name with spaces (security_content: values(search_name) as "Search Name")', () => {
    const result = session.run('| makeresults | eval search_name="x" | stats count as "Search Name" values(search_name) as "Search Names"');
    expect(result.columns).toEqual(['Search Name', 'Search Names']);
    expect(result.rows[0]!.get('Search Name')).toBe(1);
  });

  it('names a column aceFlags(inheritance) and aceFlags(a(b)) as written after AS', () => {
    const result = session.run('| makeresults | eval f="CI", h="x" | stats values(f) as aceFlags(inheritance) values(h) as g(a(b)) count');
    expect(result.columns).toEqual(['aceFlags(inheritance)', 'g(a(b))', 'count']);
  });

  it('keeps a parenthesis after white space as the next function, as before', () => {
    // `as x (y)` is not one name: the space ends it, and `(y)` is no stats function.
    expect(() => session.run('| makeresults | stats count as x (y)')).toThrow(/stats/);
  });

  it('reads a single-quoted BY field', () => {
    const result = session.run(`${VISITORS} | eval h="h" | rename h as "the host" | stats count by 'the host'`);
    expect(result.columns).toEqual(['the host', 'count']);
  });

  it('says where a single quote is not closed', () => {
    expect(() => session.run("| makeresults | stats max('visitors total)")).toThrow(/not closed|\)/);
  });
});
