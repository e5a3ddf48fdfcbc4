/** Calculations several CIM datasets share, written once. */
import type { CimCalculation } from '../calculations.js';

export const unknownIfEmpty = (field: string): CimCalculation => ({ field, calculation: 'unknown_if_empty', from: [] });

/** The CIM 8.5 Endpoint `*_name` calculation: the add-on's name, else one taken from the command line. */
export const processNameFrom = (field: string, commandLine: string): CimCalculation => ({
  field,
  calculation: 'process_name_from_command_line',
  from: [commandLine],
});

export const VENDOR_PRODUCT: CimCalculation = { field: 'vendor_product', calculation: 'vendor_product', from: ['sourcetype'] };

/** Splunk_SA_CIM 8.5, the version every dataset here follows (docs/semantics.md, "CIM version"). */
export const CIM85 = 'CIM 8.5: aplura/splunk-sa-cim default/data/models';
