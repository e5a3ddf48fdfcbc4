/** The mvexpand command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/mvexpand');

const RAW =
  '| makeresults count=2 | streamstats count as n | eval _raw=if(n==1, "2018-04-01 00:11:23 a=22 b=21 a=23 b=32 a=51 b=24", "2018-04-01 00:11:22 a=1 b=2 a=2 b=3 a=5 b=2")';

export const mvexpandCases: DocCase[] = [
  {
    id: 'mvexpand-foo',
    page: PAGE,
    quote: 'Expands the values of a multivalue field into separate events, one event for each value in the multivalue field. ... Create new events for each value of multivalue field, "foo".',
    search: '| makeresults | eval foo=mvappend("x", "y", "z"), other="kept" | mvexpand foo',
    expected: { rows: ['x', 'y', 'z'].map((foo) => ({ foo, other: 'kept' })) },
  },
  {
    id: 'mvexpand-limit',
    page: PAGE,
    quote: 'limit ... Description: Specify the number of values of <field> to use for each input event. ... Create new events for the first 100 values of multivalue field, "foo".',
    search: '| makeresults | eval foo=mvappend("x", "y", "z") | mvexpand foo limit=2',
    expected: { rows: [{ foo: 'x' }, { foo: 'y' }] },
  },
  {
    id: 'mvexpand-each-result',
    page: PAGE,
    quote: 'For each result, the `mvexpand` command creates a new result for every multivalue field.',
    search: '| makeresults count=2 | streamstats count as n | eval foo=if(n==1, mvappend("a", "b"), "c") | mvexpand foo | table n foo',
    expected: {
      rows: [
        { n: '1', foo: 'a' },
        { n: '1', foo: 'b' },
        { n: '2', foo: 'c' },
      ],
    },
  },
  {
    id: 'mvexpand-mvzip-fields',
    page: PAGE,
    quote: 'The results appear on the Statistics tab and look something like this: | _time | fields | | 2018-04-01 00:11:23 | 22,21   23,32  51,24 | | 2018-04-01 00:11:22 | 1,2   2,3  5,2 |',
    search: `${RAW} | rex field=_raw "a=(?<a>\\d+)" max_match=5 | rex field=_raw "b=(?<b>\\d+)" max_match=5 | eval fields = mvzip(a,b) | table fields`,
    expected: { rows: [{ fields: ['22,21', '23,32', '51,24'] }, { fields: ['1,2', '2,3', '5,2'] }] },
  },
];
