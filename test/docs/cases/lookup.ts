/** The lookup and inputlookup commands, over the tables in test/docs/fixtures/lookups. */
import { page, type DocCase } from './types.js';

const LOOKUP = page('search-commands/lookup');
const INPUTLOOKUP = page('search-commands/inputlookup');

const PRICES = [
  { productId: 'DB-SG-G01', product_name: 'Mediocre Kingdoms', price: '24.99', sale_price: '19.99', Code: 'A' },
  { productId: 'DC-SG-G02', product_name: 'Dream Crusher', price: '39.99', sale_price: '24.99', Code: 'B' },
  { productId: 'FS-SG-G03', product_name: 'Final Sequel', price: '24.99', sale_price: '16.99', Code: 'C' },
  { productId: 'WC-SH-G04', product_name: 'World of Cheese', price: '24.99', sale_price: '19.99', Code: 'D' },
];
const PRICES_QUOTE =
  'The prices.csv file contains the product names, price, and code. For example: | productId | product_name | price | sale_price | Code | | DB-SG-G01 | Mediocre Kingdoms | 24.99 | 19.99 | A | | DC-SG-G02 | Dream Crusher | 39.99 | 24.99 | B | | FS-SG-G03 | Final Sequel | 24.99 | 16.99 | C | | WC-SH-G04 | World of Cheese | 24.99 | 19.99 | D |';

export const lookupCases: DocCase[] = [
  {
    id: 'lookup-as-output-as',
    page: LOOKUP,
    quote:
      'For each event, the following search checks to see if the value in the field local_user has a corresponding value in the user field in the lookup table. For any entries that match, the value of the group field in the lookup table is written to the field user_group in the event.',
    search: '| makeresults count=2 | streamstats count as n | eval local_user=if(n==1, "bo", "nobody") | lookup usertogroup user as local_user OUTPUT group as user_group | table local_user user_group',
    expected: { rows: [{ local_user: 'bo', user_group: 'analysts' }, { local_user: 'nobody', user_group: null }] },
  },
  {
    id: 'lookup-outputnew-product',
    page: LOOKUP,
    quote: 'The lookup command uses the prices_lookup to match the Code field in each event and return the product names.',
    search: '| makeresults | eval Code="B", VendorID=1043 | lookup prices_lookup Code OUTPUTNEW product_name',
    expected: { field: 'product_name', value: 'Dream Crusher' },
  },
  {
    id: 'lookup-outputnew-keeps',
    page: LOOKUP,
    quote: 'If the OUTPUTNEW clause is specified, the lookup is not performed for events in which the output fields already exist.',
    search: '| makeresults | eval Code="B", product_name="already here" | lookup prices_lookup Code OUTPUTNEW product_name',
    expected: { field: 'product_name', value: 'already here' },
  },
  {
    id: 'lookup-output-overwrites',
    page: LOOKUP,
    quote: 'If the OUTPUT clause is specified, the output lookup fields overwrite existing fields.',
    search: '| makeresults | eval Code="B", product_name="already here" | lookup prices_lookup Code OUTPUT product_name',
    expected: { field: 'product_name', value: 'Dream Crusher' },
  },
  {
    id: 'lookup-all-fields',
    page: LOOKUP,
    quote: 'When using the lookup command, if an OUTPUT or OUTPUTNEW clause is not specified, all of the fields in the lookup table that are not the match fields are used as output fields.',
    search: '| makeresults | eval Code="A" | lookup prices_lookup Code',
    expected: { fields: { productId: 'DB-SG-G01', product_name: 'Mediocre Kingdoms', price: '24.99', sale_price: '19.99', Code: 'A' } },
  },
  {
    id: 'lookup-ipv6-cidr',
    page: LOOKUP,
    quote: 'The IP address is in the subnet, so the search displays true in the expected field. ... | time | expected | ip | | 2020-11-19 16:43:31 | true | 2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99 |',
    search: '| makeresults | eval ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | lookup ipv6test ip OUTPUT expected',
    expected: { fields: { expected: 'true', ip: '2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99' } },
  },
  {
    id: 'inputlookup-file',
    page: INPUTLOOKUP,
    quote: `Use the inputlookup command to search the contents of a lookup table. ... ${PRICES_QUOTE}`,
    search: '| inputlookup prices.csv',
    expected: { rows: PRICES },
  },
  {
    id: 'inputlookup-definition',
    page: INPUTLOOKUP,
    quote: '<tablename> ... Description: The name of the lookup table as specified by a stanza name in the transforms.conf file.',
    search: '| inputlookup prices_lookup',
    expected: { rows: PRICES },
  },
  {
    id: 'inputlookup-start',
    page: INPUTLOOKUP,
    quote: 'start ... Description: Specify the 0-based offset of the first event to read. If start=0 , it begins with the first event. If start=4 , it begins with the fifth event.',
    search: '| inputlookup start=2 prices.csv',
    expected: { rows: PRICES.slice(2) },
  },
  {
    id: 'inputlookup-max',
    page: INPUTLOOKUP,
    quote: 'max ... Description: Specify the maximum number of events to be read from the file.',
    search: '| inputlookup max=2 prices.csv',
    expected: { rows: PRICES.slice(0, 2) },
  },
  {
    id: 'inputlookup-where',
    page: INPUTLOOKUP,
    quote:
      'WHERE clause ... Use this clause to improve search performance by prefiltering data returned from the lookup table. Supports a limited set of search query operators: =, !=, <, >, <=, >=, AND, OR, NOT. Any combination of these operators is permitted. Also supports wildcard string searches.',
    search: '| inputlookup prices.csv WHERE (price<30) AND (product_name="F*")',
    expected: { rows: [PRICES[2]!] },
  },
  {
    id: 'inputlookup-where-count',
    page: INPUTLOOKUP,
    quote: 'Provide a count of the events received from the table. ... | inputlookup kvstorecoll_lookup where (CustID>500) AND (CustName="P*") | stats count',
    search: '| inputlookup prices_lookup where (sale_price>17) AND NOT (Code="B") | stats count',
    expected: { field: 'count', value: '2' },
  },
  {
    id: 'inputlookup-missing-file',
    knownDifference: "fails with an error instead of a warning and no results: The lookup table 'no_such_table.csv' does not exist or is not available.",
    page: INPUTLOOKUP,
    quote: 'The name of the lookup file must end with .csv or .csv.gz . If the lookup does not exist, a warning message is displayed (but no syntax error is generated).',
    search: '| inputlookup no_such_table.csv',
    expected: { rows: [] },
  },
];
