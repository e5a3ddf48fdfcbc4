/**
 * What Enterprise Security does with a detection's results, as ESCU configures it: which types
 * make risk events and which make notables (security_content `deployments/escu_default_configuration_{ttp,anomaly,hunting,correlation}.yml`:
 * TTP both, Anomaly risk only, Hunting neither, Correlation notables only), the saved search's
 * name (`ESCU - <name> - Rule`, contentctl `output/templates/savedsearches_detections.j2`), and
 * how `tags.observable` becomes risk and threat objects (contentctl `Detection_Abstract.risk`).
 */
import type { Detection, Observable } from '../detections/detection.js';

export type DetectionType = 'TTP' | 'Anomaly' | 'Hunting' | 'Correlation';

/** The saved search ESCU ships a detection as: risk events and notables carry it as `search_name`. */
export function searchNameOf(detection: Detection): string {
  return `ESCU - ${detection.name} - Rule`;
}

const fold = (type: string | undefined): string => (type ?? '').toLowerCase();

/** Whether ES writes risk events for this detection's results (the deployment's `rba: enabled`). */
export function makesRiskEvents(detection: Detection): boolean {
  return fold(detection.type) === 'ttp' || fold(detection.type) === 'anomaly';
}

/** Whether ES makes a notable per result (the deployment's `notable:` block). */
export function makesNotables(detection: Detection): boolean {
  return fold(detection.type) === 'ttp' || fold(detection.type) === 'correlation';
}

/** A risk object: the result field, its type (`system`, `user`, `other`), roles and score. */
export interface RiskObjectSpec {
  field: string;
  type: 'system' | 'user' | 'other';
  roles: string[];
  score: number;
}

/** A threat object: the result field and its type (`process`, `file_name`, `ip_address`, `url`). */
export interface ThreatObjectSpec {
  field: string;
  type: string;
}

const USER_TYPES = new Set(['user', 'username', 'email address']);
const SYSTEM_TYPES = new Set(['device', 'endpoint', 'hostname', 'ip address']);
const THREAT_TYPES: readonly [ReadonlySet<string>, string][] = [
  [new Set(['process name', 'process']), 'process'],
  [new Set(['file name', 'file', 'file hash']), 'file_name'],
  [new Set(['ip address']), 'ip_address'],
  [new Set(['url string', 'url']), 'url'],
];

/**
 * The risk and threat objects of `tags.observable`, in contentctl's order of rules: a Victim of
 * a user or system type is a risk object of that type; an Attacker of a process, file, IP or URL
 * type is a threat object; anything else is a risk object of type `other`. Each risk object
 * scores the detection's `risk_score`.
 */
export function riskObjectsOf(detection: Detection): { risks: RiskObjectSpec[]; threats: ThreatObjectSpec[] } {
  const risks: RiskObjectSpec[] = [];
  const threats: ThreatObjectSpec[] = [];
  const score = detection.riskScore ?? 0;
  for (const observable of detection.observables) {
    const type = observable.type.toLowerCase();
    const victim = observable.role.includes('Victim');
    const attacker = observable.role.includes('Attacker');
    if (victim && USER_TYPES.has(type)) risks.push(risk(observable, 'user', score));
    else if (victim && SYSTEM_TYPES.has(type)) risks.push(risk(observable, 'system', score));
    else {
      const threat = attacker ? THREAT_TYPES.find(([types]) => types.has(type)) : undefined;
      if (threat) threats.push({ field: observable.name, type: threat[1] });
      else risks.push(risk(observable, 'other', score));
    }
  }
  return { risks, threats };
}

function risk(observable: Observable, type: RiskObjectSpec['type'], score: number): RiskObjectSpec {
  return { field: observable.name, type, roles: [...observable.role], score };
}
