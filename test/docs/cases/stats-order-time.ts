/** Event order functions (first, last) and time functions (earliest, latest, earliest_time, latest_time) of stats. */
import { page, type DocCase } from './types.js';

const ORDER_PAGE = page('statistical-and-charting-functions/event-order-functions');
const TIME_PAGE = page('statistical-and-charting-functions/time-functions');

interface SecureEvent {
  time: string;
  raw: string;
}

/** Events in the given order, with `_time` from the page's (UTC) timestamp and `_raw` as shown. */
function events(list: SecureEvent[]): string {
  const epoch = (t: string): number => Date.parse(`${t.replace(' ', 'T')}Z`) / 1000;
  const arms = (pick: (e: SecureEvent) => string): string => list.map((e, i) => `n==${i + 1}, ${pick(e)}`).join(', ');
  return `| makeresults count=${list.length} | streamstats count as n | eval _time=case(${arms((e) => String(epoch(e.time)))}), _raw=case(${arms((e) => JSON.stringify(e.raw))})`;
}

const ORDER_EVENTS = events([
  { time: '2020-04-28 00:15:05', raw: 'Mon Apr 28 2020 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user tomcat from 67.170.226.218 port 1490 ssh2' },
  { time: '2020-05-01 00:15:04', raw: 'Thu May 01 2020 00:15:04 www2 sshd[5258]: Failed password for invalid user brian from 130.253.37.97 port 4284 ssh2' },
  { time: '2020-04-30 00:15:02', raw: 'Wed Apr 30 2020 00:15:02 www3 sshd[5258]: Failed password for invalid user operator from 222.169.224.226 port 1711 ssh2' },
  { time: '2020-04-28 00:15:01', raw: 'Mon Apr 28 2020 00:15:01 www1 sshd[5258]: Failed password for invalid user rightscale from 87.194.216.51 port 3361 ssh2' },
  { time: '2020-05-01 00:15:05', raw: 'Thu May 01 2020 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user testuser from 194.8.74.23 port 3626 ssh2' },
  { time: '2020-04-27 00:15:01', raw: 'Sun Apr 27 2020 00:15:01 www1 sshd[5258]: Failed password for invalid user redmine from 91.208.184.24 port 3587 ssh2' },
]);

const TIME_EVENTS = events([
  { time: '2023-05-01 00:15:05', raw: 'Mon May 01 2023 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user tomcat from 67.170.226.218 port 1490 ssh2' },
  { time: '2023-04-30 00:16:17', raw: 'Sun Apr 30 2023 00:16:17 www2 sshd[5258]: Failed password for invalid user brian from 130.253.37.97 port 4284 ssh2' },
  { time: '2023-04-30 00:11:25', raw: 'Sun Apr 30 2023 00:11:25 www3 sshd[5258]: Failed password for invalid user operator from 222.169.224.226 port 1711 ssh2' },
  { time: '2023-04-29 00:19:01', raw: 'Sat Apr 29 2023 00:19:01 www1 sshd[5258]: Failed password for invalid user rightscale from 87.194.216.51 port 3361 ssh2' },
  { time: '2023-04-29 00:13:45', raw: 'Sat Apr 29 2023 00:13:45 mailsv1 sshd[5258]: Failed password for invalid user testuser from 194.8.74.23 port 3626 ssh2' },
  { time: '2023-04-28 00:23:28', raw: 'Fri Apr 28 2023 00:23:28 www1 sshd[5258]: Failed password for invalid user redmine from 91.208.184.24 port 3587 ssh2' },
]);

const FIVE = '| makeresults count=5 | streamstats count';

export const statsOrderTimeCases: DocCase[] = [
  {
    id: 'order-first-raw',
    page: ORDER_PAGE,
    quote:
      'The search returns the value for _raw field with the timestamp 2020-04-28 00:15:05 , which is the first event in the original list of values returned. | first(_raw) | | Mon Apr 28 2020 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user tomcat from 67.170.226.218 port 1490 ssh2 |',
    search: `${ORDER_EVENTS} | table _time source _raw | stats first(_raw)`,
    expected: { field: 'first(_raw)', value: 'Mon Apr 28 2020 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user tomcat from 67.170.226.218 port 1490 ssh2' },
  },
  {
    id: 'order-last-raw',
    page: ORDER_PAGE,
    quote:
      'The search returns the event with the _time value 2020-04-27 00:15:01 , which is the last event in the list of events. However it is not the last chronological event.',
    search: `${ORDER_EVENTS} | table _time source _raw | stats last(_raw)`,
    expected: { field: 'last(_raw)', value: 'Sun Apr 27 2020 00:15:01 www1 sshd[5258]: Failed password for invalid user redmine from 91.208.184.24 port 3587 ssh2' },
  },
  {
    id: 'order-streamstats-count',
    page: ORDER_PAGE,
    quote: 'The results look like this: | _time | count | | 2020-05-09 14:35:58 | 1 | | 2020-05-09 14:35:58 | 2 | | 2020-05-09 14:35:58 | 3 | | 2020-05-09 14:35:58 | 4 | | 2020-05-09 14:35:58 | 5 |',
    search: FIVE,
    expected: { rows: ['1', '2', '3', '4', '5'].map((count) => ({ count })) },
  },
  {
    id: 'order-field1',
    page: ORDER_PAGE,
    quote:
      'The results look like this: | _time | count | field1 | | 2020-05-09 14:45:24 | 1 | 19 | | 2020-05-09 13:45:24 | 2 | 18 | | 2020-05-09 12:45:24 | 3 | 17 | | 2020-05-09 11:45:24 | 4 | 16 | | 2020-05-09 10:45:24 | 5 | 15 |',
    search: `${FIVE} | eval _time=_time-(count*3600) | eval field1=20-count`,
    expected: { rows: [19, 18, 17, 16, 15].map((v, i) => ({ count: String(i + 1), field1: String(v) })) },
  },
  {
    id: 'order-first-field1',
    page: ORDER_PAGE,
    quote: 'The results look like this: | first(field1) | | 19 |',
    search: `${FIVE} | eval _time=_time-(count*3600) | eval field1=20-count | stats first(field1)`,
    expected: { field: 'first(field1)', value: '19' },
  },
  {
    id: 'order-last-field1',
    page: ORDER_PAGE,
    quote: 'The results look like this: | lastfield1) | | 15 |',
    search: `${FIVE} | eval _time=_time-(count*86400) | eval field1=20-count | stats last(field1)`,
    expected: { field: 'last(field1)', value: '15' },
    note: 'The page heads the column "lastfield1)", a typo for last(field1).',
  },
  {
    id: 'time-earliest-raw',
    page: TIME_PAGE,
    quote: 'The search returns the event with the _time value 2023-04-28 00:23:28 , which is the event with the oldest timestamp.',
    search: `${TIME_EVENTS} | table _time source _raw | stats earliest(_raw)`,
    expected: { field: 'earliest(_raw)', value: 'Fri Apr 28 2023 00:23:28 www1 sshd[5258]: Failed password for invalid user redmine from 91.208.184.24 port 3587 ssh2' },
  },
  {
    id: 'time-latest-raw',
    page: TIME_PAGE,
    quote: 'The search returns the event with the _time value 2023-05-01 00:15:05 , which is the event with the most recent timestamp.',
    search: `${TIME_EVENTS} | table _time source _raw | stats latest(_raw)`,
    expected: { field: 'latest(_raw)', value: 'Mon May 01 2023 00:15:05 mailsv1 sshd[5258]: Failed password for invalid user tomcat from 67.170.226.218 port 1490 ssh2' },
  },
  {
    id: 'time-earliest-time',
    knownDifference: 'prints 1702920600, without the six decimals the page shows',
    page: TIME_PAGE,
    quote:
      'Returns the UNIX time of the chronologically earliest-seen occurrence of a given field value. ... | _time | metric_name | earliest_time(_value) | | 2023-12-18 09:30:00 | deploy-connections.nCurrent | 1702920600.000000 |',
    search: '| makeresults count=2 | streamstats count as n | eval _time=if(n==1, 1702920660, 1702920600), _value=n | stats earliest_time(_value)',
    expected: { field: 'earliest_time(_value)', value: '1702920600.000000' },
    note: 'The page shows mstats results; the same function over events, printed as the page prints it.',
  },
  {
    id: 'time-latest-time',
    knownDifference: 'prints 1702921140, without the six decimals the page shows',
    page: TIME_PAGE,
    quote:
      'Returns the UNIX time of the chronologically latest-seen occurrence of a given field value. ... | 2023-12-18 09:39:00 | queue.current_size | 1702921140.000000 |',
    search: '| makeresults count=2 | streamstats count as n | eval _time=if(n==1, 1702921140, 1702921080), _value=n | stats latest_time(_value)',
    expected: { field: 'latest_time(_value)', value: '1702921140.000000' },
    note: 'The page shows mstats results; the same function over events, printed as the page prints it.',
  },
];
