/**
 * Runs every Endpoint.Processes detection of security_content over the bundled sample data:
 * a search may be reported unsupported (a command or function spelunk lacks, named in the
 * message), but no search may fail with any other error.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { Session } from '../../src/session.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const searchesFile = path.resolve(repoRoot, '../shared/reference/security_content/detections_endpoint_processes_searches.txt');

describe.skipIf(!existsSync(searchesFile))('security_content Endpoint.Processes detections', () => {
  it('run without errors other than unsupported', async () => {
    const { store } = await loadEndpointProcesses([path.join(repoRoot, 'examples/data')]);
    // One detection writes a lookup (outputlookup): give it a scratch folder.
    const outputLookupDir = mkdtempSync(path.join(os.tmpdir(), 'spelunk-sc-'));
    const session = new Session({ store, now: 1_700_000_000, outputLookupDir });
    const lines = readFileSync(searchesFile, 'utf8').split('\n').filter((l) => l.includes('\t'));
    const failures: string[] = [];
    const unsupported = new Map<string, number>();
    let ok = 0;
    for (const line of lines) {
      const [name, search] = line.split('\t') as [string, string];
      try {
        session.run(search);
        ok++;
      } catch (error) {
        if (error instanceof SpelunkError && error.kind === 'unsupported') {
          const reason = error.message.replace(/'[^']*'$/, '').slice(0, 80);
          unsupported.set(reason, (unsupported.get(reason) ?? 0) + 1);
        } else failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    console.log(`security_content: ${lines.length} searches, ${ok} ran, ${lines.length - ok - failures.length} unsupported, ${failures.length} errors`);
    console.log([...unsupported].map(([reason, count]) => `  ${count}  ${reason}`).join('\n'));
    // All 564, deprecated ones included: none fails; only apply, transaction and two lookups
    // spelunk cannot have (KV store, Enterprise Security) are unsupported.
    expect(failures).toEqual([]);
    expect(lines.length).toBe(564);
    expect(ok).toBeGreaterThanOrEqual(558);
  }, 120_000);
});
