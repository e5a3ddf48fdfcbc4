/** The eventstats command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/eventstats');

const base = (fourthAge: string): string =>
  `| makeresults count=4 | streamstats count | eval age = case(count=1, 25, count=2, 39, count=3, 31, count=4, ${fourthAge}) | eval city = case(count=1 OR count=3, "San Francisco", count=2 OR count=4, "Seattle")`;
const WITH_NULL = base('null()');
const WITH_TEXT = base('"test"');

const rows = (ages: (string | null)[], stat: string, stats: (string | null)[]): Record<string, string | null>[] =>
  ages.map((age, i) => ({
    age,
    [stat]: stats[i] ?? null,
    city: i % 2 === 0 ? 'San Francisco' : 'Seattle',
    count: String(i + 1),
  }));

export const eventstatsCases: DocCase[] = [
  {
    id: 'eventstats-events',
    page: PAGE,
    quote:
      'The results of the search look like this: | _time | age | city | count | | 2020-02-05 18:32:07 | 25 | San Francisco | 1 | | 2020-02-05 18:32:07 | 39 | Seattle | 2 | | 2020-02-05 18:32:07 | 31 | San Francisco | 3 | | 2020-02-05 18:32:07 |  | Seattle | 4 |',
    search: WITH_NULL,
    expected: {
      rows: [
        { age: '25', city: 'San Francisco', count: '1' },
        { age: '39', city: 'Seattle', count: '2' },
        { age: '31', city: 'San Francisco', count: '3' },
        { age: null, city: 'Seattle', count: '4' },
      ],
    },
  },
  {
    id: 'eventstats-avg-by-city',
    page: PAGE,
    quote:
      'For San Francisco , the average age is 28 = (25 + 31) / 2. For Seattle , there is only one event with a value. The average is 39 = 39 / 1. The eventstats command places that average in every event for Seattle, including events that did not contain a value for age .',
    search: `${WITH_NULL} | eventstats avg(age) BY city`,
    expected: { rows: rows(['25', '39', '31', null], 'avg(age)', ['28', '39', '28', '39']) },
  },
  {
    id: 'eventstats-as-quoted',
    page: PAGE,
    quote:
      'The results of the search look like this: | _time | age | average age by city | city | count | | 2020-02-05 18:32:07 | 25 | 28 | San Francisco | 1 | | 2020-02-05 18:32:07 | 39 | 39 | Seattle | 2 | | 2020-02-05 18:32:07 | 31 | 28 | San Francisco | 3 | | 2020-02-05 18:32:07 |  | 39 | Seattle | 4 |',
    search: `${WITH_NULL} | eventstats avg(age) AS "average age by city" BY city`,
    expected: { rows: rows(['25', '39', '31', null], 'average age by city', ['28', '39', '28', '39']) },
  },
  {
    id: 'eventstats-text-events',
    page: PAGE,
    quote:
      'The results of the search look like this: | _time | age | city | count | ... | 2020-02-05 18:32:07 | test | Seattle | 4 |',
    search: WITH_TEXT,
    expected: {
      rows: [
        { age: '25', city: 'San Francisco', count: '1' },
        { age: '39', city: 'Seattle', count: '2' },
        { age: '31', city: 'San Francisco', count: '3' },
        { age: 'test', city: 'Seattle', count: '4' },
      ],
    },
  },
  {
    id: 'eventstats-text-as-null',
    page: PAGE,
    quote:
      'The alphabetic values are treated like null values. The results of the search look like this: | _time | age | avg(age) | city | count | | 2020-02-05 18:32:07 | 25 | 28 | San Francisco | 1 | | 2020-02-05 18:32:07 | 39 | 39 | Seattle | 2 | | 2020-02-05 18:32:07 | 31 | 28 | San Francisco | 3 | | 2020-02-05 18:32:07 | test | 39 | Seattle | 4 |',
    search: `${WITH_TEXT} | eventstats avg(age) BY city`,
    expected: { rows: rows(['25', '39', '31', 'test'], 'avg(age)', ['28', '39', '28', '39']) },
  },
  {
    id: 'eventstats-allnum-text',
    page: PAGE,
    quote:
      'Because the age field contains values for Seattle that are not all numbers, the entire set of values for Seattle are ignored. No average is calculated. ... | 2020-02-05 18:32:07 | 25 | 28 | San Francisco | 1 | | 2020-02-05 18:32:07 | 39 |  | Seattle | 2 | | 2020-02-05 18:32:07 | 31 | 28 | San Francisco | 3 | | 2020-02-05 18:32:07 | test |  | Seattle | 4 |',
    search: `${WITH_TEXT} | eventstats allnum=true avg(age) BY city`,
    expected: { rows: rows(['25', '39', '31', 'test'], 'avg(age)', ['28', null, '28', null]) },
  },
  {
    id: 'eventstats-allnum-empty',
    page: PAGE,
    quote: 'The allnum=true argument applies to empty values as well as alphabetic character values.',
    search: `${WITH_NULL} | eventstats allnum=true avg(age) BY city`,
    expected: { rows: rows(['25', '39', '31', null], 'avg(age)', ['28', null, '28', null]) },
  },
  {
    id: 'eventstats-no-by',
    page: PAGE,
    quote: 'Because no BY clause is specified, a single aggregation is generated and added to every event in a new field called avgdur .',
    search: '| makeresults count=3 | streamstats count as duration | eventstats avg(duration) AS avgdur | table duration avgdur',
    expected: {
      rows: [
        { duration: '1', avgdur: '2' },
        { duration: '2', avgdur: '2' },
        { duration: '3', avgdur: '2' },
      ],
    },
  },
  {
    id: 'eventstats-spikes',
    page: PAGE,
    quote: 'This searches for spikes in error volume. You can use this search to trigger an alert if the count of errors is higher than average, for example.',
    search: '| makeresults count=3 | streamstats count as n | eval bytes=case(n==1, 10, n==2, 20, n==3, 60) | eventstats avg(bytes) AS avg | where bytes>avg | table bytes avg',
    expected: { rows: [{ bytes: '60', avg: '30' }] },
  },
  {
    id: 'eventstats-aggregation-every-event',
    page: PAGE,
    quote:
      'For example, you have 5 events and 3 of the events have the field you want to aggregate on. the eventstats command generates the aggregation based on the data in the 3 events. A new field is added to every event and the aggregation is added to that field in every event.',
    search: '| makeresults count=5 | streamstats count as n | eval x=if(n<=3, n*2, null()) | eventstats sum(x) AS total | table n total',
    expected: { rows: ['1', '2', '3', '4', '5'].map((n) => ({ n, total: '12' })) },
  },
  {
    id: 'eventstats-implicit-wildcard',
    knownDifference: "error: Error in 'eventstats' command: the function 'avg' needs a field, as in avg(<field>).",
    page: PAGE,
    quote: 'In other words, when you have | eventstats avg in a search, it returns results for | eventstats avg(*) .',
    search: '| makeresults count=2 | streamstats count as n | fields - _time | eventstats avg',
    expected: { rows: [{ n: '1', 'avg(n)': '1.5' }, { n: '2', 'avg(n)': '1.5' }] },
  },
];
