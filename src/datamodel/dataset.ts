/**
 * What a data model dataset is to spelunk: its fields (CIM names, unprefixed), the CIM
 * calculated fields in the data model JSON's order, and, for the datasets filled from tagged
 * events, its constraint and child datasets. The definitions are in models.ts and datasets/.
 */
import type { CimCalculation, DatasetNode } from './calculations.js';
import type { Constraint } from './constraints.js';

/** A dataset's name as searches write it: `Endpoint.Processes`. */
export type DatasetKey = `${string}.${string}`;

/** A child dataset: the rows of its parent that meet its constraint, addressed with `where nodename=...`. */
export interface ChildDataset {
  name: string;
  constraint: Constraint;
  children?: readonly ChildDataset[];
}

export interface DatasetDefinition {
  name: string;
  /** Field names without the dataset prefix; a child dataset's own fields as `<Child>.<field>`. */
  fields: readonly string[];
  /** The CIM calculated fields, in the data model JSON's order; each sees the results of the ones before. */
  calculations: readonly CimCalculation[];
  /**
   * The root dataset's constraint, for the datasets whose rows carry their event's tags (`tag`)
   * and the datasets they are in (`nodename`): a row that does not meet it is in no store.
   */
  constraint?: Constraint;
  children?: readonly ChildDataset[];
  /** Fields whose cells may hold several values (multivalue.ts). */
  multivalue?: readonly string[];
  /** Where the field list and calculations come from, as `spelunk datamodel --fields` shows it. */
  cim?: string;
}

export interface DataModelDefinition {
  name: string;
  rootDatasets: readonly DatasetDefinition[];
}

/** The field that holds the datasets a row is in: the root's name, then `Root.Child` paths. */
export const NODENAME = 'nodename';

/** The root and its children as `dataset_nodes` takes them: each after its parent, with its path. */
export function datasetNodes(root: string, constraint: Constraint | undefined, children: readonly ChildDataset[]): DatasetNode[] {
  const nodes: DatasetNode[] = [{ path: root, parent: -1, constraint }];
  const visit = (child: ChildDataset, parent: number): void => {
    const index = nodes.length;
    nodes.push({ path: `${nodes[parent]!.path}.${child.name}`, parent, constraint: child.constraint });
    for (const grandchild of child.children ?? []) visit(grandchild, index);
  };
  for (const child of children) visit(child, 0);
  return nodes;
}

/** The `nodename` calculation of a dataset: last of its root calculations, as child constraints read them. */
export function nodenameCalculation(
  root: string,
  constraint: Constraint,
  children: readonly ChildDataset[],
  multivalue: readonly string[],
): CimCalculation {
  return { field: NODENAME, calculation: 'dataset_nodes', from: [], nodes: datasetNodes(root, constraint, children), multivalue };
}
