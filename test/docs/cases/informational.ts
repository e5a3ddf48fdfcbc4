/** Informational functions (eval): isarray, isbool, isdouble, isint, ismv, isnotnull, isnull, isnum, isobject, isstr, typeof. */
import { marked, page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/informational-functions');

/** A case whose search sets `result` to "True" or "False" by an informational function. */
const truth = (id: string, search: string, value: 'True' | 'False', quote: string, knownDifference?: string): DocCase => ({
  id: `info-${id}`,
  page: PAGE,
  quote,
  search,
  expected: { field: 'result', value },
  ...marked(knownDifference),
});

/** The NaN examples without their final `| transpose`: the same values, one field each instead of one row each. */
const NAN_NOTE = 'The page ends the search with `| transpose` (not supported); without it the same values are fields of one result.';

export const informationalCases: DocCase[] = [
  truth('isarray-true', '| makeresults | eval result = if(isarray("[1, 2, 3]"), "True", "False")', 'True', 'The following search returns True because [1, 2, 3] is an array.'),
  truth('isarray-false', '| makeresults | eval result = if(isarray(1), "True", "False")', 'False', 'The result of the following search is False because 1 is not an array.'),
  truth('isbool-true', '| makeresults | eval result = if(isbool(1==2), "True", "False")', 'True', 'The following search returns True because 1==2 is Boolean.'),
  truth('isbool-false', '| makeresults | eval result = if(isbool(a), "True", "False")', 'False', 'The following search returns False because the value a is not Boolean.'),
  truth('isdouble-true', '| makeresults | eval result = if(isdouble(3.546), "True", "False")', 'True', 'The following search returns True because the value 3.546 is a double.'),
  truth('isdouble-false', '| makeresults | eval result = if(isdouble(1000000), "True", "False")', 'False', 'The following example returns False because 1000000 is not a double.'),
  {
    id: 'info-isint-if',
    page: PAGE,
    quote: 'If the value of "field" is a number, the isint function returns TRUE and the value adds the value "int" to the "n" field.',
    search: '| makeresults | eval field=42 | eval n=if(isint(field),"int", "not int")',
    expected: { field: 'n', value: 'int' },
  },
  {
    id: 'info-isint-where',
    page: PAGE,
    quote: 'This function takes one argument and returns TRUE if the value is an integer. ... | where isint(field)',
    search: '| makeresults count=2 | streamstats count as n | eval field=if(n==1, 42, "forty-two") | where isint(field) | table field',
    expected: { rows: [{ field: '42' }] },
  },
  {
    id: 'info-ismv',
    page: PAGE,
    quote: 'The following example returns True because the value in the number_list field is a multivalue.',
    search: '| makeresults | eval number_list=split("1, 2, 3", ",") | eval result=if(ismv(number_list), "True", "False")',
    expected: { field: 'result', value: 'True' },
  },
  {
    id: 'info-isnotnull',
    page: PAGE,
    quote: 'If the value of "field" is a number, the isnotnull function returns TRUE and the value adds the value "yes" to the "n" field.',
    search: '| makeresults | eval field=7 | eval n=if(isnotnull(field),"yes","no")',
    expected: { field: 'n', value: 'yes' },
  },
  {
    id: 'info-isnotnull-where',
    page: PAGE,
    quote: 'This function takes one argument and returns TRUE if the value is not NULL. ... | where isnotnull(field)',
    search: '| makeresults count=2 | streamstats count as n | eval field=if(n==1, 7, null()) | where isnotnull(field) | table n',
    expected: { rows: [{ n: '1' }] },
  },
  {
    id: 'info-isnull',
    page: PAGE,
    quote: 'If there is no value for "field" in a result, the isnull function returns TRUE and adds the value "yes" to the "n" field.',
    search: '| makeresults | eval n=if(isnull(field),"yes","no")',
    expected: { field: 'n', value: 'yes' },
  },
  {
    id: 'info-isnum-if',
    page: PAGE,
    quote: 'If the value of "field" is a number, the isnum function returns TRUE and the value adds the value "yes" to the "n" field.',
    search: '| makeresults | eval field=3.5 | eval n=if(isnum(field),"yes","no")',
    expected: { field: 'n', value: 'yes' },
  },
  {
    id: 'info-isnum-nan',
    page: PAGE,
    quote:
      'Notice that literalNanIsNumeric is false because the isnum command interprets "NaN" as a string, not a number. | column | row | | literalIsNumeric | false | | literalNanIsNumeric | false | | numval | NaN | | numvalIsNumeric | true | | strval | NaN | | strvalIsNumeric | true |',
    search:
      '| makeresults | eval strval="NaN", numval=strval % 1 | fields - _time | eval literalIsNumeric=if(isnum("anystring"), "true", "false") | eval literalNanIsNumeric=if(isnum("NaN"), "true", "false") | eval numvalIsNumeric=if(isnum(numval), "true", "false") | eval strvalIsNumeric=if(isnum(strval), "true", "false")',
    expected: {
      fields: {
        literalIsNumeric: 'false',
        literalNanIsNumeric: 'false',
        numval: 'NaN',
        numvalIsNumeric: 'true',
        strval: 'NaN',
        strvalIsNumeric: 'true',
      },
    },
    note: NAN_NOTE,
  },
  truth(
    'isobject-literal-name',
    '| makeresults | eval games = "Ticket to Ride, Settlers of Catan" | eval result = if(isobject("games"), "True", "False")',
    'False',
    "The following example returns False because the value in the games field isn't a valid JSON object."),
  truth(
    'isobject-json',
    '| makeresults | eval games = "{\\"type\\": \\"competitive\\", \\"name\\": \\"Ticket to Ride\\"}" | eval result = if(isobject(games), "True", "False")',
    'True',
    'The following example returns True because the value in the games field is a valid JSON object.'),
  {
    id: 'info-isobject-unquoted-key',
    page: PAGE,
    quote: 'Your results look like this. | _time | is_an_object | | 2024-12-19 21:49:04 | is not object |',
    search: '| makeresults |eval is_an_object = if(isobject("{cities: \\"3\\"}"), "is object", "is not object")',
    expected: { field: 'is_an_object', value: 'is not object' },
  },
  {
    id: 'info-isstr-nan',
    page: PAGE,
    quote:
      'Notice that, as expected, each isstr test identifies "NaN" as a string, regardless of whether the "NaN" is a string or numeric value. | column | row | | literalIsStr | true | | literalNanIsStr | true | | numval | NaN | | numvalIsStr | true | | strval | NaN | | strvalIsStr | true |',
    search:
      '| makeresults | eval strval="NaN", numval=strval % 1 | fields - _time | eval literalIsStr=if(isstr("anystring"), "true", "false") | eval literalNanIsStr=if(isstr("NaN"), "true", "false") | eval numvalIsStr=if(isstr(numval), "true", "false") | eval strvalIsStr=if(isstr(strval), "true", "false")',
    expected: {
      fields: { literalIsStr: 'true', literalNanIsStr: 'true', numval: 'NaN', numvalIsStr: 'true', strval: 'NaN', strvalIsStr: 'true' },
    },
    note: NAN_NOTE,
  },
  {
    id: 'info-isstr-if',
    page: PAGE,
    quote: 'If the value of "field" is a string, the isstr function returns TRUE and the value adds the value "yes" to the "n" field.',
    search: '| makeresults | eval field="abc" | eval n=if(isstr(field),"yes","no")',
    expected: { field: 'n', value: 'yes' },
  },
  {
    id: 'info-typeof-four',
    page: PAGE,
    quote: 'This example returns "NumberStringBoolInvalid"',
    search: '| makeresults | eval n=typeof(12) + typeof("string") + typeof(1==2) + typeof(badfield)',
    expected: { field: 'n', value: 'NumberStringBoolInvalid' },
  },
  {
    id: 'info-typeof-time',
    page: PAGE,
    quote: 'The results are: | _time | t | | 2018-08-14 14:00:15 | Number |',
    search: '| makeresults | eval t=typeof(_time)',
    expected: { field: 't', value: 'Number' },
  },
];
