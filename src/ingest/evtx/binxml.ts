/**
 * Binary XML (the body of an EVTX event record) -> XML text, one chunk at a time.
 *
 * Token layout from libyal's "Windows XML Event Log (EVTX)" format description, section
 * "Binary XML" (https://github.com/libyal/libevtx, documentation/Windows XML Event Log
 * (EVTX).asciidoc). Offsets inside Binary XML (element and attribute names, template
 * definitions) are relative to the chunk, so everything here works on one chunk's bytes.
 *
 * A template definition is parsed once per chunk into nodes whose constant parts are already
 * XML text; a record is then its template's nodes with the record's substitution values
 * rendered into them. Every loop is bounded: names and templates are read from inside the
 * chunk, a template that refers to itself is refused, nesting is limited to MAX_DEPTH and the
 * work done for one record to MAX_WORK steps.
 */
import {
  ANSI_STRING_TYPE,
  ARRAY_FLAG,
  arrayItems,
  BINXML_TYPE,
  escapeAttribute,
  escapeText,
  NULL_TYPE,
  needsEscape,
  scalarText,
  STRING_TYPE,
  utf16,
  ValueError,
} from './values.js';

/** A record whose Binary XML cannot be read; `message` is the reason given in its fault. */
export class BinXmlError extends Error {}

/** Deepest nesting of elements, template instances and Binary XML values taken together. */
export const MAX_DEPTH = 96;
/** Tokens parsed plus nodes rendered for one record. */
export const MAX_WORK = 1 << 20;
/** Longest rendered record, in UTF-16 code units. */
export const MAX_XML_LENGTH = 8 << 20;

const TOKEN_EOF = 0x00;
const TOKEN_OPEN_START = 0x01;
const TOKEN_CLOSE_START = 0x02;
const TOKEN_CLOSE_EMPTY = 0x03;
const TOKEN_END_ELEMENT = 0x04;
const TOKEN_VALUE = 0x05;
const TOKEN_ATTRIBUTE = 0x06;
const TOKEN_CDATA = 0x07;
const TOKEN_CHAR_REF = 0x08;
const TOKEN_ENTITY_REF = 0x09;
const TOKEN_PI_TARGET = 0x0a;
const TOKEN_PI_DATA = 0x0b;
const TOKEN_TEMPLATE_INSTANCE = 0x0c;
const TOKEN_NORMAL_SUBSTITUTION = 0x0d;
const TOKEN_OPTIONAL_SUBSTITUTION = 0x0e;
const TOKEN_FRAGMENT_HEADER = 0x0f;
/** The "more data follows" flag some tokens carry. */
const MORE_FLAG = 0x40;

const NO_DEPENDENCY = 0xffff;

const TEXT = 0;
const VALUE = 1;
const ELEMENT = 2;
const INSTANCE = 3;

interface TextNode {
  readonly kind: typeof TEXT;
  /** XML text, escaped. */
  readonly text: string;
}

/**
 * A substitution. Alone (`open` and `close` empty, no element) it is a value in content or in
 * an attribute. The common `<Data Name='X'>%n</Data>` is folded into one node: `open` and
 * `close` are the element's tags, `element` the element itself, which an array value repeats.
 */
interface ValueNode {
  readonly kind: typeof VALUE;
  readonly index: number;
  readonly optional: boolean;
  readonly open: string;
  readonly close: string;
  readonly dependency: number;
  readonly element: ElementNode | undefined;
}

interface AttributeNode {
  readonly name: string;
  readonly parts: readonly (TextNode | ValueNode)[];
}

interface ElementNode {
  readonly kind: typeof ELEMENT;
  readonly name: string;
  /** Index of the substitution this element depends on, or NO_DEPENDENCY. */
  readonly dependency: number;
  readonly attributes: readonly AttributeNode[];
  /** undefined for an empty element (`<Name/>`). */
  readonly children: readonly Node[] | undefined;
  /** `<Name attr='v'...` when every attribute is constant, else undefined. */
  readonly open: string | undefined;
}

interface InstanceNode {
  readonly kind: typeof INSTANCE;
  readonly template: Template;
  readonly values: Values;
}

type Node = TextNode | ValueNode | ElementNode | InstanceNode;

interface Template {
  readonly nodes: readonly Node[];
}

/** Substitution values of one template instance: type and byte range in the chunk of each. */
interface Values {
  count: number;
  types: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

function makeValues(count: number): Values {
  return { count, types: new Uint8Array(count), starts: new Uint32Array(count), ends: new Uint32Array(count) };
}

const NO_VALUES: Values = makeValues(0);

/**
 * Values of the template instance being rendered at each nesting depth, reused record after
 * record and chunk after chunk (rendering is synchronous, so one pool serves every reader).
 */
const VALUE_POOL: Values[] = [];

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function isValueToken(token: number): boolean {
  const base = token & ~MORE_FLAG;
  return (
    base === TOKEN_VALUE ||
    base === TOKEN_CHAR_REF ||
    base === TOKEN_ENTITY_REF ||
    token === TOKEN_NORMAL_SUBSTITUTION ||
    token === TOKEN_OPTIONAL_SUBSTITUTION
  );
}

function substitution(index: number, optional: boolean): ValueNode {
  return { kind: VALUE, index, optional, open: '', close: '', dependency: NO_DEPENDENCY, element: undefined };
}

/** Merges runs of text nodes. */
function mergeTexts<T extends Node>(nodes: readonly T[]): (T | TextNode)[] {
  const merged: (T | TextNode)[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.kind === TEXT && last?.kind === TEXT) merged[merged.length - 1] = { kind: TEXT, text: last.text + node.text };
    else merged.push(node);
  }
  return merged;
}

function staticAttribute(attribute: AttributeNode): string | undefined {
  let text = '';
  for (const part of attribute.parts) {
    if (part.kind !== TEXT) return undefined;
    text += part.text;
  }
  return ` ${attribute.name}='${text}'`;
}

/** An element with its constant parts precomputed: a wholly constant element becomes text. */
function makeElement(name: string, dependency: number, attributes: AttributeNode[], children: Node[] | undefined): Node {
  const merged = children && mergeTexts(children);
  let open: string | undefined = `<${name}`;
  for (const attribute of attributes) {
    const text = staticAttribute(attribute);
    if (text === undefined) {
      open = undefined;
      break;
    }
    open += text;
  }
  const element: ElementNode = { kind: ELEMENT, name, dependency, attributes, children: merged, open };
  if (open === undefined) return element;
  if (dependency === NO_DEPENDENCY) {
    if (!merged) return { kind: TEXT, text: `${open}/>` };
    if (merged.length === 0) return { kind: TEXT, text: `${open}></${name}>` };
    if (merged.length === 1 && merged[0]!.kind === TEXT) return { kind: TEXT, text: `${open}>${merged[0]!.text}</${name}>` };
  }
  const only = merged?.length === 1 ? merged[0]! : undefined;
  if (only?.kind === VALUE && only.element === undefined) {
    return { kind: VALUE, index: only.index, optional: only.optional, open: `${open}>`, close: `</${name}>`, dependency, element };
  }
  return element;
}

/** Reads and renders the Binary XML of the records of one chunk. */
export class ChunkBinXml {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, Template | BinXmlError>();
  private readonly compiling = new Set<number>();
  private work = 0;
  private length = 0;
  /** Elements being rendered: a document's root element is never left out. */
  private elementDepth = 0;
  /** While an element is repeated for the items of an array value: that value and the current item's text. */
  private arrayItem: { values: Values; index: number; text: string } | undefined;
  /** Where the last renderInstance stopped reading. */
  private next = 0;

  /** `chunk` holds the whole chunk; offsets in its Binary XML are relative to its start. */
  constructor(private readonly chunk: Buffer) {}

  /** The XML of the Binary XML document at `chunk[start, end)` (an event record's body). */
  render(start: number, end: number): string {
    this.work = 0;
    this.length = 0;
    this.elementDepth = 0;
    this.arrayItem = undefined;
    try {
      return this.renderDocument(start, end, 0);
    } catch (error) {
      if (error instanceof BinXmlError) throw error;
      if (error instanceof ValueError) throw new BinXmlError(error.message);
      if (error instanceof RangeError) throw new BinXmlError(`unreadable Binary XML: ${error.message}`);
      throw error;
    }
  }

  /** A document: the usual fragment header and template instance directly, anything else through nodes. */
  private renderDocument(start: number, end: number, depth: number): string {
    let at = start;
    if (at + 4 <= end && this.chunk[at] === TOKEN_FRAGMENT_HEADER) at += 4;
    if (at < end && this.chunk[at] === TOKEN_TEMPLATE_INSTANCE) {
      const text = this.renderInstance(at, end, depth + 1);
      const after = this.next;
      if (after >= end || this.chunk[after] === TOKEN_EOF) return text;
      // More after the instance: read the whole document the general way.
    }
    return this.renderNodes(this.parseContent(start, end, depth + 1, false).nodes, NO_VALUES, depth + 1);
  }

  // ---- reading ----------------------------------------------------------------------------

  private step(): void {
    if (++this.work > MAX_WORK) throw new BinXmlError(`Binary XML needs more than ${MAX_WORK} steps to read (looping or too complex)`);
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_DEPTH) throw new BinXmlError(`Binary XML nested deeper than ${MAX_DEPTH} levels`);
  }

  private need(at: number, size: number, end: number, what: string): void {
    if (at + size > end) throw new BinXmlError(`${what} at chunk offset ${hex(at)} runs past the end of its data (${hex(end)})`);
  }

  private u16(at: number): number {
    const b = this.chunk;
    return b[at]! | (b[at + 1]! << 8);
  }

  private u32(at: number): number {
    const b = this.chunk;
    return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  }

  /** A name (element, attribute, entity or PI target) stored at chunk offset `offset`. */
  private name(offset: number): string {
    const known = this.names.get(offset);
    if (known !== undefined) return known;
    if (offset + 8 > this.chunk.length) throw new BinXmlError(`name offset ${hex(offset)} is outside the chunk`);
    const count = this.u16(offset + 6);
    const end = offset + 8 + 2 * count;
    if (end + 2 > this.chunk.length) throw new BinXmlError(`name at ${hex(offset)} runs past the end of the chunk`);
    const text = this.chunk.toString('utf16le', offset + 8, end);
    if (!/^[A-Za-z_:][-\w.:]*$/.test(text)) throw new BinXmlError(`name at ${hex(offset)} is not an XML name`);
    this.names.set(offset, text);
    return text;
  }

  /** Reads a name reference at `at`; returns the name and the offset after it (after the name itself when it is stored inline). */
  private nameRef(at: number, end: number): { name: string; next: number } {
    this.need(at, 4, end, 'name reference');
    const offset = this.u32(at);
    let next = at + 4;
    const name = this.name(offset);
    if (offset === next) next += 8 + 2 * name.length + 2;
    if (next > end) throw new BinXmlError(`name stored at ${hex(offset)} runs past the end of its data`);
    return { name, next };
  }

  /** A length-prefixed UTF-16LE string at `at`. */
  private lengthPrefixed(at: number, end: number, what: string): { text: string; next: number } {
    this.need(at, 2, end, what);
    const count = this.u16(at);
    const next = at + 2 + 2 * count;
    if (next > end) throw new BinXmlError(`${what} at ${hex(at)} of ${count} characters runs past the end of its data`);
    return { text: this.chunk.toString('utf16le', at + 2, next), next };
  }

  /**
   * Content up to the end of an element (`inElement`: stops before its end-element token) or
   * of a document (an EOF token or `end`).
   */
  private parseContent(start: number, end: number, depth: number, inElement: boolean): { nodes: Node[]; next: number } {
    this.checkDepth(depth);
    const nodes: Node[] = [];
    let at = start;
    while (at < end) {
      this.step();
      const token = this.chunk[at]!;
      const base = token & ~MORE_FLAG;
      if (inElement && token === TOKEN_END_ELEMENT) return { nodes, next: at };
      if (token === TOKEN_EOF) {
        if (inElement) throw new BinXmlError(`end of document at ${hex(at)} inside an element`);
        return { nodes, next: at + 1 };
      }
      switch (base) {
        case TOKEN_FRAGMENT_HEADER:
          this.need(at, 4, end, 'fragment header');
          at += 4;
          break;
        case TOKEN_OPEN_START: {
          const element = this.parseElement(at, end, depth + 1);
          nodes.push(element.node);
          at = element.next;
          break;
        }
        case TOKEN_VALUE: {
          this.need(at, 2, end, 'value');
          const type = this.chunk[at + 1]!;
          if (type !== STRING_TYPE) throw new BinXmlError(`value token at ${hex(at)} has type ${hex(type)}, not a string`);
          const value = this.lengthPrefixed(at + 2, end, 'value text');
          nodes.push({ kind: TEXT, text: escapeText(value.text) });
          at = value.next;
          break;
        }
        case TOKEN_CDATA: {
          const value = this.lengthPrefixed(at + 1, end, 'CDATA section');
          nodes.push({ kind: TEXT, text: `<![CDATA[${value.text}]]>` });
          at = value.next;
          break;
        }
        case TOKEN_CHAR_REF:
          this.need(at, 3, end, 'character reference');
          nodes.push({ kind: TEXT, text: `&#${this.u16(at + 1)};` });
          at += 3;
          break;
        case TOKEN_ENTITY_REF: {
          const ref = this.nameRef(at + 1, end);
          nodes.push({ kind: TEXT, text: `&${ref.name};` });
          at = ref.next;
          break;
        }
        case TOKEN_PI_TARGET: {
          if (token !== base) throw new BinXmlError(`unknown token ${hex(token)} at ${hex(at)}`);
          const target = this.nameRef(at + 1, end);
          at = target.next;
          let text = `<?${target.name}`;
          if (at < end && this.chunk[at] === TOKEN_PI_DATA) {
            const data = this.lengthPrefixed(at + 1, end, 'PI data');
            if (data.text !== '') text += ` ${data.text}`;
            at = data.next;
          }
          nodes.push({ kind: TEXT, text: `${text}?>` });
          break;
        }
        case TOKEN_TEMPLATE_INSTANCE: {
          if (token !== base) throw new BinXmlError(`unknown token ${hex(token)} at ${hex(at)}`);
          const instance = this.parseInstance(at, end, depth + 1);
          nodes.push(instance.node);
          at = instance.next;
          break;
        }
        case TOKEN_NORMAL_SUBSTITUTION:
        case TOKEN_OPTIONAL_SUBSTITUTION:
          if (token !== base) throw new BinXmlError(`unknown token ${hex(token)} at ${hex(at)}`);
          this.need(at, 4, end, 'substitution');
          nodes.push(substitution(this.u16(at + 1), token === TOKEN_OPTIONAL_SUBSTITUTION));
          at += 4;
          break;
        default:
          throw new BinXmlError(`unexpected token ${hex(token)} at chunk offset ${hex(at)}`);
      }
    }
    if (inElement) throw new BinXmlError(`element content runs past the end of its data (${hex(end)})`);
    return { nodes, next: at };
  }

  /**
   * An element. Its start normally holds a 2-byte dependency identifier before the data size,
   * but some writers leave it out (libyal notes this for Binary XML in substitution values; real
   * Defender and PowerShell logs do it at the top level too). Only one reading gives a data
   * size that fits: with the identifier present, reading without it takes the identifier and
   * the size's low bytes as the size, and the other way round the name offset's low bytes,
   * both at least 64 KiB.
   */
  private parseElement(start: number, end: number, depth: number): { node: Node; next: number } {
    this.checkDepth(depth);
    this.need(start, 9, end, 'element start');
    const token = this.chunk[start]!;
    let dependency = NO_DEPENDENCY;
    let elementEnd: number;
    let at: number;
    const sizeWith = start + 11 <= end ? this.u32(start + 3) : Infinity;
    if (start + 7 + sizeWith <= end) {
      dependency = this.u16(start + 1);
      elementEnd = start + 7 + sizeWith;
      at = start + 7;
    } else {
      elementEnd = start + 5 + this.u32(start + 1);
      if (elementEnd > end) throw new BinXmlError(`element at chunk offset ${hex(start)} has a size that runs past the end of its data`);
      at = start + 5;
    }
    const nameRef = this.nameRef(at, elementEnd);
    const name = nameRef.name;
    at = nameRef.next;
    const attributes: AttributeNode[] = [];
    if (token & MORE_FLAG) {
      this.need(at, 4, elementEnd, 'attribute list');
      const listEnd = at + 4 + this.u32(at);
      if (listEnd > elementEnd) throw new BinXmlError(`attribute list of <${name}> at ${hex(at)} runs past its element`);
      at += 4;
      while (at < listEnd) {
        this.step();
        const attributeToken = this.chunk[at]!;
        if ((attributeToken & ~MORE_FLAG) !== TOKEN_ATTRIBUTE) {
          throw new BinXmlError(`expected an attribute of <${name}> at ${hex(at)}, found token ${hex(attributeToken)}`);
        }
        const attributeName = this.nameRef(at + 1, listEnd);
        const value = this.parseAttributeValue(attributeName.next, listEnd);
        attributes.push({ name: attributeName.name, parts: value.parts });
        at = value.next;
      }
    }
    this.need(at, 1, elementEnd, `end of <${name}> start tag`);
    const close = this.chunk[at]!;
    if (close === TOKEN_CLOSE_EMPTY) return { node: makeElement(name, dependency, attributes, undefined), next: at + 1 };
    if (close !== TOKEN_CLOSE_START) throw new BinXmlError(`expected the end of the <${name}> start tag at ${hex(at)}, found token ${hex(close)}`);
    const content = this.parseContent(at + 1, elementEnd, depth, true);
    return { node: makeElement(name, dependency, attributes, content.nodes), next: content.next + 1 };
  }

  /** The value of an attribute: text, substitutions and references up to the next attribute or the end of the list. */
  private parseAttributeValue(start: number, end: number): { parts: (TextNode | ValueNode)[]; next: number } {
    const parts: (TextNode | ValueNode)[] = [];
    let at = start;
    while (at < end && isValueToken(this.chunk[at]!)) {
      this.step();
      const token = this.chunk[at]!;
      const base = token & ~MORE_FLAG;
      if (base === TOKEN_VALUE) {
        this.need(at, 2, end, 'attribute value');
        const type = this.chunk[at + 1]!;
        if (type !== STRING_TYPE) throw new BinXmlError(`attribute value at ${hex(at)} has type ${hex(type)}, not a string`);
        const value = this.lengthPrefixed(at + 2, end, 'attribute value text');
        parts.push({ kind: TEXT, text: escapeAttribute(value.text) });
        at = value.next;
      } else if (base === TOKEN_CHAR_REF) {
        this.need(at, 3, end, 'character reference');
        parts.push({ kind: TEXT, text: `&#${this.u16(at + 1)};` });
        at += 3;
      } else if (base === TOKEN_ENTITY_REF) {
        const ref = this.nameRef(at + 1, end);
        parts.push({ kind: TEXT, text: `&${ref.name};` });
        at = ref.next;
      } else {
        this.need(at, 4, end, 'substitution');
        parts.push(substitution(this.u16(at + 1), token === TOKEN_OPTIONAL_SUBSTITUTION));
        at += 4;
      }
    }
    return { parts: mergeTexts(parts) as (TextNode | ValueNode)[], next: at };
  }

  /** Reads a template instance's header and values into `values`; returns the template. Sets `next`. */
  private readInstance(start: number, end: number, depth: number, values: Values | undefined): { template: Template; values: Values } {
    this.need(start, 10, end, 'template instance');
    const definition = this.u32(start + 6);
    let at = start + 10;
    if (definition === at) {
      this.need(at, 24, end, 'template definition');
      at += 24 + this.u32(at + 20);
      if (at > end) throw new BinXmlError(`template definition at ${hex(definition)} runs past the end of its data`);
    }
    const template = this.template(definition, depth);
    this.need(at, 4, end, 'template values');
    const count = this.u32(at);
    at += 4;
    if (count > (end - at) / 4) throw new BinXmlError(`template instance at ${hex(start)} declares ${count} values, more than fit`);
    let into = values;
    if (!into || into.types.length < count) into = makeValues(Math.max(count, 64));
    into.count = count;
    const { types, starts, ends } = into;
    const b = this.chunk;
    let data = at + 4 * count;
    for (let i = 0; i < count; i++, at += 4) {
      types[i] = b[at + 2]!;
      starts[i] = data;
      data += b[at]! | (b[at + 1]! << 8);
      ends[i] = data;
    }
    if (data > end) throw new BinXmlError(`values of the template instance at ${hex(start)} run past the end of its data`);
    this.next = data;
    return { template, values: into };
  }

  private parseInstance(start: number, end: number, depth: number): { node: InstanceNode; next: number } {
    const { template, values } = this.readInstance(start, end, depth, undefined);
    return { node: { kind: INSTANCE, template, values }, next: this.next };
  }

  /** Renders the template instance at `start` with pooled values; sets `next` to where it ends. */
  private renderInstance(start: number, end: number, depth: number): string {
    this.checkDepth(depth);
    const pooled = VALUE_POOL[depth];
    const { template, values } = this.readInstance(start, end, depth, pooled);
    if (values !== pooled) VALUE_POOL[depth] = values;
    const after = this.next;
    const text = this.renderNodes(template.nodes, values, depth);
    this.next = after;
    return text;
  }

  /** The template defined at chunk offset `offset`, parsed on first use. */
  private template(offset: number, depth: number): Template {
    const known = this.templates.get(offset);
    if (known instanceof BinXmlError) throw known;
    if (known) return known;
    if (this.compiling.has(offset)) throw new BinXmlError(`template definition at ${hex(offset)} refers to itself`);
    if (offset < 512 || offset + 24 > this.chunk.length) throw new BinXmlError(`template definition offset ${hex(offset)} is outside the chunk's data`);
    const end = offset + 24 + this.u32(offset + 20);
    if (end > this.chunk.length) throw new BinXmlError(`template definition at ${hex(offset)} runs past the end of the chunk`);
    this.compiling.add(offset);
    try {
      const template = { nodes: mergeTexts(this.parseContent(offset + 24, end, depth + 1, false).nodes) };
      this.templates.set(offset, template);
      return template;
    } catch (error) {
      if (error instanceof BinXmlError) this.templates.set(offset, error);
      throw error;
    } finally {
      this.compiling.delete(offset);
    }
  }

  // ---- rendering --------------------------------------------------------------------------

  private renderNodes(nodes: readonly Node[], values: Values, depth: number): string {
    let text = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      this.step();
      switch (node.kind) {
        case TEXT:
          text += node.text;
          break;
        case VALUE:
          text += node.element ? this.renderWrapped(node, node.element, values, depth) : this.renderValue(node.index, values, false, depth);
          break;
        case ELEMENT:
          text += this.renderElement(node, values, depth);
          break;
        case INSTANCE:
          this.checkDepth(depth + 1);
          text += this.renderNodes(node.template.nodes, node.values, depth + 1);
          break;
      }
    }
    this.length += text.length;
    if (this.length > MAX_XML_LENGTH) throw new BinXmlError(`rendered XML longer than ${MAX_XML_LENGTH} characters`);
    return text;
  }

  /**
   * An element that depends on a substitution is left out when that value is NULL (classic
   * events' <Binary> when they carry no binary data; evtxexport does the same), except a
   * document's root element: a record is never empty.
   */
  private leftOut(dependency: number, values: Values): boolean {
    return dependency !== NO_DEPENDENCY && this.elementDepth > 0 && this.isNull(dependency, values);
  }

  /** `<Data Name='X'>%n</Data>` folded into one node. */
  private renderWrapped(node: ValueNode, element: ElementNode, values: Values, depth: number): string {
    if (this.leftOut(node.dependency, values)) return '';
    const index = node.index;
    if (index < values.count && values.types[index]! & ARRAY_FLAG) return this.renderElement(element, values, depth);
    this.elementDepth++;
    const text = node.open + this.renderValue(index, values, false, depth) + node.close;
    this.elementDepth--;
    return text;
  }

  private renderElement(element: ElementNode, values: Values, depth: number): string {
    if (this.leftOut(element.dependency, values)) return '';
    const children = element.children;
    if (children) {
      // An array value in an element's content repeats the element once per item: classic
      // events' string arrays become <Data>a</Data><Data>b</Data> (libyal, "Normal substitution").
      for (const child of children) {
        if (child.kind !== VALUE || child.element || child.index >= values.count || !(values.types[child.index]! & ARRAY_FLAG)) continue;
        const type = values.types[child.index]! & ~ARRAY_FLAG;
        const items = arrayItems(type, this.chunk, values.starts[child.index]!, values.ends[child.index]!);
        if (items.length === 0) items.push('');
        const escape = needsEscape(type);
        let text = '';
        const outer = this.arrayItem;
        try {
          for (const item of items) {
            this.arrayItem = { values, index: child.index, text: escape ? escapeText(item) : item };
            text += this.renderOnce(element, children, values, depth);
          }
        } finally {
          this.arrayItem = outer;
        }
        return text;
      }
    }
    return this.renderOnce(element, children, values, depth);
  }

  private renderOnce(element: ElementNode, children: readonly Node[] | undefined, values: Values, depth: number): string {
    this.elementDepth++;
    const open = element.open ?? `<${element.name}${this.renderAttributes(element.attributes, values, depth)}`;
    const text = children ? `${open}>${this.renderNodes(children, values, depth)}</${element.name}>` : `${open}/>`;
    this.elementDepth--;
    return text;
  }

  /** Attributes; one whose optional substitutions are all NULL is left out (`<Security/>`, `<Correlation/>`). */
  private renderAttributes(attributes: readonly AttributeNode[], values: Values, depth: number): string {
    let text = '';
    for (const attribute of attributes) {
      let value = '';
      let present = attribute.parts.length === 0;
      for (const part of attribute.parts) {
        if (part.kind === TEXT) {
          value += part.text;
          present = true;
        } else if (!part.optional || !this.isNull(part.index, values)) {
          value += this.renderValue(part.index, values, true, depth);
          present = true;
        }
      }
      if (present) text += ` ${attribute.name}='${value}'`;
    }
    return text;
  }

  private isNull(index: number, values: Values): boolean {
    return index >= values.count || values.types[index] === NULL_TYPE;
  }

  private renderValue(index: number, values: Values, inAttribute: boolean, depth: number): string {
    if (index >= values.count) return '';
    const item = this.arrayItem;
    if (item !== undefined && item.index === index && item.values === values && !inAttribute) return item.text;
    const type = values.types[index]!;
    const start = values.starts[index]!;
    const end = values.ends[index]!;
    if (type === STRING_TYPE) {
      // Strings often carry their terminator; the renderer stops at the first NUL.
      const text = utf16(this.chunk, start, end);
      return inAttribute ? escapeAttribute(text) : escapeText(text);
    }
    if (type === NULL_TYPE) return '';
    if (type === BINXML_TYPE) {
      this.checkDepth(depth + 1);
      return this.renderDocument(start, end, depth + 1);
    }
    if (type & ARRAY_FLAG) {
      // Outside element content (an attribute, or loose in a document): the items joined (INF).
      const base = type & ~ARRAY_FLAG;
      const joined = arrayItems(base, this.chunk, start, end).join(', ');
      if (!needsEscape(base)) return joined;
      return inAttribute ? escapeAttribute(joined) : escapeText(joined);
    }
    const text = scalarText(type, this.chunk, start, end);
    if (type !== ANSI_STRING_TYPE) return text;
    return inAttribute ? escapeAttribute(text) : escapeText(text);
  }
}
