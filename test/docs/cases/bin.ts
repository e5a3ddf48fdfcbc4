/** The bin (bucket) command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/bin');

/** 2023-11-14 22:13:20 UTC (14:13:20 in US Pacific time). */
const T = 1_700_000_000;

export const binCases: DocCase[] = [
  {
    id: 'bin-span-5m',
    page: PAGE,
    quote: 'Return the average "thruput" of each "host" for each 5 minute time span. ... | bin _time span=5m | stats avg(thruput) by _time host',
    search: `| makeresults count=3 | streamstats count as n | eval _time=${T}+n*150, host="www1", thruput=n | bin _time span=5m | stats avg(thruput) by _time host | eval t=_time | table t host avg(thruput)`,
    expected: {
      rows: [
        { t: String(T + 100), host: 'www1', 'avg(thruput)': '1.5' },
        { t: String(T + 400), host: 'www1', 'avg(thruput)': '3' },
      ],
    },
    note: 'Events at 22:15:50, 22:18:20 and 22:20:50 UTC fall in the 22:15 and 22:20 bins.',
  },
  {
    id: 'bin-bucket-alias',
    page: PAGE,
    quote: 'The bucket command is an alias for the bin command.',
    search: `| makeresults | eval _time=${T} | bucket _time span=5m | eval t=_time`,
    expected: { field: 't', value: String(T - 200) },
  },
  {
    id: 'bin-day-local-midnight',
    page: PAGE,
    quote: 'When a <span-length> of a day or more is used, the span is aligned to midnight in the timezone of the user.',
    search: `| makeresults | eval _time=${T} | bin _time span=1d | eval t=_time`,
    expected: { field: 't', value: '1699948800' },
    tz: 'America/Los_Angeles',
    note: 'Midnight of 2023-11-14 in US Pacific time (08:00 UTC).',
  },
  {
    id: 'bin-aligntime-relative',
    page: PAGE,
    quote: 'Align the time bins to 3am (local time). Set the span to 12h. The bins will represent 3am - 3pm, then 3pm - 3am (the next day), and so on.',
    search: `| makeresults | eval _time=${T} | bin _time span=12h aligntime=@d+3h | eval t=_time`,
    expected: { field: 't', value: '1699974000' },
    note: '22:13:20 UTC is in the 15:00 to 03:00 bin, which starts at 1699974000.',
  },
  {
    id: 'bin-as-newfield',
    page: PAGE,
    quote: 'newfield Syntax: <string> Description: A new name for the field.',
    search: `| makeresults | eval _time=${T} | bin _time span=1h AS hour | eval t=_time`,
    expected: { fields: { hour: String(T - 800), t: String(T) } },
  },
  {
    id: 'bin-subsecond-1000ms',
    page: PAGE,
    quote: 'In addition, span = 1000ms is not allowed. Use span = 1s instead.',
    search: `| makeresults | eval _time=${T} | bin _time span=1000ms`,
    expected: { error: true },
  },
  {
    id: 'bin-subsecond-250ms',
    page: PAGE,
    quote: 'This means that valid millisecond span values are 1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, or 500ms.',
    search: `| makeresults | eval _time=${T}.3 | bin _time span=250ms | eval t=_time`,
    expected: { field: 't', value: `${T}.25` },
  },
];
