/** Conversion functions (eval): ipmask, printf, toarray, tobool, todouble, toint, tonumber, toobject, tostring. */
import { marked, page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/conversion-functions');

/** A case for one row of the printf tables: `printf(args)` returns `value`. */
const printf = (id: string, args: string, value: string, quote: string, knownDifference?: string): DocCase => ({
  id: `conv-printf-${id}`,
  page: PAGE,
  quote,
  search: `| makeresults | eval p=printf(${args})`,
  expected: { field: 'p', value },
  ...marked(knownDifference),
});

export const conversionCases: DocCase[] = [
  {
    id: 'conv-ipmask-class-c',
    page: PAGE,
    quote: 'The output of this example is `10.20.30.0`.',
    search: '| makeresults | eval maskedIP = ipmask("255.255.255.0", "10.20.30.120")',
    expected: { field: 'maskedIP', value: '10.20.30.0' },
  },
  {
    id: 'conv-ipmask-masked-value',
    page: PAGE,
    quote: '...| where ipmask("0.255.0.224", clientip)="10.20.30.120" In this example, the masked value is `0.20.0.96`.',
    search: '| makeresults | eval clientip="10.20.30.120" | eval masked=ipmask("0.255.0.224", clientip)',
    expected: { field: 'masked', value: '0.20.0.96' },
    note: 'The page compares the masked value with the unmasked address in its where clause (see the report); the stated masked value is what is tested.',
  },
  printf('hex-float', '"%.3A",pi()', '0X1.922P+1', '`printf("%.3A",pi())` which returns `0X1.922P+1`'),
  printf('char', '"%c,%c",65,"Foo"', 'A,F', '`printf("%c,%c",65,"Foo")` which returns `A,F`'),
  printf('signed', '"%d,%i,%d",-2,+4,30', '-2,4,30', '`printf("%d,%i,%d",-2,+4,30)` which returns `-2,4,30`'),
  printf('exponent', '"%.2e",5139', '5.14e+03', '`printf("%.2e",5139)` which returns `5.14e+03`'),
  printf('fixed', '"%.2f",pi()', '3.14', '`printf("%.2f",pi())` which returns `3.14`'),
  printf('general', '"%.2g,%.2g",pi(),123', '3.1,1.2e+02', '`printf("%.2g,%.2g",pi(),123)` which returns `3.1,1.2e+02`'),
  printf('octal', '"%o",255', '377', '`printf("%o",255)` which returns `377`'),
  printf('string-z', '"%s%z", "foo", "bar"', 'foobar', '`printf("%s%z", "foo", "bar")` which returns `foobar`'),
  printf('unsigned', '"%u",99', '99', '`printf("%u",99)` which returns `99`'),
  printf('hex-p', '"%x,%X,%p",10,10,10', 'a,A,A', '`printf("%x,%X,%p",10,10,10)` which returns `a,A,A`'),
  printf('percent', '"100%%"', '100%', '`printf("100%%")` which returns `100%`'),
  printf('thousands', `"%'d",12345`, '12,345', '`printf("%\'d",12345)`, which returns `12,345`'),
  printf('zero-pad', '"%04d",1', '0001', '`printf("%04d",1)`, which returns `0001`'),
  printf('alternate', '"%#x", 1', '0x1', '`printf("%#x", 1)`, which returns `0x1`'),
  printf('star-precision', '"%.*f", 1, 1.23', '1.2', '`printf("%.*f", 1, 1.23)` which returns `1.2`'),
  {
    id: 'conv-toarray-split',
    page: PAGE,
    quote: 'The following search returns an array called `my_array` with the value `[1,2,3]`.',
    search: '| makeresults | eval my_array=toarray(split("1, 2, 3", ","))',
    expected: { field: 'my_array', value: '[1,2,3]' },
  },
  {
    id: 'conv-toarray-string',
    page: PAGE,
    quote: 'The following search returns an array called `grocery_array` with the value `["carrots",1,"potatoes",1.75]`.',
    search: '| makeresults | eval grocery_array=toarray("[\\"carrots\\", 1.00, \\"potatoes\\", 1.75]")',
    expected: { field: 'grocery_array', value: '["carrots",1,"potatoes",1.75]' },
  },
  {
    id: 'conv-toarray-not-array',
    page: PAGE,
    quote: 'The following search returns `True`, indicating that `"somefield"` isn\'t an array.',
    search: '| makeresults | eval result = if(isnull(toarray("somefield")), "True", "False")',
    expected: { field: 'result', value: 'True' },
  },
  {
    id: 'conv-toarray-multivalue',
    page: PAGE,
    quote:
      'The results look like this: | _time | test_data | test_array | | 2024-12-10 00:46:39 | 100 200   300 | [100,200,300] | | 2024-12-10 00:46:45 | 4 5   6 | [4,5,6] |',
    search:
      '| makeresults count=2 | streamstats count as n | eval test_data=if(n==1, split("100,200,300", ","), split("4,5,6", ",")) | eval test_array = toarray(test_data) | table test_array',
    expected: { rows: [{ test_array: '[100,200,300]' }, { test_array: '[4,5,6]' }] },
  },
  {
    id: 'conv-tobool-in-stock',
    page: PAGE,
    quote:
      'Your search results look like this: | _time | categoryId | units | in_stock | | 2024-11-07 21:25:09 | Dream Crusher | 12 | In Stock | | 2024-11-07 21:25:09 | Final Sequel | 0 | Not in Stock | | 2024-11-07 21:25:09 | Grand Theft Scooter | 15 | In Stock | | 2024-11-07 21:25:09 | Mediocre Kingdom | 35 | In Stock | | 2024-11-07 21:25:09 | Orvil the Wolverine | 1 | In Stock |',
    search:
      '| makeresults count=5 | streamstats count as n | eval units=case(n==1, 12, n==2, 0, n==3, 15, n==4, 35, n==5, 1) | eval in_stock=if(tobool(units), "In Stock", "Not in Stock") | table units in_stock',
    expected: {
      rows: [
        { units: '12', in_stock: 'In Stock' },
        { units: '0', in_stock: 'Not in Stock' },
        { units: '15', in_stock: 'In Stock' },
        { units: '35', in_stock: 'In Stock' },
        { units: '1', in_stock: 'In Stock' },
      ],
    },
  },
  {
    id: 'conv-todouble-not-number',
    page: PAGE,
    quote: "If the `todouble` function can't parse a string to a number, the function returns null.",
    search: '| makeresults | eval result = todouble("number")',
    expected: { field: 'result', value: null },
  },
  {
    id: 'conv-todouble-integer',
    page: PAGE,
    quote: 'The following example converts the value `5` from a number to a double so that it becomes `5.0`, and then stores the converted value in a field named `numbers_double`.',
    search: '| makeresults | eval numbers_double=todouble(5)',
    expected: { field: 'numbers_double', value: '5.0' },
  },
  {
    id: 'conv-toint-string',
    page: PAGE,
    quote: 'The following example converts the value `24` from a string to an integer, and stores the converted value in a field named `numbers_int`.',
    search: '| makeresults | eval numbers_int=toint("24")',
    expected: { field: 'numbers_int', value: '24' },
  },
  {
    id: 'conv-toint-double',
    page: PAGE,
    quote: 'The `toint` function rounds the value down to `3` and stores it in a field named `numbers_int`.',
    search: '| makeresults | eval numbers_int=toint(3.14)',
    expected: { field: 'numbers_int', value: '3' },
  },
  {
    id: 'conv-tonumber-binary',
    page: PAGE,
    quote: 'For example, the result of the following function is `5`: `eval result = tonumber("0101", 2)`',
    search: '| makeresults | eval result = tonumber("0101", 2)',
    expected: { field: 'result', value: '5' },
  },
  {
    id: 'conv-tonumber-hex',
    page: PAGE,
    quote: 'The following example takes the hexadecimal number and uses a `base` of 16 to return the number "164".',
    search: '| makeresults | eval n=tonumber("0A4",16)',
    expected: { field: 'n', value: '164' },
  },
  {
    id: 'conv-tonumber-trim',
    page: PAGE,
    quote: 'The following example trims any leading or trailing spaces from the values in the `celsius` field before converting it to a number.',
    search: '| makeresults | eval celsius=" 21 " | eval temperature=tonumber(trim(celsius))',
    expected: { field: 'temperature', value: '21' },
  },
  {
    id: 'conv-toobject',
    page: PAGE,
    quote: 'The results look like this: | _time | employee_record | | 2024-12-17 19:28:07 | {"name":"maria","age":25,"status":"full-time"} |',
    search: '| makeresults | eval employee_record = toobject("{\\"name\\": \\"maria\\", \\"age\\": 25, \\"status\\": \\"full-time\\"}")',
    expected: { field: 'employee_record', value: '{"name":"maria","age":25,"status":"full-time"}' },
  },
  {
    id: 'conv-tostring-binary',
    page: PAGE,
    quote: 'For example, the result of the following function is `1001`, because the binary representation of `9` is `1001`.',
    search: '| makeresults | eval result = tostring(9, "binary")',
    expected: { field: 'result', value: '1001' },
  },
  {
    id: 'conv-tostring-mixed',
    page: PAGE,
    quote: 'The following example returns "True 0xF 12,345.68".',
    search: '| makeresults | eval n=tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")',
    expected: { field: 'n', value: 'True 0xF 12,345.68' },
  },
  {
    id: 'conv-tostring-duration',
    page: PAGE,
    quote: 'The following example returns `foo=615` and `foo2=00:10:15`. The 615 seconds is converted into minutes and seconds.',
    search: '| makeresults | eval foo=615 | eval foo2 = tostring(foo, "duration")',
    expected: { fields: { foo: '615', foo2: '00:10:15' } },
  },
];
