/** Lookup tables: definitions and folders (catalog), CSV files, and the lookup operation. */
export { LookupCatalog, parseMatchTypes, type LookupDefinition, type MatchType } from './catalog.js';
export { readLookupCsv, parseLookupCsv, tableToCsv, type LookupTable } from './csv.js';
export { lookupColumns, lookupRows, type LookupFieldPair, type LookupRequest } from './apply.js';
