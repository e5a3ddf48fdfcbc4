/** Statistical eval functions: avg, max, min, random. */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/statistical-eval-functions');

export const statisticalEvalCases: DocCase[] = [
  {
    id: 'stateval-avg-fields',
    page: PAGE,
    quote:
      'The following example creates a field called a with value 5.0, a field called b with value 9, and a field called x with value 7 that is the average of a and b . A field is not created for c and it is not included in the total because a value was not declared for that argument.',
    search: '| makeresults | eval a = 5.0, b = "9", x = avg(a, b, c)',
    expected: { fields: { a: '5.0', b: '9', x: '7', c: null } },
  },
  {
    id: 'stateval-avg-literals',
    page: PAGE,
    quote: 'The following example calculates the average of three numbers and returns c=2.',
    search: '| makeresults | eval c=avg(1, 2, 3)',
    expected: { field: 'c', value: '2' },
  },
  {
    id: 'stateval-avg-string-literal',
    page: PAGE,
    quote: 'However, the following example returns an error because one of the arguments in the function is a string.',
    search: '| makeresults | eval c=avg(1, 2, "3")',
    expected: { error: true },
  },
  {
    id: 'stateval-avg-tonumber',
    page: PAGE,
    quote:
      'To use a quoted string as a number within the function, you must convert the number to an integer, as shown in the following example where c=2: ... | eval c=avg(1, 2, tonumber("3")',
    search: '| makeresults | eval c=avg(1, 2, tonumber("3"))',
    expected: { field: 'c', value: '2' },
    note: 'The page\'s search lacks its last closing parenthesis; it is added here.',
  },
  {
    id: 'stateval-avg-string-field',
    page: PAGE,
    quote: 'In this example, a field with a value that is a string results in a field called a with value 1, and a field called c with value 2,',
    search: '| makeresults | eval a="1", c=avg(a, 2, 3)',
    expected: { fields: { a: '1', c: '2' } },
  },
  {
    id: 'stateval-avg-non-number-field',
    page: PAGE,
    quote: 'The following example creates a field called a with value somedata, and a field called c with value 2.5.',
    search: '| makeresults | eval a="somedata", c=avg(a, 2, 3)',
    expected: { fields: { a: 'somedata', c: '2.5' } },
  },
  {
    id: 'stateval-avg-non-number-literal',
    page: PAGE,
    quote: 'However, the following example returns an error because the string argument is specified directly within the function.',
    search: '| makeresults | eval c=avg("somedata", 2, 3)',
    expected: { error: true },
  },
  {
    id: 'stateval-max-string-wins',
    page: PAGE,
    quote: 'If the value in the name field is "baz" , then "foo" is returned.',
    search: '| makeresults | eval name="baz" | eval n=max(1, 3, 6, 7, "foo", name)',
    expected: { field: 'n', value: 'foo' },
  },
  {
    id: 'stateval-max-field-wins',
    page: PAGE,
    quote: 'If the value in the name field is "zaz" , then "zaz" is returned.',
    search: '| makeresults | eval name="zaz" | eval n=max(1, 3, 6, 7, "foo", name)',
    expected: { field: 'n', value: 'zaz' },
  },
  {
    id: 'stateval-max-multivalue',
    page: PAGE,
    quote: 'Another new field called maxn is created which takes the values in n and returns the maximum value, 6 .',
    search: '| makeresults | eval n = "1 3 5 6 4 2" | makemv n | eval maxn = max(n)',
    expected: { fields: { maxn: '6', n: ['1', '3', '5', '6', '4', '2'] } },
  },
  {
    id: 'stateval-min-number-wins',
    page: PAGE,
    quote: 'If the value in the size field is 9 , then 3 is returned.',
    search: '| makeresults | eval size=9 | eval n=min(3, 6, 7, "maria", size)',
    expected: { field: 'n', value: '3' },
  },
  {
    id: 'stateval-min-field-wins',
    page: PAGE,
    quote: 'If the value in the size field is 1 , then 1 is returned.',
    search: '| makeresults | eval size=1 | eval n=min(3, 6, 7, "maria", size)',
    expected: { field: 'n', value: '1' },
  },
  {
    id: 'stateval-min-multivalue',
    page: PAGE,
    quote: 'Another new field called minn is created which takes the values in n and returns the minimum value, 2 .',
    search: '| makeresults | eval n = "3 5 6 4 7 2" | makemv n | eval minn = min(n)',
    expected: { fields: { minn: '2', n: ['3', '5', '6', '4', '7', '2'] } },
  },
  {
    id: 'stateval-random-range',
    page: PAGE,
    quote: 'This function takes no arguments and returns a pseudo-random integer ranging from zero to 2 31 -1.',
    search: '| makeresults count=20 | eval n=random() | where n>=0 AND n<=2147483647 AND n==floor(n) | stats count',
    expected: { field: 'count', value: '20' },
  },
];
