/**
 * Node modules the playground cannot offer (worker threads, gzip, hashing, heap statistics): each
 * export says so when used, and the engine reports the message like any other error.
 */
function unavailable(what: string): never {
  throw new Error(`${what} is not available in the playground (it runs in the browser); use the spelunk command line for it`);
}

export class Worker {
  constructor() {
    unavailable('reading on worker threads');
  }
}
export const parentPort = null;
export const workerData = undefined;
export const constants = {};
/** Absent, so the EVTX reader computes its checksums itself. */
export const crc32 = undefined;
export function createGunzip(): never {
  return unavailable('reading gzip files');
}
export function createHash(): never {
  return unavailable('hashing (md5, sha1, sha256, sha512)');
}
export function getHeapStatistics(): { heap_size_limit: number } {
  return { heap_size_limit: 2 ** 32 };
}
export async function once(): Promise<never> {
  return unavailable('waiting on a Node stream');
}
export default { Worker, parentPort, workerData, constants, createGunzip, createHash, getHeapStatistics, once };
