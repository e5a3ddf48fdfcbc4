/**
 * Kind detection: which mapping tables an event feeds, from the fields that identify it (each
 * table's `match`). An event no table reads is counted as another event kind.
 */
import type { MappingTable } from '../datamodel/mapping-table.js';

const NONE: readonly never[] = [];

/** Entries by event ID, then by the provider or channel (or event name). */
type Index<T> = Map<string, Map<string, T[]>>;

function add<T>(index: Index<T>, eventId: string, source: string, entry: T): void {
  let bySource = index.get(eventId);
  if (!bySource) index.set(eventId, (bySource = new Map()));
  const entries = bySource.get(source);
  if (entries) entries.push(entry);
  else bySource.set(source, [entry]);
}

/**
 * The tables (each as an entry of the caller's: a compiled mapper, a store builder...) an event
 * feeds. Lookups allocate nothing: they run once per record, on the hot path too.
 */
export class EventKinds<T> {
  private readonly windowsByProvider: Index<T> = new Map();
  private readonly windowsByChannel: Index<T> = new Map();
  private readonly classicByChannel: Index<T> = new Map();
  private readonly crowdstrikeByName = new Map<string, T[]>();

  constructor(tables: readonly MappingTable[], entryOf: (table: MappingTable) => T) {
    for (const table of tables) {
      const entry = entryOf(table);
      const match = table.match;
      switch (match.shape) {
        case 'windows':
          for (const eventId of match.eventIds) {
            add(this.windowsByProvider, eventId, match.provider, entry);
            add(this.windowsByChannel, eventId, match.channel, entry);
          }
          break;
        case 'windows-classic':
          for (const eventId of match.eventIds) add(this.classicByChannel, eventId, match.channel, entry);
          break;
        case 'crowdstrike':
          for (const name of match.eventSimpleNames) {
            const entries = this.crowdstrikeByName.get(name);
            if (entries) entries.push(entry);
            else this.crowdstrikeByName.set(name, [entry]);
          }
          break;
      }
    }
  }

  /**
   * A Windows-schema event: named by its provider when it has one (another provider's EventID 1
   * is no Sysmon event), by its channel otherwise.
   */
  windows(provider: string | undefined, channel: string | undefined, eventId: string | undefined): readonly T[] {
    if (eventId === undefined) return NONE;
    if (provider !== undefined) return this.windowsByProvider.get(eventId)?.get(provider) ?? NONE;
    return channel === undefined ? NONE : (this.windowsByChannel.get(eventId)?.get(channel) ?? NONE);
  }

  /** A classic WinEventLog event, by LogName and EventCode. */
  classic(channel: string | undefined, eventId: string | undefined): readonly T[] {
    if (eventId === undefined || channel === undefined) return NONE;
    return this.classicByChannel.get(eventId)?.get(channel) ?? NONE;
  }

  /** A CrowdStrike event, by event_simpleName. */
  crowdstrike(name: string): readonly T[] {
    return this.crowdstrikeByName.get(name) ?? NONE;
  }
}

/** The raw fields the Windows-schema tables read: the XML scanners keep only these EventData names. */
export function windowsDataNames(tables: readonly MappingTable[]): string[] {
  const names = new Set<string>();
  for (const table of tables) {
    if (table.match.shape !== 'windows') continue;
    for (const rule of table.rules) for (const name of rule.from) names.add(name);
    for (const name of table.required) names.add(name);
  }
  return [...names];
}
