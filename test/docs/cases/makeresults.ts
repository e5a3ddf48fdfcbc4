/** The makeresults command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/makeresults');

const PONIES = ['buttercup', 'rarity', 'tenderhoof', 'dash', 'mcintosh', 'fleetfoot', 'mistmane'];

export const makeresultsCases: DocCase[] = [
  {
    id: 'makeresults-one-result',
    page: PAGE,
    quote: 'If you do not specify any of the optional arguments, this command runs on the local machine and generates one result with only the _time field.',
    search: '| makeresults | eval fields=mvcount(mvappend(host, source, sourcetype, _raw)), hasTime=if(isnum(_time), "yes", "no") | stats count values(hasTime) AS hasTime max(fields) AS fields',
    expected: { fields: { count: '1', hasTime: 'yes', fields: null } },
  },
  {
    id: 'makeresults-eval-placeholder',
    page: PAGE,
    quote: 'The results look something like this: | _time | newfield | | 2020-01-09 14:35:58 | some value |',
    search: '| makeresults | eval newfield="some value"',
    expected: { field: 'newfield', value: 'some value' },
  },
  {
    id: 'makeresults-count-5',
    page: PAGE,
    quote: 'For example, the following search creates a set of five results: ... | makeresults count=5',
    search: '| makeresults count=5 | stats count',
    expected: { field: 'count', value: '5' },
  },
  {
    id: 'makeresults-same-timestamp',
    page: PAGE,
    quote: 'Each result has the same timestamp which, by itself, is not very useful.',
    search: '| makeresults count=5 | stats dc(_time) AS times',
    expected: { field: 'times', value: '1' },
  },
  {
    id: 'makeresults-days-back',
    page: PAGE,
    quote:
      'The calculation multiplies the value in the count field by the number of seconds in a day. The result is subtracted from the original _time field to get new dates equivalent to 24 hours ago, 48 hours ago, and so forth.',
    search: '| makeresults count=3 | streamstats count | eval _time=_time-(count*86400) | eval hoursAgo=(now()-_time)/3600 | table count hoursAgo',
    expected: { rows: ['24', '48', '72'].map((hoursAgo, i) => ({ count: String(i + 1), hoursAgo })) },
  },
  {
    id: 'makeresults-annotate',
    page: PAGE,
    quote:
      'If annotate=true , generates results with the fields shown in the table below. ... | host | None. | | source | None. | | sourcetype | None. | | splunk_server | The name of the server that themakeresultscommand is run on. |',
    search: '| makeresults annotate=true | eval server=if(isnotnull(splunk_server), "named", "none")',
    expected: { fields: { host: null, source: null, sourcetype: null, server: 'named' } },
  },
  {
    id: 'makeresults-json',
    page: PAGE,
    quote:
      'The makeresults command generates a separate event for each JSON object. The keys of that object become fields, and the object values become field values. ... | makeresults format=json data="[{\\"name\\":\\"John\\", \\"age\\":35}, {\\"name\\":\\"Sarah\\", \\"age\\":39}]"',
    search: '| makeresults format=json data="[{\\"name\\":\\"John\\", \\"age\\":35}, {\\"name\\":\\"Sarah\\", \\"age\\":39}]"',
    expected: { rows: [{ name: 'John', age: '35' }, { name: 'Sarah', age: '39' }] },
  },
  {
    id: 'makeresults-csv',
    page: PAGE,
    quote:
      'The first line contains the schema, or headers, for the CSV table. ... Each line following the schema line contains comma-separated field values, and each of these subsequent lines is translated by makeresults into an individual event.',
    search: '| makeresults format=csv data="name,age\nJohn,35\nSarah,39"',
    expected: { rows: [{ name: 'John', age: '35' }, { name: 'Sarah', age: '39' }] },
    note: 'The page\'s header line is "name, age"; written here without the space, whose effect the page does not state (see the report).',
  },
  {
    id: 'makeresults-data-ignores-count',
    page: PAGE,
    quote: 'If you specify these arguments, makeresults ignores other arguments such as count or annotate .',
    search: '| makeresults count=5 format=json data="[{\\"name\\":\\"John\\"}, {\\"name\\":\\"Sarah\\"}]" | stats count',
    expected: { field: 'count', value: '2' },
  },
  {
    id: 'makeresults-bad-data',
    page: PAGE,
    quote: 'If makeresults cannot parse the data for the specified format, it returns an error.',
    search: '| makeresults format=json data="[{\\"name\\": }"',
    expected: { error: true },
  },
  {
    id: 'makeresults-string-values',
    page: PAGE,
    quote:
      'The results look something like this: | _time | test | | 2020-01-09 16:35:14 | buttercup | | 2020-01-09 16:35:14 | rarity | | 2020-01-09 16:35:14 | tenderhoof | | 2020-01-09 16:35:14 | dash | | 2020-01-09 16:35:14 | mcintosh | | 2020-01-09 16:35:14 | fleetfoot | | 2020-01-09 16:35:14 | mistmane |',
    search: '| makeresults | eval test="buttercup rarity tenderhoof dash mcintosh fleetfoot mistmane" | makemv delim=" " test | mvexpand test',
    expected: { rows: PONIES.map((test) => ({ test })) },
  },
];
