/** The convert command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/convert');
/** The page's times are US Pacific (17:20:14 PDT is 00:20:14 UTC on 2018-03-28). */
const PACIFIC = 'America/Los_Angeles';

export const convertCases: DocCase[] = [
  {
    id: 'convert-dur2sec',
    page: PAGE,
    quote: 'For example, if `delay="00:10:15"`, the resulting value is `delay="615"`.',
    search: '| makeresults | eval delay="00:10:15" | convert dur2sec(delay)',
    expected: { field: 'delay', value: '615' },
  },
  {
    id: 'convert-dur2sec-days',
    page: PAGE,
    quote: 'dur2sec() ... Description: Convert a duration format "[D+]HH:MM:SS" to seconds.',
    search: '| makeresults | eval xdelay="1+00:00:01", delay="00:01:00" | convert dur2sec(xdelay) dur2sec(delay)',
    expected: { fields: { xdelay: '86401', delay: '60' } },
  },
  {
    id: 'convert-as-keeps-original',
    page: PAGE,
    quote: '<field> ... Description: Creates a new field with the name you specify to place the converted values into. The original field and values remain intact.',
    search: '| makeresults | eval delay="00:10:15" | convert dur2sec(delay) AS secs',
    expected: { fields: { delay: '00:10:15', secs: '615' } },
  },
  {
    id: 'convert-rmunit',
    page: PAGE,
    quote: 'For example, if `duration="212 sec"`, the resulting value is `duration="212"`.',
    search: '| makeresults | eval duration="212 sec" | convert rmunit(duration)',
    expected: { field: 'duration', value: '212' },
  },
  {
    id: 'convert-rmcomma',
    page: PAGE,
    quote: 'rmcomma() ... Description: Removes all commas from value, for example rmcomma(1,000,000.00) returns 1000000.00.',
    search: '| makeresults | eval amount="1,000,000.00" | convert rmcomma(amount)',
    expected: { field: 'amount', value: '1000000.00' },
  },
  {
    id: 'convert-memk-megabytes',
    page: PAGE,
    quote:
      'memk() ... Accepts a positive number (integer or float) followed by an optional "k", "m", or "g". The letter k indicates kilobytes, m indicates megabytes, and g indicates gigabytes. If no letter is specified, kilobytes is assumed. The output field is a number expressing quantity of kilobytes.',
    search: '| makeresults | eval virt="2m", res="1g", shr="512" | convert memk(virt) memk(res) memk(shr)',
    expected: { fields: { virt: '2048', res: '1048576', shr: '512' } },
  },
  {
    id: 'convert-mstime',
    page: PAGE,
    quote: 'mstime() ... Description: Convert a [MM:]SS.SSS format to seconds.',
    search: '| makeresults | eval lap="01:02.500", split="42.250" | convert mstime(lap) mstime(split)',
    expected: { fields: { lap: '62.5', split: '42.25' } },
  },
  {
    id: 'convert-ctime-timeformat',
    page: PAGE,
    quote: 'The results appear on the Statistics tab and look something like this: | _time | c_time | | 2018-03-27 17:20:14.839 | 17:20:14 |',
    search: '| makeresults | eval _time=1522196414.839 | convert timeformat="%H:%M:%S" ctime(_time) AS c_time | table _time, c_time',
    expected: { field: 'c_time', value: '17:20:14' },
    tz: PACIFIC,
  },
  {
    id: 'convert-ctime-default-format',
    page: PAGE,
    quote: 'timeformat ... Default:`%m/%d/%Y %H:%M:%S`. Note that this default does not conform to the locale settings.',
    search: '| makeresults | eval t=1522196414 | convert ctime(t)',
    expected: { field: 't', value: '03/27/2018 17:20:14' },
    tz: PACIFIC,
  },
  {
    id: 'convert-mktime-default-format',
    page: PAGE,
    quote: 'mktime() ... Description: Convert a human readable time string to an epoch time. Use `timeformat` option to specify exact format to convert from. ... Default:`%m/%d/%Y %H:%M:%S`.',
    search: '| makeresults | eval t="03/27/2018 17:20:14" | convert mktime(t)',
    expected: { field: 't', value: '1522196414' },
    tz: PACIFIC,
  },
  {
    id: 'convert-auto-number',
    page: PAGE,
    quote: 'Use the `auto` convert function to convert all field values to numeric values. ... | convert auto(*)',
    search: '| makeresults | eval x="42" | convert auto(*) | eval t=typeof(x)',
    expected: { fields: { x: '42', t: 'Number' } },
  },
  {
    id: 'convert-auto-none',
    knownDifference: 'none(src_ip) now exempts src_ip, which stays the text "3"; but typeof() of text that reads as a number is Number in spelunk, so tsrc is Number, not the page\'s String',
    page: PAGE,
    quote: 'Convert every field value to a number value except for values in the field `src_ip`. Use the `none` convert function to specify fields to ignore.',
    search: '| makeresults | eval x="42", src_ip="3" | convert auto(*) none(src_ip) | eval tx=typeof(x), tsrc=typeof(src_ip)',
    expected: { fields: { tx: 'Number', tsrc: 'String' } },
  },
  {
    id: 'convert-auto-untouched',
    page: PAGE,
    quote: 'Note that if not all values of a particular field can be converted using a known conversion type, the field is left untouched and no conversion at all is done for that field.',
    search: '| makeresults | eval x="abc" | convert auto(x)',
    expected: { field: 'x', value: 'abc' },
  },
  {
    id: 'convert-num-removes',
    page: PAGE,
    quote: 'num() ... Description: Like auto(), except non-convertible values are removed.',
    search: '| makeresults count=2 | streamstats count as n | eval x=if(n==1, "7", "abc") | convert num(x) | table n x',
    expected: { rows: [{ n: '1', x: '7' }, { n: '2', x: null }] },
  },
];
