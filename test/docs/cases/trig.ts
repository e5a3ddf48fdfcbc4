/** Trig and Hyperbolic functions (eval). */
import { marked, page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/trig-and-hyperbolic-functions');

/** `eval n=<call>` returns `value`, as the page's sentence says. */
const returns = (name: string, call: string, value: string, quote: string, knownDifference?: string): DocCase => ({
  id: `trig-${name}`,
  page: PAGE,
  quote,
  search: `| makeresults | eval n=${call}`,
  expected: { field: 'n', value },
  ...marked(knownDifference),
});

export const trigCases: DocCase[] = [
  returns('acos', 'acos(0)', '1.5707963267948966', 'This example returns 1.5707963267948966 . ... | eval n=acos(0)'),
  returns('acosh', 'acosh(2)', '1.3169578969248166', 'This example returns 1.3169578969248166 . ... | eval n=acosh(2)'),
  returns('asin', 'asin(1)', '1.5707963267948966', 'This example returns 1.5707963267948966 . ... | eval n=asin(1)'),
  returns('asinh', 'asinh(1)', '0.881373587019543', 'This example returns 0.881373587019543 . ... | eval n=asinh(1)'),
  returns('cos', 'cos(-1)', '0.5403023058681398', 'This example returns 0.5403023058681398 . ... | eval n=cos(-1)'),
  returns('cos-pi', 'cos(pi())', '-1.00000000000', 'The following example calculates the cosine of pi and returns -1.00000000000 .', "error: spelunk does not support the eval function 'cos'"),
  returns('cosh', 'cosh(1)', '1.5430806348152437', 'This example returns 1.5430806348152437 . ... | eval n=cosh(1)'),
  returns('hypot', 'hypot(3,4)', '5', 'Creates a field called n and returns n=5 , which is the hypotenuse of a triangle whose legs are 3 and 4.'),
  returns('sin', 'sin(1)', '0.8414709848078965', 'This example returns 0.8414709848078965 . ... | eval n=sin(1)'),
  returns('sinh', 'sinh(1)', '1.1752011936438014', 'This example returns 1.1752011936438014 . ... | eval n=sinh(1)'),
  returns('tan', 'tan(1)', '1.5574077246549023', 'This example returns 1.5574077246549023 ... | eval n=tan(1)'),
  returns('tan-135', 'tan(135)', '-0.08871575677006045', 'This example returns -0.08871575677006045 ... | eval n=tan(135)'),
  returns('tanh', 'tanh(1)', '0.7615941559557649', 'This example returns 0.7615941559557649 ... | eval n=tanh(1)'),
];
