/**
 * `spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]` (DOC spath,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Spath): takes values out of
 * the XML or JSON in a field (default `_raw`).
 * - A path is location steps separated by periods, each "a field name and an optional index
 *   surrounded by curly brackets. The index can be an integer, to refer to the position of the
 *   data in an array (this differs between JSON and XML), or a string, to refer to an XML
 *   attribute" written `{@name}`. JSON positions count from 0 (the page's
 *   `cooperative{1}` is "Forbidden Island", the second game), XML positions from 1; `{}` is every
 *   element of an array. Without output=, the field is named as the path.
 * - Without a path, "auto-extract" mode takes every field, "subject to any character read limits.
 *   The default limit is 5000 characters" (limits.conf [spath] extraction_cutoff): JSON objects
 *   give `a.b`, arrays `a{}` (multivalue), XML elements `root.child` from the root element, and
 *   attributes `root.child{@name}`. A name met again gathers its values into a multivalue.
 * - INF (docs/semantics.md): a path reaching an object or array gives its JSON text; JSON
 *   numbers, true, false and null give their JSON text; text that is neither JSON nor XML gives
 *   nothing.
 */
import { appendColumns } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { displayValues, fromValues, type ResultTable, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { parseXml, type XmlElement } from './support/xml.js';
import { defineCommand } from './types.js';

export interface SpathNode extends CommandNodeBase {
  input: string;
  output?: string;
  path?: string;
}

/** limits.conf [spath] extraction_cutoff = 5000 (the page: "The default limit is 5000 characters"). */
const EXTRACTION_CUTOFF = 5000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Step {
  name: string;
  /** `{}`: every element; a number: one position; `@x`: an XML attribute. */
  index?: 'all' | number | `@${string}`;
}

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const match of path.matchAll(/([^.{}]*)((?:\{[^}]*\})*)(?:\.|$)/g)) {
    if (match[0] === '') break;
    const name = match[1]!;
    const indexes = [...match[2]!.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    if (indexes.length === 0) steps.push({ name });
    indexes.forEach((raw, i) => {
      const index: Step['index'] = raw === '' ? 'all' : raw.startsWith('@') ? (raw as `@${string}`) : Number(raw);
      steps.push({ name: i === 0 ? name : '', index });
    });
  }
  return steps;
}

function jsonText(value: Json): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function parseJson(text: string): Json | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return undefined;
  }
}

function jsonAtPath(root: Json, steps: readonly Step[]): Json[] {
  let current: Json[] = [root];
  for (const step of steps) {
    const next: Json[] = [];
    for (const value of current) {
      let here: Json | undefined = value;
      if (step.name !== '') {
        here = here !== null && typeof here === 'object' && !Array.isArray(here) ? here[step.name] : undefined;
      }
      if (here === undefined) continue;
      if (step.index === undefined) next.push(here);
      else if (step.index === 'all') {
        if (Array.isArray(here)) next.push(...here);
      } else if (typeof step.index === 'number') {
        if (Array.isArray(here) && here[step.index] !== undefined) next.push(here[step.index]!);
      }
    }
    current = next;
  }
  return current;
}

function jsonAll(root: Json, prefix: string, out: Map<string, string[]>): void {
  const add = (name: string, value: string): void => {
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  };
  if (Array.isArray(root)) {
    for (const item of root) jsonAll(item, `${prefix}{}`, out);
    return;
  }
  if (root !== null && typeof root === 'object') {
    for (const [key, value] of Object.entries(root)) jsonAll(value, prefix === '' ? key : `${prefix}.${key}`, out);
    return;
  }
  if (prefix !== '') add(prefix, jsonText(root));
}

function xmlText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  const attributes = element.attributes.map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<${element.name}${attributes}>${element.text}${element.children.map(xmlText).join('')}</${element.name}>`;
}

function xmlAtPath(roots: readonly XmlElement[], steps: readonly Step[]): string[] {
  let current: XmlElement[] = [...roots];
  let first = true;
  for (const [i, step] of steps.entries()) {
    const matching = step.name === '' ? current : first ? current.filter((e) => e.name === step.name) : current.flatMap((e) => e.children.filter((c) => c.name === step.name));
    first = false;
    if (typeof step.index === 'string' && step.index.startsWith('@')) {
      if (i !== steps.length - 1) return [];
      const name = step.index.slice(1);
      return matching.flatMap((e) => e.attributes.filter(([k]) => k === name).map(([, v]) => v));
    }
    if (typeof step.index === 'number') current = matching[step.index - 1] ? [matching[step.index - 1]!] : [];
    else current = matching;
  }
  return current.map(xmlText).filter((text) => text !== '');
}

function xmlAll(element: XmlElement, prefix: string, out: Map<string, string[]>): void {
  const name = prefix === '' ? element.name : `${prefix}.${element.name}`;
  const add = (field: string, value: string): void => {
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  };
  for (const [key, value] of element.attributes) add(`${name}{@${key}}`, value);
  if (element.children.length === 0) {
    // An element the cutoff cut short gives nothing (INF).
    if (element.closed && element.text.trim() !== '') add(name, element.text);
    return;
  }
  for (const child of element.children) xmlAll(child, name, out);
}

/** The fields spath gives for one input text. */
export function spathFields(text: string, path: string | undefined, output: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const json = parseJson(text);
  if (path === undefined) {
    const cut = text.slice(0, EXTRACTION_CUTOFF);
    const cutJson = json === undefined ? undefined : parseJson(cut);
    if (cutJson !== undefined) jsonAll(cutJson, '', out);
    else if (json === undefined) for (const root of parseXml(cut)) xmlAll(root, '', out);
    return out;
  }
  const steps = parsePath(path);
  const values = json !== undefined ? jsonAtPath(json, steps).map(jsonText) : xmlAtPath(parseXml(text), steps);
  if (values.length > 0) out.set(output ?? path, values);
  return out;
}

function spath(node: SpathNode, input: RowTable): ResultTable {
  const added: string[] = [];
  const rows = input.rows.map((row) => {
    const text = displayValues(row.get(node.input))[0];
    if (text === undefined) return row;
    const fields = spathFields(text, node.path, node.output);
    if (fields.size === 0) return row;
    const out: Row = new Map(row);
    for (const [name, values] of fields) {
      out.set(name, fromValues(values));
      added.push(name);
    }
    return out;
  });
  return { columns: appendColumns(input.columns, added), rows };
}

export default defineCommand<SpathNode>({
  name: 'spath',
  type: 'streaming',
  summary: 'Extracts values from XML or JSON (`input=`, `output=`, `path=`); without a path, every field.',
  parse(cursor) {
    const node: SpathNode = { name: 'spath', span: { start: 0, end: 0 }, input: '_raw' };
    while (!cursor.done) {
      const option = cursor.takeOption(['input', 'output', 'path']);
      if (option) {
        if (option.key === 'input') node.input = option.value;
        else if (option.key === 'output') node.output = option.value;
        else node.path = option.value;
        continue;
      }
      if (node.path !== undefined) cursor.expectEnd();
      node.path = cursor.expectFieldName('(a path)').name;
    }
    return node;
  },
  explain(node) {
    return { note: node.path === undefined ? `extracts every XML/JSON field of ${node.input}` : `extracts ${node.path} from ${node.input}${node.output ? ` into ${node.output}` : ''}` };
  },
  execute: spath,
});
