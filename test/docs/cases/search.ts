/** The search command (later in the pipeline, over makeresults results). */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/search');

/** Results numbered n=1.. with the given fields (null: absent), as one eval. */
const rows = (fields: Record<string, (string | number | null)[]>): string => {
  const entries = Object.entries(fields);
  const count = entries[0]![1].length;
  const lit = (v: string | number | null): string => (v === null ? 'null()' : typeof v === 'number' ? String(v) : JSON.stringify(v));
  return `| makeresults count=${count} | streamstats count as n | eval ${entries
    .map(([f, vs]) => `${f}=case(${vs.map((v, i) => `n==${i + 1}, ${lit(v)}`).join(', ')})`)
    .join(', ')}`;
};
const ns = (...values: number[]): { rows: Record<string, string>[] } => ({ rows: values.map((n) => ({ n: String(n) })) });

const IPS = rows({ ip: ['10.10.10.12', '50.10.10.17', '10.10.10.23'] });
const CODES = rows({ error_code: [400, 401, 404, 500, 503] });
const RAW = rows({ _raw: ['web server error', 'web server ok', 'database error on web', 'Database Error'] });

export const searchCases: DocCase[] = [
  {
    id: 'search-implied-and',
    page: PAGE,
    quote: 'The AND operator is always implied between terms and expressions. For example, web error is the same as web AND error .',
    search: `${RAW} | search web error | table n`,
    expected: ns(1, 3),
  },
  {
    id: 'search-quoted-phrase',
    page: PAGE,
    quote: 'Some examples of search terms are: ... quoted phrases: "database error"',
    search: `${RAW} | search "database error" | table n`,
    expected: ns(3, 4),
    note: 'Phrase matching is case-insensitive: events 3 and 4 have the two words in this order.',
  },
  {
    id: 'search-boolean-not',
    page: PAGE,
    quote: 'Some examples of search terms are: ... boolean operators: login NOT (error OR fail)',
    search: `${rows({ _raw: ['login ok', 'login error', 'login fail', 'logout'] })} | search login NOT (error OR fail) | table n`,
    expected: ns(1),
  },
  {
    id: 'search-wildcard-keyword',
    page: PAGE,
    quote: 'Some examples of search terms are: ... wildcards: fail*',
    search: `${rows({ _raw: ['login failed', 'login ok', 'failure noted'] })} | search fail* | table n`,
    expected: ns(1, 3),
  },
  {
    id: 'search-string-equality',
    page: PAGE,
    quote: 'Comparison expressions with the equal ( = ) or not equal ( != ) operator compare string values. For example, "1" does not match "1.0".',
    search: `${rows({ x: ['1.0', '1'] })} | search x=1 | table n`,
    expected: ns(2),
  },
  {
    id: 'search-greater-numeric',
    page: PAGE,
    quote: 'Comparison expressions with greater than or less than operators < > <= >= numerically compare two numbers and lexicographically compare other values.',
    search: `${rows({ xqp: [5, 10, 9] })} | search xqp>5 | table n`,
    expected: ns(2, 3),
  },
  {
    id: 'search-greater-lexicographic',
    page: PAGE,
    quote: 'Comparison expressions with greater than or less than operators < > <= >= numerically compare two numbers and lexicographically compare other values.',
    search: `${rows({ name: ['alpha', 'mango', 'zulu'] })} | search name>"m" | table n`,
    expected: ns(2, 3),
  },
  {
    id: 'search-in-list',
    page: PAGE,
    quote: 'For example use error IN (400, 402, 404, 500) instead of error=400 OR error=402 OR error=404 OR error=500 .',
    search: `${CODES} | search error_code IN (400, 402, 404, 500) | table error_code`,
    expected: { rows: ['400', '404', '500'].map((error_code) => ({ error_code })) },
  },
  {
    id: 'search-in-wildcard',
    page: PAGE,
    quote: 'When used with the search command, you can use a wildcard character ( * ) in the list of values for the IN operator. For example: ... error_code IN (40*, 500)',
    search: `${CODES} | search error_code IN (40*, 500) | table error_code`,
    expected: { rows: ['400', '401', '404', '500'].map((error_code) => ({ error_code })) },
  },
  {
    id: 'search-not-in',
    page: PAGE,
    quote: 'You can use the NOT operator with the IN operator. For example: ... NOT clientip IN (211.166.11.101, 182.236.164.11, 128.241.220.82)',
    search: `${rows({ clientip: ['211.166.11.101', '10.0.0.1', '128.241.220.82'] })} | search NOT clientip IN (211.166.11.101, 182.236.164.11, 128.241.220.82) | table clientip`,
    expected: { rows: [{ clientip: '10.0.0.1' }] },
  },
  {
    id: 'search-cidr',
    page: PAGE,
    quote: 'If you specify ip="10.10.10.0/24" , the search returns the events with the first and last values: 10.10.10.12 and 10.10.10.23.',
    search: `${IPS} | search ip="10.10.10.0/24" | table ip`,
    expected: { rows: [{ ip: '10.10.10.12' }, { ip: '10.10.10.23' }] },
  },
  {
    id: 'search-cidr-ipv6',
    page: PAGE,
    quote: 'The IP address is in the subnet, so the search results look like this. | time | ip | | 2020-11-19 16:43:31 | 2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99 |',
    search: '| makeresults | eval ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | search ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120"',
    expected: { rows: [{ ip: '2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99' }] },
  },
  {
    id: 'search-or-before-and',
    page: PAGE,
    quote: 'The order in which Boolean expressions are evaluated with the search command is: Expressions within parentheses NOT clauses OR clauses AND clauses',
    search: `${rows({ a: [1, 0, 0], b: [0, 1, 0], c: [0, 0, 1] })} | search a=1 b=1 OR c=1 | table n`,
    expected: { rows: [] },
    note: 'a=1 AND (b=1 OR c=1): no result has both.',
  },
  {
    id: 'search-field-value-not-field',
    page: PAGE,
    quote: 'When specifying a comparison_expression, the search command expects a <field> compared with a <value>. The search command interprets fieldB as the value, and not as the name of a field.',
    search: `${rows({ fieldA: ['x', 'fieldB'], fieldB: ['x', 'y'] })} | search fieldA=fieldB | table n`,
    expected: ns(2),
  },
  {
    id: 'search-boolean-comparison',
    page: PAGE,
    quote: 'Search for events with code values of either 10 or 29, and any host that isn\'t "localhost", and an xqp value that is greater than 5.',
    search: `${rows({ code: [10, 29, 10, 11], host: ['www1', 'localhost', 'www2', 'www1'], xqp: [6, 9, 3, 8] })} | search (code=10 OR code=29) host!="localhost" xqp>5 | table n`,
    expected: ns(1),
  },
  {
    id: 'search-in-same-as-or',
    page: PAGE,
    quote: 'In this example you could also use the IN operator since you are specifying two field-value pairs on the same field. The revised search is: ... code IN(10, 29) host!="localhost" xqp>5',
    search: `${rows({ code: [10, 29, 10, 11], host: ['www1', 'localhost', 'www2', 'www1'], xqp: [6, 9, 3, 8] })} | search code IN(10, 29) host!="localhost" xqp>5 | table n`,
    expected: ns(1),
  },
  {
    id: 'search-wildcard-values',
    page: PAGE,
    quote: 'Search for events from all the web servers that have an HTTP client or server error status. ... host=webserver* (status=4* OR status=5*)',
    search: `${rows({ host: ['webserver1', 'webserver2', 'db1', 'webserver3'], status: [404, 200, 500, 503] })} | search host=webserver* (status=4* OR status=5*) | table n`,
    expected: ns(1, 4),
  },
  {
    id: 'search-in-wildcards-values',
    page: PAGE,
    quote: 'The revised search is: ... host=webserver* status IN(4*, 5*)',
    search: `${rows({ host: ['webserver1', 'webserver2', 'db1', 'webserver3'], status: [404, 200, 500, 503] })} | search host=webserver* status IN(4*, 5*) | table n`,
    expected: ns(1, 4),
  },
  {
    id: 'search-not-versus-not-equal',
    page: PAGE,
    quote: 'The following search returns everything except fieldA="value2", including all other fields. ... NOT fieldA="value2"',
    search: `${rows({ fieldA: ['value1', 'value2', null] })} | search NOT fieldA="value2" | table n`,
    expected: ns(1, 3),
  },
  {
    id: 'search-not-equal-needs-field',
    page: PAGE,
    quote: 'The following search returns events where fieldA exists and does not have the value "value2". ... fieldA!="value2"',
    search: `${rows({ fieldA: ['value1', 'value2', null] })} | search fieldA!="value2" | table n`,
    expected: ns(1),
  },
  {
    id: 'search-not-wildcard',
    page: PAGE,
    quote: 'If you use a wildcard for the value, NOT fieldA=* returns events where fieldA is null or undefined, and fieldA!=* never returns any events.',
    search: `${rows({ fieldA: ['value1', null] })} | search NOT fieldA=* | table n`,
    expected: ns(2),
  },
  {
    id: 'search-not-equal-wildcard',
    page: PAGE,
    quote: 'If you use a wildcard for the value, NOT fieldA=* returns events where fieldA is null or undefined, and fieldA!=* never returns any events.',
    search: `${rows({ fieldA: ['value1', null] })} | search fieldA!=* | table n`,
    expected: { rows: [] },
  },
  {
    id: 'search-case-directive',
    page: PAGE,
    quote: 'You can use the CASE() directive to search for terms and field values that are case-sensitive.',
    search: `${RAW} | search CASE(Error) | table n`,
    expected: ns(4),
  },
  {
    id: 'search-keyword-operator-quoted',
    page: PAGE,
    quote: 'To search field values that are SPL operators or keywords, such as country=IN , country=AS , iso=AND , or state=OR , you must enclose the operator or keyword in quotation marks. For example: country="IN" .',
    search: `${rows({ country: ['IN', 'US'] })} | search country="IN" | table country`,
    expected: { rows: [{ country: 'IN' }] },
  },
  {
    id: 'search-quoted-operator-keyword',
    page: PAGE,
    quote: 'A search for the keyword AND without meaning the Boolean operator: error "AND"',
    search: `${rows({ _raw: ['error AND more', 'error only'] })} | search error "AND" | table n`,
    expected: ns(1),
  },
  {
    id: 'search-after-transforming',
    page: PAGE,
    quote: 'The search command is used again later in the search pipeline to filter out the results. ... | search eventcount>3',
    search: `${rows({ clientip: ['a', 'a', 'a', 'a', 'b'] })} | stats count AS eventcount BY clientip | search eventcount>3`,
    expected: { rows: [{ clientip: 'a', eventcount: '4' }] },
  },
];
