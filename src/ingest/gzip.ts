/**
 * gzip decompression that delivers every byte decoded before a fault. Piping through Node's
 * Gunzip loses the output still buffered when it fails (a wrong CRC in the trailer, a file cut
 * short): the intact records at the end of the file went with it. Here the input is written in
 * small slices and the output flushed before the last eight bytes (the trailer that holds the
 * CRC) are written, so a fault costs at most the output of one slice of corrupt data, and a
 * bad CRC or a truncated file costs nothing that was decoded.
 */
import { constants, createGunzip, type Gunzip } from 'node:zlib';

/** The stream could not be read past `offset` (bytes of compressed input taken before the fault). */
export class StreamFault extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** Every byte of input was decoded (only the final check failed): no record was cut short. */
    readonly complete: boolean,
  ) {
    super(message);
  }
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Bytes written per call: what one fault can cost, and the output held between yields. */
const SLICE_BYTES = 16 * 1024;
/** CRC32 and ISIZE, written last. */
const TRAILER_BYTES = 8;

/** A CRC or length mismatch: zlib found the data wrong only once all of it was decoded. */
function isCheckFailure(error: Error): boolean {
  return /incorrect (data|length) check/.test(error.message);
}

/** Why the decompressor stopped, in words a user can act on. */
function faultText(error: Error, offset: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') return `gzip data ends early (truncated file) after ${offset} compressed bytes`;
  return `corrupt gzip data at compressed byte ${offset}: ${error.message}`;
}

class Inflater {
  private readonly gunzip: Gunzip = createGunzip();
  private readonly output: Buffer[] = [];
  private failure: Error | undefined;
  /** Compressed bytes written before the current call. */
  offset = 0;
  /** Set while only the held-back trailer is being written. */
  trailerOnly = false;

  constructor() {
    this.gunzip.on('data', (chunk: Buffer) => this.output.push(chunk));
    this.gunzip.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Output decoded since the last call. */
  take(): Buffer[] {
    return this.output.splice(0, this.output.length);
  }

  /** Throws the fault, once output decoded before it has been taken. */
  check(): void {
    if (this.failure) throw new StreamFault(faultText(this.failure, this.offset), this.offset, this.trailerOnly && isCheckFailure(this.failure));
  }

  async write(bytes: Buffer): Promise<void> {
    for (let at = 0; at < bytes.length && !this.failure; at += SLICE_BYTES) {
      const slice = bytes.subarray(at, Math.min(bytes.length, at + SLICE_BYTES));
      await this.settle((done) => this.gunzip.write(slice, done));
      if (!this.failure) this.offset += slice.length;
    }
  }

  async flush(): Promise<void> {
    if (!this.failure) await this.settle((done) => this.gunzip.flush(constants.Z_SYNC_FLUSH, done));
  }

  async end(): Promise<void> {
    if (this.failure) return;
    await this.settle((done) => {
      this.gunzip.once('end', done);
      this.gunzip.end();
      this.gunzip.resume();
    });
  }

  destroy(): void {
    this.gunzip.destroy();
  }

  /** Runs `start` and waits for its callback, or for an error. */
  private settle(start: (done: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.gunzip.off('error', done);
        resolve();
      };
      this.gunzip.once('error', done);
      start(done);
    });
  }
}

/**
 * The decompressed bytes of gzip `input` (one or more members). On a fault, first everything
 * decoded before it, then a StreamFault.
 */
export async function* gunzipped(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflater = new Inflater();
  try {
    let held: Buffer = Buffer.alloc(0);
    for await (const chunk of input) {
      // The last bytes seen are held back: they may be the trailer.
      if (chunk.length >= TRAILER_BYTES) {
        await inflater.write(held);
        await inflater.write(chunk.subarray(0, chunk.length - TRAILER_BYTES));
        held = Buffer.from(chunk.subarray(chunk.length - TRAILER_BYTES));
      } else {
        const bytes = Buffer.concat([held, chunk]);
        const keep = Math.min(TRAILER_BYTES, bytes.length);
        await inflater.write(bytes.subarray(0, bytes.length - keep));
        held = bytes.subarray(bytes.length - keep);
      }
      yield* inflater.take();
      inflater.check();
    }
    await inflater.flush();
    yield* inflater.take();
    inflater.check();
    inflater.trailerOnly = true;
    await inflater.write(held);
    await inflater.flush();
    await inflater.end();
    yield* inflater.take();
    inflater.check();
  } finally {
    inflater.destroy();
  }
}
