/** The where command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/where');

export const whereCases: DocCase[] = [
  {
    id: 'where-two-fields',
    page: PAGE,
    quote: '| Where | ... | where ipaddress=clientip | This search looks for events where the field `ipaddress` is equal to the field `clientip`. |',
    search:
      '| makeresults count=2 | streamstats count as n | eval ipaddress="10.0.0.1", clientip=if(n==1, "10.0.0.1", "10.0.0.2") | where ipaddress=clientip | table n',
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'where-quoted-literal',
    page: PAGE,
    quote: '| Where | ... | where host="www2" | This search looks for events where the value in the field `host` is the string value `www2`. |',
    search: '| makeresults count=3 | streamstats count as n | eval host="www".n | where host="www2" | table host',
    expected: { rows: [{ host: 'www2' }] },
  },
  {
    id: 'where-unquoted-is-field',
    page: PAGE,
    quote: 'Also, both commands interpret quoted strings as literals. If the string is not quoted, it is treated as a field name.',
    search: '| makeresults count=2 | streamstats count as n | eval host="www2", www2=if(n==1, "www2", "other") | where host=www2 | table n',
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'where-case-sensitive',
    page: PAGE,
    quote: 'The <eval-expression> is case-sensitive.',
    search: '| makeresults | eval host="www2" | where host="WWW2"',
    expected: { rows: [] },
  },
  {
    id: 'where-numeric-field-name',
    page: PAGE,
    quote:
      "`'5minutes'=\"late\"` This expression is a field name equal to a string value. Because the field starts with a numeric it must be enclosed in single quotations. Because the value is a string, it must be enclosed in double quotations.",
    search: "| makeresults count=2 | streamstats count as n | eval '5minutes'=if(n==1, \"late\", \"early\") | where '5minutes'=\"late\" | table n",
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'where-like-wildcard',
    page: PAGE,
    quote: 'The `where` command returns `like=TRUE` if the `ipaddress` field starts with the value `198.`.',
    search: '| makeresults count=2 | streamstats count as n | eval ipaddress=if(n==1, "198.51.100.4", "203.0.113.198") | where like(ipaddress, "198.%") | table ipaddress',
    expected: { rows: [{ ipaddress: '198.51.100.4' }] },
  },
  {
    id: 'where-like-or-cidrmatch',
    page: PAGE,
    quote: 'Return "CheckPoint" events that match the IP or is in the specified subnet. ... | where like(src, "10.9.165.%") OR cidrmatch("10.9.165.0/25", dst)',
    search:
      '| makeresults count=3 | streamstats count as n | eval src=case(n==1, "10.9.165.20", true(), "10.1.1.1"), dst=case(n==2, "10.9.165.100", true(), "10.9.165.200") | where like(src, "10.9.165.%") OR cidrmatch("10.9.165.0/25", dst) | table n',
    expected: { rows: [{ n: '1' }, { n: '2' }] },
  },
  {
    id: 'where-calculation',
    page: PAGE,
    quote: 'Return "physicsjobs" events with a speed is greater than 100. ... | where distance/time > 100',
    search: '| makeresults count=2 | streamstats count as n | eval distance=if(n==1, 500, 300), time=3 | where distance/time > 100 | table n',
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'where-and-before-or',
    page: PAGE,
    quote: 'The order in which Boolean expressions are evaluated with the `where` command is: 1. Expressions within parentheses 2. NOT clauses 3. AND clauses 4. OR clauses 5. XOR clauses',
    search: '| makeresults | eval a=1, b=0, c=0 | where a=1 OR b=1 AND c=1 | eval kept="yes"',
    expected: { field: 'kept', value: 'yes' },
  },
];
