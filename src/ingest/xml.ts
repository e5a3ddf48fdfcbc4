/**
 * A scanner for one Windows `<Event>` element, in the layouts Windows and Splunk write: one line
 * or pretty-printed, single- or double-quoted attributes. It is not a general XML parser: it finds
 * the few System elements and every `<Data Name=...>` with indexOf, as Splunk's add-on regexes do.
 * Values are kept exactly as written, entities included (`&amp;` stays `&amp;`), because the
 * add-ons extract them with regexes and never decode them.
 */

import { fromByteString } from './lines.js';

/** Fills `fields` with the event's values (`text` is a byte string, see fromByteString); returns an error text when the event is malformed. */
export function scanXmlEvent(text: string, fields: Map<string, string>, wanted?: ReadonlySet<string>): string | undefined {
  fields.clear();
  const provider = attributeOf(text, '<Provider', 'Name');
  if (provider !== undefined) fields.set('Provider', fromByteString(provider));
  const eventId = elementText(text, '<EventID');
  if (eventId === undefined) return 'malformed XML event: no <EventID> element';
  fields.set('EventID', eventId.trim());
  setElement(text, '<Channel', 'Channel', fields);
  setElement(text, '<Computer', 'Computer', fields);
  setElement(text, '<Keywords', 'Keywords', fields);
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
