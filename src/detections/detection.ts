/**
 * A security_content detection YAML as spelunk reads it: the search, and what Enterprise Security
 * does with its results (type, risk score, message, observables, ATT&CK ids) and how contentctl
 * tests it (`tests:`). Fields follow the detection schema of splunk/security_content
 * (https://github.com/splunk/security_content, `detections/**.yml`; the W3WP seed detection is one).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { SpelunkError } from '../core/errors.js';

/** One entry of `tags.observable`: a result field ES turns into a risk or threat object. */
export interface Observable {
  /** The result field, e.g. `dest`. */
  name: string;
  /** The object's type, e.g. `Endpoint`, `User`, `Process`. */
  type: string;
  /** Its roles, e.g. `Victim`, `Attacker`, `Parent Process`. */
  role: string[];
}

/**
 * A detection's own scheduling, where its `deployment:` names one (contentctl's Deployment
 * `scheduling`: cron_schedule, earliest_time, latest_time); the type's ESCU default otherwise.
 */
export interface Scheduling {
  cronSchedule?: string;
  earliestTime?: string;
  latestTime?: string;
}

/** One `attack_data` entry of a test: a data file and how contentctl replays it. */
export interface AttackDataEntry {
  /** The URL the file is published at (attack_data's `datasets/...` path inside it). */
  data: string;
  source?: string;
  sourcetype?: string;
}

/** One entry of `tests:`. */
export interface DetectionTest {
  name: string;
  attackData: AttackDataEntry[];
}

export interface Detection {
  /** The file it was read from. */
  path: string;
  name: string;
  id?: string;
  /** `TTP`, `Anomaly`, `Hunting`, `Correlation` (as written in the file). */
  type?: string;
  status?: string;
  description?: string;
  search: string;
  dataSource: string[];
  analyticStory: string[];
  mitreAttackId: string[];
  cve: string[];
  observables: Observable[];
  riskScore?: number;
  confidence?: number;
  impact?: number;
  /** The risk message with `$field$` placeholders, e.g. `Possible Web Shell execution on $dest$`. */
  message?: string;
  securityDomain?: string;
  assetType?: string;
  tests: DetectionTest[];
  /** The scheduling its `deployment:` sets, if any. */
  scheduling?: Scheduling;
  /** The whole parsed document, for fields this type does not name. */
  document: Record<string, unknown>;
}

/** Reads and checks one detection YAML file. */
export function loadDetection(path: string): Detection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpelunkError('input', `cannot read ${path}: ${reason}`);
  }
  return parseDetection(text, path);
}

/** Parses the text of a detection YAML; `path` names it in errors. */
export function parseDetection(text: string, path: string): Detection {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, prettyErrors: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new SpelunkError('usage', `${path}:${line}:${col}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  if (!isMap(parsed.contents)) throw new SpelunkError('usage', `${path} is not a detection: expected a YAML mapping with a \`search:\` field`);
  const searchNode = parsed.contents.items.find((item) => isScalar(item.key) && item.key.value === 'search');
  const document = parsed.toJS() as Record<string, unknown>;
  const search = document['search'];
  if (typeof search !== 'string' || search.trim() === '') {
    const where = searchNode && isScalar(searchNode.key) && searchNode.key.range ? `:${lineCounter.linePos(searchNode.key.range[0]).line}` : '';
    throw new SpelunkError('usage', `${path}${where} has no \`search:\` text; expected a security_content detection YAML`);
  }
  const tags = asRecord(document['tags']);
  return {
    path,
    name: optionalString(document['name']) ?? basename(path),
    ...optional('id', optionalString(document['id'])),
    ...optional('type', optionalString(document['type'])),
    ...optional('status', optionalString(document['status'])),
    ...optional('description', optionalString(document['description'])),
    search,
    dataSource: stringList(document['data_source']),
    analyticStory: stringList(tags['analytic_story']),
    mitreAttackId: stringList(tags['mitre_attack_id']),
    cve: stringList(tags['cve']),
    observables: observablesOf(tags['observable']),
    ...optional('riskScore', optionalNumber(tags['risk_score'])),
    ...optional('confidence', optionalNumber(tags['confidence'])),
    ...optional('impact', optionalNumber(tags['impact'])),
    ...optional('message', optionalString(tags['message'])),
    ...optional('securityDomain', optionalString(tags['security_domain'])),
    ...optional('assetType', optionalString(tags['asset_type'])),
    tests: testsOf(document['tests']),
    ...optional('scheduling', schedulingOf(document['deployment'])),
    document,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function optionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(optionalString).filter((item): item is string => item !== undefined);
}

function observablesOf(value: unknown): Observable[] {
  if (!Array.isArray(value)) return [];
  return value.map(asRecord).flatMap((entry) => {
    const name = optionalString(entry['name']);
    if (name === undefined) return [];
    return [{ name, type: optionalString(entry['type']) ?? '', role: stringList(entry['role']) }];
  });
}

function testsOf(value: unknown): DetectionTest[] {
  if (!Array.isArray(value)) return [];
  return value.map(asRecord).map((entry, index) => ({
    name: optionalString(entry['name']) ?? `test ${index + 1}`,
    attackData: (Array.isArray(entry['attack_data']) ? entry['attack_data'] : []).map(asRecord).flatMap((data) => {
      const url = optionalString(data['data']);
      if (url === undefined) return [];
      const source = optionalString(data['source']);
      const sourcetype = optionalString(data['sourcetype']);
      return [{ data: url, ...(source !== undefined ? { source } : {}), ...(sourcetype !== undefined ? { sourcetype } : {}) }];
    }),
  }));
}

function schedulingOf(value: unknown): Scheduling | undefined {
  const raw = asRecord(value)['scheduling'];
  const entry = asRecord(Array.isArray(raw) ? raw[0] : raw);
  const cronSchedule = optionalString(entry['cron_schedule']);
  const earliestTime = optionalString(entry['earliest_time']);
  const latestTime = optionalString(entry['latest_time']);
  if (cronSchedule === undefined && earliestTime === undefined && latestTime === undefined) return undefined;
  return {
    ...optional('cronSchedule', cronSchedule),
    ...optional('earliestTime', earliestTime),
    ...optional('latestTime', latestTime),
  };
}
