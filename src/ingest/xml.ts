/**
 * A scanner for one Windows `<Event>` element, in the layouts Windows and Splunk write: one line
 * or pretty-printed, single- or double-quoted attributes. The event's markup is checked first
 * (checkMarkup: every tag closed with `>`, quoted attributes, elements nested and closed); the
 * values are then found as Splunk's add-on regexes find them, with indexOf: the few System
 * elements and every `<Data Name=...>`. Values are kept exactly as written, entities included
 * (`&amp;` stays `&amp;`), because the add-ons extract them with regexes and never decode them.
 */

import { fromByteString } from './lines.js';

/** Fills `fields` with the event's values (`text` is a byte string, see fromByteString); returns an error text when the event is malformed. */
export function scanXmlEvent(text: string, fields: Map<string, string>, wanted?: ReadonlySet<string>): string | undefined {
  fields.clear();
  const malformed = checkMarkup(text);
  if (malformed !== undefined) return `malformed XML event: ${malformed}`;
  const provider = attributeOf(text, '<Provider', 'Name');
  if (provider !== undefined) fields.set('Provider', fromByteString(provider));
  const eventId = elementText(text, '<EventID');
  if (eventId === undefined) return 'malformed XML event: no <EventID> element';
  fields.set('EventID', eventId.trim());
  setElement(text, '<Channel', 'Channel', fields);
  setElement(text, '<Computer', 'Computer', fields);
  setElement(text, '<Keywords', 'Keywords', fields);
  setElement(text, '<EventRecordID', 'EventRecordID', fields);
  const systemTime = attributeOf(text, '<TimeCreated', 'SystemTime');
  if (systemTime !== undefined) fields.set('SystemTime', systemTime);
  const userId = attributeOf(text, '<Security', 'UserID');
  if (userId !== undefined) fields.set('SecurityUserID', fromByteString(userId));
  return scanEventData(text, fields, wanted);
}

function setElement(text: string, open: string, name: string, fields: Map<string, string>): void {
  const value = elementText(text, open);
  if (value !== undefined && value !== '') fields.set(name, fromByteString(value));
}

/** The text of the first `<Tag ...>text</Tag>`; undefined when absent or self-closed. */
function elementText(text: string, open: string): string | undefined {
  let at = text.indexOf(open);
  while (at !== -1) {
    const next = text.charCodeAt(at + open.length);
    if (next === 62 /* > */ || next === 32 || next === 9 || next === 10 || next === 13) break;
    at = text.indexOf(open, at + 1); // `<Security` must not match `<SecurityX`
  }
  if (at === -1) return undefined;
  const end = text.indexOf('>', at + open.length);
  if (end === -1 || text.charCodeAt(end - 1) === 47 /* / */) return undefined;
  const close = text.indexOf('<', end + 1);
  return close === -1 ? undefined : text.slice(end + 1, close);
}

/** The value of `attribute` on the first `open` tag, in either quote style. */
function attributeOf(text: string, open: string, attribute: string): string | undefined {
  let at = text.indexOf(open);
  while (at !== -1) {
    const next = text.charCodeAt(at + open.length);
    if (next === 32 || next === 9 || next === 10 || next === 13) break;
    at = text.indexOf(open, at + 1);
  }
  if (at === -1) return undefined;
  const tagEnd = text.indexOf('>', at);
  if (tagEnd === -1) return undefined;
  let name = text.indexOf(attribute + '=', at);
  // The attribute must be a whole name inside this tag.
  while (name !== -1 && name < tagEnd && !isSpace(text.charCodeAt(name - 1))) name = text.indexOf(attribute + '=', name + 1);
  if (name === -1 || name > tagEnd) return undefined;
  const quoteAt = name + attribute.length + 1;
  const quote = text[quoteAt];
  if (quote !== "'" && quote !== '"') return undefined;
  const valueEnd = text.indexOf(quote, quoteAt + 1);
  return valueEnd === -1 ? undefined : text.slice(quoteAt + 1, valueEnd);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const DATA_OPEN = '<Data Name=';
const DATA_CLOSE = '</Data>';

/**
 * Every `<Data Name='X'>value</Data>` into `fields` (only the `wanted` names when given). An empty or self-closed Data element gives
 * no field: Splunk keeps no field for an empty extraction (INF, docs/semantics.md).
 */
function scanEventData(text: string, fields: Map<string, string>, wanted: ReadonlySet<string> | undefined): string | undefined {
  let at = text.indexOf(DATA_OPEN);
  while (at !== -1) {
    const quoteAt = at + DATA_OPEN.length;
    const quote = text[quoteAt];
    if (quote !== "'" && quote !== '"') return 'malformed XML event: <Data Name=...> without a quoted name';
    const nameEnd = text.indexOf(quote, quoteAt + 1);
    if (nameEnd === -1) return 'malformed XML event: unterminated <Data Name=...>';
    const name = text.slice(quoteAt + 1, nameEnd);
    const tagEnd = text.indexOf('>', nameEnd);
    if (tagEnd === -1) return `malformed XML event: unterminated <Data Name=${quote}${name}${quote}> tag`;
    if (text.charCodeAt(tagEnd - 1) === 47 /* self-closed */) {
      at = text.indexOf(DATA_OPEN, tagEnd);
      continue;
    }
    const close = text.indexOf(DATA_CLOSE, tagEnd);
    if (close === -1) return `malformed XML event: <Data Name=${quote}${name}${quote}> has no </Data>`;
    if (close > tagEnd + 1 && !fields.has(name) && (!wanted || wanted.has(name))) fields.set(fromByteString(name), fromByteString(text.slice(tagEnd + 1, close)));
    at = text.indexOf(DATA_OPEN, close);
  }
  return undefined;
}

/** Whether `code` ends an XML name (or is not part of one). */
function endsName(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 /* / */ || code === 62 /* > */ || code === 61 /* = */ || code === 60 /* < */ || code === 39 || code === 34 || Number.isNaN(code);
}

function nameEndAt(text: string, from: number): number {
  let at = from;
  while (!endsName(text.charCodeAt(at))) at++;
  return at;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** A tag as the reason shows it: its first characters, in the text they stand for. */
function tagText(text: string, at: number): string {
  const shown = fromByteString(text.slice(at, at + 40)).split(/[\r\n]/)[0]!;
  return at + 40 < text.length ? `${shown}...` : shown;
}

/**
 * Why the markup of one event (`<Event ...>` to its `</Event>`) is not well-formed, or
 * undefined. Checked: every `<` opens a tag, a comment, CDATA or a processing instruction that
 * is closed; a tag is a name, attributes `name=` with a quoted value holding no `<`, separated
 * by white space, then `>` or `/>`; every element is closed, in order, by its own name; nothing
 * follows the root. Entities and character ranges are not checked, as the add-ons do not look
 * at them. One pass, on the general path only (fast-xml.ts checks the same on its lines).
 */
export function checkMarkup(text: string): string | undefined {
  const stack: string[] = [];
  let at = text.indexOf('<');
  while (at !== -1) {
    const next = text.charCodeAt(at + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const [open, close] = text.startsWith('<!--', at) ? ['<!--', '-->'] : text.startsWith('<![CDATA[', at) ? ['<![CDATA[', ']]>'] : next === 63 ? ['<?', '?>'] : ['', ''];
      if (open === '') return `unexpected ${tagText(text, at)}`;
      const end = text.indexOf(close, at + open.length);
      if (end === -1) return `unterminated ${open}`;
      at = text.indexOf('<', end + close.length);
      continue;
    }
    if (next === 47 /* / */) {
      const nameEnd = nameEndAt(text, at + 2);
      const name = text.slice(at + 2, nameEnd);
      const tagEnd = skipSpace(text, nameEnd);
      if (name === '' || text.charCodeAt(tagEnd) !== 62) return `unterminated end tag ${tagText(text, at)}`;
      const open = stack.pop();
      if (open !== name) return open === undefined ? `</${fromByteString(name)}> closes no element` : `</${fromByteString(name)}> closes <${fromByteString(open)}>`;
      if (stack.length === 0) return skipSpace(text, tagEnd + 1) < text.length ? `text after </${fromByteString(name)}>` : undefined;
      at = text.indexOf('<', tagEnd + 1);
      continue;
    }
    const nameEnd = nameEndAt(text, at + 1);
    if (nameEnd === at + 1) return `'<' that opens no tag: ${tagText(text, at)}`;
    const tagStart = at;
    let p = nameEnd;
    for (;;) {
      const spaced = isSpace(text.charCodeAt(p));
      p = skipSpace(text, p);
      const code = text.charCodeAt(p);
      if (code === 62 /* > */) {
        stack.push(text.slice(tagStart + 1, nameEnd));
        break;
      }
      if (code === 47 /* / */ && text.charCodeAt(p + 1) === 62) {
        if (stack.length === 0) return skipSpace(text, p + 2) < text.length ? 'text after the root element' : undefined;
        p++;
        break;
      }
      const attributeEnd = nameEndAt(text, p);
      if (!spaced || attributeEnd === p) return `unterminated tag ${tagText(text, tagStart)}`;
      p = skipSpace(text, attributeEnd);
      if (text.charCodeAt(p) !== 61 /* = */) return `unterminated tag ${tagText(text, tagStart)}`;
      p = skipSpace(text, p + 1);
      const quote = text[p];
      if (quote !== "'" && quote !== '"') return `unterminated tag ${tagText(text, tagStart)}`;
      const valueEnd = text.indexOf(quote, p + 1);
      const lessThan = text.indexOf('<', p + 1);
      if (valueEnd === -1 || (lessThan !== -1 && lessThan < valueEnd)) return `unterminated tag ${tagText(text, tagStart)}`;
      p = valueEnd + 1;
    }
    at = text.indexOf('<', p + 1);
  }
  return stack.length === 0 ? 'no element' : `<${fromByteString(stack[stack.length - 1]!)}> is not closed`;
}
