/**
 * The part of Node's Buffer spelunk's readers use, for the playground's browser bundle (esbuild
 * injects it where the code names the global `Buffer`, and aliases `node:buffer` to this file).
 * A Buffer is a Uint8Array with Node's encodings and little-endian reads; `slice` shares
 * memory as Node's does.
 */
type Encoding = 'utf8' | 'utf-8' | 'latin1' | 'binary' | 'ascii' | 'utf16le' | 'ucs2' | 'ucs-2' | 'hex' | 'base64';

const utf8Decoder = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf16Decoder = new TextDecoder('utf-16le');
const encoder = new TextEncoder();

function normal(encoding: string | undefined): Encoding {
  return (encoding ?? 'utf8').toLowerCase() as Encoding;
}

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'latin1':
    case 'binary':
    case 'ascii': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      return bytes;
    }
    case 'utf16le':
    case 'ucs2':
    case 'ucs-2': {
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        bytes[2 * i] = code & 0xff;
        bytes[2 * i + 1] = code >> 8;
      }
      return bytes;
    }
    case 'hex': {
      const bytes = new Uint8Array(Math.floor(text.length / 2));
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
      return bytes;
    }
    case 'base64': {
      const binary = atob(text);
      return encode(binary, 'latin1');
    }
    default:
      return encoder.encode(text);
  }
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

// @ts-expect-error Node's Buffer.from takes an encoding or offset where Uint8Array.from takes a map function.
export class Buffer extends Uint8Array {
  static override from(value: string | ArrayLike<number> | ArrayBufferLike, encodingOrOffset?: string | number, length?: number): Buffer {
    if (typeof value === 'string') {
      const bytes = encode(value, normal(encodingOrOffset as string | undefined));
      return new Buffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = (encodingOrOffset as number | undefined) ?? 0;
      return new Buffer(value as ArrayBuffer, offset, length ?? value.byteLength - offset);
    }
    const copy = new Buffer((value as ArrayLike<number>).length);
    copy.set(value as ArrayLike<number>);
    return copy;
  }

  static alloc(size: number, fill?: number): Buffer {
    const buffer = new Buffer(size);
    if (fill !== undefined) buffer.fill(fill);
    return buffer;
  }

  static allocUnsafe(size: number): Buffer {
    return new Buffer(size);
  }

  static concat(list: readonly Uint8Array[], total?: number): Buffer {
    const size = total ?? list.reduce((sum, part) => sum + part.length, 0);
    const joined = new Buffer(size);
    let at = 0;
    for (const part of list) {
      if (at >= size) break;
      joined.set(part.subarray(0, size - at), at);
      at += part.length;
    }
    return joined;
  }

  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  static byteLength(text: string, encoding?: string): number {
    return encode(text, normal(encoding)).length;
  }

  static compare(a: Uint8Array, b: Uint8Array): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  override toString(encoding?: string, start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    switch (normal(encoding)) {
      case 'latin1':
      case 'binary':
        return latin1(bytes);
      case 'ascii':
        return latin1(bytes.map((b) => b & 0x7f));
      case 'utf16le':
      case 'ucs2':
      case 'ucs-2':
        return utf16Decoder.decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
      case 'hex':
        return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      case 'base64':
        return btoa(latin1(bytes));
      default:
        return utf8Decoder.decode(bytes);
    }
  }

  ucs2Slice(start: number, end: number): string {
    return this.toString('utf16le', start, end);
  }

  latin1Slice(start: number, end: number): string {
    return this.toString('latin1', start, end);
  }

  utf8Slice(start: number, end: number): string {
    return this.toString('utf8', start, end);
  }

  override slice(start?: number, end?: number): Buffer {
    return this.subarray(start, end) as Buffer;
  }

  write(text: string, offset = 0, length?: number | string, encoding?: string): number {
    const bytes = encode(text, normal(typeof length === 'string' ? length : encoding));
    const count = Math.min(bytes.length, typeof length === 'number' ? length : this.length - offset, this.length - offset);
    this.set(bytes.subarray(0, count), offset);
    return count;
  }

  override indexOf(value: number | string | Uint8Array, byteOffset = 0, encoding?: string): number {
    if (typeof value === 'number') return super.indexOf(value, byteOffset);
    const needle = typeof value === 'string' ? encode(value, normal(encoding)) : value;
    if (needle.length === 0) return byteOffset;
    const first = needle[0]!;
    for (let i = super.indexOf(first, byteOffset); i !== -1 && i + needle.length <= this.length; i = super.indexOf(first, i + 1)) {
      let j = 1;
      while (j < needle.length && this[i + j] === needle[j]) j++;
      if (j === needle.length) return i;
    }
    return -1;
  }

  override includes(value: number | string | Uint8Array, byteOffset = 0): boolean {
    return this.indexOf(value, byteOffset) !== -1;
  }

  equals(other: Uint8Array): boolean {
    return Buffer.compare(this, other) === 0;
  }

  compare(other: Uint8Array): number {
    return Buffer.compare(this, other);
  }

  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }

  private view(): DataView {
    return new DataView(this.buffer, this.byteOffset, this.byteLength);
  }

  readUInt8(offset = 0): number {
    return this[offset]!;
  }
  readUInt16LE(offset = 0): number {
    return this.view().getUint16(offset, true);
  }
  readUInt32LE(offset = 0): number {
    return this.view().getUint32(offset, true);
  }
  readInt16LE(offset = 0): number {
    return this.view().getInt16(offset, true);
  }
  readInt32LE(offset = 0): number {
    return this.view().getInt32(offset, true);
  }
  readFloatLE(offset = 0): number {
    return this.view().getFloat32(offset, true);
  }
  readDoubleLE(offset = 0): number {
    return this.view().getFloat64(offset, true);
  }
  readBigUInt64LE(offset = 0): bigint {
    return this.view().getBigUint64(offset, true);
  }
  readBigInt64LE(offset = 0): bigint {
    return this.view().getBigInt64(offset, true);
  }
  readUInt16BE(offset = 0): number {
    return this.view().getUint16(offset, false);
  }
  readUInt32BE(offset = 0): number {
    return this.view().getUint32(offset, false);
  }
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export default { Buffer, isUtf8 };
