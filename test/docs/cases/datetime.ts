/** Date and Time functions (eval): now, relative_time, strftime, strptime, time. */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/date-and-time-functions');

/** 2022-08-14 14:00:15 UTC, the `_time` of the page's makeresults examples. */
const AUGUST_14 = 1_660_485_615;
/** The page's gentimes results are in US Pacific time (00:00 PDT is 07:00 UTC). */
const PACIFIC = 'America/Los_Angeles';

export const datetimeCases: DocCase[] = [
  {
    id: 'time-relative-yesterday',
    page: PAGE,
    quote: 'The following example determines the UNIX time value of the start of yesterday, based on the value of now().',
    search: '| makeresults | eval n=relative_time(now(), "-1d@d")',
    expected: { field: 'n', value: '1699833600' },
    note: 'now is 2023-11-14 22:13:20 UTC; the start of yesterday is 2023-11-13 00:00:00 UTC.',
  },
  {
    id: 'time-relative-window',
    page: PAGE,
    quote:
      'The following example specifies an earliest time of 2 hours ago snapped to the hour and a latest time of 1 hour ago snapped to the hour. The offset -2h is processed first, followed by the snap-to time @h .',
    search:
      '| makeresults count=3 | streamstats count as n | eval _time=case(n==1, now()-3*3600, n==2, now()-6000, n==3, now()-1800) | where _time>relative_time(now(), "-2h@h") AND _time<relative_time(now(), "-1h@h") | table n',
    expected: { rows: [{ n: '2' }] },
    note: 'now is 22:13:20: the window is 20:00:00 to 21:00:00; the results are at 19:13:20, 20:33:20 and 21:43:20.',
  },
  {
    id: 'time-strftime-nanoseconds',
    page: PAGE,
    quote:
      'The results appear on the Statistics tab and look like this: | StartTimeStamp | _time | starttime | | 1521467703049000000 | 2018-08-10 09:04:00 | 2018-03-19T06:55:03.049 |',
    search:
      '| makeresults | eval StartTimestamp="1521467703049000000"| eval starttime=strftime(StartTimestamp/pow(10,9),"%Y-%m-%dT%H:%M:%S.%Q")',
    expected: { fields: { StartTimestamp: '1521467703049000000', starttime: '2018-03-19T06:55:03.049' } },
    tz: PACIFIC,
    note: 'The page shows the time in US Pacific time (13:55:03 UTC).',
  },
  {
    id: 'time-strftime-hour-minute',
    page: PAGE,
    quote: 'If the _time field value is 2022-08-10 11:48:23 , the value returned in the hour_min field is 11:48 .',
    search: '| makeresults | eval _time=strptime("2022-08-10 11:48:23", "%Y-%m-%d %H:%M:%S") | eval hour_min=strftime(_time, "%H:%M")',
    expected: { field: 'hour_min', value: '11:48' },
  },
  {
    id: 'time-strftime-week',
    knownDifference: '%V gives 32 (the ISO 8601 week); the page says 33 (see the report: the page may be wrong)',
    page: PAGE,
    quote: 'The results show that August 14th occurred in week 33 . | _time | week | | 2022-08-14 14:00:15 | 33 |',
    search: '| makeresults | eval week=strftime(_time,"%V")',
    expected: { field: 'week', value: '33' },
    now: AUGUST_14,
  },
  {
    id: 'time-strftime-iso-subseconds',
    page: PAGE,
    quote: 'The results are: | _time | mytime | | 2022-08-14 14:00:15 | 2022-08-14T14:00:15.000 |',
    search: '| makeresults | eval mytime=strftime(_time,"%Y-%m-%dT%H:%M:%S.%Q")',
    expected: { field: 'mytime', value: '2022-08-14T14:00:15.000' },
    now: AUGUST_14,
  },
  {
    id: 'time-strptime-starthuman-first',
    knownDifference: "gives null: the format's .%N has nothing to match in the string",
    page: PAGE,
    quote:
      '| starthuman | endhuman | startunix | | Mon Aug 13 00:00:00 2018 | Mon Aug 13 05:59:59 2018 | 1534143600.000000 |',
    search: '| makeresults | eval starthuman="Mon Aug 13 00:00:00 2018" | eval startunix=strptime(starthuman,"%a %B %d %H:%M:%S.%N %Y")',
    expected: { field: 'startunix', value: '1534143600.000000' },
    tz: PACIFIC,
    note: 'The gentimes row as a makeresults result. The format has .%N where the string has no subseconds (see the report).',
  },
  {
    id: 'time-strptime-starthuman-fifth',
    knownDifference: "gives null: the format's .%N has nothing to match in the string",
    page: PAGE,
    quote:
      '| starthuman | endhuman | startunix | ... | Tue Aug 14 06:00:00 2018 | Tue Aug 14 11:59:59 2018 | 1534251600.000000 |',
    search: '| makeresults | eval starthuman="Tue Aug 14 06:00:00 2018" | eval startunix=strptime(starthuman,"%a %B %d %H:%M:%S.%N %Y")',
    expected: { field: 'startunix', value: '1534251600.000000' },
    tz: PACIFIC,
    note: 'The gentimes row as a makeresults result.',
  },
  {
    id: 'time-strptime-epoch-seconds',
    knownDifference: 'prints 1534143600, without the six decimals strptime results keep',
    page: PAGE,
    quote:
      '| starttime | starthuman | epoch_time | testtime | | 1534143600 | Mon Aug 13 00:00:00 2018 | 1534143600.000000 | 1534376565.299298 |',
    search: '| makeresults | eval starttime="1534143600" | eval epoch_time=strptime(starttime,"%s")',
    expected: { field: 'epoch_time', value: '1534143600.000000' },
    note: 'The gentimes row as a makeresults result.',
  },
];
