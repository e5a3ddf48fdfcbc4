/** The regex command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/regex');

const field = (name: string, values: (string | null)[]): string =>
  `| makeresults count=${values.length} | streamstats count as n | eval ${name}=case(${values
    .map((v, i) => `n==${i + 1}, ${v === null ? 'null()' : JSON.stringify(v)}`)
    .join(', ')})`;
const ns = (...values: number[]): { rows: Record<string, string>[] } => ({ rows: values.map((n) => ({ n: String(n) })) });
const CANADA = '| makeresults count=5 | eval Country="Canada" | append [ | makeresults count=5 | eval City="Toronto" ]';

export const regexCases: DocCase[] = [
  {
    id: 'regex-not-equal-keeps-null',
    page: PAGE,
    quote:
      'You can use a `regex` command with `!=` to filter for events that don\'t have a field value matching the regular expression, or for which the field is null. For example, this search will include events that do not define the field `Location`.',
    search: `${field('Location', ['Calaveras Farms', 'Elk Grove', null])} | regex Location!="Calaveras Farms" | table n`,
    expected: ns(2, 3),
  },
  {
    id: 'regex-search-not-equal-drops-null',
    page: PAGE,
    quote: 'For example, this search will not include events that do not define the field `Location`. ... | search Location!="Calaveras Farms"',
    search: `${field('Location', ['Calaveras Farms', 'Elk Grove', null])} | search Location!="Calaveras Farms" | table n`,
    expected: ns(2),
  },
  {
    id: 'regex-class-a',
    page: PAGE,
    quote: 'This example keeps only search results whose "_raw" field contains IP addresses in the non-routable class A (10.0.0.0/8).',
    search: `${field('_raw', ['from 10.1.2.3 port 22', 'from 110.1.2.3 port 22', 'from 192.168.1.10 port 22'])} | regex _raw="(?<!\\d)10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?!\\d)" | table n`,
    expected: ns(1),
  },
  {
    id: 'regex-email',
    page: PAGE,
    quote: 'This example keeps only the results that match a valid email address. For example, buttercup@example.com.',
    search: `${field('email', ['buttercup@example.com', 'not an email', 'Upper@Example.com'])} | regex email="^([a-z0-9_\\.-]+)@([\\da-z\\.-]+)\\.([a-z\\.]{2,6})$" | table email`,
    expected: { rows: [{ email: 'buttercup@example.com' }] },
    note: 'The character classes are lowercase only, so the mixed-case address does not match.',
  },
  {
    id: 'regex-zip',
    page: PAGE,
    quote: 'Filter out zip codes that are formatted like a United States zip code or zip+4 code. For example, this search would return a Canadian zip code.',
    search: `${field('not_usa_zip', ['94107', '94107-1234', 'K1A 0B1'])} | regex not_usa_zip!="[0-9]{5}(-[0-9]{4})?" | table not_usa_zip`,
    expected: { rows: [{ not_usa_zip: 'K1A 0B1' }] },
  },
  {
    id: 'regex-append-null-country',
    page: PAGE,
    quote:
      'As a result, 5 events are displayed for the  `City` field, even though a `Country` field was not defined for those events. Also, the `Country` field is displayed, but the values are null.',
    search: `${CANADA} | regex Country!="Canada"`,
    expected: { rows: Array.from({ length: 5 }, () => ({ City: 'Toronto', Country: null })) },
  },
  {
    id: 'regex-append-search-contrast',
    page: PAGE,
    quote:
      "In contrast, the search with `search` and `!=` in the following example doesn't return any events because all of the events with field `City` where the field `Country` is null are excluded.",
    search: `${CANADA} | search Country!="Canada"`,
    expected: { rows: [] },
  },
  {
    id: 'regex-default-raw',
    page: PAGE,
    quote: '<field> ... Description: Specify the field name from which to match the values against the regular expression. ... Default: `_raw`',
    search: `${field('_raw', ['disk error 42', 'all good'])} | regex "error \\d+" | table n`,
    expected: ns(1),
  },
  {
    id: 'regex-not-invalid',
    page: PAGE,
    quote: 'Although `!=` is valid within a `regex` command, `NOT` is not valid.',
    search: `${field('x', ['a'])} | regex NOT x="a"`,
    expected: { error: true },
  },
];
