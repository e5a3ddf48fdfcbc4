/** The head command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/head');

const SEVEN = '| makeresults count=7 | streamstats count | eval count=if(count=3,null(), count)';
const counts = (values: (string | null)[]): { rows: Record<string, string | null>[] } => ({ rows: values.map((count) => ({ count })) });

export const headCases: DocCase[] = [
  {
    id: 'head-default-10',
    page: PAGE,
    quote: 'If no options or limits are specified, the head command returns the first 10 results.',
    search: '| makeresults count=12 | streamstats count as n | head | stats count max(n)',
    expected: { fields: { count: '10', 'max(n)': '10' } },
  },
  {
    id: 'head-20',
    page: PAGE,
    quote: 'Return the first 20 results. ... | head 20',
    search: '| makeresults count=25 | streamstats count as n | head 20 | stats count max(n)',
    expected: { fields: { count: '20', 'max(n)': '20' } },
  },
  {
    id: 'head-limit',
    page: PAGE,
    quote: 'limit Syntax: limit=<int> Description: Another way to specify the number of results to return.',
    search: '| makeresults count=5 | streamstats count as n | head limit=3 | table n',
    expected: { rows: [{ n: '1' }, { n: '2' }, { n: '3' }] },
  },
  {
    id: 'head-number-and-limit',
    page: PAGE,
    quote: 'Using both the numeric limit and limit=<int> results in an error.',
    search: '| makeresults count=5 | head 2 limit=3',
    expected: { error: true },
  },
  {
    id: 'head-limit-always-true',
    page: PAGE,
    quote: 'For example, the following search returns up to the first 10 results, because the <eval-expression> is always true. ... |head limit=10 (1==1)',
    search: '| makeresults count=12 | head limit=10 (1==1) | stats count',
    expected: { field: 'count', value: '10' },
  },
  {
    id: 'head-limit-always-false',
    page: PAGE,
    quote: 'However, this search returns no results because the <eval-expression> is always false. ... |head limit=10 (0==1)',
    search: '| makeresults count=12 | head limit=10 (0==1)',
    expected: { rows: [] },
  },
  {
    id: 'head-time-range',
    page: PAGE,
    quote: 'Return events until the time span of the data is >= 100 seconds ... | streamstats range(_time) as timerange | head (timerange<100)',
    search:
      '| makeresults count=6 | streamstats count as n | eval _time=_time+n*30 | streamstats range(_time) as timerange | head (timerange<100) | table n timerange',
    expected: {
      rows: [
        { n: '1', timerange: '0' },
        { n: '2', timerange: '30' },
        { n: '3', timerange: '60' },
        { n: '4', timerange: '90' },
      ],
    },
  },
  {
    id: 'head-events',
    page: PAGE,
    quote: 'The results look something like this: | _time | count | | 2020-05-18 12:46:51 | 1 | | 2020-05-18 12:46:51 | 2 | | 2020-05-18 12:46:51 |  | | 2020-05-18 12:46:51 | 4 | ...',
    search: SEVEN,
    expected: counts(['1', '2', null, '4', '5', '6', '7']),
  },
  {
    id: 'head-keeplast-null-true',
    page: PAGE,
    quote:
      'When null is set to true , the head command continues to process the results. In this example the command processes the results, ignoring NULL values, as long as the count is less than 5. Because keeplast=true the event that stopped the processing, count 5, is also included in the output.',
    search: `${SEVEN} | head count<5 keeplast=true null=true`,
    expected: counts(['1', '2', null, '4', '5']),
  },
  {
    id: 'head-keeplast-null-false',
    page: PAGE,
    quote:
      'When null is set to false , the head command stops processing the results when it encounters a NULL value. The events with count 1 and 2 are returned. Because keeplast=true the event with the NULL value that stopped the processing, the third event, is also included in the output.',
    search: `${SEVEN} | head count<5 keeplast=true null=false`,
    expected: counts(['1', '2', null]),
  },
  {
    id: 'head-expression-defaults',
    page: PAGE,
    quote:
      'If null=false , the head command treats the <eval-expression> that evaluates to NULL as if the <eval-expression> evaluated to false . The head command stops processing events. ... keeplast ... Default: false',
    search: `${SEVEN} | head count<5`,
    expected: counts(['1', '2']),
  },
];
