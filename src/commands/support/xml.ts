/**
 * A small, forgiving XML reader for the commands that take XML out of a field (xmlkv, spath):
 * elements with their attributes, text and children. It never throws: text that is not
 * well-formed XML reads as far as it is (an unclosed element is closed at the end), because
 * Splunk's commands extract what they can from each event and carry on.
 */

export interface XmlElement {
  name: string;
  attributes: [string, string][];
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded, in document order. */
  text: string;
  /** Whether its end tag was read (or it closed itself): text cut short leaves it false. */
  closed: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references decoded; anything else kept. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(Number(body.slice(1))) ?? whole;
    return ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The top-level elements of `text` (a document has one; a field may hold several). */
export function parseXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const open: XmlElement[] = [];
  let index = 0;
  const addText = (chunk: string): void => {
    const parent = open[open.length - 1];
    if (parent) parent.text += decodeEntities(chunk);
  };
  while (index < text.length) {
    const lt = text.indexOf('<', index);
    if (lt < 0) {
      addText(text.slice(index));
      break;
    }
    if (lt > index) addText(text.slice(index, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      index = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      const parent = open[open.length - 1];
      if (parent) parent.text += text.slice(lt + 9, end < 0 ? text.length : end);
      index = end < 0 ? text.length : end + 3;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = text.slice(lt + 1, gt);
    index = gt + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      // Close up to the matching element; a stray end tag closes nothing.
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) {
        open[at]!.closed = true;
        open.length = at;
      }
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/\s/);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    if (name === '') continue;
    const attributes: [string, string][] = [];
    for (const match of (nameEnd < 0 ? '' : body.slice(nameEnd)).matchAll(ATTRIBUTE)) {
      attributes.push([match[1]!, decodeEntities(match[3] ?? match[4] ?? '')]);
    }
    const element: XmlElement = { name, attributes, children: [], text: '', closed: selfClosing };
    const parent = open[open.length - 1];
    if (parent) parent.children.push(element);
    else roots.push(element);
    if (!selfClosing) open.push(element);
  }
  return roots;
}
