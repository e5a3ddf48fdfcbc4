/**
 * Citations a reader of the repository can open (issue 21): docs/*.md and the comments in src/
 * cite sources by name, listed in docs/semantics.md's Sources with their URL or repository,
 * commit and path; not by keys of notes outside the repository (S1…S29, SYS810, WIN840, …),
 * their section numbers, or the project's issue numbers. docs/research/ keeps its notes' own
 * key tables and is not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');

const OLD_KEYS: readonly RegExp[] = [
  /\b(?:DOC|CONF|SRC|INF)\s+S\d{1,2}\b/,
  /\bS(?:[1-9]|1\d|2\d)\b(?![-.\d])/,
  /\b(?:SYS810|SYS10|WIN840|WIN812|FDR320|FDRPY|CIM85|CIM501|CIM413|SPL8212)\b/,
  /\bnotes\b[^.]*§/,
  /\b(?:spl_semantics|ta_mappings|security_content)\.md\b/,
  /shared\/reference\/notes/,
  /\bissues? \d+\b/,
];

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The comment text of a TypeScript line, or undefined for a line of code only. */
function commentOf(line: string): string | undefined {
  if (/^\s*(\/\/|\*|\/\*)/.test(line)) return line;
  const at = line.indexOf('// ');
  return at >= 0 && !/['"`][^'"`]*\/\/ /.test(line) ? line.slice(at) : undefined;
}

function offenders(path: string, lines: readonly string[]): string[] {
  return lines.flatMap((line, index) => (OLD_KEYS.some((key) => key.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : []));
}

describe('citations', () => {
  it('docs/*.md cite no key of notes outside the repository', () => {
    const docs = readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md'));
    expect(docs).toContain('semantics.md');
    const found = docs.flatMap((name) => {
      const text = readFileSync(join(repoRoot, 'docs', name), 'utf8');
      // The Sources table names the earlier keys on purpose, for texts that still carry them.
      const body = name === 'semantics.md' ? text.slice(0, text.indexOf('<a id="sources"></a>')) : text;
      return offenders(`docs/${name}`, body.split('\n'));
    });
    expect(found).toEqual([]);
  });

  it('comments in src/ cite no such key either', () => {
    const found = files(join(repoRoot, 'src'), '.ts').flatMap((path) =>
      offenders(path.slice(repoRoot.length + 1), readFileSync(path, 'utf8').split('\n').map((line) => commentOf(line) ?? '')),
    );
    expect(found).toEqual([]);
  });

  it('docs/semantics.md lists every source it cites by name, each with a URL or a repository and commit', () => {
    const text = readFileSync(join(repoRoot, 'docs/semantics.md'), 'utf8');
    const sources = text.slice(text.indexOf('<a id="sources"></a>'));
    const rows = sources.split('\n').filter((line) => /^\| (?!cited as|---)/.test(line));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      const where = row.split(' | ')[1] ?? '';
      const opens = /https?:\/\//.test(where) || /@ `[0-9a-f]{40}`/.test(where) || /not known|docs\/research|SDKs/.test(where);
      expect(opens, row).toBe(true);
    }
    for (const name of ['Splunk 8.2.12', 'TA-microsoft-sysmon 8.1.0', 'Splunk_TA_windows 8.4.0', 'CIM 8.5', 'Search Reference: tstats']) {
      expect(rows.some((row) => row.startsWith(`| ${name} |`)), name).toBe(true);
    }
  });
});
