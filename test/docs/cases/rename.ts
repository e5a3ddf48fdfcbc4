/** The rename command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/rename');

export const renameCases: DocCase[] = [
  {
    id: 'rename-phrase',
    page: PAGE,
    quote: 'Use quotation marks when you rename a field with a phrase. ... | rename SESSIONID AS "The session ID"',
    search: '| makeresults | eval SESSIONID="s-42" | rename SESSIONID AS "The session ID"',
    expected: { fields: { 'The session ID': 's-42', SESSIONID: null } },
  },
  {
    id: 'rename-wildcard-prefix',
    page: PAGE,
    quote: 'You can rename the fields to replace EU with EMEA: ... | rename EU* AS EMEA* The results show these field names: EMEA_UK EMEA_DE EMEA_PL',
    search: '| makeresults | eval EU_UK=1, EU_DE=2, EU_PL=3 | rename EU* AS EMEA*',
    expected: { fields: { EMEA_UK: '1', EMEA_DE: '2', EMEA_PL: '3', EU_UK: null } },
  },
  {
    id: 'rename-wildcard-mismatch',
    page: PAGE,
    quote:
      'For example, the following search fails because there is one wildcard character in the original name, but none in the name that replaces it: ... | rename price-a*price-b AS price-a\\price-b',
    search: "| makeresults | eval 'price-aXprice-b'=1 | rename price-a*price-b AS price-a\\price-b",
    expected: { error: true },
  },
  {
    id: 'rename-wildcards-match',
    page: PAGE,
    quote: 'The following search completes successfully because the number of wildcard characters in both names is the same. ... | rename price-a*price-b AS price-a*Newprice-b',
    search: '| makeresults | eval \'price-aXprice-b\'=1 | rename price-a*price-b AS price-a*Newprice-b',
    expected: { fields: { 'price-aXNewprice-b': '1', 'price-aXprice-b': null } },
  },
  {
    id: 'rename-one-field-twice',
    page: PAGE,
    quote: "You can't rename one field with multiple names. For example if you have field A, you can't specify | rename A as B, A as C .",
    search: '| makeresults | eval A=1 | rename A as B, A as C',
    expected: { error: true },
  },
  {
    id: 'rename-no-merge',
    page: PAGE,
    quote:
      '... | rename pid AS product_id would not merge the pid values into the product_id field. It overwrites product_id with Null values where pid does not exist for the event.',
    search: '| makeresults count=2 | streamstats count as n | eval pid=if(n==1, "p1", null()), product_id=if(n==2, "p2", null()) | rename pid AS product_id | table n product_id',
    expected: { rows: [{ n: '1', product_id: 'p1' }, { n: '2', product_id: null }] },
  },
  {
    id: 'rename-missing-source',
    page: PAGE,
    quote: 'Suppose you rename fieldA to fieldB, but fieldA does not exist. ... If fieldB does exist, the result of the rename is that the data in fieldB is removed. The data in fieldB will contain null values.',
    search: '| makeresults | eval fieldB="keep me?" | rename fieldA AS fieldB',
    expected: { field: 'fieldB', value: null },
  },
  {
    id: 'rename-missing-both',
    page: PAGE,
    quote: 'Suppose you rename fieldA to fieldB, but fieldA does not exist. If fieldB does not exist, nothing happens.',
    search: '| makeresults | eval other=1 | rename fieldA AS fieldB',
    expected: { fields: { other: '1', fieldA: null, fieldB: null } },
  },
  {
    id: 'rename-internal-field',
    page: PAGE,
    quote: 'Rename the "_ip" field to "IPAddress". ... | rename _ip AS IPAddress',
    search: '| makeresults | eval _ip="10.0.0.1" | rename _ip AS IPAddress',
    expected: { field: 'IPAddress', value: '10.0.0.1' },
  },
  {
    id: 'rename-usr-user',
    page: PAGE,
    quote: 'Rename fields that begin with "usr" to begin with "user". ... | rename usr* AS user*',
    search: '| makeresults | eval usr_name="ana", usrid=7 | rename usr* AS user*',
    expected: { fields: { user_name: 'ana', userid: '7', usr_name: null } },
  },
  {
    id: 'rename-count-spaces',
    page: PAGE,
    quote: 'Rename the "count" field. Names with spaces must be enclosed in quotation marks. ... | rename count AS "Count of Events"',
    search: '| makeresults count=3 | stats count | rename count AS "Count of Events"',
    expected: { fields: { 'Count of Events': '3', count: null } },
  },
];
