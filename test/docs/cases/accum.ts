/** The accum command. */
import { page, type DocCase } from './types.js';

const PAGE = page('search-commands/accum');

const VIEWS =
  '| makeresults count=4 | streamstats count as n | eval productId=mvindex(split("DB-SG-G01,DC-SG-G02,FS-SG-G03,PZ-SG-G05", ","), n-1), views=mvindex(split("1796,1642,1482,1300", ","), n-1) | fields - n, _time';

export const accumCases: DocCase[] = [
  {
    id: 'accum-as-newfield',
    page: PAGE,
    quote:
      'The results appear on the Statistics tab and look something like this: | productId | views | TotalViews | | DB-SG-G01 | 1796 | 1796 | | DC-SG-G02 | 1642 | 3438 | | FS-SG-G03 | 1482 | 4920 | | PZ-SG-G05 | 1300 | 6220 |',
    search: `${VIEWS} | accum views as TotalViews`,
    expected: {
      rows: [
        { productId: 'DB-SG-G01', views: '1796', TotalViews: '1796' },
        { productId: 'DC-SG-G02', views: '1642', TotalViews: '3438' },
        { productId: 'FS-SG-G03', views: '1482', TotalViews: '4920' },
        { productId: 'PZ-SG-G05', views: '1300', TotalViews: '6220' },
      ],
    },
  },
  {
    id: 'accum-same-field',
    page: PAGE,
    quote: 'The accumulated sum can be returned to either the same field, or a newfield that you specify.',
    search: `${VIEWS} | accum views`,
    expected: { rows: ['1796', '3438', '4920', '6220'].map((views) => ({ views })) },
  },
];
