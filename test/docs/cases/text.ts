/** Text functions (eval). */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/text-functions');

export const textCases: DocCase[] = [
  {
    id: 'text-len',
    page: PAGE,
    quote:
      'The results show a count of the character length of the values in the `names` field: | _time | length | names | | 2020-01-09 16:35:14 | 9 | buttercup | | 2020-01-09 16:35:14 | 6 | rarity | | 2020-01-09 16:35:14 | 10 | tenderhoof | | 2020-01-09 16:35:14 | 4 | dash | | 2020-01-09 16:35:14 | 8 | mistmane |',
    search: '| makeresults | eval names=split("buttercup,rarity,tenderhoof,dash,mistmane", ",") | mvexpand names | eval length=len(names) | table length names',
    expected: {
      rows: [
        { length: '9', names: 'buttercup' },
        { length: '6', names: 'rarity' },
        { length: '10', names: 'tenderhoof' },
        { length: '4', names: 'dash' },
        { length: '8', names: 'mistmane' },
      ],
    },
  },
  {
    id: 'text-len-code-points',
    page: PAGE,
    quote: 'This function returns a count of the UTF-8 code points in a string.',
    search: '| makeresults | eval length=len("café")',
    expected: { field: 'length', value: '4' },
  },
  {
    id: 'text-lower',
    page: PAGE,
    quote: 'The following example returns the value provided by the field `username` in lowercase.',
    search: '| makeresults | eval username="Admin_USER" | eval username=lower(username)',
    expected: { field: 'username', value: 'admin_user' },
  },
  {
    id: 'text-lower-multivalue',
    page: PAGE,
    quote: 'This function takes one string argument and returns the string in lowercase. ... You can use this function on multivalue fields.',
    search: '| makeresults | eval users=mvappend("Alice", "BOB") | eval users=lower(users)',
    expected: { field: 'users', value: ['alice', 'bob'] },
  },
  {
    id: 'text-ltrim',
    page: PAGE,
    quote:
      'The following example trims the leading spaces and all of the occurrences of the letter Z from the left side of the string. The value that is returned is x="abcZZ ".',
    search: '| makeresults | eval x=ltrim(" ZZZZabcZZ ", " Z")',
    expected: { field: 'x', value: 'abcZZ ' },
  },
  {
    id: 'text-ltrim-dollar',
    page: PAGE,
    quote: 'The following example removes the dollar sign ( $ ) from the results for the NET_COST field.',
    search: '| makeresults | eval NET_COST="$120.50" | eval cost=ltrim(NET_COST, "$")',
    expected: { field: 'cost', value: '120.50' },
  },
  {
    id: 'text-ltrim-default',
    page: PAGE,
    quote: 'The `<trim_chars>` argument is optional. If not specified, spaces and tabs are removed from the left side of the string.',
    search: '| makeresults | eval x=ltrim("   abc  ")',
    expected: { field: 'x', value: 'abc  ' },
  },
  {
    id: 'text-replace-groups',
    page: PAGE,
    quote: 'If the input is 1/14/2023 the return value would be 14/1/2023.',
    search: '| makeresults | eval date="1/14/2023" | eval n=replace(date, "^(\\d{1,2})/(\\d{1,2})/", "\\2/\\1/")',
    expected: { field: 'n', value: '14/1/2023' },
  },
  {
    id: 'text-substr',
    page: PAGE,
    quote: 'The following example concatenates "str" and "ing" together, returning "string":',
    search: '| makeresults | eval n=substr("string", 1, 3) + substr("string", -3)',
    expected: { field: 'n', value: 'string' },
  },
  {
    id: 'text-trim',
    page: PAGE,
    quote:
      'The following example trims the leading spaces and all of the occurrences of the letter Z from the left and right sides of the string. The value returned is `abc`.',
    search: '| makeresults | eval n=trim(" ZZZZabcZZ ", " Z")',
    expected: { field: 'n', value: 'abc' },
  },
  {
    id: 'text-upper',
    page: PAGE,
    quote: 'The following example returns the value provided by the field `username` in uppercase.',
    search: '| makeresults | eval username="admin" | eval n=upper(username)',
    expected: { field: 'n', value: 'ADMIN' },
  },
  {
    id: 'text-urldecode',
    page: PAGE,
    quote: 'The following example returns "http://www.splunk.com/download?r=header".',
    search: '| makeresults | eval n=urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")',
    expected: { field: 'n', value: 'http://www.splunk.com/download?r=header' },
  },
];
