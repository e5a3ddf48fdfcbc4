/**
 * An event shape: what the events of one layout share (element and attribute names in order,
 * which values are present), worked out once when the shape is first met. From it come the
 * template `_raw` is rendered from, and which value slot gives which search-time field under
 * the Windows add-on's generic XML extractions (docs/semantics.md "Event fields"):
 *
 * - `[system_props_xml_kv]`: each `<Tag>value</Tag>` inside `<System>` *without attributes*
 *   is field Tag (so `<EventID Qualifiers='16384'>` gives no EventID; EventCode still comes from it);
 * - `[system_props_xml_attributes]`: each attribute inside `<System>` is a field of its name;
 * - `[eventdata_xml_data]`: each `<X Name='N'>value</X>` inside `<EventData>` is field N, the
 *   name cleaned as CLEAN_KEYS does (non-alphanumerics to `_`, leading `_` and digits dropped);
 * - an empty value gives no field (KEEP_EMPTY_VALS = false); a repeated name is multivalue (MV_ADD).
 */
import { OP_ATTR, OP_ATTR_CONST, OP_CLOSE, OP_OPEN, OP_SELF_CLOSE, OP_START_END, OP_TEXT } from './xml-walk.js';

/** A literal piece of `_raw`, or the index of the value slot rendered there. */
export type TemplatePiece = string | number;

export interface Shape {
  readonly id: number;
  readonly slotCount: number;
  /** Per slot: the value namespace (its dictionary): the field name, or `#...` for values that are no field. */
  readonly slotNamespace: readonly string[];
  /** Field name -> the slots that give it, in order (several: multivalue). */
  readonly fieldSlots: ReadonlyMap<string, readonly number[]>;
  readonly template: readonly TemplatePiece[];
  /** Template ranges [from, to) of the inner text of `<System>`, `<EventData>`, `<UserData>`, `<RenderingInfo>`. */
  readonly blocks: ReadonlyMap<string, readonly [number, number]>;
  /** The slot of `<EventID>`'s text (with or without Qualifiers), or -1. */
  readonly eventIdSlot: number;
  readonly channelSlot: number;
  readonly computerSlot: number;
}

/** Splunk's CLEAN_KEYS on an extracted field name (transforms.conf.spec, CLEAN_KEYS). */
export function cleanKey(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[_0-9]+/, '');
  return cleaned === '' ? name : cleaned;
}

const BLOCKS = new Set(['System', 'EventData', 'UserData', 'RenderingInfo', 'DebugData']);

/** Builds the shape of `ops` (xml-walk.ts), names by id from `names`. */
export function makeShape(id: number, ops: Int32Array, opCount: number, names: (id: number) => string): Shape {
  const template: TemplatePiece[] = [];
  const slotNamespace: string[] = [];
  const fieldSlots = new Map<string, number[]>();
  const blocks = new Map<string, [number, number]>();
  let literal = '';
  const flush = (): void => {
    if (literal !== '') template.push(literal);
    literal = '';
  };
  // Open elements: name, attribute count, Data Name (inside EventData).
  const stack: { name: string; attrs: number; dataName: string | undefined; blockStart: number }[] = [];
  let eventIdSlot = -1;
  let channelSlot = -1;
  let computerSlot = -1;
  const addField = (field: string, slot: number): void => {
    const slots = fieldSlots.get(field);
    if (slots) slots.push(slot);
    else fieldSlots.set(field, [slot]);
  };
  const area = (): string => (stack.length >= 2 ? stack[1]!.name : '');
  for (let i = 0; i < opCount; ) {
    const op = ops[i++]!;
    switch (op) {
      case OP_OPEN: {
        const name = names(ops[i++]!);
        literal += `<${name}`;
        stack.push({ name, attrs: 0, dataName: undefined, blockStart: -1 });
        break;
      }
      case OP_ATTR: {
        const name = names(ops[i++]!);
        literal += ` ${name}='`;
        flush();
        const slot = slotNamespace.length;
        template.push(slot);
        literal = "'";
        const top = stack[stack.length - 1]!;
        top.attrs++;
        if (area() === 'System') {
          slotNamespace.push(name);
          addField(name, slot);
        } else {
          slotNamespace.push(`#${area()}@${name}`);
        }
        break;
      }
      case OP_ATTR_CONST: {
        const name = names(ops[i++]!);
        const value = names(ops[i++]!);
        literal += ` ${name}='${value}'`;
        const top = stack[stack.length - 1]!;
        top.attrs++;
        if (name === 'Name' && top.attrs === 1) top.dataName = value;
        break;
      }
      case OP_START_END: {
        literal += '>';
        const top = stack[stack.length - 1]!;
        if (stack.length === 2 && BLOCKS.has(top.name)) {
          flush();
          top.blockStart = template.length;
        }
        break;
      }
      case OP_SELF_CLOSE:
        literal += '/>';
        stack.pop();
        break;
      case OP_TEXT: {
        flush();
        const slot = slotNamespace.length;
        template.push(slot);
        const top = stack[stack.length - 1];
        const where = area();
        let namespace: string;
        if (where === 'System' && top && stack.length === 3) {
          namespace = top.name;
          if (top.attrs === 0) addField(top.name, slot);
          if (top.name === 'EventID' && eventIdSlot === -1) eventIdSlot = slot;
          if (top.name === 'Channel' && channelSlot === -1) channelSlot = slot;
          if (top.name === 'Computer' && computerSlot === -1) computerSlot = slot;
        } else if (where === 'EventData' && top?.dataName !== undefined) {
          namespace = cleanKey(top.dataName);
          addField(namespace, slot);
        } else {
          namespace = `#${where}:${top?.name ?? ''}`;
        }
        slotNamespace.push(namespace);
        break;
      }
      case OP_CLOSE: {
        const name = names(ops[i++]!);
        const top = stack.pop();
        if (top && top.blockStart !== -1) {
          flush();
          blocks.set(`${top.name}`, [top.blockStart, template.length]);
        }
        literal += `</${name}>`;
        break;
      }
      default:
        throw new Error(`bad shape operation ${op}`);
    }
  }
  flush();
  return { id, slotCount: slotNamespace.length, slotNamespace, fieldSlots, template, blocks, eventIdSlot, channelSlot, computerSlot };
}
