/**
 * Builds the event store while the logs are read: each XML event is walked (xml-walk.ts) into its
 * shape, kept once (shape.ts), and its values, kept as ids into one dictionary per value
 * namespace (a field name, mostly). Per event the store holds its time, shape, input and the ids
 * of its values: no string per event, and `_raw` is rendered back when read (store.ts).
 */
import { ByteInterner, viewOf } from '../store/interner.js';
import { makeShape, type Shape } from './shape.js';
import { EventStore, type EventInput } from './store.js';
import { ShapeWalk, walkXmlEvent, type WalkSink } from './xml-walk.js';

function grownFloat(array: Float64Array, size: number): Float64Array {
  if (size <= array.length) return array;
  const grown = new Float64Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

function grownUint(array: Uint32Array, size: number): Uint32Array {
  if (size <= array.length) return array;
  const grown = new Uint32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** Reads an event's TimeCreated/@SystemTime (src/ingest/time.ts gives it: ingest sits above the events). */
export type TimeReader = (bytes: Buffer, start: number, end: number) => number | undefined;

/**
 * Names as hashes of their bytes, for the walk of every event: its shape is then found by a hash
 * of the operations (two independent 32-bit hashes, so a collision between two of the few hundred
 * shapes of a capture is about one in 2^50), and only a new shape is walked again with interned
 * names (INF: docs/performance.md "What an event costs").
 */
class HashingSink implements WalkSink {
  name(bytes: Buffer, start: number, end: number): number {
    let hash = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return hash | 0;
  }
}

/** Two 32-bit hashes of the operations, packed in a number (53 bits). */
function shapeKey(ops: Int32Array, count: number): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ count;
  for (let i = 0; i < count; i++) {
    const op = ops[i]!;
    a = Math.imul(a ^ op, 0x01000193);
    b = Math.imul(b ^ op, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export class EventStoreBuilder implements WalkSink {
  private readonly hashing = new HashingSink();
  private readonly shapeByHash = new Map<number, number>();
  constructor(private readonly readTime: TimeReader = () => undefined) {}

  private readonly names = new ByteInterner();
  private readonly namespaces = new Map<string, ByteInterner>();
  private readonly shapeByKey = new Map<string, number>();
  private readonly shapes: Shape[] = [];
  /** Per shape, per slot: the dictionary of its values. */
  private readonly slotInterners: ByteInterner[][] = [];
  private readonly walk = new ShapeWalk();
  private count = 0;
  private time: Float64Array = new Float64Array(1024);
  private shape: Uint32Array = new Uint32Array(1024);
  private input: Uint32Array = new Uint32Array(1024);
  private offset: Uint32Array = new Uint32Array(1025);
  private arena: Uint32Array = new Uint32Array(16384);
  private arenaUsed = 0;
  private readonly inputs: EventInput[] = [];
  private currentInput = -1;
  private view: DataView = viewOf(new Uint8Array(0));
  private viewOf: Uint8Array | undefined;
  /** Events that could not be kept, by reason (counted in the ingest report). */
  readonly rejected = new Map<string, number>();

  /** Starts the events of one input file, with its metadata overrides. */
  startInput(input: EventInput): void {
    this.inputs.push(input);
    this.currentInput = this.inputs.length - 1;
  }

  name(bytes: Buffer, start: number, end: number): number {
    return this.names.entry(bytes, this.viewFor(bytes), start, end);
  }

  private viewFor(bytes: Buffer): DataView {
    if (bytes !== this.viewOf) {
      this.view = viewOf(bytes);
      this.viewOf = bytes;
    }
    return this.view;
  }

  /** Adds the XML event `bytes[start, end)`; false (counted in `rejected`) when it cannot be kept. */
  addXml(bytes: Buffer, start: number, end: number): boolean {
    if (this.currentInput === -1) this.startInput({ name: '' });
    const view = this.viewFor(bytes);
    const walk = this.walk;
    const problem = walkXmlEvent(bytes, start, end, this.hashing, walk);
    if (problem !== undefined) return this.reject(`XML event not kept as an event: ${problem}`);
    const time = walk.timeStart === -1 ? undefined : this.readTime(bytes, walk.timeStart, walk.timeEnd);
    if (time === undefined) return this.reject('XML event not kept as an event: no TimeCreated SystemTime');
    const hashKey = shapeKey(walk.ops, walk.opCount);
    let shapeId = this.shapeByHash.get(hashKey);
    if (shapeId === undefined) {
      // A shape not met yet (or a hash met for another layout): walked again with interned names.
      walkXmlEvent(bytes, start, end, this, walk);
      shapeId = this.shapeOf(walk);
      this.shapeByHash.set(hashKey, shapeId);
    }
    const interners = this.slotInterners[shapeId]!;
    const n = this.count;
    this.time = grownFloat(this.time, n + 1);
    this.shape = grownUint(this.shape, n + 1);
    this.input = grownUint(this.input, n + 1);
    this.offset = grownUint(this.offset, n + 2);
    this.arena = grownUint(this.arena, this.arenaUsed + walk.slotCount);
    for (let slot = 0; slot < walk.slotCount; slot++) {
      this.arena[this.arenaUsed + slot] = interners[slot]!.entry(bytes, view, walk.slotStart[slot]!, walk.slotEnd[slot]!);
    }
    this.arenaUsed += walk.slotCount;
    this.time[n] = time;
    this.shape[n] = shapeId;
    this.input[n] = this.currentInput;
    this.offset[n + 1] = this.arenaUsed;
    this.count = n + 1;
    return true;
  }

  /** Adds the XML event held in a byte string (src/ingest/lines.ts). */
  addXmlText(byteString: string): boolean {
    const bytes = Buffer.from(byteString, 'latin1');
    return this.addXml(bytes, 0, bytes.length);
  }

  /** The shape of the walk just made with interned names, added when new. */
  private shapeOf(walk: ShapeWalk): number {
    const ops = walk.ops;
    const key = String.fromCharCode.apply(null, new Uint16Array(ops.buffer, 0, walk.opCount * 2) as unknown as number[]);
    let shapeId = this.shapeByKey.get(key);
    if (shapeId === undefined) {
      shapeId = this.shapes.length;
      const shape = makeShape(shapeId, ops, walk.opCount, (id) => this.names.text(id));
      this.shapes.push(shape);
      this.slotInterners.push(shape.slotNamespace.map((namespace) => this.namespace(namespace)));
      this.shapeByKey.set(key, shapeId);
    }
    return shapeId;
  }

  private reject(reason: string): false {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
    return false;
  }

  private namespace(name: string): ByteInterner {
    let interner = this.namespaces.get(name);
    if (!interner) {
      interner = new ByteInterner();
      this.namespaces.set(name, interner);
    }
    return interner;
  }

  get size(): number {
    return this.count;
  }

  build(): EventStore {
    const n = this.count;
    return new EventStore({
      count: n,
      time: this.time.slice(0, n),
      shape: this.shape.slice(0, n),
      input: this.input.slice(0, n),
      offset: this.offset.slice(0, n + 1),
      arena: this.arena.slice(0, this.arenaUsed),
      shapes: this.shapes,
      namespaces: this.namespaces,
      inputs: this.inputs,
    });
  }
}
