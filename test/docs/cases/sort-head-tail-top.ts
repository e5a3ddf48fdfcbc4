/** The sort, tail and top commands. */
import { page, type DocCase } from './types.js';

const SORT = page('search-commands/sort');
const TAIL = page('search-commands/tail');
const TOP = page('search-commands/top');

/** Results numbered n=1.. with field `field` taking `values` (null: absent). */
const rowsOf = (field: string, values: (string | number | null)[]): string =>
  `| makeresults count=${values.length} | streamstats count as n | eval ${field}=case(${values
    .map((v, i) => `n==${i + 1}, ${v === null ? 'null()' : typeof v === 'number' ? v : JSON.stringify(v)}`)
    .join(', ')})`;
const column = (field: string, values: (string | null)[]): { rows: Record<string, string | null>[] } => ({
  rows: values.map((v) => ({ [field]: v })),
});

const LETTERS = rowsOf('x', ['a', 'a', 'a', 'b', 'b', 'c']);

export const sortHeadTailTopCases: DocCase[] = [
  {
    id: 'sort-missing-ascending',
    page: SORT,
    quote:
      'Results missing a given field are treated as having the smallest or largest possible value of that field if the order is descending or ascending, respectively.',
    search: `${rowsOf('x', [3, null, 1])} | sort x | table n x`,
    expected: { rows: [{ n: '3', x: '1' }, { n: '1', x: '3' }, { n: '2', x: null }] },
  },
  {
    id: 'sort-missing-descending',
    page: SORT,
    quote:
      'Results missing a given field are treated as having the smallest or largest possible value of that field if the order is descending or ascending, respectively.',
    search: `${rowsOf('x', [3, null, 1])} | sort -x | table n x`,
    expected: { rows: [{ n: '1', x: '3' }, { n: '3', x: '1' }, { n: '2', x: null }] },
  },
  {
    id: 'sort-count-first',
    page: SORT,
    quote: 'If the first argument to the `sort` command is a number, then at most that many results are returned, in order.',
    search: `${rowsOf('x', [5, 2, 9, 1])} | sort 2 x | table x`,
    expected: column('x', ['1', '2']),
  },
  {
    id: 'sort-default-limit',
    page: SORT,
    quote: 'If no number is specified, the default limit of 10000 is used.',
    search: '| makeresults count=10005 | streamstats count as n | sort -n | stats count min(n)',
    expected: { fields: { count: '10000', 'min(n)': '6' } },
  },
  {
    id: 'sort-zero-all',
    page: SORT,
    quote: 'If the number 0 is specified, all of the results are returned.',
    search: '| makeresults count=10005 | streamstats count as n | sort 0 -n | stats count',
    expected: { field: 'count', value: '10005' },
  },
  {
    id: 'sort-limit-label',
    page: SORT,
    quote: 'You can specify the count using an integer or precede the count with a label, for example `limit=10`.',
    search: '| makeresults count=20 | streamstats count as n | eval host="www".n | sort limit=12 host | stats count',
    expected: { field: 'count', value: '12' },
  },
  {
    id: 'sort-desc-argument',
    page: SORT,
    quote: 'desc Syntax: d | desc Description: Reverses the order of the results.',
    search: `${rowsOf('x', [2, 3, 1])} | sort x desc | table x`,
    expected: column('x', ['3', '2', '1']),
  },
  {
    id: 'sort-numeric-descending',
    page: SORT,
    quote: '| Results in descending order | Description | | 10.1   9.1 | This set of values are sorted numerically because the values are all numeric. |',
    search: `${rowsOf('x', ['9.1', '10.1'])} | sort -x | table x`,
    expected: column('x', ['10.1', '9.1']),
  },
  {
    id: 'sort-alphanumeric-descending',
    page: SORT,
    quote: '| 9.1.a   10.1.a | This set of values are sorted lexicographically because the values are alphanumeric strings. |',
    search: `${rowsOf('x', ['10.1.a', '9.1.a'])} | sort -x | table x`,
    expected: column('x', ['9.1.a', '10.1.a']),
  },
  {
    id: 'sort-leading-number',
    knownDifference: 'sorts 10abc, 2foo, 9xyz as strings, not by their leading numbers',
    page: SORT,
    quote: 'Alphanumeric strings are sorted based on the data type of the first character. If the string starts with a number, the string is sorted numerically based on that number alone.',
    search: `${rowsOf('x', ['10abc', '9xyz', '2foo'])} | sort x | table x`,
    expected: column('x', ['2foo', '9xyz', '10abc']),
  },
  {
    id: 'sort-lexicographic-case',
    page: SORT,
    quote: 'Alphabetic strings are sorted lexicographically. ... Uppercase letters are sorted before lowercase letters.',
    search: `${rowsOf('x', ['banana', 'cherry', 'Apple'])} | sort x | table x`,
    expected: column('x', ['Apple', 'banana', 'cherry']),
  },
  {
    id: 'sort-ip-then-str-descending',
    page: SORT,
    quote: 'Sort the results by the `ipaddress` field in ascending order and then sort by the `url` field in descending order.',
    search:
      '| makeresults count=4 | streamstats count as n | eval ipaddress=case(n==1, "10.0.0.10", n==2, "10.0.0.9", n==3, "10.0.0.10", n==4, "10.0.0.9"), url=case(n==1, "/a", n==2, "/b", n==3, "/c", n==4, "/a") | sort ip(ipaddress), -str(url) | table ipaddress url',
    expected: {
      rows: [
        { ipaddress: '10.0.0.9', url: '/b' },
        { ipaddress: '10.0.0.9', url: '/a' },
        { ipaddress: '10.0.0.10', url: '/c' },
        { ipaddress: '10.0.0.10', url: '/a' },
      ],
    },
  },
  {
    id: 'sort-count-num-str',
    page: SORT,
    quote: 'Sort first 100 results in descending order of the "size" field and then by the "source" value in ascending order.',
    search:
      '| makeresults count=3 | streamstats count as n | eval size=case(n==1, "9", n==2, "10", n==3, "10"), source=case(n==1, "a.log", n==2, "c.log", n==3, "b.log") | sort 100 -num(size), +str(source) | table size source',
    expected: {
      rows: [
        { size: '10', source: 'b.log' },
        { size: '10', source: 'c.log' },
        { size: '9', source: 'a.log' },
      ],
    },
  },
  {
    id: 'sort-time-then-host-descending',
    page: SORT,
    quote: 'Sort results by the "_time" field in ascending order and then by the "host" value in descending order.',
    search:
      '| makeresults count=3 | streamstats count as n | eval _time=if(n==1, 1700000100, 1700000000), host="www".n | sort _time, -host | table host',
    expected: column('host', ['www3', 'www2', 'www1']),
  },
  {
    id: 'sort-most-recent',
    page: SORT,
    quote: 'Return the most recent event: ... | sort 1 -_time',
    search: '| makeresults count=3 | streamstats count as n | eval _time=_time-n*60 | sort 1 -_time | table n',
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'sort-custom-order',
    page: SORT,
    quote:
      'The results look something like this: | Day | Total | | Monday | 93 | | Tuesday | 124 | | Wednesday | 248 | | Thursday | 356 | | Friday | 120 | | Weekend | 1022 |',
    search:
      '| makeresults count=6 | streamstats count as n | eval Day=mvindex(split("Friday,Monday,Tuesday,Thursday,Weekend,Wednesday", ","), n-1), Total=mvindex(split("120,93,124,356,1022,248", ","), n-1) | fields - n, _time | eval wd=lower(Day) | eval sort_field=case(wd=="monday",1, wd=="tuesday",2, wd=="wednesday",3, wd=="thursday",4, wd=="friday",5, wd=="weekend",6) | sort sort_field | fields - sort_field | table Day Total',
    expected: {
      rows: [
        { Day: 'Monday', Total: '93' },
        { Day: 'Tuesday', Total: '124' },
        { Day: 'Wednesday', Total: '248' },
        { Day: 'Thursday', Total: '356' },
        { Day: 'Friday', Total: '120' },
        { Day: 'Weekend', Total: '1022' },
      ],
    },
  },
  {
    id: 'tail-20-reverse',
    page: TAIL,
    quote: 'Return the last 20 results in reverse order. ... | tail 20',
    search: '| makeresults count=25 | streamstats count as n | tail 20 | table n',
    expected: { rows: Array.from({ length: 20 }, (_, i) => ({ n: String(25 - i) })) },
  },
  {
    id: 'tail-default-10',
    page: TAIL,
    quote: 'The events are returned in reverse order, starting at the end of the result set. The last 10 events are returned if no integer is specified',
    search: '| makeresults count=15 | streamstats count as n | tail | table n',
    expected: { rows: Array.from({ length: 10 }, (_, i) => ({ n: String(15 - i) })) },
  },
  {
    id: 'top-limit-last-lexicographic',
    page: TOP,
    quote:
      'The search results look something like this. | user | location | count | percent | | Alex | Orlando | 1 | 33.333333 | | Kai | Orlando | 1 | 33.333333 | | Morgan | Orlando | 1 | 33.333333 |',
    search:
      '| makeresults | eval location="Orlando Dallas Atlanta" | makemv location | mvexpand location | eval user="Alex Kai Morgan" | makemv user | mvexpand user | top limit=1 location by user',
    expected: {
      rows: [
        { user: 'Alex', location: 'Orlando', count: '1', percent: '33.333333' },
        { user: 'Kai', location: 'Orlando', count: '1', percent: '33.333333' },
        { user: 'Morgan', location: 'Orlando', count: '1', percent: '33.333333' },
      ],
    },
  },
  {
    id: 'top-count-percent',
    page: TOP,
    quote:
      'When you use the `top` command, two fields are added to the results: `count` and `percent`. ... | Alex | Orlando | 1 | 33.333333 |',
    search: `${LETTERS} | top x`,
    expected: {
      rows: [
        { x: 'a', count: '3', percent: '50.000000' },
        { x: 'b', count: '2', percent: '33.333333' },
        { x: 'c', count: '1', percent: '16.666667' },
      ],
    },
    note: 'Percentages printed with six decimals, as the page prints 33.333333.',
  },
  {
    id: 'top-countfield-showperc',
    page: TOP,
    quote: 'This search returns the top product purchased for each category. Do not show the percent field. Rename the count field to "total".',
    search:
      '| makeresults count=4 | streamstats count as n | eval categoryId=if(n<=3, "ARCADE", "TEE"), productName=if(n==1, "Manganiello Bros.", "Dream Crusher") | top 1 productName by categoryId showperc=f countfield=total',
    expected: {
      rows: [
        { categoryId: 'ARCADE', productName: 'Dream Crusher', total: '2', percent: null },
        { categoryId: 'TEE', productName: 'Dream Crusher', total: '1', percent: null },
      ],
    },
  },
  {
    id: 'top-limit-zero',
    page: TOP,
    quote: 'limit ... Description: Specifies how many results to return. To return all values, specify zero ( 0 ).',
    search: '| makeresults count=12 | streamstats count as x | top limit=0 x | stats count',
    expected: { field: 'count', value: '12' },
  },
  {
    id: 'top-useother',
    page: TOP,
    quote:
      'useother ... Description: Specify whether or not to add a row that represents all values not included due to the limit cutoff. ... otherstr ... Default: OTHER',
    search: `${LETTERS} | top limit=1 x useother=true`,
    expected: {
      rows: [
        { x: 'a', count: '3', percent: '50.000000' },
        { x: 'OTHER', count: '3', percent: '50.000000' },
      ],
    },
  },
  {
    id: 'top-otherstr',
    page: TOP,
    quote: 'If `useother=true`, a row representing all other values is added to the results. Use `otherstr=<string>` to specify the name of the label for the row.',
    search: `${LETTERS} | top limit=1 x useother=true otherstr="the rest"`,
    expected: { rows: [{ x: 'a', count: '3' }, { x: 'the rest', count: '3' }] },
  },
  {
    id: 'top-showcount-false',
    page: TOP,
    quote: 'If you do not want to return the count of events, specify `showcount=false`.',
    search: `${LETTERS} | top x showcount=false`,
    expected: {
      rows: [
        { x: 'a', count: null, percent: '50.000000' },
        { x: 'b', count: null, percent: '33.333333' },
        { x: 'c', count: null, percent: '16.666667' },
      ],
    },
  },
  {
    id: 'top-percentfield',
    page: TOP,
    quote: 'percentfield ... This argument specifies the name of the field that contains the percentage.',
    search: `${LETTERS} | top 1 x percentfield=share`,
    expected: { rows: [{ x: 'a', count: '3', share: '50.000000', percent: null }] },
  },
];
