/**
 * Readers for the two macro formats: security_content's one-macro YAML files and Splunk's
 * macros.conf. Both produce checked MacroDefinitions; a malformed file is an error naming the
 * file and line, raised when the file is loaded.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { SpelunkError } from '../core/errors.js';
import type { MacroDefinition } from './definition.js';
import { checkArgumentNames, invalidNameMessage, isValidMacroName, messages } from './names.js';

function readText(file: string, shownPath: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpelunkError('input', `cannot read macro file ${shownPath}: ${reason}`);
  }
}

function stanzaOf(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

/** A security_content macro YAML: `name`, `definition`, optional `arguments` and `description`. */
export function readMacroYaml(file: string, shownPath: string): MacroDefinition {
  const text = readText(file, shownPath);
  let lineCounter = new LineCounter();
  let document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    // security_content's PyYAML accepts quoted scalars whose continuation lines start in column 0
    // (base64decode.yml); the yaml package does not. Indenting those lines keeps the value (a
    // flow scalar's line breaks fold and leading spaces are dropped) and every line number.
    const retryCounter = new LineCounter();
    const retry = parseDocument(indentContinuationLines(text), { lineCounter: retryCounter, prettyErrors: false });
    if (retry.errors.length === 0) {
      document = retry;
      lineCounter = retryCounter;
    }
  }
  const fail = (line: number, why: string): SpelunkError =>
    new SpelunkError('input', `${shownPath}:${line}: ${why}`);
  const firstError = document.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw fail(line, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const root = document.contents;
  if (!isMap(root)) throw fail(1, 'a macro file must be a mapping with `name` and `definition`');
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const keyNode = (key: string): { line: number; value: unknown; node: Node | null } | undefined => {
    const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (!pair) return undefined;
    const node = pair.value as Node | null;
    return { line: lineOf(pair.key as Node), value: isScalar(node) ? node.value : undefined, node };
  };

  const name = keyNode('name');
  if (!name || typeof name.value !== 'string') throw fail(name?.line ?? 1, 'missing or non-text `name`');
  if (!isValidMacroName(name.value)) throw fail(name.line, invalidNameMessage(name.value));

  const args: string[] = [];
  const argumentsKey = keyNode('arguments');
  if (argumentsKey && argumentsKey.node !== null) {
    if (!isSeq(argumentsKey.node)) throw fail(argumentsKey.line, '`arguments` must be a list of names');
    for (const item of argumentsKey.node.items) {
      if (!isScalar(item) || typeof item.value !== 'string') {
        throw fail(lineOf(item as Node), '`arguments` must be a list of names');
      }
      args.push(item.value);
    }
  }
  const stanza = stanzaOf(name.value, args.length);
  const argumentProblem = checkArgumentNames(stanza, args);
  if (argumentProblem) throw fail(argumentsKey?.line ?? name.line, argumentProblem);

  const definition = keyNode('definition');
  const definitionText = scalarText(definition?.value);
  if (!definition || definitionText === undefined) {
    throw fail(definition?.line ?? name.line, messages.noDefinition(stanza));
  }
  const description = scalarText(keyNode('description')?.value);
  return {
    name: name.value,
    arity: args.length,
    args,
    definition: definitionText,
    isEval: false,
    ...(description !== undefined ? { description } : {}),
    definedAt: `${shownPath}:${definition.line}`,
  };
}

/** Indents every line that does not start a top-level key, a list item, or a comment. */
function indentContinuationLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^(\s|#|-\s|[A-Za-z_][\w-]*:|$)/.test(line) ? line : ` ${line}`))
    .join('\n');
}

/** Unquoted YAML scalars such as `false` or `1` are still macro text. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

interface ConfSetting {
  value: string;
  line: number;
}

interface ConfStanza {
  name: string;
  line: number;
  settings: Map<string, ConfSetting>;
}

/**
 * A Splunk macros.conf. Lines starting with `#` are comments; a line ending in `\` continues on
 * the next line (the newline is kept in the value); a stanza repeated in one file merges its keys,
 * later keys winning, as Splunk merges configuration.
 */
export function readMacrosConf(file: string, shownPath: string): MacroDefinition[] {
  const stanzas = parseConf(readText(file, shownPath), shownPath);
  const macros: MacroDefinition[] = [];
  for (const stanza of stanzas.values()) {
    const macro = macroFromStanza(stanza, shownPath);
    if (macro) macros.push(macro);
  }
  return macros;
}

function parseConf(text: string, shownPath: string): Map<string, ConfStanza> {
  const stanzas = new Map<string, ConfStanza>();
  const lines = text.split(/\r?\n/);
  let current: ConfStanza | undefined;
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    let line = lines[index]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      if (!trimmed.endsWith(']')) {
        throw new SpelunkError('macro', `${shownPath}:${lineNumber}: stanza header without closing ']': ${trimmed}`);
      }
      const name = trimmed.slice(1, -1).trim();
      current = stanzas.get(name) ?? { name, line: lineNumber, settings: new Map() };
      stanzas.set(name, current);
      continue;
    }
    while (line.endsWith('\\') && index + 1 < lines.length) {
      index++;
      line = `${line.slice(0, -1)}\n${lines[index]!}`;
    }
    const equals = line.indexOf('=');
    if (equals < 0) {
      throw new SpelunkError('macro', `${shownPath}:${lineNumber}: expected 'key = value', found: ${trimmed}`);
    }
    // Settings before the first stanza belong to [default], which defines no macro.
    if (!current) continue;
    const key = line.slice(0, equals).trim();
    current.settings.set(key, { value: line.slice(equals + 1).trim(), line: lineNumber });
  }
  return stanzas;
}

function macroFromStanza(stanza: ConfStanza, shownPath: string): MacroDefinition | undefined {
  if (stanza.name === 'default') return undefined;
  if (isTrue(stanza.settings.get('disabled')?.value)) return undefined;
  const fail = (line: number, why: string): SpelunkError =>
    new SpelunkError('macro', `${shownPath}:${line}: ${why}`);
  const header = /^([^()]*)(?:\((\d+)\))?$/.exec(stanza.name);
  const name = header?.[1]?.trim() ?? stanza.name;
  if (!header || !isValidMacroName(name)) throw fail(stanza.line, invalidNameMessage(name));
  const arity = header[2] === undefined ? 0 : Number(header[2]);

  let args: string[] = [];
  const argsSetting = stanza.settings.get('args');
  // "If the stanza name indicates that this macro takes no arguments, this setting is ignored."
  if (arity > 0) {
    if (!argsSetting || argsSetting.value === '') throw fail(stanza.line, messages.noArgumentList(stanza.name));
    args = argsSetting.value.split(',').map((arg) => arg.trim());
    if (args.length !== arity) throw fail(argsSetting.line, messages.wrongArgumentCount(stanza.name, arity));
    const problem = checkArgumentNames(stanza.name, args);
    if (problem) throw fail(argsSetting.line, problem);
  }
  const definition = stanza.settings.get('definition');
  if (!definition) throw fail(stanza.line, messages.noDefinition(stanza.name));

  const optional = (key: 'validation' | 'errormsg' | 'description'): Partial<MacroDefinition> => {
    const setting = stanza.settings.get(key);
    return setting ? { [key]: setting.value } : {};
  };
  return {
    name,
    arity,
    args,
    definition: definition.value,
    isEval: isTrue(stanza.settings.get('iseval')?.value),
    ...optional('validation'),
    ...optional('errormsg'),
    ...optional('description'),
    definedAt: `${shownPath}:${definition.line}`,
  };
}

/** Splunk's boolean settings accept 1/0, true/false, t/f, yes/no, case-insensitively. */
function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|t|yes|y)$/i.test(value.trim());
}
