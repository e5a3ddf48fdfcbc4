/**
 * Which detections of a library a hunt runs: by type, analytic story, ATT&CK technique (a parent
 * technique matches its sub-techniques), data source, status, name globs and minimum risk score.
 * Every filter given must hold; values within one filter are alternatives.
 */
import type { Detection } from './detection.js';

export interface DetectionFilter {
  types?: readonly string[];
  stories?: readonly string[];
  techniques?: readonly string[];
  dataSources?: readonly string[];
  statuses?: readonly string[];
  /** Globs (`*`, `?`, case-insensitive) the name must match one of. */
  names?: readonly string[];
  /** Globs a name must match none of. */
  excludes?: readonly string[];
  /** Detections with a lower `risk_score`, or none, are left out. */
  minScore?: number;
}

const fold = (text: string): string => text.toLowerCase();

function anyEqual(values: readonly string[], wanted: readonly string[]): boolean {
  const set = new Set(wanted.map(fold));
  return values.some((value) => set.has(fold(value)));
}

/** `T1505` matches T1505 and T1505.003; `T1505.003` matches itself only. */
export function techniqueMatches(id: string, wanted: string): boolean {
  const a = id.toUpperCase();
  const b = wanted.toUpperCase();
  return a === b || a.startsWith(`${b}.`);
}

/** A glob as a whole-name, case-insensitive regular expression. */
export function globPattern(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

export function detectionMatches(detection: Detection, filter: DetectionFilter): boolean {
  if (filter.types?.length && !anyEqual(detection.type ? [detection.type] : [], filter.types)) return false;
  if (filter.statuses?.length && !anyEqual(detection.status ? [detection.status] : [], filter.statuses)) return false;
  if (filter.stories?.length && !anyEqual(detection.analyticStory, filter.stories)) return false;
  if (filter.dataSources?.length && !anyEqual(detection.dataSource, filter.dataSources)) return false;
  if (filter.techniques?.length && !detection.mitreAttackId.some((id) => filter.techniques!.some((wanted) => techniqueMatches(id, wanted)))) {
    return false;
  }
  if (filter.names?.length && !filter.names.some((glob) => globPattern(glob).test(detection.name))) return false;
  if (filter.excludes?.some((glob) => globPattern(glob).test(detection.name))) return false;
  if (filter.minScore !== undefined && (detection.riskScore === undefined || detection.riskScore < filter.minScore)) return false;
  return true;
}

export function selectDetections(detections: readonly Detection[], filter: DetectionFilter): Detection[] {
  return detections.filter((detection) => detectionMatches(detection, filter));
}
