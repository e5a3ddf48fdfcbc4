/**
 * Reads several files on worker threads, one file at a time per worker, and hands back each
 * file's part in file order, so the merged store is the one a single thread would build.
 * The worker is the compiled `worker.js` next to this module; run from TypeScript sources
 * (vitest) it does not exist, and the caller reads on its own thread instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpelunkError, type ErrorKind } from '../core/errors.js';
import type { FilePart } from './part.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** A file to read: its index in the file list, path and size. */
export interface FileTask {
  index: number;
  path: string;
  size: number;
}

/** What a worker posts. */
export type WorkerMessage =
  | { type: 'bytes'; bytes: number }
  | { type: 'part'; index: number; part: FilePart }
  | { type: 'error'; index: number; kind: ErrorKind; message: string };

interface Pending {
  resolve: (part: FilePart) => void;
  reject: (error: Error) => void;
}

/**
 * One promise per file, in file order. `onProgress(bytes)` reports bytes read since its last
 * call, by any worker.
 */
export function readFilesInParallel(
  files: readonly { path: string; size: number }[],
  threads: number,
  strict: boolean,
  onProgress: (bytes: number) => void,
): Promise<FilePart>[] {
  const pending: Pending[] = [];
  const parts = files.map(
    (_file, index) =>
      new Promise<FilePart>((resolve, reject) => {
        pending[index] = { resolve, reject };
      }),
  );
  // A part that fails before the caller awaits it must not be an unhandled rejection.
  for (const part of parts) part.catch(() => undefined);
  let next = 0;
  const workers: Worker[] = [];
  const stopAll = (): void => {
    for (const worker of workers) void worker.terminate();
  };
  const give = (worker: Worker): void => {
    if (next >= files.length) {
      void worker.terminate();
      return;
    }
    const index = next++;
    const task: FileTask = { index, path: files[index]!.path, size: files[index]!.size };
    worker.postMessage(task);
  };
  for (let i = 0; i < Math.min(threads, files.length); i++) {
    const worker = new Worker(WORKER_URL, { workerData: { strict } });
    workers.push(worker);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'bytes') {
        onProgress(message.bytes);
      } else if (message.type === 'part') {
        pending[message.index]!.resolve(message.part);
        give(worker);
      } else {
        const failure = new SpelunkError(message.kind, message.message);
        pending[message.index]!.reject(failure);
        // The caller stops at the first failed file: files not started yet are not needed, but
        // the earlier ones still running must finish (one of them may fail first in file order).
        for (let index = next; index < files.length; index++) pending[index]!.reject(failure);
        next = files.length;
        give(worker);
      }
    });
    worker.on('error', (error) => {
      const failure = new SpelunkError('internal', `ingest worker failed: ${error.message}`);
      for (const entry of pending) entry.reject(failure);
      stopAll();
    });
    give(worker);
  }
  return parts;
}
