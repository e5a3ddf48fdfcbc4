/**
 * The field tables, generic first: for a field several tables define, the last one that applies
 * to an event's source gives it (a source:: stanza overrides the sourcetype stanza).
 */
import type { FieldTable } from '../field-rule.js';
import { GENERIC_XML } from './generic.js';
import { SECURITY } from './security.js';
import { SYSMON } from './sysmon.js';
import { APPLICATION, SYSTEM } from './system.js';

export const FIELD_TABLES: readonly FieldTable[] = [GENERIC_XML, SYSMON, SECURITY, SYSTEM, APPLICATION];
