/**
 * Issue 20 §1: a --data folder with a FIFO, a dangling symbolic link or a link loop must not
 * hang or abort the run: each entry is reported and the walk goes on. Bounded by a deadline
 * only a hang would miss (reading a FIFO with no writer blocks forever).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/ingest/index.js';
import { sysmonLine } from './ingest-helpers.js';

function folderWith(build: (folder: string) => void): string {
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-entries-'));
  writeFileSync(join(folder, 'a.log'), `${sysmonLine}\n`);
  build(folder);
  writeFileSync(join(folder, 'z.log'), `${sysmonLine}\n`);
  return folder;
}

/** Rejects when `promise` takes longer than a minute: only a hang takes that long. */
function withinAMinute<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('hung')), 60_000).unref())]);
}

describe('folder entries that are not regular files', () => {
  it('skips a FIFO named *.log with a reason instead of blocking on it', async () => {
    const folder = folderWith((at) => execFileSync('mkfifo', [join(at, 'pipe.log')]));
    const { report } = await withinAMinute(loadDatasets([folder]));
    expect(report.files).toBe(2);
    expect(report.processRows).toBe(2);
    expect(report.skippedEntries).toEqual([{ path: join(folder, 'pipe.log'), reason: 'not a regular file (a FIFO)' }]);
    expect(report.summary()).toContain(`1 folder entry not read (first: ${join(folder, 'pipe.log')}: not a regular file (a FIFO))`);
  });

  it('reports a dangling symbolic link and reads on', async () => {
    const folder = folderWith((at) => symlinkSync(join(at, 'gone.log'), join(at, 'm.log')));
    const { report } = await withinAMinute(loadDatasets([folder]));
    expect(report.processRows).toBe(2);
    expect(report.skippedEntries).toEqual([{ path: join(folder, 'm.log'), reason: 'broken symbolic link (its target does not exist)' }]);
  });

  it('reports a symbolic link that points to itself and reads on', async () => {
    const folder = folderWith((at) => symlinkSync(join(at, 'self.log'), join(at, 'self.log')));
    const { report } = await withinAMinute(loadDatasets([folder]));
    expect(report.processRows).toBe(2);
    expect(report.skippedEntries).toEqual([{ path: join(folder, 'self.log'), reason: 'symbolic link loop' }]);
  });

  it('reports a link back to a folder being read, once, and reads the rest', async () => {
    const folder = folderWith((at) => {
      mkdirSync(join(at, 'sub'));
      writeFileSync(join(at, 'sub', 'b.log'), `${sysmonLine}\n`);
      symlinkSync(at, join(at, 'sub', 'up'));
    });
    const { report } = await withinAMinute(loadDatasets([folder]));
    expect(report.files).toBe(3);
    expect(report.skippedEntries).toEqual([{ path: join(folder, 'sub', 'up'), reason: 'symbolic link loop (it leads back to a folder being read)' }]);
  });

  it('follows a link to a log file or a folder elsewhere, as Splunk does', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'spelunk-elsewhere-'));
    writeFileSync(join(elsewhere, 'c.log'), `${sysmonLine}\n`);
    const folder = folderWith((at) => {
      symlinkSync(join(elsewhere, 'c.log'), join(at, 'c.log'));
      symlinkSync(elsewhere, join(at, 'more'));
    });
    const { report } = await withinAMinute(loadDatasets([folder]));
    expect(report.files).toBe(4);
    expect(report.skippedEntries).toEqual([]);
  });

  it('still fails for a --data path that does not exist', async () => {
    const missing = join(tmpdir(), 'spelunk-no-such-folder', 'x.log');
    await expect(loadDatasets([missing])).rejects.toThrow(`cannot read data path '${missing}': no such file or directory`);
  });

  it('reads a FIFO named on the command line (process substitution) to its end', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'spelunk-fifo-'));
    const fifo = join(folder, 'events');
    execFileSync('mkfifo', [fifo]);
    const writer = import('node:fs/promises').then(async ({ writeFile }) => writeFile(fifo, `${sysmonLine}\n${sysmonLine}\n`));
    const [{ report }] = await withinAMinute(Promise.all([loadDatasets([fifo]), writer]));
    expect(report.records).toBe(2);
  });
});
