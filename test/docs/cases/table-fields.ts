/** The table and fields commands. */
import { page, type DocCase } from './types.js';

const TABLE = page('search-commands/table');
const FIELDS = page('search-commands/fields');

const QUAKE = '| makeresults | eval time="2023-03-07T09:37:03.042Z", place="Northern California", mag=0.4, depth=0, latitude=39.6117, longitude=-120.7116, locationSource="nn", net="nc"';
const HOSTS = '| makeresults | eval host="www1", ip="10.0.0.1", source="web.log", sourcetype="access", error_code=404, error_text="Not found", other="x"';

export const tableFieldsCases: DocCase[] = [
  {
    id: 'table-order',
    page: TABLE,
    quote:
      'The table command returns a table that is formed by only the fields that you specify in the arguments. Columns are displayed in the same order that fields are specified.',
    search: `${QUAKE} | table time, place, mag, depth`,
    expected: { columns: ['time', 'place', 'mag', 'depth'], rows: [{ time: '2023-03-07T09:37:03.042Z', place: 'Northern California', mag: '0.4', depth: '0' }] },
  },
  {
    id: 'table-space-delimited',
    page: TABLE,
    quote: '<wc-field-list> ... Description: A list of valid field names. The list can be space-delimited or comma-delimited.',
    search: `${QUAKE} | table depth mag place`,
    expected: { columns: ['depth', 'mag', 'place'], rows: [{ depth: '0', mag: '0.4', place: 'Northern California' }] },
  },
  {
    id: 'table-rename-wildcard',
    page: TABLE,
    quote:
      'The results look something like this: | time | place | lat | lon | locSource | ... | 2023-03-07T09:37:03.042Z | Northern California | 39.6117 | -120.7116 | nn |',
    search: `${QUAKE} | rename latitude as lat longitude as lon locationSource as locSource | table time, place, lat, lon, locS*`,
    expected: {
      columns: ['time', 'place', 'lat', 'lon', 'locSource'],
      rows: [{ time: '2023-03-07T09:37:03.042Z', place: 'Northern California', lat: '39.6117', lon: '-120.7116', locSource: 'nn' }],
    },
  },
  {
    id: 'table-wildcard-prefix',
    page: TABLE,
    quote: 'The results look something like this: | host | action | date_mday | date_minute | date_month | | www1 |  | 20 | 51 | july |',
    search: '| makeresults | eval host="www1", date_mday=20, date_minute=51, date_month="july", date_hour=3 | table host action date_m*',
    expected: { columns: ['host', 'action', 'date_mday', 'date_minute', 'date_month'], rows: [{ host: 'www1', action: null, date_mday: '20', date_minute: '51', date_month: 'july' }] },
    note: 'action has no value in this result, as in the page\'s first row; table still shows its column.',
  },
  {
    id: 'table-cidrmatch-network',
    page: TABLE,
    quote:
      'This search also uses the if() function, which specifies that if the value of clientip falls in the subnet range, then the network field is given the value local . Otherwise, the network field is other . ... | 192.0.1.39 | local |',
    search: '| makeresults count=2 | streamstats count as n | eval clientip=if(n==1, "192.0.1.39", "192.168.11.33") | eval network=if(cidrmatch("192.0.0.0/16", clientip), "local", "other") | table clientip, network',
    expected: { columns: ['clientip', 'network'], rows: [{ clientip: '192.0.1.39', network: 'local' }, { clientip: '192.168.11.33', network: 'other' }] },
  },
  {
    id: 'fields-remove',
    page: FIELDS,
    quote: 'Remove the `host` and `ip` fields from the results ... | fields - host, ip',
    search: `${HOSTS} | fields - host, ip`,
    expected: { fields: { host: null, ip: null, source: 'web.log', other: 'x' } },
  },
  {
    id: 'fields-keep-drop-internal',
    page: FIELDS,
    quote: 'Keep only the `host` and `ip` fields. Remove all of the internal fields. The internal fields begin with an underscore character, for example `_time`.',
    search: `${HOSTS} | fields host, ip | fields - _*`,
    expected: { columns: ['host', 'ip'], rows: [{ host: 'www1', ip: '10.0.0.1' }] },
  },
  {
    id: 'fields-keeps-internal',
    page: FIELDS,
    quote: 'By default, the internal fields `_raw` and `_time` are included in the search results in Splunk Web. The `fields` command does not remove these internal fields unless you explicitly specify that the fields should not appear in the output in Splunk Web.',
    search: `${HOSTS} | eval _raw="event text" | fields host`,
    expected: { rows: [{ _raw: 'event text', host: 'www1', ip: null }] },
  },
  {
    id: 'fields-wildcard',
    page: FIELDS,
    quote: 'Keep only the fields `source`, `sourcetype`, `host`, and all fields beginning with `error`.',
    search: `${HOSTS} | fields source, sourcetype, host, error* | fields - _*`,
    expected: { rows: [{ source: 'web.log', sourcetype: 'access', host: 'www1', error_code: '404', error_text: 'Not found', ip: null, other: null }] },
  },
  {
    id: 'fields-internal-copy',
    page: FIELDS,
    quote: 'To display an internal field in the results, the field must be copied or renamed to a field name that does not include the leading underscore character.',
    search: '| makeresults | eval _bkt="main~1~ABC" | fields + _bkt | eval bkt=_bkt | table bkt',
    expected: { columns: ['bkt'], rows: [{ bkt: 'main~1~ABC' }] },
  },
  {
    id: 'fields-internal-hidden',
    page: FIELDS,
    quote: 'Other than the `_raw` and `_time` fields, internal fields do not display in Splunk Web, even if you explicitly specify the fields in the search. For example, the following search does not show the `_bkt` field in the results.',
    search: '| makeresults | eval _bkt="main~1~ABC" | fields + _bkt | table _bkt',
    expected: { columns: [], rows: [{}] },
  },
];
