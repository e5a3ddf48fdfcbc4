/**
 * `spelunk generate`: deterministic, realistic process-creation logs for load tests, teaching
 * and the benchmark. Same options and seed, same bytes.
 */
import { open } from 'node:fs/promises';
import { SpelunkError } from '../core/errors.js';
import { eventFiletime, SysmonEvtxEvents } from './evtx-sysmon.js';
import { EvtxWriter } from './evtx-writer.js';
import { EVENT_FORMATS, type EventFormat, renderCrowdStrike, renderOtrfJson, renderSecurity4688Xml, renderSysmonXml } from './formats.js';
import { Random } from './random.js';
import { World } from './world.js';

export type { EventFormat } from './formats.js';
export { EVENT_FORMATS } from './formats.js';

/** A line format, or `evtx`: a binary Windows event log file of the sysmon-xml events. */
export type GenerateFormat = EventFormat | 'evtx';

export const GENERATE_FORMATS: readonly GenerateFormat[] = [...EVENT_FORMATS, 'evtx'];

export interface GenerateOptions {
  events: number;
  seed?: number;
  hosts?: number;
  webshellRate?: number;
  format?: GenerateFormat;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_HOSTS = 200;
export const DEFAULT_WEBSHELL_RATE = 0.001;

interface ResolvedOptions {
  events: number;
  seed: number;
  hosts: number;
  webshellRate: number;
  format: GenerateFormat;
}

function usage(message: string): SpelunkError {
  return new SpelunkError('usage', message);
}

/** Checks the options and fills in defaults; throws a usage SpelunkError on a bad value. */
export function resolveGenerateOptions(options: GenerateOptions): ResolvedOptions {
  const { events } = options;
  if (!Number.isSafeInteger(events) || events < 0) {
    throw usage(`--events must be a whole number of 0 or more, got ${String(events)}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw usage(`--seed must be a whole number from 0 to 4294967295, got ${String(seed)}`);
  }
  const hosts = options.hosts ?? DEFAULT_HOSTS;
  if (!Number.isSafeInteger(hosts) || hosts < 1 || hosts > 1_000_000) {
    throw usage(`--hosts must be a whole number from 1 to 1000000, got ${String(hosts)}`);
  }
  const webshellRate = options.webshellRate ?? DEFAULT_WEBSHELL_RATE;
  if (typeof webshellRate !== 'number' || !(webshellRate >= 0 && webshellRate <= 1)) {
    throw usage(`--webshell-rate must be a number from 0 to 1, got ${String(webshellRate)}`);
  }
  const format = options.format ?? 'sysmon-xml';
  if (!GENERATE_FORMATS.includes(format)) {
    throw usage(`--format must be one of ${GENERATE_FORMATS.join(', ')}, got ${String(format)}`);
  }
  return { events, seed, hosts, webshellRate, format };
}

/** The events, one log line each, without the line terminator. */
export function* generateEvents(options: GenerateOptions): Generator<string> {
  const resolved = resolveGenerateOptions(options);
  if (resolved.format === 'evtx') throw usage('--format evtx is a binary file, not lines: write it with writeEvtxFile');
  const random = new Random(resolved.seed);
  const world = new World(random, { hosts: resolved.hosts, webshellRate: resolved.webshellRate });
  const cid = random.hex(32);
  for (let index = 0; index < resolved.events; index++) {
    const event = world.nextEvent();
    switch (resolved.format) {
      case 'sysmon-xml': yield renderSysmonXml(event); break;
      case '4688-xml': yield renderSecurity4688Xml(event); break;
      case 'crowdstrike': yield renderCrowdStrike(event, cid); break;
      case 'jsonl': yield renderOtrfJson(event); break;
    }
  }
}

/**
 * Writes the sysmon-xml events of `options` (the same events, seed for seed) as an .evtx file
 * at `path`. A file, not a stream: the file header, written last, counts the chunks.
 */
export async function writeEvtxFile(options: GenerateOptions, path: string): Promise<{ events: number; bytes: number; chunks: number }> {
  const resolved = resolveGenerateOptions(options);
  const random = new Random(resolved.seed);
  const world = new World(random, { hosts: resolved.hosts, webshellRate: resolved.webshellRate });
  random.hex(32); // the CrowdStrike customer id the line formats draw here, so the events stay the same
  let file;
  try {
    file = await open(path, 'w');
  } catch (error) {
    throw new SpelunkError('input', `cannot write ${path}: ${(error as Error).message}`);
  }
  try {
    const writer = new EvtxWriter(file);
    const sysmon = new SysmonEvtxEvents();
    for (let index = 0; index < resolved.events; index++) {
      const event = world.nextEvent();
      await writer.add(eventFiletime(event), sysmon.instance(event));
    }
    const written = await writer.finish();
    return { events: written.records, bytes: written.bytes, chunks: written.chunks };
  } finally {
    await file.close();
  }
}

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes the events, each line ending in `\n`, honouring back-pressure. Resolves with the
 * number of events and UTF-8 bytes written. Does not end the stream.
 */
export async function writeEvents(
  options: GenerateOptions,
  out: NodeJS.WritableStream,
): Promise<{ events: number; bytes: number }> {
  let events = 0;
  let bytes = 0;
  let chunk = '';
  const flush = async (): Promise<void> => {
    const buffer = Buffer.from(chunk, 'utf8');
    chunk = '';
    bytes += buffer.length;
    if (!out.write(buffer)) await waitForDrain(out);
  };
  for (const line of generateEvents(options)) {
    chunk += `${line}\n`;
    events++;
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  if (chunk.length > 0) await flush();
  return { events, bytes };
}

function waitForDrain(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}
