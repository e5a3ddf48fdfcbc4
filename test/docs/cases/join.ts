/** The join command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/join');

const MAIN = '| makeresults count=3 | streamstats count as product_id | eval name="product".product_id, shared="main"';
const VENDORS = '| makeresults count=3 | streamstats count as n | eval product_id=case(n==1, 1, n==2, 3, n==3, 1), vendor="vendor".n, shared="sub" | fields - n, _time';

export const joinCases: DocCase[] = [
  {
    id: 'join-inner',
    page: PAGE,
    quote: 'The results of an inner join do not include events from the main search that have no matches in the subsearch. ... Default: inner',
    search: `${MAIN} | join product_id [${VENDORS}] | table product_id name vendor`,
    expected: {
      rows: [
        { product_id: '1', name: 'product1', vendor: 'vendor1' },
        { product_id: '3', name: 'product3', vendor: 'vendor2' },
      ],
    },
    note: 'max=1 by default: product 1 joins only the first of its two subsearch rows.',
  },
  {
    id: 'join-left',
    page: PAGE,
    quote: 'The results of a left (or outer ) join includes all of the events in the main search and only those values in the subsearch have matching field values.',
    search: `${MAIN} | join type=left product_id [${VENDORS}] | table product_id name vendor`,
    expected: {
      rows: [
        { product_id: '1', name: 'product1', vendor: 'vendor1' },
        { product_id: '2', name: 'product2', vendor: null },
        { product_id: '3', name: 'product3', vendor: 'vendor2' },
      ],
    },
  },
  {
    id: 'join-outer',
    page: PAGE,
    quote: 'Use either outer or left to specify a left outer join.',
    search: `${MAIN} | join type=outer product_id [${VENDORS}] | table product_id vendor`,
    expected: {
      rows: [
        { product_id: '1', vendor: 'vendor1' },
        { product_id: '2', vendor: null },
        { product_id: '3', vendor: 'vendor2' },
      ],
    },
  },
  {
    id: 'join-max-0',
    page: PAGE,
    quote:
      'By default, only the first row of the subsearch that matches a row of the main search is returned. To return all of the matching subsearch rows, include the max=<int> argument and set the value to 0.',
    search: `${MAIN} | join product_id max=0 [${VENDORS}] | table product_id vendor`,
    expected: {
      rows: [
        { product_id: '1', vendor: 'vendor1' },
        { product_id: '1', vendor: 'vendor3' },
        { product_id: '3', vendor: 'vendor2' },
      ],
    },
    note: 'The order of the two product 1 rows follows the subsearch order; the page does not say more.',
  },
  {
    id: 'join-overwrite-default',
    page: PAGE,
    quote: 'overwrite ... If fields in the main search results and subsearch results have the same name, indicates whether fields from the subsearch results overwrite the fields from the main search results. Default: true',
    search: `${MAIN} | join product_id [${VENDORS}] | table product_id shared`,
    expected: { rows: [{ product_id: '1', shared: 'sub' }, { product_id: '3', shared: 'sub' }] },
  },
  {
    id: 'join-overwrite-false',
    page: PAGE,
    quote: 'overwrite ... If fields in the main search results and subsearch results have the same name, indicates whether fields from the subsearch results overwrite the fields from the main search results.',
    search: `${MAIN} | join overwrite=false product_id [${VENDORS}] | table product_id shared`,
    expected: { rows: [{ product_id: '1', shared: 'main' }, { product_id: '3', shared: 'main' }] },
  },
  {
    id: 'join-case-sensitive',
    page: PAGE,
    quote: 'The values of the fields used in <field-list> are case sensitive. For example, a value that is all uppercase in the main search will not match the same value that is all lowercase in the subsearch.',
    search: '| makeresults | eval myfield="ABC" | join myfield [| makeresults | eval myfield="abc", extra="joined"]',
    expected: { rows: [] },
  },
  {
    id: 'join-case-insensitive-workaround',
    page: PAGE,
    quote: 'In this example, the value for the myfield field is converted to lower case, which makes the case consistent for the join command.',
    search: '| makeresults | eval myfield="ABC" | eval myfield=lower(myfield) | join myfield [| makeresults | eval myfield="Abc", extra="joined" | eval myfield=lower(myfield)]',
    expected: { fields: { myfield: 'abc', extra: 'joined' } },
  },
  {
    id: 'join-common-fields',
    page: PAGE,
    quote: 'If no fields are specified, all of the fields that are common to both datasets are used.',
    search: '| makeresults count=2 | streamstats count as id | eval host=if(id==1, "a", "b") | fields - _time | join [| makeresults | eval id=2, host="b", extra="joined" | fields - _time] | table id host extra',
    expected: { rows: [{ id: '2', host: 'b', extra: 'joined' }] },
  },
  {
    id: 'join-aliases-different-names',
    knownDifference: "error: spelunk does not support join's 'left=' alias syntax.",
    page: PAGE,
    quote:
      'The data is joined on a product ID field, which have different field names in each dataset. The field in the left-side dataset is product_id . The field in the right-side dataset is pid . ... | join left=L right=R where L.product_id=R.pid [search vendors]',
    search: `${MAIN} | join left=L right=R where L.product_id=R.pid [| makeresults | eval pid=2, vendor="v2"] | stats count`,
    expected: { field: 'count', value: '1' },
  },
];
