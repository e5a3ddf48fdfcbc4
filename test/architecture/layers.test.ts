/**
 * Layers import downward only: no import cycle between files under src/, and none between its
 * top-level folders (docs/architecture.md shows the order). The graph comes from the sources'
 * import statements (test/architecture/import-graph.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, importsBetween, type ImportGraph } from './import-graph.js';

const src = path.resolve(import.meta.dirname, '../../src');

/**
 * Cycles allowed to stay, each with its reason. The test fails when one is gone too, so the list
 * cannot go stale: delete the entry then.
 */
const ALLOWED_FILE_CYCLES: string[] = [];
const ALLOWED_FOLDER_CYCLES: string[] = [];

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges).map(([file, imported]) => [file, new Set(imported)]));
const shown = (found: string[][]): string[] => found.map((cycle) => cycle.join(' → '));

describe('the import graph checks', () => {
  it('find a cycle between files and give the path that closes it', () => {
    const graph = graphOf({
      'a/one.ts': ['a/two.ts'],
      'a/two.ts': ['b/three.ts'],
      'b/three.ts': ['a/one.ts', 'b/four.ts'],
      'b/four.ts': [],
      'c/self.ts': ['c/self.ts'],
    });
    expect(shown(cycles(graph))).toEqual(['a/one.ts → a/two.ts → b/three.ts → a/one.ts', 'c/self.ts → c/self.ts']);
  });

  it('find none in a graph that points one way', () => {
    const graph = graphOf({ 'a/one.ts': ['a/two.ts', 'b/three.ts'], 'a/two.ts': ['b/three.ts'], 'b/three.ts': [], 'top.ts': ['a/one.ts'] });
    expect(cycles(graph)).toEqual([]);
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('find a cycle between folders whose files form none', () => {
    const graph = graphOf({ 'a/one.ts': ['b/two.ts'], 'b/two.ts': [], 'b/three.ts': ['a/four.ts'], 'a/four.ts': [] });
    expect(cycles(graph)).toEqual([]);
    expect(shown(cycles(folderGraph(graph)))).toEqual(['a → b → a']);
    expect(importsBetween(graph, 'b', 'a')).toEqual(['b/three.ts → a/four.ts']);
  });
});

describe('src/', () => {
  const graph = importGraph(src);

  it('is read whole: every file, with its imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('session.ts')).toContain('exec/execute.ts');
    expect(graph.get('core/values.ts')).toEqual(new Set());
  });

  it('has no import cycle between files', () => {
    expect(shown(cycles(graph))).toEqual(ALLOWED_FILE_CYCLES);
  });

  it('has no cycle between its top-level folders', () => {
    const found = cycles(folderGraph(graph));
    // Name the imports of each edge of a cycle, so the failure says what to move.
    const explained = found.map((cycle) => ({
      cycle: cycle.join(' → '),
      imports: cycle.slice(1).map((to, i) => importsBetween(graph, cycle[i]!, to)),
    }));
    expect(explained.map((entry) => entry.cycle), JSON.stringify(explained, null, 2)).toEqual(ALLOWED_FOLDER_CYCLES);
  });
});
