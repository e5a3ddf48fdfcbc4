/** The dedup command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/dedup');

/** Results numbered n=1.. with `field` taking `values` in order (null: the field is absent). */
const rowsOf = (assignments: Record<string, (string | number | null)[]>): string => {
  const fields = Object.entries(assignments);
  const count = fields[0]![1].length;
  const value = (v: string | number | null): string => (v === null ? 'null()' : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const evals = fields.map(([f, vs]) => `${f}=case(${vs.map((v, i) => `n==${i + 1}, ${value(v)}`).join(', ')})`).join(', ');
  return `| makeresults count=${count} | streamstats count as n | eval ${evals}`;
};

export const dedupCases: DocCase[] = [
  {
    id: 'dedup-host',
    page: PAGE,
    quote: 'Remove duplicate search results with the same `host` value. ... If you do not specify a number, only the first occurring event is kept. All other duplicates are removed from the results.',
    search: `${rowsOf({ host: ['www1', 'www2', 'www1', 'www3'] })} | dedup host | table n host`,
    expected: {
      rows: [
        { n: '1', host: 'www1' },
        { n: '2', host: 'www2' },
        { n: '4', host: 'www3' },
      ],
    },
  },
  {
    id: 'dedup-sortby-ascending',
    page: PAGE,
    quote:
      'Remove duplicate search results with the same `source` value and sort the results by the `_time` field in ascending order. ... When the list of events is sorted, the top-most event, of the duplicate events in the sorted list, is retained.',
    search: `${rowsOf({ source: ['a.log', 'b.log', 'a.log'], _time: [1700000300, 1700000100, 1700000200] })} | dedup source sortby +_time | table n source`,
    expected: {
      rows: [
        { n: '2', source: 'b.log' },
        { n: '3', source: 'a.log' },
      ],
    },
  },
  {
    id: 'dedup-sortby-descending',
    page: PAGE,
    quote:
      'Remove duplicate search results with the same `source` value and sort the results by the `_size` field in descending order. ... The <sort-by-clause> determines which of the duplicate events to keep.',
    search: `${rowsOf({ source: ['a.log', 'b.log', 'a.log'], size: [10, 20, 30] })} | dedup source sortby -size | table n source size`,
    expected: {
      rows: [
        { n: '3', source: 'a.log', size: '30' },
        { n: '2', source: 'b.log', size: '20' },
      ],
    },
    note: 'A visible size field stands in for the internal _size.',
  },
  {
    id: 'dedup-keep-3',
    page: PAGE,
    quote: 'For search results that have the same `source` value, keep the first 3 that occur and remove all subsequent results.',
    search: `${rowsOf({ source: ['a.log', 'a.log', 'b.log', 'a.log', 'a.log'] })} | dedup 3 source | table n`,
    expected: { rows: [{ n: '1' }, { n: '2' }, { n: '3' }, { n: '4' }] },
  },
  {
    id: 'dedup-keep-2-combination',
    page: PAGE,
    quote: 'For search results that have the same `source` AND `host` values, keep the first 2 that occur and remove all subsequent results.',
    search: `${rowsOf({ source: ['a.log', 'a.log', 'a.log', 'a.log'], host: ['www1', 'www1', 'www2', 'www1'] })} | dedup 2 source host | table n`,
    expected: { rows: [{ n: '1' }, { n: '2' }, { n: '3' }] },
  },
  {
    id: 'dedup-consecutive',
    page: PAGE,
    quote: 'Remove only consecutive duplicate events. Keep non-consecutive duplicate events. In this example duplicates must have the same combination of values the `source` and `host` fields.',
    search: `${rowsOf({ source: ['a.log', 'a.log', 'b.log', 'a.log'], host: ['www1', 'www1', 'www1', 'www1'] })} | dedup consecutive=true source host | table n`,
    expected: { rows: [{ n: '1' }, { n: '3' }, { n: '4' }] },
  },
  {
    id: 'dedup-null-dropped',
    page: PAGE,
    quote: 'Default: false. All events where any of the selected fields are null are dropped.',
    search: `${rowsOf({ host: ['www1', null, 'www1'] })} | dedup host | table n`,
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'dedup-keepempty',
    page: PAGE,
    quote: 'keepempty ... Description: If set to true, keeps every event where one or more of the specified fields is not present (null).',
    search: `${rowsOf({ host: ['www1', null, 'www1', null] })} | dedup host keepempty=true | table n`,
    expected: { rows: [{ n: '1' }, { n: '2' }, { n: '4' }] },
  },
  {
    id: 'dedup-keepevents',
    page: PAGE,
    quote:
      'keepevents ... Description: If true, keep all events, but will remove the selected fields from events after the first event containing a particular combination of values.',
    search: `${rowsOf({ host: ['www1', 'www1', 'www2'] })} | dedup host keepevents=true | table n host`,
    expected: {
      rows: [
        { n: '1', host: 'www1' },
        { n: '2', host: null },
        { n: '3', host: 'www2' },
      ],
    },
  },
  {
    id: 'dedup-fillnull-missing',
    page: PAGE,
    quote:
      'To keep N representative events for combinations of field values including null values, use the fillnull command to provide a non-null value for these fields. For example: ...| fillnull value="MISSING" field1 field2 | dedup field1 field2',
    search: `${rowsOf({ field1: ['x', null, null], field2: ['y', 'y', 'y'] })} | fillnull value="MISSING" field1 field2 | dedup field1 field2 | table n field1 field2`,
    expected: {
      rows: [
        { n: '1', field1: 'x', field2: 'y' },
        { n: '2', field1: 'MISSING', field2: 'y' },
      ],
    },
  },
  {
    id: 'dedup-multivalue-all-values',
    page: PAGE,
    quote: 'To use the `dedup` command on multivalue fields, the fields must match all values to be deduplicated.',
    search:
      '| makeresults count=3 | streamstats count as n | eval tags=case(n==1, mvappend("a", "b"), n==2, mvappend("a", "b"), n==3, mvappend("a", "c")) | dedup tags | table n',
    expected: { rows: [{ n: '1' }, { n: '3' }] },
  },
];
