/** The fillnull command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/fillnull');

const CATEGORIES =
  '| makeresults count=3 | streamstats count as n | eval ACCESSORIES=case(n==1, 5, n==3, 65), ARCADE=case(n==1, 17, n==2, 63, n==3, 94), SPORTS=case(n==1, 5, n==2, 22), TEE=case(n==2, 56, n==3, 60) | fields - _time';
const HOSTS =
  '| makeresults count=3 | streamstats count as n | eval host=case(n==1, "danube.sample.com", n==3, "nile.example.net"), kbps=case(n==1, "3.420", n==2, "1.906"), average_kbps=case(n==2, "2.874", n==3, "2.023")';

export const fillnullCases: DocCase[] = [
  {
    id: 'fillnull-field-without-values',
    page: PAGE,
    quote:
      "The results look something like this: | _time | test | | 2023-06-07 17:49:45 | 123123 | Notice that the test2 field doesn't show up in the results, even though the eval command created it.",
    search: '| makeresults | eval test="123123", test2=null() | fillnull value=NULL',
    expected: { fields: { test: '123123', test2: null } },
  },
  {
    id: 'fillnull-tabled-field-without-values',
    page: PAGE,
    quote:
      'The results look something like this: | test | test2 | | 123123 |  | The search results display the test2 field, but not the intended NULL value.',
    search: '| makeresults | eval test="123123" | eval test2=null() | table test test2 | fillnull value=NULL',
    expected: { fields: { test: '123123', test2: null } },
  },
  {
    id: 'fillnull-one-nonnull-value',
    page: PAGE,
    quote:
      'The results look something like this: | _time | test1 | test2 | | 2023-06-07 18:22:24 | 123 | NULL | | 2023-06-07 18:22:24 | 456 | abc |',
    search: '| makeresults | eval test1=split("123,456", ",") | mvexpand test1 | eval test2=if(test1="123", null(), "abc") | fillnull value=NULL',
    expected: {
      rows: [
        { test1: '123', test2: 'NULL' },
        { test1: '456', test2: 'abc' },
      ],
    },
  },
  {
    id: 'fillnull-default-zero',
    page: PAGE,
    quote:
      'You can fill all of empty field values with the zero by adding the fillnull command to your search. ... | 2021-03-17 | 5 | 17 | 6 | 3 | 5 | 32 | 0 | | 2021-03-16 | 0 | 63 | 39 | 30 | 22 | 127 | 56 | | 2021-03-15 | 65 | 94 | 38 | 42 | 0 | 128 | 60 |',
    search: `${CATEGORIES} | fillnull`,
    expected: {
      rows: [
        { ACCESSORIES: '5', ARCADE: '17', SPORTS: '5', TEE: '0' },
        { ACCESSORIES: '0', ARCADE: '63', SPORTS: '22', TEE: '56' },
        { ACCESSORIES: '65', ARCADE: '94', SPORTS: '0', TEE: '60' },
      ],
    },
    note: 'Four of the page\'s seven category columns.',
  },
  {
    id: 'fillnull-value-string-all',
    page: PAGE,
    quote: 'For the current search results, fill all empty field values with the string "NULL".',
    search: `${CATEGORIES} | fillnull value=NULL`,
    expected: {
      rows: [
        { ACCESSORIES: '5', ARCADE: '17', SPORTS: '5', TEE: 'NULL' },
        { ACCESSORIES: 'NULL', ARCADE: '63', SPORTS: '22', TEE: '56' },
        { ACCESSORIES: '65', ARCADE: '94', SPORTS: 'NULL', TEE: '60' },
      ],
    },
  },
  {
    id: 'fillnull-listed-fields',
    page: PAGE,
    quote:
      'You can fill all empty field values in the "host" and "kbps" fields with the string "unknown" by adding the fillnull command to your search. ... | 2021/02/14 11:39 | unknown | 2.874 | 3.841 | 1.906 | | 2021/02/14 11:33 | nile.example.net | 2.023 | 0.915 | unknown |',
    search: `${HOSTS} | fillnull value=unknown host kbps`,
    expected: {
      rows: [
        { host: 'danube.sample.com', kbps: '3.420', average_kbps: null },
        { host: 'unknown', kbps: '1.906', average_kbps: '2.874' },
        { host: 'nile.example.net', kbps: 'unknown', average_kbps: '2.023' },
      ],
    },
  },
  {
    id: 'fillnull-creates-field',
    page: PAGE,
    quote:
      'If you specify a field that does not exist the field is created and the value you specify is added to the new field. For example if you specify bytes in the field list, the bytes field is created and filled with the string "unknown".',
    search: `${HOSTS} | fillnull value=unknown host kbps bytes`,
    expected: {
      rows: [
        { host: 'danube.sample.com', kbps: '3.420', bytes: 'unknown' },
        { host: 'unknown', kbps: '1.906', bytes: 'unknown' },
        { host: 'nile.example.net', kbps: 'unknown', bytes: 'unknown' },
      ],
    },
  },
];
