/** Multivalue stats and chart functions: list, values. */
import { page, type DocCase } from './types.js';

const PAGE = page('statistical-and-charting-functions/multivalue-stats-and-chart-functions');

const THOUSAND = '| makeresults count=1000 | streamstats count AS rowNumber';
const upTo = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

export const statsMultivalueCases: DocCase[] = [
  {
    id: 'mvstats-list-first-100',
    page: PAGE,
    quote:
      'If more than 100 values are in a field, only the first 100 are returned. ... The numbers are returned in ascending order in a single, multivalue result. ... numbers 1 2 3 4 5',
    search: `${THOUSAND} | stats list(rowNumber) AS numbers`,
    expected: { field: 'numbers', value: upTo(100) },
  },
  {
    id: 'mvstats-list-event-order',
    page: PAGE,
    quote: 'The list function returns a multivalue entry from the values in a field. The order of the values reflects the order of the events.',
    search: '| makeresults count=4 | streamstats count as n | eval user=case(n==1, "wei", n==2, "ana", n==3, "wei", n==4, "bo") | stats list(user)',
    expected: { field: 'list(user)', value: ['wei', 'ana', 'wei', 'bo'] },
  },
  {
    id: 'mvstats-values-lexicographic',
    page: PAGE,
    quote:
      'The results are returned in lexicographical order. ... numbers 1 10 100 1000 101 102 103 104 105 106 107 108 109 11 110',
    search: `${THOUSAND} | stats values(rowNumber) AS numbers`,
    expected: { field: 'numbers', value: upTo(1000).sort() },
    note: 'The page shows the first 15 values; the rest follow by the same lexicographical order.',
  },
  {
    id: 'mvstats-values-distinct-case',
    page: PAGE,
    quote:
      'The values function returns a list of the distinct values in a field as a multivalue entry. The order of the values is lexicographical. ... Uppercase letters are sorted before lowercase letters.',
    search: '| makeresults count=4 | streamstats count as n | eval user=case(n==1, "wei", n==2, "Ana", n==3, "wei", n==4, "bo") | stats values(user)',
    expected: { field: 'values(user)', value: ['Ana', 'bo', 'wei'] },
  },
];
