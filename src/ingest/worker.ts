/** Worker thread side of parallel.ts: reads the files it is given, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { SpelunkError } from '../core/errors.js';
import { readFilePart } from './read-file.js';
import type { FileTask, WorkerMessage } from './parallel.js';

const port = parentPort!;
const { strict } = workerData as { strict: boolean };

port.on('message', (task: FileTask) => {
  void read(task);
});

async function read(task: FileTask): Promise<void> {
  let pendingBytes = 0;
  try {
    const part = await readFilePart(task.path, task.size, strict, (n) => {
      pendingBytes += n;
      // Report about every 8 MB: a message per 1 MB chunk would be noise.
      if (pendingBytes >= 8 << 20) {
        port.postMessage({ type: 'bytes', bytes: pendingBytes } satisfies WorkerMessage);
        pendingBytes = 0;
      }
    });
    port.postMessage({ type: 'bytes', bytes: pendingBytes } satisfies WorkerMessage);
    const transfer = [
      ...part.datasets.flatMap((dataset) => [dataset.time.buffer, ...[...dataset.columns.values()].map((column) => column.ids.buffer)]),
      ...[part.identities.groups, part.identities.ids, part.identities.lines, part.identities.chunks, part.identities.records].map((array) => array.buffer),
    ];
    port.postMessage({ type: 'part', index: task.index, part } satisfies WorkerMessage, transfer as ArrayBuffer[]);
  } catch (error) {
    const message: WorkerMessage =
      error instanceof SpelunkError
        ? { type: 'error', index: task.index, kind: error.kind, message: error.message }
        : { type: 'error', index: task.index, kind: 'internal', message: `ingest worker: ${(error as Error).message}` };
    port.postMessage(message);
  }
}
