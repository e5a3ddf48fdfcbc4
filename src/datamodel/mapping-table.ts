/**
 * What a mapping table says: which events of which input it reads, when they happened, what they
 * cannot do without, and which raw field becomes which field of which dataset, through which named
 * transformation. The tables themselves are in mappings/, one file per input kind.
 *
 * Raw field names are the add-on's: EventData `Data Name`s, plus the System values the readers
 * provide under fixed names: Provider, Channel, EventID, Computer, Keywords, SystemTime,
 * SecurityUserID (the `<Security UserID=...>` attribute).
 */
import type { DatasetKey } from './models.js';
import type { TransformName } from './transforms.js';

export interface MappingRule {
  /** CIM field name, unprefixed (or host/source/sourcetype). */
  field: string;
  transform: TransformName;
  /** Raw field names, in the order the transform takes them. */
  from: readonly string[];
  /** Literal argument of `constant`, `prefix` and `constant_if_equals`. */
  value?: string;
  /** The add-on expression this rule reproduces, and its evidence label. */
  source: string;
}

/**
 * The event shapes the readers give (src/ingest): the Windows event schema (XML text, JSON with
 * Windows fields, and whatever else renders that schema), Splunk's classic WinEventLog text, and
 * CrowdStrike FDR JSON.
 */
export type EventShape = 'windows' | 'windows-classic' | 'crowdstrike';

/** Which events a table reads. */
export type EventMatch =
  /** By provider when the event names one, else by channel; then by EventID. */
  | { shape: 'windows'; provider: string; channel: string; eventIds: readonly string[] }
  /** By LogName (the Channel) and EventCode: the classic rendering's SourceName is not relied on. */
  | { shape: 'windows-classic'; channel: string; eventIds: readonly string[] }
  | { shape: 'crowdstrike'; eventSimpleNames: readonly string[] };

export type TimeFormat = 'iso8601' | 'epoch_millis';

export interface TimeField {
  /** The raw field that holds the event's time. */
  field: string;
  format: TimeFormat;
  /** How a skip reason names the field; the raw name by default. */
  shownAs?: string;
  /**
   * The skip reason when the time is missing or invalid, `{Name}` standing for the value of raw
   * field Name. By default `<description>: missing required field <shownAs>`, or
   * `<description>: invalid <shownAs> '<value>'`.
   */
  problem?: string;
}

export interface MappingTable {
  name: string;
  description: string;
  /** The dataset whose rows the table makes. */
  dataset: DatasetKey;
  match: EventMatch;
  time: TimeField;
  /** Raw fields an event must have to be a row; without one it is skipped, with the reason. */
  required: readonly string[];
  rules: readonly MappingRule[];
}
