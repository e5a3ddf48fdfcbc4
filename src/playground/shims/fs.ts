/**
 * `node:fs` and `node:fs/promises` over the playground's virtual files: the bundled macros,
 * lookups and sample (embedded when the page is built) and the files the user drops on the page.
 * Reading is all spelunk's engine needs there; writing is refused with a clear message.
 */
import { Buffer } from './buffer.js';

const files = new Map<string, Uint8Array>();

/** Adds (or replaces) a virtual file. */
export function putFile(path: string, bytes: Uint8Array): void {
  files.set(path, bytes);
}

export function removeFile(path: string): void {
  files.delete(path);
}

function missing(path: string): Error {
  const error = new Error(`ENOENT: no such file or directory, '${path}'`) as Error & { code: string };
  error.code = 'ENOENT';
  return error;
}

function isFolder(path: string): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  for (const name of files.keys()) if (name.startsWith(prefix)) return true;
  return path === '/';
}

class Entry {
  constructor(
    readonly name: string,
    private readonly folder: boolean,
    readonly size = 0,
  ) {}
  readonly mtimeMs = 0;
  isDirectory(): boolean {
    return this.folder;
  }
  isFile(): boolean {
    return !this.folder;
  }
  isSymbolicLink(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
}

export function existsSync(path: string): boolean {
  return files.has(String(path)) || isFolder(String(path));
}

export function statSync(path: string): Entry {
  const bytes = files.get(String(path));
  if (bytes) return new Entry(String(path), false, bytes.length);
  if (isFolder(String(path))) return new Entry(String(path), true);
  throw missing(String(path));
}

export const lstatSync = statSync;

export function realpathSync(path: string): string {
  return String(path);
}

export function readFileSync(path: string, options?: string | { encoding?: string }): Buffer | string {
  const bytes = files.get(String(path));
  if (!bytes) throw missing(String(path));
  const buffer = Buffer.from(bytes);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? buffer.toString(encoding) : buffer;
}

export function readdirSync(path: string, options?: { withFileTypes?: boolean }): (string | Entry)[] {
  const prefix = String(path).endsWith('/') ? String(path) : `${String(path)}/`;
  const entries = new Map<string, Entry>();
  for (const [name, bytes] of files) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const cut = rest.indexOf('/');
    const child = cut === -1 ? rest : rest.slice(0, cut);
    if (!entries.has(child)) entries.set(child, new Entry(child, cut !== -1, cut === -1 ? bytes.length : 0));
  }
  if (entries.size === 0 && !isFolder(String(path))) throw missing(String(path));
  const sorted = [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return options?.withFileTypes ? sorted : sorted.map((e) => e.name);
}

/** The file's bytes as one chunk, as a stream spelunk's readers iterate. */
export function createReadStream(path: string): AsyncIterable<Buffer> & { destroy(): void } {
  return {
    async *[Symbol.asyncIterator]() {
      const bytes = files.get(String(path));
      if (!bytes) throw missing(String(path));
      yield Buffer.from(bytes);
    },
    destroy() {},
  };
}

function refused(): never {
  throw new Error('the playground writes no files (it runs in the browser); use the spelunk command line for outputlookup');
}

export const writeFileSync = refused;
export const mkdirSync = refused;
export const rmSync = refused;
export const openSync = refused;
export const writeSync = refused;
export const closeSync = refused;
export const fstatSync = refused;
export const ftruncateSync = refused;
export const createWriteStream = refused;
export const constants = { O_RDONLY: 0, O_WRONLY: 1, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512 };

/** A read-only handle over a virtual file, as the EVTX reader uses it. */
class Handle {
  constructor(private readonly bytes: Uint8Array) {}
  private position = 0;
  async read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }> {
    const from = position ?? this.position;
    const part = this.bytes.subarray(from, from + length);
    buffer.set(part, offset);
    if (position === null) this.position = from + part.length;
    return { bytesRead: part.length };
  }
  async stat(): Promise<Entry> {
    return new Entry('', false, this.bytes.length);
  }
  async close(): Promise<void> {}
}

export async function open(path: string): Promise<Handle> {
  const bytes = files.get(String(path));
  if (!bytes) throw missing(String(path));
  return new Handle(bytes);
}

export async function readdir(path: string, options?: { withFileTypes?: boolean }): Promise<(string | Entry)[]> {
  return readdirSync(path, options);
}

export async function stat(path: string): Promise<Entry> {
  return statSync(path);
}

export const lstat = stat;

export async function readFile(path: string, options?: string | { encoding?: string }): Promise<Buffer | string> {
  return readFileSync(path, options);
}

export const promises = { open, readdir, stat, lstat, readFile };

export default {
  existsSync, statSync, lstatSync, realpathSync, readFileSync, readdirSync, createReadStream, writeFileSync, mkdirSync, rmSync,
  openSync, writeSync, closeSync, fstatSync, ftruncateSync, createWriteStream, constants, promises,
};
