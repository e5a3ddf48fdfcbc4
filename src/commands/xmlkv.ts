/**
 * `xmlkv [<field>] [maxinputs=<int>]` (DOC xmlkv,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Xmlkv): takes key-value
 * pairs out of the XML in a field (default `_raw`): in `<name>Settlers of Catan</name>` the key
 * is `name` and the value `Settlers of Catan`. Keys come from elements that hold text and no
 * other element; a key seen twice in one result keeps its first value, and an element with no
 * text gives no field (INF: the page documents neither; see docs/semantics.md). `maxinputs` only
 * sizes Splunk's batches and changes no result.
 */
import { appendColumns } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { displayValues, type ResultTable, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import { parseXml, type XmlElement } from './support/xml.js';
import { defineCommand } from './types.js';

export interface XmlkvNode extends CommandNodeBase {
  field: string;
}

/** The key-value pairs of an XML text, in document order, first value of a key kept. */
export function xmlPairs(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  const visit = (element: XmlElement): void => {
    if (element.children.length === 0) {
      if (element.text !== '' && !pairs.has(element.name)) pairs.set(element.name, element.text);
      return;
    }
    for (const child of element.children) visit(child);
  };
  for (const root of parseXml(text)) visit(root);
  return pairs;
}

function xmlkv(node: XmlkvNode, input: RowTable): ResultTable {
  const added: string[] = [];
  const rows = input.rows.map((row) => {
    const texts = displayValues(row.get(node.field));
    if (texts.length === 0) return row;
    // A multivalue field is read as its values one after another.
    const pairs = xmlPairs(texts.join('\n'));
    if (pairs.size === 0) return row;
    const out: Row = new Map(row);
    for (const [key, value] of pairs) {
      out.set(key, value);
      added.push(key);
    }
    return out;
  });
  return { columns: appendColumns(input.columns, added), rows };
}

export default defineCommand<XmlkvNode>({
  name: 'xmlkv',
  type: 'streaming',
  summary: 'Extracts key-value pairs from the XML elements in a field (default `_raw`).',
  parse(cursor) {
    let field = '_raw';
    let named = false;
    while (!cursor.done) {
      const option = cursor.takeOption(['maxinputs']);
      if (option) {
        countOption(option);
        continue;
      }
      if (named) cursor.expectEnd();
      field = cursor.expectFieldName('to read XML from').name;
      named = true;
    }
    return { name: 'xmlkv', span: { start: 0, end: 0 }, field };
  },
  explain(node) {
    return { note: `extracts <key>value</key> pairs from ${node.field}` };
  },
  execute: xmlkv,
});
