/**
 * Risk events as ES's risk framework writes them for a detection's results (docs/semantics.md,
 * "Risk events and notables"): per result row and risk object, one event with the object, its
 * type and roles, the detection's score, the risk message with every `$field$` replaced by the
 * row's value, the row's threat objects, the saved search's name and the detection's annotations.
 */
import { DateTime } from 'luxon';
import type { Row, Scalar, Value } from '../core/values.js';
import { scalarToString, valuesOf } from '../core/values.js';
import { TACTICS, tacticsOf, techniqueName } from '../detections/attack.js';
import type { Detection } from '../detections/detection.js';
import { riskObjectsOf, searchNameOf } from './actions.js';

/**
 * The detection's annotations (contentctl `Detection_Abstract.annotations`: analytic_story,
 * mitre_attack, cve), with the ATT&CK enrichment ES adds to risk events: the techniques' names
 * and tactics (Risk data model `annotations.mitre_attack.mitre_tactic` etc.), from ATT&CK v18.1.
 */
export interface RiskAnnotations {
  analytic_story: string[];
  mitre_attack: string[];
  cve: string[];
  mitre_technique_id: string[];
  mitre_technique: string[];
  /** Tactic shortnames (`persistence`), as the Correlation detections compare them. */
  mitre_tactic: string[];
  mitre_tactic_id: string[];
}

export interface RiskEvent {
  /** Epoch seconds: the result's time (see resultTime). */
  _time: number;
  search_name: string;
  /** ES sets the risk event's source to the saved search's name. */
  source: string;
  risk_object: string;
  risk_object_type: string;
  risk_object_role: string[];
  risk_score: number;
  risk_message: string;
  threat_object: string[];
  threat_object_type: string[];
  annotations: RiskAnnotations;
  /** The analytic stories, as the Risk data model's `analyticstories` holds them. */
  analyticstories: string[];
  /** The detection's name and type, for the report (not ES fields). */
  detection: string;
  detection_type: string;
}

/** A field's values as text, for risk objects and messages. */
function textValues(value: Value | undefined): string[] {
  return valuesOf(value).map((item: Scalar) => scalarToString(item));
}

/**
 * The message with each `$field$` replaced by the row's value: a multivalue field by its values
 * joined with ", ", a field the row lacks by nothing. `$$` is not special: ESCU messages use
 * `$name$` tokens only.
 */
export function riskMessage(template: string, row: Row): string {
  return template.replace(/\$([^$\s]+)\$/g, (_match, field: string) => textValues(row.get(field)).join(', '));
}

const CTIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

/**
 * A result's time: its `_time` when it has one; else ESCU's `lastTime` (or `firstTime`), the
 * latest event time the search kept, as number or as security_content_ctime's text in `tz`;
 * else `fallback` (the time the search ran).
 */
export function resultTime(row: Row, fallback: number, tz: string): number {
  for (const field of ['_time', 'lastTime', 'firstTime']) {
    const [first] = valuesOf(row.get(field));
    if (first === undefined) continue;
    if (typeof first === 'number') return first;
    const text = String(first);
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
    const parsed = DateTime.fromFormat(text, CTIME_FORMAT, { zone: tz });
    if (parsed.isValid) return parsed.toSeconds();
  }
  return fallback;
}

export function annotationsOf(detection: Detection): RiskAnnotations {
  const techniques = detection.mitreAttackId;
  const tactics = TACTICS.filter((tactic) => techniques.some((id) => tacticsOf(id).some((t) => t.id === tactic.id)));
  return {
    analytic_story: [...detection.analyticStory],
    mitre_attack: [...techniques],
    cve: [...detection.cve],
    mitre_technique_id: [...techniques],
    mitre_technique: techniques.map((id) => techniqueName(id)).filter((name): name is string => name !== undefined),
    mitre_tactic: tactics.map((tactic) => tactic.shortname),
    mitre_tactic_id: tactics.map((tactic) => tactic.id),
  };
}

/**
 * The risk events of one detection's rows. A row without a value in a risk object's field gives
 * no event for that object; a multivalue field gives one event per value.
 */
export function riskEventsOf(detection: Detection, rows: readonly Row[], options: { fallbackTime: number; tz: string }): RiskEvent[] {
  const { risks, threats } = riskObjectsOf(detection);
  const searchName = searchNameOf(detection);
  const template = detection.message ?? '';
  const events: RiskEvent[] = [];
  for (const row of rows) {
    const threatObject: string[] = [];
    const threatObjectType: string[] = [];
    for (const threat of threats) {
      for (const value of textValues(row.get(threat.field))) {
        threatObject.push(value);
        threatObjectType.push(threat.type);
      }
    }
    const message = riskMessage(template, row);
    const time = resultTime(row, options.fallbackTime, options.tz);
    for (const spec of risks) {
      for (const object of textValues(row.get(spec.field))) {
        events.push({
          _time: time,
          search_name: searchName,
          source: searchName,
          risk_object: object,
          risk_object_type: spec.type,
          risk_object_role: spec.roles,
          risk_score: spec.score,
          risk_message: message,
          threat_object: threatObject,
          threat_object_type: threatObjectType,
          annotations: annotationsOf(detection),
          analyticstories: [...detection.analyticStory],
          detection: detection.name,
          detection_type: detection.type ?? '',
        });
      }
    }
  }
  return events;
}
