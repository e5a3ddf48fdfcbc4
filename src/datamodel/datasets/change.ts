/**
 * The CIM Change data model (All_Changes and its children) with the fields spelunk fills.
 * Source: aplura/splunk-sa-cim default/data/models/Change.json @ 254c447b (research
 * issue13-mappings.md §7). The root constraint is CIM 8.5's `tag=change`: Sysmon's registry and
 * file events are in Change too (CIM 5.x excludes them by object_category; docs/semantics.md).
 */
import type { CimCalculation } from '../calculations.js';
import { allOf, anyOf, equals, not, tagged } from '../constraints.js';
import { nodenameCalculation, NODENAME, type ChildDataset, type DatasetDefinition } from '../dataset.js';
import { CIM85, unknownIfEmpty, VENDOR_PRODUCT } from './common.js';

const restart = allOf(equals('action', 'modified'), equals('change_type', 'restart'));

const CHANGE_CHILDREN: readonly ChildDataset[] = [
  { name: 'Auditing_Changes', constraint: tagged('audit') },
  {
    name: 'Endpoint_Changes',
    constraint: tagged('endpoint'),
    children: [
      { name: 'Endpoint_Restarts', constraint: restart },
      { name: 'Other_Endpoint_Changes', constraint: not(equals('change_type', 'restart')) },
    ],
  },
  { name: 'Network_Changes', constraint: tagged('network'), children: [{ name: 'Device_Restarts', constraint: restart }] },
  {
    name: 'Account_Management',
    constraint: tagged('account'),
    children: [
      { name: 'Accounts_Created', constraint: equals('action', 'created') },
      { name: 'Accounts_Deleted', constraint: equals('action', 'deleted') },
      { name: 'Account_Lockouts', constraint: equals('result', 'lockout') },
      { name: 'Accounts_Updated', constraint: anyOf(equals('action', 'updated'), equals('action', 'modified')) },
    ],
  },
  { name: 'Instance_Changes', constraint: tagged('instance') },
];

const ACCOUNT_MANAGEMENT = 'All_Changes.Account_Management';

/** A field Account_Management calculates: addressed `All_Changes.Account_Management.<field>` (R7). */
const accountField = (field: string): CimCalculation => ({
  field: `Account_Management.${field}`,
  calculation: 'unknown_if_empty_in_node',
  from: [NODENAME],
  node: ACCOUNT_MANAGEMENT,
});

export const ALL_CHANGES: DatasetDefinition = {
  name: 'All_Changes',
  fields: [
    'action',
    'change_type',
    'command',
    'dest',
    'dvc',
    'object',
    'object_attrs',
    'object_category',
    'object_id',
    'object_path',
    'result',
    'result_id',
    'src',
    'status',
    'tag',
    'user',
    'user_name',
    'user_type',
    'vendor_product',
    NODENAME,
    'Account_Management.dest_nt_domain',
    'Account_Management.src_nt_domain',
    'Account_Management.src_user',
    'Account_Management.src_user_name',
  ],
  calculations: [
    unknownIfEmpty('change_type'),
    // The CIM's sourcetype=="audittrail" branch needs an input spelunk does not read.
    { ...unknownIfEmpty('command'), expression: 'if(isnull(command) OR command="","unknown",if(sourcetype=="audittrail",Operation." ".ObjectName,command))' },
    unknownIfEmpty('dest'),
    unknownIfEmpty('dvc'),
    unknownIfEmpty('object'),
    unknownIfEmpty('object_attrs'),
    unknownIfEmpty('object_category'),
    unknownIfEmpty('object_id'),
    unknownIfEmpty('object_path'),
    unknownIfEmpty('status'),
    {
      field: 'result',
      calculation: 'first_set',
      from: [],
      value: 'unknown',
      expression:
        'if(isnotnull(result) AND result!="",result,if(isnotnull(signature) AND signature!="",signature,"unknown")); the tables set result to the signature text where the add-on sets no result',
    },
    {
      field: 'result_id',
      calculation: 'first_set',
      from: [],
      value: '-1',
      expression:
        'if(isnotnull(result_id) AND result_id!="",result_id,if(isnotnull(signature_id) AND signature_id!="",signature_id,-1)); the tables set result_id to signature_id (the EventCode)',
    },
    unknownIfEmpty('src'),
    unknownIfEmpty('user'),
    unknownIfEmpty('user_name'),
    VENDOR_PRODUCT,
    unknownIfEmpty('action'),
    nodenameCalculation('All_Changes', tagged('change'), CHANGE_CHILDREN, ['tag']),
    accountField('dest_nt_domain'),
    accountField('src_nt_domain'),
    accountField('src_user'),
    accountField('src_user_name'),
  ],
  constraint: tagged('change'),
  children: CHANGE_CHILDREN,
  multivalue: ['tag', NODENAME],
  cim: `${CIM85}/Change.json (All_Changes)`,
};
