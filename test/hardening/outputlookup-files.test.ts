/**
 * Issue 20, section 2: outputlookup stays inside --output-lookups. Through a symbolic link in that
 * folder it used to overwrite a file outside, create one outside (dangling link), and with
 * append=t read and rewrite one outside. Each is refused now and the outside file is untouched;
 * so are hard links, FIFOs (refused without blocking) and names with control characters.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionWith } from '../lookup/helpers.js';

const SEARCH = '| makeresults count=2 | eval n="new"';
const OUTSIDE_TEXT = 'secret\nkeep me\n';

function setting(): { folder: string; outside: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'spelunk-safe-'));
  const folder = path.join(root, 'out');
  mkdirSync(folder);
  const outside = path.join(root, 'outside.csv');
  writeFileSync(outside, OUTSIDE_TEXT);
  return { folder, outside };
}

describe('outputlookup never writes through a link', () => {
  it('refuses a symbolic link to an existing file outside the folder, and leaves that file as it was', async () => {
    const { folder, outside } = setting();
    symlinkSync(outside, path.join(folder, 'evil.csv'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup evil.csv`)).toThrow(/symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
  });

  it('refuses a dangling link, and creates nothing outside', async () => {
    const { folder, outside } = setting();
    const target = path.join(path.dirname(outside), 'created.csv');
    symlinkSync(target, path.join(folder, 'dangling.csv'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup dangling.csv`)).toThrow(/symbolic link/);
    expect(existsSync(target)).toBe(false);
  });

  it('append=t neither reads nor rewrites a file outside through a link', async () => {
    const { folder, outside } = setting();
    symlinkSync(outside, path.join(folder, 'appended.csv'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup append=t appended.csv`)).toThrow(/symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
  });

  it('create_empty=false with no results does not remove through a link', async () => {
    const { folder, outside } = setting();
    symlinkSync(outside, path.join(folder, 'empty.csv'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run('| makeresults | where 1=2 | outputlookup create_empty=false empty.csv')).toThrow(/symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
  });

  it('refuses a hard link to a file outside', async () => {
    const { folder, outside } = setting();
    linkSync(outside, path.join(folder, 'hard.csv'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup hard.csv`)).toThrow(/hard links/);
    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
  });

  it('refuses a FIFO without waiting for a reader', async () => {
    const { folder } = setting();
    const fifo = path.join(folder, 'pipe.csv');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system: nothing to check
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup pipe.csv`)).toThrow(/not a regular file/);
  });
});

describe('outputlookup file names', () => {
  it('refuses control characters in the name', async () => {
    const { folder } = setting();
    const session = await sessionWith({ outputLookupDir: folder });
    for (const name of ['a\u0001b.csv', 'tab\there.csv', 'esc\u001b[31m.csv', 'del\u007f.csv']) {
      expect(() => session.run(`${SEARCH} | outputlookup "${name}"`), JSON.stringify(name)).toThrow(/control characters/);
    }
  });

  it('still refuses paths, and still writes a plain name inside the folder (and appends to it)', async () => {
    const { folder } = setting();
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run(`${SEARCH} | outputlookup "../up.csv"`)).toThrow(/paths are not allowed/);
    expect(() => session.run(`${SEARCH} | outputlookup "/tmp/abs.csv"`)).toThrow(/paths are not allowed/);
    expect(() => session.run(`${SEARCH} | outputlookup "sub/dir.csv"`)).toThrow(/paths are not allowed/);
    session.run(`${SEARCH} | outputlookup plain.csv`);
    session.run(`${SEARCH} | outputlookup append=t plain.csv`);
    const lines = readFileSync(path.join(folder, 'plain.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('n');
  });
});
