/** The append command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/append');

const ACCESS =
  '| makeresults count=4 | streamstats count as n | eval method=if(n==4, "POST", "GET"), clientip=case(n<=2, "87.194.216.51", n==3, "10.0.0.3", n==4, "10.0.0.4")';

export const appendCases: DocCase[] = [
  {
    id: 'append-column-total',
    page: PAGE,
    quote: 'Because both searches share the count field, the results of the subsearch are listed as the last row in the count column. ... | ml | 10 | |  | 2909 |',
    search:
      '| makeresults count=3 | streamstats count as n | eval magType=if(n==1, "H", "Md") | stats count by magType | append [| makeresults count=3 | stats count]',
    expected: {
      rows: [
        { magType: 'H', count: '1' },
        { magType: 'Md', count: '2' },
        { magType: null, count: '3' },
      ],
    },
  },
  {
    id: 'append-stats-then-top',
    page: PAGE,
    quote:
      'The first two rows are the results of the first search. The last two rows are the results of the subsearch. Both result sets share the method and count fields. ... | GET | 173 | 2666 |  |  | | POST | 168 | 1727 |  |  | | GET |  | 83 | 87.194.216.51 | 3.113278 | | POST |  | 64 | 87.194.216.51 | 3.705848 |',
    search: `${ACCESS} | stats dc(clientip), count by method | append [${ACCESS} | top 1 clientip by method]`,
    expected: {
      rows: [
        { method: 'GET', 'dc(clientip)': '2', count: '3', clientip: null, percent: null },
        { method: 'POST', 'dc(clientip)': '1', count: '1', clientip: null, percent: null },
        { method: 'GET', 'dc(clientip)': null, count: '2', clientip: '87.194.216.51', percent: '66.666667' },
        { method: 'POST', 'dc(clientip)': null, count: '1', clientip: '10.0.0.4', percent: '100.000000' },
      ],
    },
  },
  {
    id: 'append-maxout',
    page: PAGE,
    quote: 'maxout ... Description: The maximum number of result rows to return from the subsearch within the append command.',
    search: '| makeresults | eval main=1 | append maxtime=30 maxout=1000 [| makeresults count=1500] | stats count count(main) AS main',
    expected: { fields: { count: '1001', main: '1' } },
  },
  {
    id: 'append-same-values',
    page: PAGE,
    quote:
      'You can see that the append command just tacks on the results of the subsearch to the end of the previous search, even though the results share the same field values.',
    search: '| makeresults | eval categoryId="ARCADE", x=1 | append [| makeresults | eval categoryId="ARCADE", x=2] | table categoryId x',
    expected: { rows: [{ categoryId: 'ARCADE', x: '1' }, { categoryId: 'ARCADE', x: '2' }] },
  },
];
