/**
 * The import graph of the TypeScript sources, read with the compiler's own pre-processor (every
 * `import`, `import type`, `export ... from` and `import()`), and the cycles in it: between files,
 * and between the top-level folders of src/ (a top-level file such as session.ts stands alone).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** File → the files it imports; names are relative to the root, with `/`. */
export type ImportGraph = Map<string, Set<string>>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
    });
}

/** The file a relative specifier names (`./x.js` is the source `./x.ts`); throws when there is none. */
function resolveImport(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
  if (found === undefined) throw new Error(`${fromFile}: cannot resolve the import '${specifier}'`);
  return found;
}

/** The graph of every .ts file under `root`; imports of packages and of node: modules are left out. */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const name = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  for (const file of sourceFiles(root)) {
    const imported = new Set<string>();
    for (const reference of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (reference.fileName.startsWith('.')) imported.add(name(resolveImport(file, reference.fileName)));
    }
    graph.set(name(file), imported);
  }
  return graph;
}

/**
 * One cycle per strongly connected part of the graph that has one (Tarjan's algorithm), each as
 * the path that closes it: [a, b, a]. A node that imports itself is a cycle too.
 */
export function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    lowest.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, index.get(next)!));
      }
    }
    if (lowest.get(node) !== index.get(node)) return;
    const part = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      part.add(member);
    } while (member !== node);
    if (part.size > 1 || graph.get(node)?.has(node)) found.push(cycleWithin(graph, part));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest cycle through the first (by name) node of a strongly connected part. */
function cycleWithin(graph: ImportGraph, part: ReadonlySet<string>): string[] {
  const start = [...part].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!part.has(next)) continue;
      if (next === start) {
        const path: string[] = [];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.unshift(at);
        return [start, ...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** The top-level unit of a file: its first folder, or the file itself when it stands at the top. */
export function topLevelOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

/** The graph between top-level units: an edge for any import from a file of one into a file of another. */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const folders: ImportGraph = new Map();
  for (const [file, imported] of graph) {
    const from = topLevelOf(file);
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of imported) if (topLevelOf(target) !== from) edges.add(topLevelOf(target));
  }
  return folders;
}

/** The imports that make up one edge of the folder graph, for a readable failure. */
export function importsBetween(graph: ImportGraph, from: string, to: string): string[] {
  return [...graph].flatMap(([file, imported]) =>
    topLevelOf(file) === from ? [...imported].filter((target) => topLevelOf(target) === to).map((target) => `${file} → ${target}`) : [],
  );
}
