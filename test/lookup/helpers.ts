/** Shared by the lookup and join tests: one session over the bundled sample, and temp lookup folders. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSession, type SearchResult, type Session } from '../../src/index.js';

export function tempFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'spelunk-lookups-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

export async function sessionWith(options: { lookups?: string[]; outputLookupDir?: string } = {}): Promise<Session> {
  const { session } = await openSession({ ...options, now: '2024-01-01T00:00:00Z' });
  return session;
}

/** The rows as plain objects, for readable assertions. */
export function plain(result: SearchResult): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(row));
}
