/** Comparison and Conditional functions (eval). */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/comparison-and-conditional-functions');

/** Nine results whose status field takes the values of the page's status column, in order. */
const statuses = (values: number[]): string =>
  `| makeresults count=${values.length} | streamstats count as n | eval status=case(${values
    .map((v, i) => `n==${i + 1}, ${v}`)
    .join(', ')})`;

export const conditionalCases: DocCase[] = [
  {
    id: 'cond-case-status',
    page: PAGE,
    quote:
      'The following example returns descriptions for the corresponding http status code. ... | status | description | | 200 | OK | | 200 | OK | | 408 |  | | 200 | OK | | 404 | Not found | | 200 | OK | | 406 |  | | 500 | Internal Server Error | | 200 | OK |',
    search: `${statuses([200, 200, 408, 200, 404, 200, 406, 500, 200])} | eval description=case(status==200, "OK", status==404, "Not found", status==500, "Internal Server Error") | table status description`,
    expected: {
      rows: [
        { status: '200', description: 'OK' },
        { status: '200', description: 'OK' },
        { status: '408', description: null },
        { status: '200', description: 'OK' },
        { status: '404', description: 'Not found' },
        { status: '200', description: 'OK' },
        { status: '406', description: null },
        { status: '500', description: 'Internal Server Error' },
        { status: '200', description: 'OK' },
      ],
    },
    note: 'The status values of the tutorial data are built with makeresults, in the order of the table.',
  },
  {
    id: 'cond-true-default',
    page: PAGE,
    quote:
      'If the values in the status field are not 200, or 404, the value used is Other. ... | status | description | | 200 | OK | | 200 | OK | | 408 | Other | | 200 | OK | | 404 | Not found | | 200 | OK | | 200 | OK | | 406 | Other | | 200 | OK |',
    search: `${statuses([200, 200, 408, 200, 404, 200, 200, 406, 200])} | eval description=case(status==200,"OK", status==404, "Not found", true(), "Other") | table status description`,
    expected: {
      rows: [
        { status: '200', description: 'OK' },
        { status: '200', description: 'OK' },
        { status: '408', description: 'Other' },
        { status: '200', description: 'OK' },
        { status: '404', description: 'Not found' },
        { status: '200', description: 'OK' },
        { status: '200', description: 'OK' },
        { status: '406', description: 'Other' },
        { status: '200', description: 'OK' },
      ],
    },
  },
  {
    id: 'cond-cidrmatch-ipv4-eval',
    page: PAGE,
    quote: 'The IP address is not in the subnet, so search displays `false` in the `result` field.',
    search: '| makeresults | eval subnet="192.0.2.0/24", ip="192.0.3.0" | eval result=if(cidrmatch(subnet, ip), "true", "false")',
    expected: { fields: { ip: '192.0.3.0', result: 'false', subnet: '192.0.2.0/24' } },
  },
  {
    id: 'cond-cidrmatch-ipv4-where',
    page: PAGE,
    quote: 'The IP address is located within the subnet, so it is displayed in the search results, which look like this. | time | ip | | 2020-11-19 16:43:31 | 192.0.2.56 |',
    search: '| makeresults | eval ip="192.0.2.56" | where cidrmatch("192.0.2.0/24", ip)',
    expected: { rows: [{ ip: '192.0.2.56' }] },
  },
  {
    id: 'cond-cidrmatch-ipv4-search',
    page: PAGE,
    quote: 'Note that you can get the same results when using the search command, as shown in this example. ... | time | ip | | 2020-11-19 16:43:31 | 192.0.2.56 |',
    search: '| makeresults | eval ip="192.0.2.56" | search ip="192.0.2.0/24"',
    expected: { rows: [{ ip: '192.0.2.56' }] },
  },
  {
    id: 'cond-cidrmatch-ipv6-eval',
    page: PAGE,
    quote: 'The IP address is located within the subnet, so search displays `true`in the `result` field.',
    search:
      '| makeresults | eval subnet="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120", ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | eval result = if(cidrmatch(subnet, ip), "true", "false")',
    expected: { field: 'result', value: 'true' },
  },
  {
    id: 'cond-cidrmatch-ipv6-where',
    page: PAGE,
    quote:
      'This search compares the CIDR IPv6 addresses with the specified subnet and filters the search results by returning only the IP addresses that are in the subnet. ... | time | ip | | 2020-11-19 16:43:31 | 2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99 |',
    search:
      '| makeresults | eval ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | where cidrmatch("2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120", ip)',
    expected: { rows: [{ ip: '2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99' }] },
  },
  {
    id: 'cond-cidrmatch-islocal-match',
    page: PAGE,
    quote:
      'The following example uses the `cidrmatch` and `if` functions to set a field, `isLocal`, to "local" if the field `ip` matches the subnet. If the `ip` field does not match the subnet, the `isLocal` field is set to "not local".',
    search: '| makeresults | eval ip="123.132.32.100" | eval isLocal=if(cidrmatch("123.132.32.0/25",ip), "local", "not local")',
    expected: { field: 'isLocal', value: 'local' },
    note: 'ip chosen inside 123.132.32.0/25 (addresses .0 to .127).',
  },
  {
    id: 'cond-cidrmatch-islocal-nomatch',
    page: PAGE,
    quote:
      'The following example uses the `cidrmatch` and `if` functions to set a field, `isLocal`, to "local" if the field `ip` matches the subnet. If the `ip` field does not match the subnet, the `isLocal` field is set to "not local".',
    search: '| makeresults | eval ip="123.132.32.200" | eval isLocal=if(cidrmatch("123.132.32.0/25",ip), "local", "not local")',
    expected: { field: 'isLocal', value: 'not local' },
    note: 'ip chosen outside 123.132.32.0/25 (addresses .0 to .127).',
  },
  {
    id: 'cond-cidrmatch-where-filter',
    page: PAGE,
    quote: 'The following example uses the `cidrmatch` function as a filter to remove events that do not match the `ip` address:',
    search:
      '| makeresults count=2 | streamstats count as n | eval ip=if(n==1, "123.132.32.7", "123.132.33.7") | where cidrmatch("123.132.32.0/25", ip) | table ip',
    expected: { rows: [{ ip: '123.132.32.7' }] },
  },
  {
    id: 'cond-coalesce-first',
    page: PAGE,
    quote:
      'If both the `clientip` and `ipaddress` field exist in the event, this function returns the first argument, the `clientip` field.',
    search: '| makeresults | eval clientip="192.0.2.1", ipaddress="198.51.100.2" | eval ip=coalesce(clientip,ipaddress)',
    expected: { field: 'ip', value: '192.0.2.1' },
  },
  {
    id: 'cond-coalesce-second',
    page: PAGE,
    quote:
      'This example defines a new field called `ip`, that takes the value of either the `clientip` field or `ipaddress` field, depending on which field is not NULL (does not exist in that event).',
    search: '| makeresults | eval ipaddress="198.51.100.2" | eval ip=coalesce(clientip,ipaddress)',
    expected: { field: 'ip', value: '198.51.100.2' },
  },
  {
    id: 'cond-if-ok',
    page: PAGE,
    quote: 'If `error=200`, the function returns `err=OK`. Otherwise the function returns `err=Error`.',
    search: '| makeresults | eval error=200 | eval err=if(error == 200, "OK", "Error")',
    expected: { field: 'err', value: 'OK' },
  },
  {
    id: 'cond-if-error',
    page: PAGE,
    quote: 'If `error=200`, the function returns `err=OK`. Otherwise the function returns `err=Error`.',
    search: '| makeresults | eval error=404 | eval err=if(error == 200, "OK", "Error")',
    expected: { field: 'err', value: 'Error' },
  },
  {
    id: 'cond-in-where',
    page: PAGE,
    quote:
      'The following example uses the `where` command to return `in=TRUE` if one of the values in the `status` field matches one of the values in the list.',
    search:
      '| makeresults count=2 | streamstats count as n | eval status=if(n==1, "404", "200") | where status in("400", "401", "403", "404") | table status',
    expected: { rows: [{ status: '404' }] },
  },
  {
    id: 'cond-in-if',
    page: PAGE,
    quote: 'The evaluation expression returns TRUE if the value in the `status` field matches one of the values in the list.',
    search: '| makeresults | eval status="failure" | eval error=if(in(status, "error", "failure", "severe"),"true","false")',
    expected: { field: 'error', value: 'true' },
  },
  {
    id: 'cond-in-value-in-fields',
    page: PAGE,
    quote:
      'The following example uses the `where` command to return `in=TRUE` if the value `203.0.113.255` appears in either the `ipaddress` or `clientip` fields.',
    search:
      '| makeresults count=2 | streamstats count as n | eval ipaddress="198.51.100.1", clientip=if(n==1, "203.0.113.255", "203.0.113.1") | where "203.0.113.255" in(ipaddress, clientip) | table clientip',
    expected: { rows: [{ clientip: '203.0.113.255' }] },
  },
  {
    id: 'cond-in-status-error',
    page: PAGE,
    quote:
      'The value of `true` is placed in the new field `error` if the `status` field contains one of the values 404, 500, or 503.',
    search:
      '| makeresults count=2 | streamstats count as n | eval status=if(n==1, "500", "200") | eval error=if(in(status, "404","500","503"),"true","false") | table status error',
    expected: {
      rows: [
        { status: '500', error: 'true' },
        { status: '200', error: 'false' },
      ],
    },
  },
  {
    id: 'cond-like-prefix',
    page: PAGE,
    quote: 'The following example returns `like=TRUE` if the field value starts with foo:',
    search:
      '| makeresults count=2 | streamstats count as n | eval field=if(n==1, "foobar", "barfoo") | eval is_a_foo=if(like(field, "foo%"), "yes a foo", "not a foo") | table field is_a_foo',
    expected: {
      rows: [
        { field: 'foobar', is_a_foo: 'yes a foo' },
        { field: 'barfoo', is_a_foo: 'not a foo' },
      ],
    },
  },
  {
    id: 'cond-like-where',
    page: PAGE,
    quote:
      'The following example uses the `where` command to return `like=TRUE` if the `ipaddress` field starts with the value `198.`. The percent ( % ) symbol is a wildcard with the `like` function:',
    search:
      '| makeresults count=2 | streamstats count as n | eval ipaddress=if(n==1, "198.51.100.7", "10.198.0.1") | where like(ipaddress, "198.%") | table ipaddress',
    expected: { rows: [{ ipaddress: '198.51.100.7' }] },
  },
  {
    id: 'cond-lookup-array',
    knownDifference: "error: spelunk does not support the eval function 'lookup'",
    page: PAGE,
    quote:
      'This search returns: `output={"status_description":["OK","Created","Accepted","Non-Authoritative Information","No Content","Reset Content","Partial Content"]}`',
    search:
      '| makeresults | eval type = "Successful" | eval output=lookup("http_status.csv", json_object("status_type", type), json_array("status_description"))',
    expected: {
      field: 'output',
      value: '{"status_description":["OK","Created","Accepted","Non-Authoritative Information","No Content","Reset Content","Partial Content"]}',
    },
    note: 'http_status.csv is the lookup file that ships with Splunk Enterprise.',
  },
  {
    id: 'cond-lookup-pairs',
    knownDifference: "error: spelunk does not support the eval function 'lookup'",
    page: PAGE,
    quote: 'This search returns: `output={"status_description":"OK"}`',
    search:
      '| makeresults | eval type = "Successful", status="200" | eval output=lookup("http_status.csv", json_object("status_type", type, "status", status), json_array("status_description"))',
    expected: { field: 'output', value: '{"status_description":"OK"}' },
    note: 'http_status.csv is the lookup file that ships with Splunk Enterprise.',
  },
  {
    id: 'cond-match-ip',
    page: PAGE,
    quote: 'The following example returns TRUE if, and only if, `field` matches the basic pattern of an IP address.',
    search:
      '| makeresults count=2 | streamstats count as n | eval field=if(n==1, "192.0.2.10", "host 192.0.2.10") | eval n=if(match(field, "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"), 1, 0) | table field n',
    expected: {
      rows: [
        { field: '192.0.2.10', n: '1' },
        { field: 'host 192.0.2.10', n: '0' },
      ],
    },
  },
  {
    id: 'cond-match-substring',
    page: PAGE,
    quote:
      'This function returns TRUE if the regular expression `<regex>` finds a match against any substring of the string value `<str>`. Otherwise returns FALSE.',
    search: '| makeresults | eval test="oh yes indeed" | eval matches = if(match(test,"yes"), 1, 0)',
    expected: { field: 'matches', value: '1' },
  },
  {
    id: 'cond-nullif-ponies',
    page: PAGE,
    quote:
      'The results look like this: | _time | names | ponies | | 2022-10-17 14:57:12 | buttercup | mistmane | | 2022-10-17 14:57:12 | rarity | rarity | | 2022-10-17 14:57:12 | tenderhoof | tenderhoof | | 2022-10-17 14:57:12 | dash | dash |',
    search:
      '| makeresults | eval names="buttercup rarity tenderhoof dash" | makemv delim=" " names | mvexpand names | eval ponies = if(names="buttercup", "mistmane", names)',
    expected: {
      rows: [
        { names: 'buttercup', ponies: 'mistmane' },
        { names: 'rarity', ponies: 'rarity' },
        { names: 'tenderhoof', ponies: 'tenderhoof' },
        { names: 'dash', ponies: 'dash' },
      ],
    },
  },
  {
    id: 'cond-nullif-compare',
    page: PAGE,
    quote:
      'If the values are different, the value from the first field specified are displayed in the `compare` field. If the values are the same, no value is returned. ... | _time | compare | names | ponies | | 2022-10-17 14:57:12 | buttercup | buttercup | mistmane | | 2022-10-17 14:57:12 |  | rarity | rarity | | 2022-10-17 14:57:12 |  | tenderhoof | tenderhoof | | 2022-10-17 14:57:12 |  | dash | dash |',
    search:
      '| makeresults | eval names="buttercup rarity tenderhoof dash" | makemv delim=" " names | mvexpand names | eval ponies = if(names="buttercup", "mistmane", names) | eval compare = nullif(names, ponies)',
    expected: {
      rows: [
        { compare: 'buttercup', names: 'buttercup', ponies: 'mistmane' },
        { compare: null, names: 'rarity', ponies: 'rarity' },
        { compare: null, names: 'tenderhoof', ponies: 'tenderhoof' },
        { compare: null, names: 'dash', ponies: 'dash' },
      ],
    },
  },
  {
    id: 'cond-searchmatch-as-written',
    knownDifference: "error: makeresults: unexpected '1'.",
    page: PAGE,
    quote: 'The result of the `if` function is `yes`; the results match the search string specified with the `searchmatch` function.',
    search:
      '| makeresults 1 | eval _raw = "x=hi y=bye" | eval x="hi" | eval y="bye" | eval test=if(searchmatch("x=hi y=*"), "yes", "no") | table _raw test x y',
    expected: { fields: { _raw: 'x=hi y=bye', test: 'yes', x: 'hi', y: 'bye' } },
    note: 'Verbatim, including `makeresults 1` (a count without count=).',
  },
  {
    id: 'cond-searchmatch-count',
    page: PAGE,
    quote: 'The result of the `if` function is `yes`; the results match the search string specified with the `searchmatch` function.',
    search:
      '| makeresults count=1 | eval _raw = "x=hi y=bye" | eval x="hi" | eval y="bye" | eval test=if(searchmatch("x=hi y=*"), "yes", "no") | table _raw test x y',
    expected: { fields: { _raw: 'x=hi y=bye', test: 'yes', x: 'hi', y: 'bye' } },
    note: 'The page example with `makeresults 1` written as `makeresults count=1`.',
  },
  {
    id: 'cond-validate-not-integer',
    page: PAGE,
    quote:
      'This function takes a list of conditions and values and returns the value that corresponds to the condition that evaluates to FALSE. This function defaults to NULL if all conditions evaluate to TRUE.',
    search:
      '| makeresults | eval port="http" | eval n=validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")',
    expected: { field: 'n', value: 'ERROR: Port is not an integer' },
  },
  {
    id: 'cond-validate-out-of-range',
    page: PAGE,
    quote:
      'This function takes a list of conditions and values and returns the value that corresponds to the condition that evaluates to FALSE. This function defaults to NULL if all conditions evaluate to TRUE.',
    search:
      '| makeresults | eval port=70000 | eval n=validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")',
    expected: { field: 'n', value: 'ERROR: Port is out of range' },
  },
  {
    id: 'cond-validate-valid',
    page: PAGE,
    quote:
      'This function takes a list of conditions and values and returns the value that corresponds to the condition that evaluates to FALSE. This function defaults to NULL if all conditions evaluate to TRUE.',
    search:
      '| makeresults | eval port=443 | eval n=validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")',
    expected: { field: 'n', value: null },
  },
];
