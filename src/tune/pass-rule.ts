/**
 * contentctl's pass rule for a detection's `tests:` (splunk/contentctl,
 * contentctl/actions/detection_testing/infrastructures/DetectionTestingInfrastructure.py,
 * `retry_search_until_timeout`; docs/semantics.md "spelunk test"): the search over all time
 * returns at least one result; every risk-object field is in every result and not null; a
 * threat-object field may be null in some results but not in all of them.
 */
import type { Row } from '../core/values.js';
import type { Detection } from '../detections/detection.js';

export interface ObjectFields {
  risk: string[];
  threat: string[];
}

/**
 * The risk and threat object fields: contentctl v5's `rba` block when the detection has one,
 * else the `tags.observable` entries with role Victim (risk) or Attacker (threat).
 */
export function objectFieldsOf(detection: Detection): ObjectFields {
  const rba = record(detection.document['rba']);
  if (rba) {
    const fields = (key: string): string[] =>
      (Array.isArray(rba[key]) ? (rba[key] as unknown[]) : []).flatMap((entry) => {
        const field = record(entry)?.['field'];
        return typeof field === 'string' ? [field] : [];
      });
    return { risk: unique(fields('risk_objects')), threat: unique(fields('threat_objects')) };
  }
  const withRole = (role: string): string[] =>
    unique(detection.observables.filter((o) => o.role.some((r) => r.toLowerCase() === role)).map((o) => o.name));
  return { risk: withRole('victim'), threat: withRole('attacker') };
}

/** Why the results fail contentctl's rule, or undefined when they pass. */
export function contentctlFailure(rows: readonly Row[], fields: ObjectFields): string | undefined {
  if (rows.length === 0) return 'the search returned no results (contentctl needs at least one)';
  const empty = (row: Row, field: string): boolean => {
    const value = row.get(field);
    return value === undefined || value === null || value === 'null' || (Array.isArray(value) && value.length === 0);
  };
  for (const [index, row] of rows.entries()) {
    const missing = fields.risk.filter((field) => empty(row, field));
    if (missing.length > 0) {
      return `result ${index + 1} of ${rows.length} has no value for the risk object field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
    }
  }
  const neverSet = fields.threat.filter((field) => rows.every((row) => empty(row, field)));
  if (neverSet.length > 0) return `no result has a value for the threat object field${neverSet.length > 1 ? 's' : ''} ${neverSet.join(', ')}`;
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
