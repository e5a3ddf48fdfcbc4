/**
 * `rex [field=<field>] [max_match=<int>] [mode=sed] "<regex>"` (DOC rex). Extraction mode:
 * each named group `(?<name>...)` of the PCRE regex becomes a field (field defaults to
 * `_raw`). With max_match=1 (the default) the first match sets the fields; with a larger
 * max_match, or 0 for unlimited, every match adds a value, making multivalue fields. Where
 * the regex does not match, the fields are left as they are [INF]. A multivalue input field
 * is matched value by value [INF].
 * Sed mode (`mode=sed`): `s/<regex>/<replacement>/[g|<N>]` replaces the first, every (g) or
 * the Nth match, with `\1`..`\9` back references; `y/<chars>/<chars>/` transliterates.
 * `offset_field=<field>` (DOC rex 10.0) writes where each named group matched, as
 * `<group>=<first>-<last>` (character positions from 0, the last one included), joined with `&`.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import { fromValues, scalarToString, valuesOf, type Row, type Scalar } from '../core/values.js';
import { compilePcre, copyRegex } from '../eval/pcre.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { Quoted, isWordLike, tokenSpan, unquote } from '../parse/tokens.js';
import { countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

interface Substitute {
  kind: 's';
  regex: RegExp;
  replacement: string;
  /** 0: every match (g); N: only the Nth. */
  occurrence: number;
}

interface Transliterate {
  kind: 'y';
  map: Map<string, string>;
}

export interface RexNode extends CommandNodeBase {
  field: string;
  maxMatch: number;
  offsetField?: string;
  regex?: RegExp;
  groups: string[];
  sed?: Substitute | Transliterate;
}

/** Splits `s/a/b/g` on the unescaped `/` delimiters; `\/` stands for `/`. */
function sedParts(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 2; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '/') {
      current += '/';
      i++;
    } else if (ch === '\\') {
      current += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === '/') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function parseSed(text: string, span: Span): Substitute | Transliterate {
  const parts = sedParts(text);
  if (text.startsWith('s/') && parts.length === 3) {
    const flags = parts[2]!;
    if (flags !== '' && flags !== 'g' && !/^\d+$/.test(flags)) {
      throw new SpelunkError('syntax', `Error in 'rex' command: invalid sed flags '${flags}' (expected g or a number).`, span);
    }
    const occurrence = flags === 'g' ? 0 : flags === '' ? 1 : Number(flags);
    return { kind: 's', regex: compilePcre(parts[0]!, 'g', span), replacement: parts[1]!, occurrence };
  }
  if (text.startsWith('y/') && parts.length === 3 && parts[2] === '') {
    const from = [...parts[0]!];
    const to = [...parts[1]!];
    if (from.length !== to.length) throw new SpelunkError('syntax', "Error in 'rex' command: y/// needs two lists of the same length.", span);
    return { kind: 'y', map: new Map(from.map((c, i) => [c, to[i]!])) };
  }
  throw new SpelunkError('syntax', `Error in 'rex' command: expected a sed expression s/<regex>/<replacement>/[g] or y/<chars>/<chars>/, found '${text}'.`, span);
}

/** The replacement text for one match: `\N` is group N (`\0` the whole match). */
function expandReplacement(replacement: string, match: RegExpExecArray): string {
  return replacement.replace(/\\(\d)|\\(.)/g, (_all, digit: string | undefined, other: string | undefined) =>
    digit !== undefined ? (match[Number(digit)] ?? '') : (other ?? ''),
  );
}

function applySed(text: string, sed: Substitute | Transliterate): string {
  if (sed.kind === 'y') return [...text].map((c) => sed.map.get(c) ?? c).join('');
  const regex = copyRegex(sed.regex);
  let out = '';
  let last = 0;
  let seen = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    seen++;
    if (sed.occurrence === 0 || seen === sed.occurrence) {
      out += text.slice(last, match.index) + expandReplacement(sed.replacement, match);
      last = match.index + match[0].length;
      if (sed.occurrence !== 0) break;
    }
    if (match[0] === '') regex.lastIndex++;
  }
  return out + text.slice(last);
}

/** The named groups of the regex, in order: an empty alternative matches '' and lists every group. */
function groupNames(regex: RegExp): string[] {
  const groups = new RegExp(`(?:${regex.source})|`, regex.flags).exec('')?.groups;
  return groups ? Object.keys(groups) : [];
}

function extract(node: RexNode, row: Row): Row {
  const values = valuesOf(row.get(node.field));
  if (values.length === 0) return row;
  const found = new Map<string, Scalar[]>(node.groups.map((g) => [g, []]));
  const offsets: string[] = [];
  let matches = 0;
  // With offsets wanted, the `d` flag asks the native engine for group positions.
  const regex = copyRegex(node.regex!, node.offsetField === undefined ? 'g' : 'gd');
  outer: for (const value of values) {
    const text = scalarToString(value);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      matches++;
      for (const group of node.groups) {
        const captured = match.groups?.[group];
        if (captured !== undefined) found.get(group)!.push(captured);
        if (captured !== undefined && node.offsetField !== undefined) offsets.push(offsetOf(group, captured, match));
      }
      if (match[0] === '') regex.lastIndex++;
      if (node.maxMatch > 0 && matches >= node.maxMatch) break outer;
    }
  }
  if (matches === 0) return row;
  const next: Row = new Map(row);
  for (const [group, captured] of found) {
    const value = fromValues(captured);
    if (value !== null) next.set(group, value);
  }
  if (node.offsetField !== undefined && offsets.length > 0) next.set(node.offsetField, offsets.join('&'));
  return next;
}

/**
 * `<group>=<first>-<last>` for one captured group. The native engine gives the group's position;
 * a subject too long for it is matched by a bounded engine that gives only the text, and then
 * the group is placed at the first place in the match that holds its text [INF].
 */
function offsetOf(group: string, captured: string, match: RegExpExecArray): string {
  const start = match.indices?.groups?.[group]?.[0] ?? match.index + Math.max(0, match[0].indexOf(captured));
  return `${group}=${start}-${start + captured.length - 1}`;
}

export default defineCommand<RexNode>({
  name: 'rex',
  type: 'streaming',
  summary: 'Extracts fields with named groups of a PCRE regex (`field=`, `max_match=`, `offset_field=`), or edits a field with `mode=sed` (s/// and y///, g or Nth match).',
  parse(cursor) {
    let field = '_raw';
    let maxMatch = 1;
    let offsetField: string | undefined;
    let sedMode = false;
    let pattern: { text: string; span: Span } | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['field', 'max_match', 'mode', 'offset_field']);
      if (option) {
        if (option.key === 'field') field = option.value;
        else if (option.key === 'max_match') maxMatch = countOption(option);
        else if (option.key === 'offset_field') offsetField = option.value;
        else if (option.value.toLowerCase() === 'sed') sedMode = true;
        else throw new SpelunkError('syntax', `Error in 'rex' command: mode must be sed, not '${option.value}'.`, option.span);
        continue;
      }
      const token = cursor.peekToken();
      if (pattern || !token || !(token.tokenType === Quoted || isWordLike(token))) cursor.expectEnd();
      cursor.nextToken();
      pattern = { text: unquote(token!.image).value, span: tokenSpan(token!) };
    }
    if (!pattern) return cursor.fail("Error in 'rex' command: a regular expression in quotes is required.");
    if (sedMode) {
      if (offsetField !== undefined) throw new SpelunkError('syntax', "Error in 'rex' command: offset_field applies to extraction, not to mode=sed.", pattern.span);
      return { name: 'rex', span: { start: 0, end: 0 }, field, maxMatch, groups: [], sed: parseSed(pattern.text, pattern.span) };
    }
    const regex = compilePcre(pattern.text, '', pattern.span);
    const groups = groupNames(regex);
    if (groups.length === 0) {
      throw new SpelunkError('syntax', "Error in 'rex' command: The regex does not extract anything. It should specify at least one named group. Format: (?<name>...).", pattern.span);
    }
    return { name: 'rex', span: { start: 0, end: 0 }, field, maxMatch, regex, groups, ...(offsetField === undefined ? {} : { offsetField }) };
  },
  explain(node) {
    return { note: node.sed ? `edits ${node.field} with sed` : `extracts ${node.groups.join(', ')} from ${node.field}` };
  },
  execute(node, input) {
    if (node.sed) {
      const sed = node.sed;
      const rows = input.rows.map((row): Row => {
        const values = valuesOf(row.get(node.field));
        if (values.length === 0) return row;
        const next: Row = new Map(row);
        next.set(node.field, fromValues(values.map((v) => applySed(scalarToString(v), sed)))!);
        return next;
      });
      return { columns: input.columns, rows };
    }
    const columns = appendColumns(input.columns, node.offsetField === undefined ? node.groups : [...node.groups, node.offsetField]);
    return { columns, rows: input.rows.map((row) => extract(node, row)) };
  },
});
