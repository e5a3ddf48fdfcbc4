/** Mathematical functions (eval). */
import { page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/mathematical-functions');

export const mathematicalCases: DocCase[] = [
  {
    id: 'math-abs',
    page: PAGE,
    quote: 'The following example creates a field called `absnum`, whose values are the absolute values of the numeric field `number`.',
    search: '| makeresults | eval number=-10.95 | eval absnum=abs(number)',
    expected: { field: 'absnum', value: '10.95' },
  },
  {
    id: 'math-ceil',
    page: PAGE,
    quote: 'The following example returns n=2. ... | eval n=ceil(1.9)',
    search: '| makeresults | eval n=ceil(1.9)',
    expected: { field: 'n', value: '2' },
  },
  {
    id: 'math-ceiling',
    page: PAGE,
    quote: 'You can use the abbreviation `ceil` instead of the full name of the function. ... The following example returns n=2.',
    search: '| makeresults | eval n=ceiling(1.9)',
    expected: { field: 'n', value: '2' },
  },
  {
    id: 'math-floor',
    page: PAGE,
    quote: 'The following example returns 1. ... | eval n=floor(1.9)',
    search: '| makeresults | eval n=floor(1.9)',
    expected: { field: 'n', value: '1' },
  },
  {
    id: 'math-round-half',
    page: PAGE,
    quote: 'The following example returns n=4. ... | eval n=round(3.5)',
    search: '| makeresults | eval n=round(3.5)',
    expected: { field: 'n', value: '4' },
  },
  {
    id: 'math-round-precision',
    page: PAGE,
    quote: 'The following example returns n=2.56. ... | eval n=round(2.555, 2)',
    search: '| makeresults | eval n=round(2.555, 2)',
    expected: { field: 'n', value: '2.56' },
  },
  {
    id: 'math-sqrt',
    page: PAGE,
    quote: 'The following example returns 3: ... | eval n=sqrt(9)',
    search: '| makeresults | eval n=sqrt(9)',
    expected: { field: 'n', value: '3' },
  },
  {
    id: 'math-log-default-base',
    page: PAGE,
    quote: 'If the second argument <base> is omitted, this function evaluates the logarithm of number with base 10.',
    search: '| makeresults | eval num=log(1000)',
    expected: { field: 'num', value: '3' },
  },
  {
    id: 'math-log-base-2',
    page: PAGE,
    quote:
      'This function takes either one or two numeric arguments and returns the logarithm of the first argument <num> using the second argument <base>. ... | eval num=log(number,2)',
    search: '| makeresults | eval number=8 | eval num=log(number,2)',
    expected: { field: 'num', value: '3' },
  },
  {
    id: 'math-sigfig-product',
    page: PAGE,
    quote:
      'The calculation `1.00*1111` returns the value `n=1111`, but the following search using the `sigfig` function returns `n=1110`.',
    search: '| makeresults | eval n=sigfig(1.00*1111)',
    expected: { field: 'n', value: '1110' },
  },
  {
    id: 'math-product-without-sigfig',
    page: PAGE,
    quote: 'The calculation `1.00*1111` returns the value `n=1111`',
    search: '| makeresults | eval n=1.00*1111',
    expected: { field: 'n', value: '1111' },
  },
  {
    id: 'math-sigfig-sum',
    page: PAGE,
    quote:
      'If the calculation is 123.0 + 4.567 = 127.567, then the `sigfig` function returns the fewest number of decimal places. ... the result returned is 127.6',
    search: '| makeresults | eval n=sigfig(123.0 + 4.567)',
    expected: { field: 'n', value: '127.6' },
  },
  {
    id: 'math-avg-100',
    page: PAGE,
    quote: 'The result of this calculation is: | avg(test) | | 3.9900000000000055 |',
    search: '| makeresults count=100 | eval test=3.99 | stats avg(test)',
    expected: { field: 'avg(test)', value: '3.9900000000000055' },
  },
  {
    id: 'math-avg-10000',
    page: PAGE,
    quote: 'When the count is changed to 10000, the results are different: ... The result of this calculation is: | avg(test) | | 3.990000000000215 |',
    search: '| makeresults count=10000 | eval test=3.99 | stats avg(test)',
    expected: { field: 'avg(test)', value: '3.990000000000215' },
  },
  {
    id: 'math-sigfig-avg',
    page: PAGE,
    quote: 'To return 2 decimal places, multiply by 1.00, as shown in the following example: ... The result of this calculation is: | test | | 3.99 |',
    search: '| makeresults count=10000 | eval test=3.99 | stats avg(test) AS test | eval new_test=sigfig(test*1.00)',
    expected: { field: 'new_test', value: '3.99' },
    note: 'The page heads its result column "test" though the search names the field new_test (see the report); the value is read as new_test.',
  },
  {
    id: 'math-sum-fields',
    page: PAGE,
    quote:
      'The following example creates a field called `a` with value 5.0, a field called `b` with value 9, and a field called `x` with value 14 that is the sum of `a` and `b`. A field is not created for `c` and it is not included in the sum because a value was not declared for that argument.',
    search: '| makeresults | eval a = 5.0, b = "9", x = sum(a, b, c)',
    expected: { fields: { a: '5.0', b: '9', x: '14', c: null } },
  },
  {
    id: 'math-sum-literals',
    page: PAGE,
    quote: 'The following example calculates the sum of three numbers and returns c=6.',
    search: '| makeresults | eval c=sum(1, 2, 3)',
    expected: { field: 'c', value: '6' },
  },
  {
    id: 'math-sum-string-literal',
    page: PAGE,
    quote: 'However, the following example returns an error because one of the arguments in the function is a string. ... | eval c=sum(1, 2, "3")',
    search: '| makeresults | eval c=sum(1, 2, "3")',
    expected: { error: true },
  },
  {
    id: 'math-sum-tonumber',
    page: PAGE,
    quote:
      'To use a quoted string as a number within the function, you must convert the number to an integer, as shown in the following example that returns c=6.',
    search: '| makeresults | eval c=sum(1, 2, tonumber("3"))',
    expected: { field: 'c', value: '6' },
  },
  {
    id: 'math-sum-string-field',
    page: PAGE,
    quote: 'In this example, a field with a value that is a string results in a field called `a` with value 1, and a field called `c` with value 6,',
    search: '| makeresults | eval a="1", c=sum(a, 2, 3)',
    expected: { fields: { a: '1', c: '6' } },
  },
  {
    id: 'math-sum-non-number-field',
    page: PAGE,
    quote: 'The following example creates a field called `a` with value somedata, and a field called `c` with value 5.',
    search: '| makeresults | eval a="somedata", c=sum(a, 2, 3)',
    expected: { fields: { a: 'somedata', c: '5' } },
  },
  {
    id: 'math-sum-non-number-literal',
    page: PAGE,
    quote: 'However, the following example returns an error because the string argument is specified directly within the function.',
    search: '| makeresults | eval c=sum("somedata", 2, 3)',
    expected: { error: true },
  },
];
