/** The eval command: assignment, operators, precision, field names. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/eval');

const MAILFROM = [
  ['na.lui@sample.net', 'na.lui', 'sample.net'],
  ['MAILER-DAEMON@hcp2mailsec.sample.net', 'MAILER-DAEMON', 'hcp2mailsec.sample.net'],
  ['M&MService@example.com', 'M&MService', 'example.com'],
  ['AlexMartin@oursample.de', 'AlexMartin', 'oursample.de'],
  ['Exit_Desk@sample.net', 'Exit_Desk', 'sample.net'],
  ['buttercup-forum+SEMAG8PUC4RETTUB@groups.com', 'buttercup-forum+SEMAG8PUC4RETTUB', 'groups.com'],
  ['eduardo.rodriguez@sample.net', 'eduardo.rodriguez', 'sample.net'],
  ['VC00110489@techexamples.com', 'VC00110489', 'techexamples.com'],
] as const;
const MAILS = `| makeresults count=${MAILFROM.length} | streamstats count as n | eval mailfrom=mvindex(split("${MAILFROM.map((m) => m[0]).join(',')}", ","), n-1)`;

/** A one-result eval whose field `field` the page states. */
const one = (id: string, expression: string, field: string, value: string, quote: string): DocCase => ({
  id: `eval-${id}`,
  page: PAGE,
  quote,
  search: `| makeresults | eval ${expression}`,
  expected: { field, value },
});

export const evalCommandCases: DocCase[] = [
  {
    id: 'eval-rounding-precision',
    knownDifference: "error: spelunk does not support the eval function 'exact'",
    page: PAGE,
    quote: 'The results look like this: | _time | decimal1 | decimal2 | decimal3 | exact | | 2022-09-02 21:53:30 | 2 | 1.7 | 1.65 | 1.650 |',
    search: '|makeresults | eval decimal1=8.250 * 0.2, decimal2=8.250 * 0.20, decimal3=8.250 * 0.200, exact=8.250 * exact(0.2)',
    expected: { fields: { decimal1: '2', decimal2: '1.7', decimal3: '1.65', exact: '1.650' } },
  },
  {
    id: 'eval-rounding-plain',
    knownDifference: 'prints 1.65 for all three products: literals carry no precision',
    page: PAGE,
    quote:
      'Results are rounded to a precision appropriate to the precision of the input results. The precision of the results can be no greater than the precision of the least-precise input. ... | decimal1 | decimal2 | decimal3 | ... | 2 | 1.7 | 1.65 |',
    search: '|makeresults | eval decimal1=8.250 * 0.2, decimal2=8.250 * 0.20, decimal3=8.250 * 0.200',
    expected: { fields: { decimal1: '2', decimal2: '1.7', decimal3: '1.65' } },
  },
  {
    id: 'eval-long-numbers',
    page: PAGE,
    quote: 'The results look like this: | _time | max_supported_val | val1 | val2 | | 2022-09-04 10:22:11 | 9007199254740991 | 9007199254740992 | 9007199254740992 |',
    search: '| makeresults | eval max_supported_val = pow(2, 53)-1, val1 = max_supported_val + 1, val2 = max_supported_val + 2',
    expected: { fields: { max_supported_val: '9007199254740991', val1: '9007199254740992', val2: '9007199254740992' } },
  },
  one('tostring-commas', 'x=1000000.1278 | eval x=tostring(x,"commas")', 'x', '1,000,000.13', 'If the original value of x is 1000000.1278, the following search returns x as 1,000,000.13.'),
  one('tostring-currency', 'x=1000000.1278 | eval x="$".tostring(x,"commas")', 'x', '$1,000,000.13', 'To include a currency symbol at the beginning of the string: ... This returns x as $1,000,000.13'),
  {
    id: 'eval-dynamic-name',
    page: PAGE,
    quote: 'For example, if you have an event with the aName=counter and aValue=1234 fields, use | eval {aName}=aValue to return counter=1234 .',
    search: '| makeresults | eval aName="counter", aValue=1234 | eval {aName}=aValue',
    expected: { field: 'counter', value: '1234' },
  },
  {
    id: 'eval-dynamic-name-same-eval',
    page: PAGE,
    quote: 'The search results look something like this: | _time | counter | field1 | | 2023-05-10 21:15:49 | 1234 | counter |',
    search: '| makeresults | eval field1="counter", {field1}="1234"',
    expected: { fields: { counter: '1234', field1: 'counter' } },
  },
  {
    id: 'eval-dynamic-name-recursive',
    page: PAGE,
    quote:
      'Searches that dynamically create field names generate errors and do not complete if there are unbounded recursive replacements. For example, the following search doesn\'t produce results because the right side of the eval expression generates bracketed field names that are recursive.',
    search: '| makeresults | eval p="{p}", v_{p} = p',
    expected: { error: true },
  },
  {
    id: 'eval-trailing-space-name',
    page: PAGE,
    quote:
      'For example, a search like this that assigns the same value to fields called first and second produces valid results, even though first has a trailing space: ... | eval "first  " = 123 | eval second=\'first  \'',
    search: '| makeresults | eval "first  " = 123 | eval second=\'first  \'',
    expected: { field: 'second', value: '123' },
  },
  {
    id: 'eval-boolean-result',
    page: PAGE,
    quote: 'The result of an eval expression cannot be a Boolean.',
    search: '| makeresults | eval x=1<2',
    expected: { error: true },
  },
  {
    id: 'eval-boolean-tostring',
    page: PAGE,
    quote: 'However you can convert booleans and nulls to strings using the tostring() function, which can be assigned to fields.',
    search: '| makeresults | eval x=tostring(1<2)',
    expected: { field: 'x', value: 'True' },
  },
  {
    id: 'eval-overwrite',
    page: PAGE,
    quote: 'If the field name that you specify matches a field name that already exists in the search results, the results of the eval expression overwrite the values in that field.',
    search: '| makeresults | eval x="old" | eval x="new"',
    expected: { field: 'x', value: 'new' },
  },
  {
    id: 'eval-left-to-right',
    page: PAGE,
    quote:
      'The search processes multiple eval expressions left-to-right and lets you reference previously evaluated fields in subsequent expressions. ... | eval full_name = first_name." ".last_name, low_name = lower(full_name)',
    search: '| makeresults | eval first_name="Alex", last_name="Martin" | eval full_name = first_name." ".last_name, low_name = lower(full_name)',
    expected: { fields: { full_name: 'Alex Martin', low_name: 'alex martin' } },
  },
  {
    id: 'eval-quoted-field-name',
    page: PAGE,
    quote: "For example, if the field name is server-1 you specify the field name like this new=count+'server-1' .",
    search: "| makeresults | eval count=2, 'server-1'=40 | eval new=count+'server-1'",
    expected: { field: 'new', value: '42' },
  },
  {
    id: 'eval-string-literal',
    page: PAGE,
    quote: 'For example, if the string you want to use is server- you specify the string like this new="server-".host .',
    search: '| makeresults | eval host="www1" | eval new="server-".host',
    expected: { field: 'new', value: 'server-www1' },
  },
  {
    id: 'eval-field-name-with-space',
    knownDifference: "rejects a single-quoted field name with a space on the left of =: error: Error in 'eval' command: expected '=' after ''Account'.",
    page: PAGE,
    quote: "For example, to specify the field name Account ID you can specify AccountID or 'Account ID' .",
    search: "| makeresults | eval 'Account ID'=5 | eval doubled='Account ID'*2",
    expected: { field: 'doubled', value: '10' },
  },
  {
    id: 'eval-field-name-with-period',
    page: PAGE,
    quote: "To specify a field name with special characters, such as a period, use single quotation marks. For example, to specify the field name Last.Name use 'Last.Name' .",
    search: "| makeresults | eval 'Last.Name'=\"Zhang\" | eval upper=upper('Last.Name')",
    expected: { field: 'upper', value: 'ZHANG' },
  },
  one('plus-strings', 'x="butter"+"cup"', 'x', 'buttercup', 'The plus ( + ) operator accepts two numbers for addition, or two strings for concatenation.'),
  one('period-numbers', 'x=10 . 20', 'x', '1020', 'The period ( . ) operator concatenates both strings and number. Numbers are concatenated in their string represented form.'),
  one('single-equals', 'x=if(3=3, "same", "different")', 'x', 'same', 'In expressions, the single equal sign ( = ) is a synonym for the double equal sign ( == ).'),
  one('like-operator-match', 'x=if("axxbz" LIKE "a%b_", "match", "no match")', 'x', 'match',
    'For example, field LIKE "a%b_" matches any string starting with a , followed by anything, followed by b , followed by one character.'),
  one('like-operator-nomatch', 'x=if("axxb" LIKE "a%b_", "match", "no match")', 'x', 'no match',
    'For example, field LIKE "a%b_" matches any string starting with a , followed by anything, followed by b , followed by one character.'),
  one('and-before-or', 'x=if(true() OR false() AND false(), "or last", "and last")', 'x', 'or last',
    'The order in which Boolean expressions are evaluated with the eval command is: Expressions within parentheses NOT clauses AND clauses OR clauses XOR clauses'),
  one('or-before-xor', 'x=if(true() OR true() XOR true(), "xor first", "xor last")', 'x', 'xor last',
    'The order in which Boolean expressions are evaluated with the eval command is: Expressions within parentheses NOT clauses AND clauses OR clauses XOR clauses'),
  one('not-before-and', 'x=if(NOT false() AND false(), "not first", "and first")', 'x', 'and first',
    'The order in which Boolean expressions are evaluated with the eval command is: Expressions within parentheses NOT clauses AND clauses OR clauses XOR clauses'),
  one('velocity', 'distance=100, time=20 | eval velocity=distance/time', 'velocity', '5',
    'Create a new field called velocity in each event. Calculate the velocity by dividing the values in the distance field by the values in the time field.'),
  one('if-problem', 'status=503 | eval error = if(status == 200, "OK", "Problem")', 'error', 'Problem',
    'Using the if function, set the value in the error field to OK if the status value is 200. Otherwise set the error field value to Problem.'),
  one('lower-dash-name', 'username="AlexM" | eval low-user = lower(username)', 'low-user', 'alexm',
    'Create a new field in each event called low-user . Using the lower function, populate the field with the lowercase version of the values in the username field.'),
  one('cidrmatch-network', 'clientip="182.236.1.7" | eval network=if(cidrmatch("182.236.164.11/16", clientip), "local", "other")', 'network', 'local',
    'The search also uses the if() function, which says that if the value of clientip falls in the subnet range, then the network field value is local . Otherwise, network=other .'),
  one('coalesce-phone', 'subscriberNumber="555-0100" | eval phone=coalesce(number,subscriberNumber)', 'phone', '555-0100',
    'The coalesce() function takes the value of the first non-NULL field (that means, it exists in the event).'),
  {
    id: 'eval-split-mailfrom',
    page: PAGE,
    quote:
      'The results appear on the Statistics tab and look something like this: | mailfrom | from_user | from_domain | | na.lui@sample.net | na.lui | sample.net | | MAILER-DAEMON@hcp2mailsec.sample.net | MAILER-DAEMON | hcp2mailsec.sample.net | ... | VC00110489@techexamples.com | VC00110489 | techexamples.com |',
    search: `${MAILS} | eval accountname=split(mailfrom,"@"), from_user=mvindex(accountname,0), from_domain=mvindex(accountname,-1) | table mailfrom, from_user, from_domain`,
    expected: { rows: MAILFROM.map(([mailfrom, from_user, from_domain]) => ({ mailfrom, from_user, from_domain })) },
  },
  {
    id: 'eval-match-location',
    page: PAGE,
    quote:
      'If the from_domain value ends with a .com, .net., or .org , the location field is assigned the value local . If from_domain does not match, location is assigned the value abroad .',
    search: `${MAILS} | eval accountname=split(mailfrom,"@"),  from_domain=mvindex(accountname,-1), location=if(match(from_domain, "[^\\n\\r\\s]+\\.(com|net|org)"), "local", "abroad") | stats count BY location`,
    expected: { rows: [{ location: 'abroad', count: '1' }, { location: 'local', count: '7' }] },
  },
];
