/**
 * Issue 20, section 4: `spelunk run ... | head -1` used to end in a Node stack trace (an unhandled
 * EPIPE on stdout). The built CLI is spawned into a pipe that is closed after the first chunk; it
 * must exit 0 and print nothing on stderr but its usual notes.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function runIntoClosedPipe(format: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; chunks: number }> {
  return new Promise((done, fail) => {
    // Far more output than a pipe buffer holds, so the writer is still writing when the reader leaves.
    const child = spawn(process.execPath, [bin, 'run', '| makeresults count=100000 | eval text="a line long enough to fill the pipe quickly"', '--format', format, '--quiet'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let chunks = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => {
      chunks++;
      child.stdout.destroy();
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stderr, chunks }));
  });
}

describe('writing to a closed pipe', () => {
  for (const format of ['csv', 'json', 'table']) {
    it(`exits 0 quietly (${format})`, async () => {
      const { code, signal, stderr, chunks } = await runIntoClosedPipe(format);
      expect(chunks).toBe(1);
      expect(signal).toBeNull();
      expect(code, stderr).toBe(0);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at .+:\d+:\d+/);
    });
  }
});
