/**
 * Notables as ES makes them from ESCU's notable action: one per result row, titled and described
 * by the deployment's `rule_title: '%name%'` and `rule_description: '%description%'` (contentctl
 * replaces `%field%` with the detection's field), with `nes_fields: user,dest`, the detection's
 * `security_domain`, severity `high` (the template sets it for every ESCU detection) and the
 * urgency ES's urgency lookup gives that severity for an asset of unknown priority.
 */
import type { Row, Value } from '../core/values.js';
import type { Detection } from '../detections/detection.js';
import { searchNameOf } from './actions.js';
import { annotationsOf, resultTime, type RiskAnnotations } from './risk.js';

/** The fields ESCU's deployments list as `nes_fields` (escu_default_configuration_ttp.yml, _correlation.yml). */
export const NES_FIELDS: readonly string[] = ['user', 'dest'];

/** ESCU's savedsearches template: `action.notable.param.severity = high`. */
export const ESCU_SEVERITY = 'high';

export type Severity = 'unknown' | 'informational' | 'low' | 'medium' | 'high' | 'critical';

/**
 * ES's default urgency for a notable whose asset and identity have no priority (hunt has no
 * asset or identity lookups, so the priority is unknown): informational stays informational;
 * unknown, low and medium give low; high gives medium ("How urgency is assigned to notable events
 * in Splunk Enterprise Security", ES 7.3 user guide). The guide's excerpt stops before critical;
 * ES's urgency_lookup raises critical to high at unknown priority (INF: docs/semantics.md).
 */
export function urgencyOf(severity: Severity): Severity {
  if (severity === 'informational') return 'informational';
  if (severity === 'high') return 'medium';
  if (severity === 'critical') return 'high';
  return 'low';
}

export interface Notable {
  _time: number;
  search_name: string;
  rule_name: string;
  rule_title: string;
  rule_description: string;
  security_domain: string;
  severity: Severity;
  urgency: Severity;
  nes_fields: string;
  risk_score: number | null;
  annotations: RiskAnnotations;
  /** The result's own fields, as the notable event holds them. */
  result: Record<string, Value>;
}

/** `%field%` replaced by the detection's field (contentctl's custom_jinja2_enrichment_filter). */
function enrich(template: string, detection: Detection): string {
  return template.replace(/%([a-z_]+)%/g, (match, field: string) => {
    const value = detection.document[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : match;
  });
}

export function notablesOf(detection: Detection, rows: readonly Row[], options: { fallbackTime: number; tz: string }): Notable[] {
  return rows.map((row) => ({
    _time: resultTime(row, options.fallbackTime, options.tz),
    search_name: searchNameOf(detection),
    rule_name: detection.name,
    rule_title: enrich('%name%', detection),
    rule_description: enrich('%description%', detection),
    security_domain: detection.securityDomain ?? '',
    severity: ESCU_SEVERITY,
    urgency: urgencyOf(ESCU_SEVERITY),
    nes_fields: NES_FIELDS.join(','),
    risk_score: detection.riskScore ?? null,
    annotations: annotationsOf(detection),
    result: Object.fromEntries(row),
  }));
}
