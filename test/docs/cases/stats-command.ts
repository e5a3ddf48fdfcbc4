/** The stats command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/stats');

export const statsCommandCases: DocCase[] = [
  {
    id: 'stats-one-row-without-by',
    page: PAGE,
    quote:
      'If the `stats` command is used without a `BY` clause, only one row is returned, which is the aggregation over the entire incoming result set.',
    search: '| makeresults count=3 | streamstats count as n | stats sum(n) count',
    expected: { fields: { 'sum(n)': '6', count: '3' } },
  },
  {
    id: 'stats-row-per-combination',
    page: PAGE,
    quote:
      'The BY clause returns one row for each distinct value in the BY clause fields. In this search, because two fields are specified in the BY clause, every unique combination of status and host is listed on separate row.',
    search:
      '| makeresults count=4 | streamstats count as n | eval status=if(n==4, 404, 200), host=if(n==2, "www2", "www1") | stats count BY status, host',
    expected: {
      rows: [
        { status: '200', host: 'www1', count: '2' },
        { status: '200', host: 'www2', count: '1' },
        { status: '404', host: 'www1', count: '1' },
      ],
    },
  },
  {
    id: 'stats-count-eval-methods',
    page: PAGE,
    quote:
      'The first clause uses the `count()` function to count the Web access events that contain the `method` field value `GET`. Then, using the AS keyword, the field that represents these results is renamed GET. The second clause does the same for POST events. The counts of both types of events are then separated by the web server, using the BY clause with the `host` field.',
    search:
      '| makeresults count=5 | streamstats count as n | eval host=if(n<=3, "www1", "www2"), method=if(n==2 OR n==5, "POST", "GET") | stats count(eval(method="GET")) AS GET, count(eval(method="POST")) AS POST BY host',
    expected: {
      rows: [
        { host: 'www1', GET: '2', POST: '1' },
        { host: 'www2', GET: '1', POST: '1' },
      ],
    },
  },
  {
    id: 'stats-email-domains',
    page: PAGE,
    quote:
      'If the value of `from_domain` matches the regular expression, the `count` is updated for each suffix, `.com`, `.net`, and `.org`. Other domain suffixes are counted as `other`.',
    search:
      '| makeresults count=5 | streamstats count as n | eval mailfrom=case(n==1, "a@example.com", n==2, "b@example.net", n==3, "c@example.net", n==4, "d@example.io", n==5, "e@example.com") | eval accountname=split(mailfrom,"@"), from_domain=mvindex(accountname,-1) | stats count(eval(match(from_domain, "[^\\n\\r\\s]+\\.com"))) AS ".com", count(eval(match(from_domain, "[^\\n\\r\\s]+\\.net"))) AS ".net", count(eval(match(from_domain, "[^\\n\\r\\s]+\\.org"))) AS ".org", count(eval(NOT match(from_domain, "[^\\n\\r\\s]+\\.(com|net|org)"))) AS "other"',
    expected: { fields: { '.com': '2', '.net': '2', '.org': '0', other: '1' } },
  },
  {
    id: 'stats-dedup-splitvals',
    knownDifference: "error: spelunk does not support the stats option 'dedup_splitvals'.",
    page: PAGE,
    quote:
      'For each unique value of `mvfield`, return the average value of `field`. Deduplicates the values in the `mvfield`. ... dedup_splitvals Syntax: dedup_splitvals=<boolean> Description: Specifies whether to remove duplicate values in multivalued `BY` clause fields.',
    search: '| makeresults | eval mvfield=mvappend("a", "a", "b"), field=10 | stats count avg(field) BY mvfield dedup_splitvals=true',
    expected: {
      rows: [
        { mvfield: 'a', count: '1', 'avg(field)': '10' },
        { mvfield: 'b', count: '1', 'avg(field)': '10' },
      ],
    },
  },
  {
    id: 'stats-split-duplicates-default',
    knownDifference: 'counts the event once for the value a: duplicate values of a multivalue BY field are removed by default',
    page: PAGE,
    quote: 'dedup_splitvals ... Description: Specifies whether to remove duplicate values in multivalued `BY` clause fields. Default: false',
    search: '| makeresults | eval mvfield=mvappend("a", "a", "b"), field=10 | stats count BY mvfield',
    expected: {
      rows: [
        { mvfield: 'a', count: '2' },
        { mvfield: 'b', count: '1' },
      ],
    },
  },
  {
    id: 'stats-allnum',
    page: PAGE,
    quote: 'allnum Syntax: allnum=<bool> Description: If true, computes numerical statistics on each field if and only if all of the values of that field are numerical.',
    search:
      '| makeresults count=3 | streamstats count as n | eval x=if(n==3, "three", n), y=n | stats allnum=true sum(x) sum(y)',
    expected: { fields: { 'sum(x)': null, 'sum(y)': '6' } },
  },
  {
    id: 'stats-implicit-wildcard',
    knownDifference: "error: Error in 'stats' command: the function 'avg' needs a field, as in avg(<field>).",
    page: PAGE,
    quote: 'In other words, when you have `| stats avg` in a search, it returns results for `| stats avg(*)`.',
    search: '| makeresults count=2 | streamstats count as n | eval b=n*10 | fields - _time | stats avg',
    expected: { fields: { 'avg(n)': '1.5', 'avg(b)': '15' } },
  },
  {
    id: 'stats-division-by-zero',
    page: PAGE,
    quote: 'Division by zero results in a null field.',
    search: '| makeresults | eval x=1/0',
    expected: { field: 'x', value: null },
  },
  {
    id: 'stats-infinity',
    page: PAGE,
    quote: 'The special values for positive and negative infinity are represented in your results as "inf" and "-inf" respectively.',
    search: '| makeresults count=2 | eval big=exp(1000), small=-exp(1000) | stats sum(big) sum(small)',
    expected: { fields: { 'sum(big)': 'inf', 'sum(small)': '-inf' } },
  },
  {
    id: 'stats-nan',
    page: PAGE,
    quote: 'If the calculation results in the floating-point special value NaN, it is represented as "nan" in your results.',
    search: '| makeresults count=2 | streamstats count as n | eval x=if(n==1, exp(1000), -exp(1000)) | stats sum(x)',
    expected: { field: 'sum(x)', value: 'nan' },
  },
  {
    id: 'stats-rename-twice',
    page: PAGE,
    quote: 'You cannot rename one field with multiple names. For example if you have field A, you cannot rename A as B, A as C. The following example is not valid. ... | stats first(host) AS site, first(host) AS report',
    search: '| makeresults | eval host="www1" | stats first(host) AS site, first(host) AS report',
    expected: { error: true },
  },
  {
    id: 'stats-wildcard-by',
    page: PAGE,
    quote: 'The `stats` command does not support wildcard characters in field values in BY clauses. For example, you cannot specify `| stats count BY source*`.',
    search: '| makeresults | eval source1="a" | stats count BY source*',
    expected: { error: true },
  },
];
