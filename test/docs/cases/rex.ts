/** The rex command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/rex');

const LIST = '| makeresults | eval list="abcdefghijklmnopqrstuvwxyz"';

export const rexCases: DocCase[] = [
  {
    id: 'rex-email',
    page: PAGE,
    quote:
      'The from and to lines in the _raw events follow an identical pattern. Each from line is From: and each to line is To:. The email addresses are enclosed in angle brackets. You can use this pattern to create a regular expression to extract the values and create the fields.',
    search:
      '| makeresults | eval _raw="Mon Mar 19 20:16:27 2018 Info: Bounced: DCID 8413617 MID 19338947 From: <MariaDubois@example.com> To: <zecora@buttercupgames.com> RID 0 - 5.4.7 - Delivery expired (message too old) (\'000\', [\'timeout\'])" | rex field=_raw "From: <(?<from>.*)> To: <(?<to>.*)>"',
    expected: { fields: { from: 'MariaDubois@example.com', to: 'zecora@buttercupgames.com' } },
  },
  {
    id: 'rex-max-match',
    page: PAGE,
    quote: 'The results look something like this: | _time | field | test | value | | 2019-12-05 11:36:57 | a b | a$1,b$2 | 1 2 |',
    search: '| makeresults | eval test="a$1,b$2" | rex field=test max_match=0 "((?<field>[^$]*)\\$(?<value>[^,]*),?)"',
    expected: { fields: { field: ['a', 'b'], test: 'a$1,b$2', value: ['1', '2'] } },
  },
  {
    id: 'rex-savedsearch-id',
    page: PAGE,
    quote: 'If `savedsearch_id=bob;search;my_saved_search` then `user=bob` , `app=search` and `SavedSearchName=my_saved_search`',
    search: '| makeresults | eval savedsearch_id="bob;search;my_saved_search" | rex field=savedsearch_id "(?<user>\\w+);(?<app>\\w+);(?<SavedSearchName>\\w+)"',
    expected: { fields: { user: 'bob', app: 'search', SavedSearchName: 'my_saved_search' } },
  },
  {
    id: 'rex-sed-anonymize',
    page: PAGE,
    quote: 'Use `sed` syntax to match the regex to a series of numbers and replace them with an anonymized string. ... | rex field=ccnumber mode=sed "s/(\\d{4}-){3}/XXXX-XXXX-XXXX-/g"',
    search: '| makeresults | eval ccnumber="1234-5678-9012-3456" | rex field=ccnumber mode=sed "s/(\\d{4}-){3}/XXXX-XXXX-XXXX-/g"',
    expected: { field: 'ccnumber', value: 'XXXX-XXXX-XXXX-3456' },
  },
  {
    id: 'rex-sed-capture',
    page: PAGE,
    quote:
      'The results look like this: | _time | orig_search | search | | 2021-05-31 23:36:29 | src_ip=TERM( "10.8.2.33" ) OR src_ip=TERM( "172.17.154.197" ) | src_ip=TERM(10.8.2.33) OR src_ip=TERM(172.17.154.197) |',
    search:
      '|makeresults |eval orig_search="src_ip=TERM( \\"10.8.2.33\\" ) OR src_ip=TERM( \\"172.17.154.197\\" )", search=orig_search |rex mode=sed field=search "s/\\s\\"(\\d+\\.\\d+\\.\\d+\\.\\d+)\\"\\s/\\1/g"',
    expected: {
      fields: {
        orig_search: 'src_ip=TERM( "10.8.2.33" ) OR src_ip=TERM( "172.17.154.197" )',
        search: 'src_ip=TERM(10.8.2.33) OR src_ip=TERM(172.17.154.197)',
      },
    },
  },
  {
    id: 'rex-sed-transliterate',
    page: PAGE,
    quote: 'The syntax for using sed to substitute characters is: `"y/<string1>/<string2>/"` This substitutes the characters that match <string1> with the characters in <string2>.',
    search: '| makeresults | eval word="banana" | rex field=word mode=sed "y/abn/xyz/"',
    expected: { field: 'word', value: 'yxzxzx' },
  },
  {
    id: 'rex-sed-nth-match',
    page: PAGE,
    quote: '<flags> can be either `g` to replace all matches, or a number to replace a specified match.',
    search: '| makeresults | eval word="a-a-a" | rex field=word mode=sed "s/a/X/2"',
    expected: { field: 'word', value: 'a-X-a' },
  },
  {
    id: 'rex-offset-first-five',
    page: PAGE,
    quote:
      'The results look something like this: | _time | firstfive | list | off | | 2022-05-21 11:36:57 | abcde | abcdefghijklmnopqrstuvwxyz | firstfive=0-4 |',
    search: `${LIST} | rex offset_field=off field=list "(?<firstfive>abcde)"`,
    expected: { fields: { firstfive: 'abcde', list: 'abcdefghijklmnopqrstuvwxyz', off: 'firstfive=0-4' } },
  },
  {
    id: 'rex-offset-middle',
    page: PAGE,
    quote: 'The results look something like this: | _time | list | middle | off | | 2022-05-21 11:36:57 | abcdefghijklmnopqrstuvwxyz | fgh | middle=5-7 |',
    search: `${LIST} | rex offset_field=off field=list "(?<middle>fgh)"`,
    expected: { fields: { middle: 'fgh', off: 'middle=5-7' } },
  },
  {
    id: 'rex-offset-tenchars',
    page: PAGE,
    quote: 'For example, if the `rex` expression is `"(?<tenchars>.{10})"` the first ten characters of the `field` argument are matched. The `offset_field` shows `tenchars=0-9`.',
    search: `${LIST} | rex offset_field=off field=list "(?<tenchars>.{10})"`,
    expected: { fields: { tenchars: 'abcdefghij', off: 'tenchars=0-9' } },
  },
  {
    id: 'rex-default-raw',
    page: PAGE,
    quote: 'If a field is not specified, the regular expression or sed expression is applied to the `_raw` field.',
    search: '| makeresults | eval _raw="Failed password for invalid user tomcat from 10.1.1.1 port 1490 ssh2" | rex "\\s+(?<ports>port \\d+)"',
    expected: { field: 'ports', value: 'port 1490' },
  },
];
