/** Multivalue eval functions. */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/multivalue-eval-functions');

const NAMES = '| makeresults | eval names=split("alex,celestino,claudia,david,ikraam,nyah,rutherford,wei", ",")';
const PONIES = '| makeresults | eval ponies=split("buttercup,dash,flutter,honey,ivory,minty,pinky,rarity", ",")';

/** The page's mvrange result: weekly steps from 1514834731, one hour shorter across the US daylight-saving change of 2018-03-11. */
const WEEKS = [
  '1514834731', '1515439531', '1516044331', '1516649131', '1517253931', '1517858731', '1518463531', '1519068331',
  '1519673131', '1520277931', '1520879131', '1521483931', '1522088731', '1522693531', '1523298331', '1523903131',
];

export const multivalueCases: DocCase[] = [
  {
    id: 'mv-commands',
    page: PAGE,
    quote:
      'The following example returns a multivalued field called x, that contains the commands `search`, `stats`, and `sort` which are the commands used in the search string specified.',
    search: '| makeresults | eval x=commands("search foo | stats count | sort count")',
    expected: { field: 'x', value: ['search', 'stats', 'sort'] },
  },
  {
    id: 'mv-mvappend-nested',
    page: PAGE,
    quote:
      'The results are placed in a new field called `ipaddresses`, which contains the array  `["localhost", <values_in_scrip>, <values_in_destip>, "192.168.1.1"]`.',
    search: '| makeresults | eval srcip="203.0.113.0", destip="203.0.113.255" | eval ipaddresses=mvappend(mvappend("localhost", srcip), destip, "192.168.1.1")',
    expected: { field: 'ipaddresses', value: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] },
  },
  {
    id: 'mv-mvappend-flat',
    page: PAGE,
    quote:
      'If the first value in the `srcip` field is 203.0.113.0 and the first value in the `destip` field is 203.0.113.255, the results look something like this: | time | ipaddresses | | 2024-11-19 16:43:31 | localhost  203.0.113.0  203.0.113.255  192.168.1.1 |',
    search: '| makeresults | eval srcip="203.0.113.0", destip="203.0.113.255" | eval ipaddresses=mvappend("localhost", srcip, destip, "192.168.1.1")',
    expected: { field: 'ipaddresses', value: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] },
  },
  {
    id: 'mv-mvcount-multivalue',
    page: PAGE,
    quote: 'If the field is a multivalue field, this function returns the number of values in that field.',
    search: '| makeresults | eval multifield=split("a,b,c", ",") | eval n=mvcount(multifield)',
    expected: { field: 'n', value: '3' },
  },
  {
    id: 'mv-mvcount-single',
    page: PAGE,
    quote: 'If only a single email address exists in the `From` field, as you would expect, mvcount(From) returns 1.',
    search: '| makeresults | eval From="alice@example.com" | eval From_count=mvcount(From)',
    expected: { field: 'From_count', value: '1' },
  },
  {
    id: 'mv-mvcount-missing',
    page: PAGE,
    quote: 'If there is no `Cc` address, the `Cc` field might not exist for the event. In that situation mvcount(cc) returns NULL.',
    search: '| makeresults | eval Cc_count= mvcount(Cc)',
    expected: { field: 'Cc_count', value: null },
  },
  {
    id: 'mv-mvcount-split-addresses',
    page: PAGE,
    quote:
      'In the following example, the `mvcount()` function returns the number of email addresses in the `To`, `From`, and `Cc` fields ... This search takes the values in the `To` field and uses the split function to separate the email address on the @ symbol.',
    search: '| makeresults | eval To="alice@example.com,bob@example.org" | eval To_count=mvcount(split(To,"@"))-1',
    expected: { field: 'To_count', value: '2' },
  },
  {
    id: 'mv-mvfilter',
    page: PAGE,
    quote: 'The following example returns all of the values in field `email`  that end in `.net` or `.org`.',
    search:
      '| makeresults | eval email=split("a@example.net,b@example.com,c@example.org", ",") | eval n=mvfilter(match(email, "\\.net$") OR match(email, "\\.org$"))',
    expected: { field: 'n', value: ['a@example.net', 'c@example.org'] },
  },
  {
    id: 'mv-mvfind-match',
    page: PAGE,
    quote: 'If a match exists, the index of the first matching value is returned (beginning with zero).',
    search: '| makeresults | eval mymvfield=split("ok,err42,err7", ",") | eval n=mvfind(mymvfield, "err\\d+")',
    expected: { field: 'n', value: '1' },
  },
  {
    id: 'mv-mvfind-none',
    page: PAGE,
    quote: 'If no values match, NULL is returned.',
    search: '| makeresults | eval mymvfield=split("ok,fine", ",") | eval n=mvfind(mymvfield, "err\\d+")',
    expected: { field: 'n', value: null },
  },
  {
    id: 'mv-mvindex-2',
    page: PAGE,
    quote: 'Because indexes start at zero, the following example returns the value `claudia`:',
    search: `${NAMES} | eval my_names=mvindex(names,2)`,
    expected: { field: 'my_names', value: 'claudia' },
  },
  {
    id: 'mv-mvindex-0-3',
    page: PAGE,
    quote: 'The results look like this: | my_names | | alex,celestino,claudia,david |',
    search: `${NAMES} | eval my_names=mvindex(names,0,3)`,
    expected: { field: 'my_names', value: ['alex', 'celestino', 'claudia', 'david'] },
  },
  {
    id: 'mv-mvindex-last',
    page: PAGE,
    quote: 'The results look like this: | my_ponies | | rarity |',
    search: `${PONIES} | eval my_ponies=mvindex(ponies,-1)`,
    expected: { field: 'my_ponies', value: 'rarity' },
  },
  {
    id: 'mv-mvindex-third-from-end',
    page: PAGE,
    quote: 'To return the 3rd value from the end, you would specify the index number `-3`. ... | my_ponies | | minty |',
    search: `${PONIES} | eval my_ponies=mvindex(ponies,-3)`,
    expected: { field: 'my_ponies', value: 'minty' },
  },
  {
    id: 'mv-mvindex-last-three',
    page: PAGE,
    quote: 'The results look like this: | my_ponies | | minty,pinky,rarity |',
    search: `${PONIES} | eval my_ponies=mvindex(ponies, -3, -1)`,
    expected: { field: 'my_ponies', value: ['minty', 'pinky', 'rarity'] },
  },
  {
    id: 'mv-mvindex-out-of-range',
    page: PAGE,
    quote: 'If the indexes are out of range or invalid, the result is NULL.',
    search: `${NAMES} | eval my_names=mvindex(names,8)`,
    expected: { field: 'my_names', value: null },
  },
  {
    id: 'mv-mvjoin-or',
    page: PAGE,
    quote: 'You want to create a single value field instead, with OR as the delimiter. For example "1 OR 2 OR 3 OR 4 OR 5".',
    search: `| makeresults | eval base=mvrange(1,6), joined=mvjoin('base'," OR ")`,
    expected: { fields: { base: ['1', '2', '3', '4', '5'], joined: '1 OR 2 OR 3 OR 4 OR 5' } },
  },
  {
    id: 'mv-mvjoin-semicolon',
    page: PAGE,
    quote: 'The following example joins together the individual values of "myfield" using a semicolon as the delimiter:',
    search: '| makeresults | eval myfield=split("a,b,c", ",") | eval n=mvjoin(myfield, ";")',
    expected: { field: 'n', value: 'a;b;c' },
  },
  {
    id: 'mv-mvmap-times-10',
    page: PAGE,
    quote: 'The following example multiplies each value in the `results` field by 10.',
    search: '| makeresults | eval results=mvappend(1, 2, 3) | eval n=mvmap(results, results*10)',
    expected: { field: 'n', value: ['10', '20', '30'] },
  },
  {
    id: 'mv-mvmap-threshold',
    page: PAGE,
    quote: 'The following example multiplies each value in the `results` field by `threshold`, where `threshold` is a single-valued field.',
    search: '| makeresults | eval results=mvappend(1, 2, 3), threshold=5 | eval n=mvmap(results, results*threshold)',
    expected: { field: 'n', value: ['5', '10', '15'] },
  },
  {
    id: 'mv-mvmap-mvindex',
    page: PAGE,
    quote: 'The following example multiplies the 2nd and 3rd values in the `results` field by `threshold`, where `threshold` is a single-valued field.',
    search: '| makeresults | eval results=mvappend(1, 2, 3, 4), threshold=5 | eval n=mvmap(mvindex(results, 1,2), results*threshold)',
    expected: { field: 'n', value: ['10', '15'] },
  },
  {
    id: 'mv-mvrange-step',
    page: PAGE,
    quote: 'The following example returns a multivalue field with the values 1, 3, 5, 7, 9.',
    search: '| makeresults | eval mv=mvrange(1,11,2)',
    expected: { field: 'mv', value: ['1', '3', '5', '7', '9'] },
  },
  {
    id: 'mv-mvrange-7d',
    page: PAGE,
    quote:
      'This example returns a multivalue field with the UNIX timestamps. ... | _time | mv | | 2018-04-10 12:31:03 | 1514834731   1515439531  1516044331  1516649131  1517253931  1517858731  1518463531  1519068331  1519673131  1520277931  1520879131  1521483931  1522088731  1522693531  1523298331  1523903131 |',
    search: '| makeresults | eval mv=mvrange(1514834731,1524134919,"7d")',
    expected: { field: 'mv', value: WEEKS },
    tz: 'America/Los_Angeles',
    note: 'The step from 1520277931 to 1520879131 is 7 days less an hour: the page ran in a US zone, across the 2018-03-11 change to daylight-saving time.',
  },
  {
    id: 'mv-mvreverse-split',
    page: PAGE,
    quote: 'The `mvreverse` command reverses the order of the values in a multivalue field. ... | makeresults | eval a=mvreverse(split("1,2,3", ","))',
    search: '| makeresults | eval a=mvreverse(split("1,2,3", ","))',
    expected: { field: 'a', value: ['3', '2', '1'] },
  },
  {
    id: 'mv-mvreverse-tokenizer',
    page: PAGE,
    quote: 'The following example reverses the order of the values in the multivalue field `myfield`.',
    search: '| makeresults | eval myfield = "one,two,three" | makemv tokenizer = "([^,]+),?" myfield | eval new_myfield = mvreverse(myfield)',
    expected: { fields: { myfield: ['one', 'two', 'three'], new_myfield: ['three', 'two', 'one'] } },
  },
  {
    id: 'mv-mvreverse-mvappend',
    page: PAGE,
    quote: 'The following example reverses the order of the values in the multivalue field `myfield` by changing `"1", "2", "3"` to `"3", "2", "1"`.',
    search: '| makeresults | eval myfield = mvreverse(mvappend("1", "2", "3"))',
    expected: { field: 'myfield', value: ['3', '2', '1'] },
  },
  {
    id: 'mv-mvreverse-new-field',
    page: PAGE,
    quote: 'The following example reverses the order of the values in multivalue field `myfield` from `"1","2","3"` to `"3", "2", "1"` in multivalue field `new_myfield`.',
    search: '| makeresults | eval myfield = mvappend("1","2","3"), new_myfield=mvreverse(myfield)',
    expected: { fields: { myfield: ['1', '2', '3'], new_myfield: ['3', '2', '1'] } },
  },
  {
    id: 'mv-mvsort-lexicographic',
    page: PAGE,
    quote: 'For example, the numbers 10, 9, 70, 100 are sorted lexicographically as 10, 100, 70, 9.',
    search: '| makeresults | eval mvfield=mvappend("10", "9", "70", "100") | eval s=mvsort(mvfield)',
    expected: { field: 's', value: ['10', '100', '70', '9'] },
  },
  {
    id: 'mv-mvsort-case',
    page: PAGE,
    quote: 'Numbers are sorted before letters. ... Uppercase letters are sorted before lowercase letters.',
    search: '| makeresults | eval mvfield=mvappend("banana", "Cherry", "apple", "42") | eval s=mvsort(mvfield)',
    expected: { field: 's', value: ['42', 'Cherry', 'apple', 'banana'] },
  },
  {
    id: 'mv-mvzip-default-delimiter',
    page: PAGE,
    quote:
      'The values are stitched together combining the first value of <mv_left> with the first value of field <mv_right>, then the second with the second, and so on. The delimiter is optional, but when specified must be enclosed in quotation marks. The default delimiter is a comma ( , ).',
    search: '| makeresults | eval hosts=mvappend("web1", "web2"), ports=mvappend("80", "443") | eval nserver=mvzip(hosts,ports)',
    expected: { field: 'nserver', value: ['web1,80', 'web2,443'] },
  },
  {
    id: 'mv-mvzip-nested',
    page: PAGE,
    quote:
      'You can nest several `mvzip` functions together to create a single multivalued field `three_fields` from three separate fields. The pipe ( | ) character is used as the separator between the field values.',
    search:
      '| makeresults | eval field1=mvappend("a", "b"), field2=mvappend("c", "d"), field3=mvappend("e", "f") | eval three_fields=mvzip(mvzip(field1,field2,"|"),field3,"|")',
    expected: { field: 'three_fields', value: ['a|c|e', 'b|d|f'] },
  },
  {
    id: 'mv-mv-to-json-array-strings',
    page: PAGE,
    quote: 'The resulting array looks like this: `["\\"Buttercup\\"","\\"Fluttershy\\"","\\"Rarity\\"","true","null"]`',
    search:
      '| makeresults | eval ponies = mvappend("\\"Buttercup\\"", "\\"Fluttershy\\"", "\\"Rarity\\"", "true", "null") | eval my_sweet_ponies = mv_to_json_array(ponies, false())',
    expected: { field: 'my_sweet_ponies', value: '["\\"Buttercup\\"","\\"Fluttershy\\"","\\"Rarity\\"","true","null"]' },
  },
  {
    id: 'mv-mv-to-json-array-infer',
    page: PAGE,
    quote: 'The resulting array looks like this: `["Buttercup","Fluttershy","Rarity",true,null]`',
    search:
      '| makeresults | eval ponies = mvappend("\\"Buttercup\\"", "\\"Fluttershy\\"", "\\"Rarity\\"", "true", "null") | eval my_sweet_ponies = mv_to_json_array(ponies, true())',
    expected: { field: 'my_sweet_ponies', value: '["Buttercup","Fluttershy","Rarity",true,null]' },
  },
  {
    id: 'mv-split-characters',
    page: PAGE,
    quote: 'Use an empty string `("")` to split the original string into one value per character. For example, the following search splits the string into `a`, `b`, `c`, and `d`.',
    search: '|makeresults |eval test="abcd" |eval results=split(test,"")',
    expected: { field: 'results', value: ['a', 'b', 'c', 'd'] },
  },
  {
    id: 'mv-split-semicolon',
    page: PAGE,
    quote:
      'Now each of the pony names in the `test` event is a field in a multivalue field. The results look something like this: | _time | ponies | test | | 2022-09-20 18:22:03 | buttercup   rarity   tenderhoof  dash  mcintosh  fleetfoot  mistmane | buttercup;rarity;tenderhoof;dash;mcintosh;fleetfoot;mistmane |',
    search: '| makeresults | eval test="buttercup;rarity;tenderhoof;dash;mcintosh;fleetfoot;mistmane" | eval ponies=split(test,";")',
    expected: {
      fields: {
        ponies: ['buttercup', 'rarity', 'tenderhoof', 'dash', 'mcintosh', 'fleetfoot', 'mistmane'],
        test: 'buttercup;rarity;tenderhoof;dash;mcintosh;fleetfoot;mistmane',
      },
    },
  },
  {
    id: 'mv-split-string-delimiter',
    page: PAGE,
    quote: 'The results look something like this. | _time | results | test | | 2023-01-23 12:18:11 | 1a2b3c4   567890 | 1a2b3c4def567890 |',
    search: '|makeresults |eval test="1a2b3c4def567890" |eval results=split(test,"def")',
    expected: { field: 'results', value: ['1a2b3c4', '567890'] },
  },
  {
    id: 'mv-split-double-colon',
    page: PAGE,
    quote: 'The results look something like this. ... | _time | results | test | | 2023-01-23 12:18:11 | name   value | name::value |',
    search: '| makeresults |eval test="name::value"|eval results=split(test,"::")',
    expected: { field: 'results', value: ['name', 'value'] },
  },
];
