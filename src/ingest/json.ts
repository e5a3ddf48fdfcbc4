/**
 * JSON events, one object per line: CrowdStrike FDR sensor events (`event_simpleName`), Windows
 * events with flattened EventData (OTRF Security-Datasets, nxlog) and winlogbeat's nested
 * `winlog` layout. Each is turned into the same raw field names as the XML reader gives, so the
 * same mapping table applies.
 */

export type JsonShape = 'crowdstrike' | 'windows';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar JSON value as the text Splunk would extract; objects and arrays give undefined. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function copyScalars(source: JsonObject, fields: Map<string, string>): void {
  for (const key in source) {
    const text = scalarText(source[key]);
    // An empty value is no field, as for XML (docs/semantics.md).
    if (text !== undefined && text !== '' && !fields.has(key)) fields.set(key, text);
  }
}

function firstText(source: JsonObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const text = scalarText(source[key]);
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}

/**
 * Parses one line; fills `fields` and returns its shape, or returns an error text. Windows
 * events get the XML reader's System names: Provider, Channel, EventID, Computer, Keywords,
 * SystemTime (the collector's TimeCreated, else @timestamp, else EventTime), EventRecordID
 * (EventRecordID, nxlog's RecordNumber, winlogbeat's winlog.record_id).
 */
export function readJsonEvent(line: string, fields: Map<string, string>): JsonShape | { error: string } {
  fields.clear();
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(parsed)) return { error: 'JSON array: expected one event object per line' };
  if (!isObject(parsed)) return { error: 'JSON value is not an object: expected one event object per line' };

  if (typeof parsed.event_simpleName === 'string') {
    copyScalars(parsed, fields);
    return 'crowdstrike';
  }
  const winlog = parsed.winlog;
  if (isObject(winlog) && winlog.event_id !== undefined) {
    setIfText(fields, 'Provider', firstText(winlog, ['provider_name']));
    setIfText(fields, 'Channel', firstText(winlog, ['channel']));
    setIfText(fields, 'EventID', firstText(winlog, ['event_id']));
    setIfText(fields, 'Computer', firstText(winlog, ['computer_name']));
    setIfText(fields, 'EventRecordID', firstText(winlog, ['record_id']));
    setIfText(fields, 'SystemTime', firstText(parsed, ['@timestamp']));
    const user = winlog.user;
    if (isObject(user)) setIfText(fields, 'SecurityUserID', firstText(user, ['identifier']));
    if (isObject(winlog.event_data)) copyScalars(winlog.event_data, fields);
    return 'windows';
  }
  const eventId = firstText(parsed, ['EventID', 'EventId', 'event_id']);
  if (eventId !== undefined) {
    setIfText(fields, 'Provider', firstText(parsed, ['SourceName', 'ProviderName', 'Provider_Name', 'provider_name']));
    setIfText(fields, 'Channel', firstText(parsed, ['Channel', 'channel']));
    fields.set('EventID', eventId);
    setIfText(fields, 'Computer', firstText(parsed, ['Computer', 'Hostname', 'computer_name']));
    setIfText(fields, 'Keywords', firstText(parsed, ['Keywords']));
    setIfText(fields, 'EventRecordID', firstText(parsed, ['EventRecordID', 'RecordNumber']));
    setIfText(fields, 'SystemTime', firstText(parsed, ['TimeCreated', '@timestamp', 'EventTime']));
    copyScalars(parsed, fields);
    return 'windows';
  }
  return { error: 'JSON object is not a recognised event (no EventID, winlog.event_id or event_simpleName)' };
}

function setIfText(fields: Map<string, string>, name: string, text: string | undefined): void {
  if (text !== undefined) fields.set(name, text);
}
