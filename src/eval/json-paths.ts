/**
 * The JSON paths of the json_* eval functions (DOC json-functions 10.0): keys joined by dots,
 * `{N}` for element N of an array and `{}` for every element, as spath writes them
 * (`cities{}.name`, `{2}.Bridges{0}.length`). A path that matches several values (through `{}`)
 * gives them all, in document order.
 */

type Step = { key: string } | { index: number } | { every: true };

/** The steps of a path; `exact` reads the whole text as one key (json_extract_exact, json_set_exact). */
export function pathSteps(path: string, exact = false): Step[] {
  if (exact) return [{ key: path }];
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const match = /^([^{]*)((?:\{\d*\})*)$/.exec(part);
    if (!match) {
      steps.push({ key: part });
      continue;
    }
    if (match[1] !== '') steps.push({ key: match[1]! });
    for (const brace of match[2]!.match(/\{\d*\}/g) ?? []) {
      const inner = brace.slice(1, -1);
      steps.push(inner === '' ? { every: true } : { index: Number(inner) });
    }
  }
  return steps;
}

/** Every value the steps reach from `root`. */
export function valuesAt(root: unknown, steps: readonly Step[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const node of current) {
      if ('key' in step) {
        if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, step.key)) {
          next.push((node as Record<string, unknown>)[step.key]);
        }
      } else if (Array.isArray(node)) {
        if ('every' in step) next.push(...node);
        else if (step.index < node.length) next.push(node[step.index]);
      }
    }
    current = next;
  }
  return current;
}

/** The object or array that holds the last step, and that step: for changing a document in place. */
export function parentOf(root: unknown, steps: readonly Step[]): { parent: unknown; last: Step } | undefined {
  if (steps.length === 0) return undefined;
  const parents = valuesAt(root, steps.slice(0, -1));
  return parents.length === 1 ? { parent: parents[0], last: steps[steps.length - 1]! } : undefined;
}

/** The value the last step names in its parent, when there is one. */
export function childOf(parent: unknown, last: Step): unknown {
  if ('key' in last) {
    return typeof parent === 'object' && parent !== null && !Array.isArray(parent) ? (parent as Record<string, unknown>)[last.key] : undefined;
  }
  return Array.isArray(parent) && 'index' in last ? parent[last.index] : undefined;
}

/** Sets the value the last step names; false when the parent cannot hold it. */
export function setChild(parent: unknown, last: Step, value: unknown): boolean {
  if ('key' in last && typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    (parent as Record<string, unknown>)[last.key] = value;
    return true;
  }
  if ('index' in last && Array.isArray(parent) && last.index < parent.length) {
    parent[last.index] = value;
    return true;
  }
  return false;
}

/** Removes the value the last step names. */
export function deleteChild(parent: unknown, last: Step): void {
  if ('key' in last && typeof parent === 'object' && parent !== null && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[last.key];
  else if ('index' in last && Array.isArray(parent) && last.index < parent.length) parent.splice(last.index, 1);
}
