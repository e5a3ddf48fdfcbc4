/**
 * addtotals, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Addtotals (same
 * text at https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/addtotals).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const run = (search: string) => session.run(search);
const rows = (search: string): Record<string, unknown>[] => run(search).rows.map((row) => Object.fromEntries(row));
const DATA = '| makeresults count=2 | streamstats count as n | eval a=n, b=n*10, name="h".n | fields - _time n';

describe('addtotals', () => {
  it('adds Total, the sum of each result\'s numeric fields (row=true by default)', () => {
    const result = run(`${DATA} | addtotals`);
    expect(result.columns).toEqual(['a', 'b', 'name', 'Total']);
    expect(result.rows.map((r) => r.get('Total'))).toEqual([11, 22]);
  });

  it('sums only the listed fields into fieldname=, as PowerShell 4104 Hunting writes it: addtotals fieldname=Score DoIt, enccom', () => {
    expect(rows(`${DATA} | rename a as DoIt, b as enccom | eval other=100 | addtotals fieldname=Score DoIt, enccom | table Score`)).toEqual([{ Score: 11 }, { Score: 22 }]);
  });

  it('col=true appends the column sums, with label= in labelfield=', () => {
    const result = run(`${DATA} | addtotals row=false col=true labelfield=name label="All hosts"`);
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([
      { a: 1, b: 10, name: 'h1' },
      { a: 2, b: 20, name: 'h2' },
      { a: 3, b: 30, name: 'All hosts' },
    ]);
  });

  it('sums the row totals too when both are asked for, and matches wildcards', () => {
    const result = rows(`${DATA} | eval a2=1 | addtotals col=true a*`);
    expect(result.at(-1)).toEqual({ a: 3, a2: 2, Total: 5 });
  });
});
