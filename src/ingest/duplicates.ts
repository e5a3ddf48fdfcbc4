/**
 * Duplicate events: the same event (same channel, computer and EventRecordID) read twice, as
 * when a folder holds both an .evtx file and its XML conversion, or two copies of one export.
 * Splunk indexes every event it is given and keeps no event identity: both copies are indexed
 * and both are counted by tstats (docs/semantics.md). spelunk does the same and says so in the
 * summary; with `--dedup-events` it keeps the first copy only.
 *
 * Record ids are kept per channel and computer in an increasing array, as a log's ids mostly
 * are: appending and the duplicate test cost a comparison; an id met out of order is looked
 * up by binary search, then in a map.
 */
import { ByteInterner } from './interner.js';
import { toByteString } from './lines.js';
import { placeText, type Where } from './place.js';

/** Where the two copies of a duplicate event were read. */
export interface DuplicateExample {
  /** The file the first copy came from. */
  first: string;
  /** The place of the later copy: `file:line`, `file: record N`, or the file alone. */
  second: string;
}

/** EventRecordID digits as a number; undefined when not digits or beyond exact doubles. */
export function recordIdOf(text: string | undefined): number | undefined {
  if (text === undefined || text.length === 0 || text.length > 15 || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

function recordIdOfBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end <= start || end - start > 15) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** The record ids met for one channel and computer, with the file each came from. */
class RecordIds {
  private sorted = new Float64Array(256);
  private count = 0;
  /** Index in `sorted` where each file's appended ids begin, and that file. */
  private readonly fileStarts: number[] = [];
  private readonly fileOfStart: number[] = [];
  /** Ids met below the largest so far, with their file. */
  private others: Map<number, number> | undefined;
  private lastFile = -1;

  /** Adds `id`, read in file `file`; the file of an earlier copy, or -1. */
  add(id: number, file: number): number {
    const count = this.count;
    if (count === 0 || id > this.sorted[count - 1]!) {
      if (count === this.sorted.length) {
        const grown = new Float64Array(count * 2);
        grown.set(this.sorted);
        this.sorted = grown;
      }
      this.sorted[count] = id;
      this.count = count + 1;
      if (file !== this.lastFile) {
        this.fileStarts.push(count);
        this.fileOfStart.push(file);
        this.lastFile = file;
      }
      return -1;
    }
    const at = this.indexOf(id);
    if (at !== -1) return this.fileAt(at);
    const earlier = this.others?.get(id);
    if (earlier !== undefined) return earlier;
    (this.others ??= new Map()).set(id, file);
    return -1;
  }

  private indexOf(id: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.sorted[middle]!;
      if (value === id) return middle;
      if (value < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private fileAt(index: number): number {
    let low = 0;
    let high = this.fileStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.fileStarts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return this.fileOfStart[low]!;
  }
}

/**
 * The groups of the fast path, by the interned bytes of their channel and computer: the
 * interners number each distinct value once (hash and compare four bytes a step, the value of
 * the event before first), so a lookup is two interner entries and two array reads.
 */
class GroupTable {
  private readonly channels = new ByteInterner();
  private readonly computers = new ByteInterner();
  /** By channel entry, then computer entry: the group and its key. */
  private readonly groups: (GroupEntry | undefined)[][] = [];

  constructor(private readonly groupOf: (key: string) => RecordIds) {}

  /** The group of `bytes[channel, channelEnd)` and `bytes[computer, computerEnd)` (empty ranges when absent); `view` is over `bytes`. */
  find(bytes: Buffer, view: DataView, channel: number, channelEnd: number, computer: number, computerEnd: number): GroupEntry {
    const channelEntry = this.channels.entry(bytes, view, channel, channelEnd);
    const computerEntry = this.computers.entry(bytes, view, computer, computerEnd);
    const byComputer = (this.groups[channelEntry] ??= []);
    let group = byComputer[computerEntry];
    if (group === undefined) {
      const key = `${bytes.toString('latin1', channel, channelEnd)}\n${bytes.toString('latin1', computer, computerEnd)}`;
      group = { key, ids: this.groupOf(key) };
      byComputer[computerEntry] = group;
    }
    return group;
  }
}

interface GroupEntry {
  key: string;
  ids: RecordIds;
}

/**
 * The identities of one file's events in record order, as a worker thread posts them: the main
 * thread replays them, so duplicates are counted, and the example chosen, as on one thread.
 */
export interface FileIdentities {
  /** `channel\ncomputer` of each group, as byte strings. */
  keys: string[];
  /** Per identified record: its group (index in `keys`), record id and place. */
  groups: Int32Array;
  ids: Float64Array;
  lines: Int32Array;
  /** -1 when the place has none (text records). */
  chunks: Int32Array;
  records: Int32Array;
}

/** Identities logged in record order (worker side of FileIdentities). */
class IdentityLog {
  private readonly keyIndex = new Map<string, number>();
  private count = 0;
  private groups = new Int32Array(1024);
  private ids = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private chunks = new Int32Array(1024);
  private records = new Int32Array(1024);

  add(key: string, id: number, where: Where): void {
    if (this.count === this.ids.length) this.grow();
    let group = this.keyIndex.get(key);
    if (group === undefined) {
      group = this.keyIndex.size;
      this.keyIndex.set(key, group);
    }
    const at = this.count++;
    this.groups[at] = group;
    this.ids[at] = id;
    const place = typeof where === 'number' ? undefined : where;
    this.lines[at] = place ? place.line : (where as number);
    this.chunks[at] = place?.chunk ?? -1;
    this.records[at] = place?.record ?? -1;
  }

  take(): FileIdentities {
    const n = this.count;
    return {
      keys: [...this.keyIndex.keys()],
      groups: this.groups.slice(0, n),
      ids: this.ids.slice(0, n),
      lines: this.lines.slice(0, n),
      chunks: this.chunks.slice(0, n),
      records: this.records.slice(0, n),
    };
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const grown = make(size);
      grown.set(array);
      return grown;
    };
    this.groups = grow(this.groups, (n) => new Int32Array(n));
    this.ids = grow(this.ids, (n) => new Float64Array(n));
    this.lines = grow(this.lines, (n) => new Int32Array(n));
    this.chunks = grow(this.chunks, (n) => new Int32Array(n));
    this.records = grow(this.records, (n) => new Int32Array(n));
  }
}

/**
 * Every event identity met in an ingest, file by file. On a worker thread (`logOnly`) the
 * identities are only logged, for the main thread to replay (FileIdentities).
 */
export class EventIdentities {
  private readonly groups = new Map<string, RecordIds>();
  private readonly files: string[] = [];
  private readonly table = new GroupTable((key) => this.groupOf(key));
  private readonly log: IdentityLog | undefined;
  duplicates = 0;
  example: DuplicateExample | undefined;

  constructor(logOnly = false) {
    if (logOnly) this.log = new IdentityLog();
  }

  /** Starts counting the events of file `name`. */
  startFile(name: string): void {
    this.files.push(name);
  }

  private groupOf(key: string): RecordIds {
    let group = this.groups.get(key);
    if (!group) {
      group = new RecordIds();
      this.groups.set(key, group);
    }
    return group;
  }

  /** Counts the event when an earlier one had its identity; true then. */
  private addTo(key: string, group: RecordIds | undefined, id: number, where: Where): boolean {
    if (this.log) {
      this.log.add(key, id, where);
      return false;
    }
    const earlier = (group ?? this.groupOf(key)).add(id, this.files.length - 1);
    if (earlier === -1) return false;
    this.duplicates++;
    this.example ??= { first: this.files[earlier]!, second: placeText(this.files[this.files.length - 1]!, where) };
    return true;
  }

  /** An event read into fields (general path); values are text. */
  isDuplicate(channel: string | undefined, computer: string | undefined, recordId: string | undefined, where: Where): boolean {
    const id = recordIdOf(recordId);
    if (id === undefined) return false;
    return this.addTo(`${toByteString(channel ?? '')}\n${toByteString(computer ?? '')}`, undefined, id, where);
  }

  /**
   * An event scanned in place (fast path): channel, computer and id as byte ranges of `bytes`
   * (start -1 when absent; `view` is a DataView over `bytes`), on line `line`.
   */
  isDuplicateBytes(bytes: Buffer, view: DataView, channel: number, channelEnd: number, computer: number, computerEnd: number, id: number, idEnd: number, line: number): boolean {
    const recordId = id < 0 ? undefined : recordIdOfBytes(bytes, id, idEnd);
    if (recordId === undefined) return false;
    const entry = this.table.find(bytes, view, channel < 0 ? 0 : channel, channel < 0 ? 0 : channelEnd, computer < 0 ? 0 : computer, computer < 0 ? 0 : computerEnd);
    return this.addTo(entry.key, entry.ids, recordId, line);
  }

  /** The identities logged (logOnly), for the main thread. */
  logged(): FileIdentities | undefined {
    return this.log?.take();
  }

  /** Counts the identities of file `name`, read on a worker, as if read here. */
  replay(name: string, file: FileIdentities): void {
    this.startFile(name);
    const { keys, groups, ids, lines, chunks, records } = file;
    for (let i = 0; i < ids.length; i++) {
      const chunk = chunks[i]!;
      const record = records[i]!;
      const where: Where = record < 0 ? lines[i]! : { line: lines[i]!, ...(chunk >= 0 ? { chunk } : {}), record };
      this.addTo(keys[groups[i]!]!, undefined, ids[i]!, where);
    }
  }
}
