/**
 * The CIM Authentication data model with the fields spelunk fills. Source:
 * aplura/splunk-sa-cim default/data/models/Authentication.json @ 733c1a28 (research
 * issue13-mappings.md §8). It has no vendor_product.
 */
import { allOf, anyOf, equals, not, tagged } from '../constraints.js';
import { nodenameCalculation, NODENAME, type ChildDataset, type DatasetDefinition } from '../dataset.js';
import { CIM85, unknownIfEmpty } from './common.js';

const failure = equals('action', 'failure');
const success = equals('action', 'success');

const AUTHENTICATION_CHILDREN: readonly ChildDataset[] = [
  { name: 'Failed_Authentication', constraint: anyOf(failure, equals('result', 'failure')) },
  { name: 'Successful_Authentication', constraint: anyOf(success, equals('result', 'success')) },
  {
    name: 'Default_Authentication',
    constraint: tagged('default'),
    children: [
      { name: 'Failed_Default_Authentication', constraint: failure },
      { name: 'Successful_Default_Authentication', constraint: success },
    ],
  },
  { name: 'Insecure_Authentication', constraint: anyOf(equals('tag', 'insecure'), equals('tag', 'cleartext')) },
  {
    name: 'Privileged_Authentication',
    constraint: tagged('privileged'),
    children: [
      { name: 'Failed_Privileged_Authentication', constraint: failure },
      { name: 'Successful_Privileged_Authentication', constraint: success },
    ],
  },
];

/** `tag=authentication NOT (action=success user=*$)`: machine accounts' successful logons are left out. */
const AUTHENTICATION_CONSTRAINT = allOf(tagged('authentication'), not(allOf(success, equals('user', '*$'))));

export const AUTHENTICATION: DatasetDefinition = {
  name: 'Authentication',
  fields: [
    'action',
    'app',
    'dest',
    'dest_nt_domain',
    'process',
    'result',
    'session_id',
    'signature',
    'signature_id',
    'src',
    'src_nt_domain',
    'src_user',
    'tag',
    'user',
    NODENAME,
  ],
  calculations: [
    unknownIfEmpty('action'),
    { field: 'app', calculation: 'first_set', from: ['sourcetype'], expression: 'if(isnull(app) OR app="",sourcetype,app)' },
    unknownIfEmpty('src'),
    unknownIfEmpty('src_user'),
    unknownIfEmpty('dest'),
    unknownIfEmpty('user'),
    unknownIfEmpty('result'),
    nodenameCalculation('Authentication', AUTHENTICATION_CONSTRAINT, AUTHENTICATION_CHILDREN, ['tag']),
  ],
  constraint: AUTHENTICATION_CONSTRAINT,
  children: AUTHENTICATION_CHILDREN,
  multivalue: ['tag', NODENAME],
  cim: `${CIM85}/Authentication.json (Authentication)`,
};
