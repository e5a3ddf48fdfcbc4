/** The streamstats command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/streamstats');

const SHIFTS = ['DAY', 'DAY', 'NIGHT', 'NIGHT', 'NIGHT', 'NIGHT', 'DAY', 'NIGHT'];

export const streamstatsCases: DocCase[] = [
  {
    id: 'streamstats-test-field',
    page: PAGE,
    quote:
      'The results appear something like this: | _time | count | test | | 2017-01-11 11:32:43 | 1 | no | | 2017-01-11 11:32:43 | 2 | yes | | 2017-01-11 11:32:43 | 3 | no |',
    search: '| makeresults count=3 | streamstats count | eval test=if(count==2,"yes","no")',
    expected: {
      rows: [
        { count: '1', test: 'no' },
        { count: '2', test: 'yes' },
        { count: '3', test: 'no' },
      ],
    },
  },
  {
    id: 'streamstats-reset-after',
    page: PAGE,
    quote:
      'After the streamstats calculations are produced for an event, `reset_after` specifies that all of the accumulated statistics are reset if the `eval-expression` returns `true`. ... Use the `streamstats` command to reset the count when the match is true.',
    search:
      '| makeresults count=3 | streamstats count | eval test=if(count==2,"yes","no") | streamstats count as testCount reset_after="("match(test,\\"yes\\")")"',
    expected: {
      rows: [
        { count: '1', testCount: '1' },
        { count: '2', testCount: '2' },
        { count: '3', testCount: '1' },
      ],
    },
  },
  {
    id: 'streamstats-reset-before',
    page: PAGE,
    quote:
      'Before the `streamstats` calculations are produced for an event, `reset_before` specifies that all of the accumulated statistics are reset when the `eval-expression` returns `true`.',
    search: '| makeresults count=3 | streamstats count | eval test=if(count==2,"yes","no") | streamstats count as testCount reset_before="("match(test,\\"yes\\")")"',
    expected: {
      rows: [
        { count: '1', testCount: '1' },
        { count: '2', testCount: '1' },
        { count: '3', testCount: '2' },
      ],
    },
  },
  {
    id: 'streamstats-reset-on-change',
    page: PAGE,
    quote:
      'Running the command with `reset_on_change=true` produces the following streamstats results: shift, count DAY, 1 DAY, 2 NIGHT, 1 NIGHT, 2 NIGHT, 3 NIGHT, 4 DAY, 1 NIGHT, 1',
    search: `| makeresults count=8 | streamstats count as n | eval shift=mvindex(split("${SHIFTS.join(',')}", ","), n-1) | streamstats count BY shift reset_on_change=true`,
    expected: { rows: SHIFTS.map((shift, i) => ({ shift, count: String([1, 2, 1, 2, 3, 4, 1, 1][i]) })) },
  },
  {
    id: 'streamstats-by-without-reset',
    page: PAGE,
    quote: 'reset_on_change ... Description: Specifies that all of the accumulated statistics are reset when the group by fields change. ... Default: false',
    search: `| makeresults count=8 | streamstats count as n | eval shift=mvindex(split("${SHIFTS.join(',')}", ","), n-1) | streamstats count BY shift`,
    expected: { rows: SHIFTS.map((shift, i) => ({ shift, count: String([1, 2, 1, 2, 3, 4, 3, 5][i]) })) },
  },
  {
    id: 'streamstats-window-5',
    page: PAGE,
    quote: 'For each event, compute the average of the `foo` field over the last 5 events, including the current event.',
    search: '| makeresults count=7 | streamstats count as foo | streamstats avg(foo) window=5',
    expected: { rows: ['1', '1.5', '2', '2.5', '3', '4', '5'].map((avg) => ({ 'avg(foo)': avg })) },
  },
  {
    id: 'streamstats-window-by-group',
    page: PAGE,
    quote:
      'For each event, compute the average value of foo for each value of bar including only 5 events, specified by the window size, with that value of bar. ... If `global=false` and `window` is set to a non-zero value, a separate window is used for each group of values of the field specified in the `by clause`.',
    search:
      '| makeresults count=6 | streamstats count as foo | eval bar=if(foo%2==1, "odd", "even") | streamstats avg(foo) by bar window=2 global=f',
    expected: {
      rows: [
        { foo: '1', bar: 'odd', 'avg(foo)': '1' },
        { foo: '2', bar: 'even', 'avg(foo)': '2' },
        { foo: '3', bar: 'odd', 'avg(foo)': '2' },
        { foo: '4', bar: 'even', 'avg(foo)': '3' },
        { foo: '5', bar: 'odd', 'avg(foo)': '4' },
        { foo: '6', bar: 'even', 'avg(foo)': '5' },
      ],
    },
    note: 'The page\'s example with a window of 2 so that six events show it.',
  },
  {
    id: 'streamstats-count',
    page: PAGE,
    quote:
      'This example adds to each event a count field that represents the number of events seen so far, including that event. For example, it adds 1 for the first event, 2 for the second event, and so on.',
    search: '| makeresults count=3 | streamstats count',
    expected: { rows: [{ count: '1' }, { count: '2' }, { count: '3' }] },
  },
  {
    id: 'streamstats-time-window',
    page: PAGE,
    quote: 'If the events are in ascending time order (oldest to most recent), the count field represents the number of events in the previous 5 minutes.',
    search:
      '| makeresults count=4 | streamstats count as n | eval _time=case(n==1, 1700000000, n==2, 1700000120, n==3, 1700000240, n==4, 1700000480) | streamstats count time_window=5m | table n count',
    expected: { rows: ['1', '2', '3', '2'].map((count, i) => ({ n: String(i + 1), count })) },
    note: 'Events at 0, 2, 4 and 8 minutes: the last one has only the 4-minute event within the previous 5 minutes.',
  },
  {
    id: 'streamstats-age-city',
    page: PAGE,
    quote:
      'The results of the search look like this: | _time | age | city | count | | 2020-01-09 15:35:14 | 25 | San Francisco | 1 | | 2020-01-09 14:35:14 | 39 | Seattle | 2 | | 2020-01-09 13:35:14 | 31 | San Francisco | 3 | | 2020-01-09 12:35:14 | 27 | Seattle | 4 | | 2020-01-09 11:35:14 |  | Los Angeles | 5 |',
    search:
      '| makeresults count=5 | streamstats count | eval _time=_time-(count*3600) | eval age = case(count=1, 25, count=2, 39, count=3, 31, count=4, 27, count=5, null()) | eval city = case(count=1 OR count=3, "San Francisco", count=2 OR count=4, "Seattle",count=5, "Los Angeles")',
    expected: {
      rows: [
        { age: '25', city: 'San Francisco', count: '1' },
        { age: '39', city: 'Seattle', count: '2' },
        { age: '31', city: 'San Francisco', count: '3' },
        { age: '27', city: 'Seattle', count: '4' },
        { age: null, city: 'Los Angeles', count: '5' },
      ],
    },
  },
  {
    id: 'streamstats-hours-apart',
    page: PAGE,
    quote: 'The results look something like this: | _time | count | | 2020-01-09 15:35:14 | 1 | | 2020-01-09 14:35:14 | 2 | ... Notice that the hours in the timestamp are 1 hour apart.',
    search: '| makeresults count=3 | streamstats count | eval _time=_time-(count*3600) | eval t=now()-_time | table count t',
    expected: { rows: ['3600', '7200', '10800'].map((t, i) => ({ count: String(i + 1), t })) },
  },
  {
    id: 'streamstats-running-sum-by',
    page: PAGE,
    quote: 'The `ASimpleSumOfBytes` field shows a cumulative summary of the bytes for each `clientip`.',
    search:
      '| makeresults count=4 | streamstats count as n | eval clientip=if(n%2==1, "10.0.0.1", "10.0.0.2"), bytes=n*100 | streamstats sum(bytes) as ASimpleSumOfBytes by clientip | table clientip, bytes, ASimpleSumOfBytes',
    expected: {
      rows: [
        { clientip: '10.0.0.1', bytes: '100', ASimpleSumOfBytes: '100' },
        { clientip: '10.0.0.2', bytes: '200', ASimpleSumOfBytes: '200' },
        { clientip: '10.0.0.1', bytes: '300', ASimpleSumOfBytes: '400' },
        { clientip: '10.0.0.2', bytes: '400', ASimpleSumOfBytes: '600' },
      ],
    },
  },
];
