/** Aggregate functions of stats, chart and timechart. */
import { page, type DocCase } from './types.js';

const PAGE = page('statistical-and-charting-functions/aggregate-functions');

/** Results with one field `field` taking `values` in order. */
const rowsOf = (field: string, values: (string | number)[]): string =>
  `| makeresults count=${values.length} | streamstats count as n | eval ${field}=case(${values
    .map((v, i) => `n==${i + 1}, ${typeof v === 'number' ? v : JSON.stringify(v)}`)
    .join(', ')})`;

const Y = rowsOf('Y', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
const VISITORS = rowsOf('visitors', [0, 212, 367, 489, 624, 609, 492, 513, 376, 337]);
const TEMPERATURES = rowsOf('temp', [65, 42, 40, 31, 47, 53, 64]);
const SALES =
  '| makeresults count=12 | streamstats count as n | eval products=mvindex(split("ProductA,ProductB,ProductC", ","), (n-1)%3), quarter="QTR".tostring(floor((n-1)/3)+1), sales=mvindex(split("1200,1400,1650,1425,1175,1550,1300,1250,1375,1550,1700,1625", ","), n-1)';

export const statsAggregateCases: DocCase[] = [
  {
    id: 'agg-avg-100',
    page: PAGE,
    quote: 'The result of this calculation is: | avg(test) | | 3.9900000000000055 |',
    search: '| makeresults count=100 | eval test=3.99 | stats avg(test)',
    expected: { field: 'avg(test)', value: '3.9900000000000055' },
  },
  {
    id: 'agg-avg-10000',
    page: PAGE,
    quote: 'When the count is changed to 10000, the results are different: ... | avg(test) | | 3.990000000000215 |',
    search: '| makeresults count=10000 | eval test=3.99 | stats avg(test)',
    expected: { field: 'avg(test)', value: '3.990000000000215' },
  },
  {
    id: 'agg-mean-as-avg',
    page: PAGE,
    quote: 'The mean values should be exactly the same as the values calculated using the avg() function.',
    search: '| makeresults count=100 | eval test=3.99 | stats mean(test)',
    expected: { field: 'mean(test)', value: '3.9900000000000055' },
    note: 'The avg example of the same page, with mean.',
  },
  {
    id: 'agg-count-eval',
    page: PAGE,
    quote: 'The following example returns the count of events where the status field has the value "404".',
    search: `${rowsOf('status', ['404', '200', '404', '503'])} | eval sourcetype="access_combined" | stats count(eval(status="404")) AS count_status BY sourcetype`,
    expected: { rows: [{ sourcetype: 'access_combined', count_status: '2' }] },
  },
  {
    id: 'agg-c-abbreviation',
    page: PAGE,
    quote: 'To use this function, you can specify count(<value>) , or the abbreviation c(<value>) .',
    search: `${rowsOf('user', ['ana', 'bo', 'ana'])} | stats c(user)`,
    expected: { field: 'c(user)', value: '3' },
  },
  {
    id: 'agg-dc-strings',
    page: PAGE,
    quote: 'Returns the count of distinct values of the field specified. This function processes field values as strings.',
    search: `${rowsOf('host', ['1.0', '1', 'www1', '1'])} | stats dc(host)`,
    expected: { field: 'dc(host)', value: '3' },
    note: 'As strings, 1.0 and 1 are two values.',
  },
  {
    id: 'agg-estdc-strings',
    knownDifference: "error: spelunk does not support the stats function 'estdc'",
    page: PAGE,
    quote:
      'The string values 1.0 and 1 are considered distinct values and counted separately. ... By default, if the actual number of distinct values returned by a search is below 1000, the Splunk software does not estimate the distinct value count for the search. It uses the actual distinct value count instead.',
    search: `${rowsOf('host', ['1.0', '1', 'www1', '1'])} | stats estdc(host)`,
    expected: { field: 'estdc(host)', value: '3' },
  },
  {
    id: 'agg-max-mixed',
    knownDifference: 'max(x) is 100: numbers are ranked above strings',
    page: PAGE,
    quote:
      "If the items are mixed, they're sorted in numeric and then lexicographical order with all numbers sorted before non-numeric items. For example, the items 1, c, a, 2, 100, b, 4, 9 are sorted as 1, 2, 4, 9, 100, a, b, c.",
    search: `${rowsOf('x', ['1', 'c', 'a', '2', '100', 'b', '4', '9'])} | stats max(x) min(x)`,
    expected: { fields: { 'max(x)': 'c', 'min(x)': '1' } },
  },
  {
    id: 'agg-max-uppercase',
    page: PAGE,
    quote: "If all items are non-numeric, they're sorted in lexicographical order. ... Uppercase letters are sorted before lowercase letters.",
    search: `${rowsOf('x', ['apple', 'Zebra', 'mango'])} | stats max(x) min(x)`,
    expected: { fields: { 'max(x)': 'mango', 'min(x)': 'Zebra' } },
  },
  {
    id: 'agg-median-odd',
    page: PAGE,
    quote: 'When the list is sorted the median, or middle-most value, is 37.',
    search: `${rowsOf('count', [37, 58, 8, 34, 13, 74, 38])} | stats median(count)`,
    expected: { field: 'median(count)', value: '37' },
  },
  {
    id: 'agg-mode-number',
    page: PAGE,
    quote: 'When you search for the mode in the age field, the value 45 is returned.',
    search: `${rowsOf('age', [32, 45, 29, 45, 37])} | stats mode(age)`,
    expected: { field: 'mode(age)', value: '45' },
  },
  {
    id: 'agg-mode-string',
    page: PAGE,
    quote: 'When you search for the mode in the surname field, the value Garcia is returned.',
    search: `${rowsOf('surname', ['Garcia', 'Mayer', 'Garcia', 'Zhang', 'Garcia'])} | stats mode(surname)`,
    expected: { field: 'mode(surname)', value: 'Garcia' },
  },
  {
    id: 'agg-mode-host',
    page: PAGE,
    quote: 'The results look something like this: | mode(host) | | www1 |',
    search: `${rowsOf('host', ['www1', 'www1', 'www2', 'www3', 'www1'])} | stats mode(host)`,
    expected: { field: 'mode(host)', value: 'www1' },
  },
  {
    id: 'agg-perc50',
    page: PAGE,
    quote: 'Consider this list of values Y = {10,9,8,7,6,5,4,3,2,1} . The following example returns 5.5. ... | stats perc50(Y)',
    search: `${Y} | stats perc50(Y)`,
    expected: { field: 'perc50(Y)', value: '5.5' },
  },
  {
    id: 'agg-perc95',
    page: PAGE,
    quote: 'The following example returns 9.55. ... | stats perc95(Y)',
    search: `${Y} | stats perc95(Y)`,
    expected: { field: 'perc95(Y)', value: '9.55' },
  },
  {
    id: 'agg-p50-abbreviation',
    page: PAGE,
    quote: 'perc<percentile>(<value>) or the abbreviation p<percentile>(<value>) ... The following example returns 5.5.',
    search: `${Y} | stats p50(Y)`,
    expected: { field: 'p50(Y)', value: '5.5' },
  },
  {
    id: 'agg-upperperc95',
    page: PAGE,
    quote: 'When there are more than 1000 values, the upperperc function gives the approximate upper bound for the percentile requested. Otherwise the upperperc function returns the same percentile as the perc function.',
    search: `${Y} | stats upperperc95(Y)`,
    expected: { field: 'upperperc95(Y)', value: '9.55' },
  },
  {
    id: 'agg-visitors-total',
    knownDifference: "rejects AS 'visitors total' (a single-quoted name): error: spelunk does not support the stats function 'total''",
    page: PAGE,
    quote:
      'The results from this search look like this: | hour | visitors | visitors total | | 0800 | 0 | 0 | | 0900 | 212 | 212 | | 1000 | 367 | 579 | | 1100 | 489 | 1068 | | 1200 | 624 | 1692 | | 1300 | 609 | 2301 | | 1400 | 492 | 2793 | | 1500 | 513 | 3306 | | 1600 | 376 | 3673 | | 1700 | 337 | 4010 |',
    search: `${VISITORS} | streamstats sum(visitors) as 'visitors total' | table visitors "visitors total"`,
    expected: {
      rows: [0, 212, 579, 1068, 1692, 2301, 2793, 3306, 3673, 4010].map((total, i) => ({
        visitors: String([0, 212, 367, 489, 624, 609, 492, 513, 376, 337][i]),
        'visitors total': String(total),
      })),
    },
  },
  {
    id: 'agg-visitors-percentiles',
    knownDifference: "rejects perc50('visitors total') (a quoted field name): error: stats: expected ')' to close perc50(.",
    page: PAGE,
    quote: 'The results from this search look like this: | perc50(visitors total) | perc95(visitors total) | | 1996.5 | 3858.35 |',
    search: `${VISITORS} | streamstats sum(visitors) as 'visitors total' | stats perc50('visitors total') perc95('visitors total')`,
    expected: { fields: { 'perc50(visitors total)': '1996.5', 'perc95(visitors total)': '3858.35' } },
  },
  {
    id: 'agg-range-by-quarter',
    page: PAGE,
    quote:
      'The results look like this: | quarter | sum(sales) | min(sales) | max(sales) | range(sales) | | QTR1 | 4250 | 1200 | 1650 | 450 | | QTR2 | 4150 | 1175 | 1550 | 375 | | QTR3 | 3925 | 1250 | 1375 | 125 | | QTR4 | 4875 | 1550 | 1700 | 150 |',
    search: `${SALES} | stats sum(sales) min(sales) max(sales) range(sales) BY quarter`,
    expected: {
      rows: [
        { quarter: 'QTR1', 'sum(sales)': '4250', 'min(sales)': '1200', 'max(sales)': '1650', 'range(sales)': '450' },
        { quarter: 'QTR2', 'sum(sales)': '4150', 'min(sales)': '1175', 'max(sales)': '1550', 'range(sales)': '375' },
        { quarter: 'QTR3', 'sum(sales)': '3925', 'min(sales)': '1250', 'max(sales)': '1375', 'range(sales)': '125' },
        { quarter: 'QTR4', 'sum(sales)': '4875', 'min(sales)': '1550', 'max(sales)': '1700', 'range(sales)': '150' },
      ],
    },
    note: 'The page runs chart ... BY products but shows one row per quarter; the table is what stats ... BY quarter gives over its data (see the report).',
  },
  {
    id: 'agg-sum-as-quoted',
    page: PAGE,
    quote: 'You can rename the column using the AS keyword: ...| stats sum(bytes) AS "total bytes" The results look something like this: | total bytes | | 21502 |',
    search: `${rowsOf('bytes', [6509, 3726, 6569, 4698])} | stats sum(bytes) AS "total bytes"`,
    expected: { field: 'total bytes', value: '21502' },
    note: 'The four bytes values are the page\'s per-hour totals, which add up to its total 21502.',
  },
  {
    id: 'agg-sum-by-hour',
    page: PAGE,
    quote: 'The results look something like this: | date_hour | total bytes | | 07 | 6509 | | 11 | 3726 | | 15 | 6569 | | 23 | 4698 |',
    search: `${rowsOf('bytes', [6000, 3726, 509, 6569, 4698])} | eval date_hour=case(n==1 OR n==3, "07", n==2, "11", n==4, "15", n==5, "23") | stats sum(bytes) AS "total bytes" by date_hour`,
    expected: {
      rows: [
        { date_hour: '07', 'total bytes': '6509' },
        { date_hour: '11', 'total bytes': '3726' },
        { date_hour: '15', 'total bytes': '6569' },
        { date_hour: '23', 'total bytes': '4698' },
      ],
    },
    note: 'Hour 07 is built from two events (6000 and 509).',
  },
  {
    id: 'agg-temperatures',
    knownDifference: 'prints mean 48.8571428571429 and stdev 12.6151835952893 (15 significant digits)',
    page: PAGE,
    quote: 'This search returns these results: | mean(temp) | sumsq(temp) | stdev(temp) | | 48.857142857142854 | 17664 | 12.615183595289349 |',
    search: `${TEMPERATURES} | stats mean(temp), sumsq(temp), stdev(temp)`,
    expected: { fields: { 'mean(temp)': '48.857142857142854', 'sumsq(temp)': '17664', 'stdev(temp)': '12.615183595289349' } },
  },
];
