/**
 * The CIM Risk data model's All_Risk dataset, which ES fills from its risk index: the fields
 * security_content's Correlation detections and drilldowns read (risk_object, risk_object_type,
 * normalized_risk_object, risk_score, calculated_risk_score, risk_message, search_name, threat
 * objects, analyticstories, annotations.*). No raw log fills it: `spelunk hunt` does, from the
 * risk events of the detections it ran (src/hunt/risk-store.ts).
 */
import type { DatasetDefinition } from '../dataset.js';

export const RISK_FIELDS: readonly string[] = [
  'risk_object',
  'risk_object_type',
  'normalized_risk_object',
  'risk_score',
  'calculated_risk_score',
  'risk_message',
  'search_name',
  'threat_object',
  'threat_object_type',
  'analyticstories',
  'annotations.analytic_story',
  'annotations.mitre_attack',
  'annotations.mitre_attack.mitre_technique_id',
  'annotations.mitre_attack.mitre_technique',
  'annotations.mitre_attack.mitre_tactic',
  'annotations.mitre_attack.mitre_tactic_id',
  'annotations.cve',
  'annotations._all',
];

export const RISK_MULTIVALUE: readonly string[] = [
  'threat_object',
  'threat_object_type',
  'analyticstories',
  'annotations.analytic_story',
  'annotations.mitre_attack',
  'annotations.mitre_attack.mitre_technique_id',
  'annotations.mitre_attack.mitre_technique',
  'annotations.mitre_attack.mitre_tactic',
  'annotations.mitre_attack.mitre_tactic_id',
  'annotations.cve',
  'annotations._all',
];

export const ALL_RISK: DatasetDefinition = {
  name: 'All_Risk',
  fields: RISK_FIELDS,
  calculations: [],
  multivalue: RISK_MULTIVALUE,
  cim: 'CIM Risk data model (Splunk_SA_CIM Risk.json), filled by spelunk hunt from its risk events',
};
