import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { Session, type SessionOptions } from '../../src/session.js';
import { formatResults } from '../../src/format/index.js';
import type { ColumnarStore } from '../../src/store/types.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const sharedData = (...parts: string[]): string => resolve(repoRoot, '../shared/data', ...parts);
export const hasShared = existsSync(resolve(repoRoot, '../shared/data'));
export const bundledSample = resolve(repoRoot, 'examples/data');
export const w3wpSearch = (): string =>
  // The published search, verbatim from the detection YAML copied into examples/.
  `| tstats \`security_content_summariesonly\` count values(Processes.process_name) as process_name values(Processes.process) as process min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.parent_process_name=w3wp.exe AND \`process_cmd\` OR \`process_powershell\` by Processes.dest Processes.parent_process Processes.original_file_name Processes.user | \`drop_dm_object_name(Processes)\` | \`security_content_ctime(firstTime)\` | \`security_content_ctime(lastTime)\`| \`w3wp_spawning_shell_filter\``;

const stores = new Map<string, Promise<ColumnarStore>>();

/** Loads (once per test file) the store for some data paths. */
export function storeFor(...paths: string[]): Promise<ColumnarStore> {
  const key = paths.join('\n');
  let store = stores.get(key);
  if (!store) {
    store = loadEndpointProcesses(paths).then((r) => r.store);
    stores.set(key, store);
  }
  return store;
}

export async function sessionFor(paths: string[], options: Omit<SessionOptions, 'store'> = {}): Promise<Session> {
  return new Session({ ...options, store: await storeFor(...paths) });
}

/** Results as Splunk's REST JSON shows them: objects of strings and string arrays. */
export function asJson(session: Session, search: string): Record<string, string | string[]>[] {
  return JSON.parse(formatResults(session.run(search), 'json')) as Record<string, string | string[]>[];
}
