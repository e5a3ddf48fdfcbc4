/** The makemv command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/makemv');

export const makemvCases: DocCase[] = [
  {
    id: 'makemv-comma',
    page: PAGE,
    quote: 'For sendmail search results, separate the values of "senders" into multiple values. ... | makemv delim="," senders',
    search: '| makeresults | eval senders="ana@example.com,bo@example.org" | makemv delim="," senders',
    expected: { field: 'senders', value: ['ana@example.com', 'bo@example.org'] },
  },
  {
    id: 'makemv-default-space',
    page: PAGE,
    quote: 'delim ... Description: A string value used as a delimiter. Splits the values in `field` on every occurrence of this delimiter. Default: A single space (" ").',
    search: '| makeresults | eval n="1 3 5" | makemv n',
    expected: { field: 'n', value: ['1', '3', '5'] },
  },
  {
    id: 'makemv-multicharacter',
    page: PAGE,
    quote: 'The delimiter can be a multicharacter delimiter.',
    search: '| makeresults | eval list="a::b::c" | makemv delim="::" list',
    expected: { field: 'list', value: ['a', 'b', 'c'] },
  },
  {
    id: 'makemv-empty-dropped',
    page: PAGE,
    quote: 'For example if `delim=","` and `field="a,,b"`, by default does not produce any value for the empty string.',
    search: '| makeresults | eval field="a,,b" | makemv delim="," field',
    expected: { field: 'field', value: ['a', 'b'] },
  },
  {
    id: 'makemv-allowempty',
    page: PAGE,
    quote: 'allowempty ... Description: Specifies whether to permit empty string values in the multivalue field. When using `delim=true`, repeats of the delimiter string produce empty string values in the multivalue field.',
    search: '| makeresults | eval product_info="a::b" | makemv delim=":" allowempty=true product_info',
    expected: { field: 'product_info', value: ['a', '', 'b'] },
  },
  {
    id: 'makemv-tokenizer',
    page: PAGE,
    quote:
      'The following search creates a result and adds three values to the `my_multival` field. The `makemv` command is used to separate the values in the field by using a regular expression.',
    search: '| makeresults | eval my_multival="one,two,three" | makemv tokenizer="([^,]+),?" my_multival',
    expected: { field: 'my_multival', value: ['one', 'two', 'three'] },
  },
  {
    id: 'makemv-internal-field',
    page: PAGE,
    quote: 'Note: The `makemv` command does not apply to internal fields.',
    search: '| makeresults | eval _tags="a b c" | makemv _tags | eval n=mvcount(_tags)',
    expected: { field: 'n', value: '1' },
  },
];
