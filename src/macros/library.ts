/**
 * The set of search macros a search can invoke, layered like Splunk's configuration: the bundled
 * `macros/` folder first, then each `--macros` source in order, then `--macro` inline definitions.
 * A later definition of the same stanza (`name` or `name(n)`) replaces the earlier one.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import { bundled, packageRoot } from '../core/paths.js';
import { stanzaName, type MacroDefinition } from './definition.js';
import { readMacrosConf, readMacroYaml } from './loaders.js';
import { checkArgumentNames, isValidMacroName, invalidNameMessage } from './names.js';

export class MacroLibrary {
  private readonly byStanza = new Map<string, MacroDefinition>();

  private constructor() {}

  static empty(): MacroLibrary {
    return new MacroLibrary();
  }

  /** The macros shipped with spelunk: security_content's macro YAMLs and the CIM macros. */
  static bundled(): MacroLibrary {
    const library = new MacroLibrary();
    library.addAll(bundledDefinitions());
    return library;
  }

  get size(): number {
    return this.byStanza.size;
  }

  /**
   * Loads a macros.conf, a macro .yml, or a folder of them (recursively, in sorted path order,
   * so an app's `default/macros.conf` loads before its `local/macros.conf`).
   */
  loadPath(path: string): void {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new SpelunkError('usage', `macro source not found: ${path}`);
    }
    const files = isFolder ? macroFilesUnder(path) : [path];
    for (const file of files) this.addAll(readMacroFile(file, file));
  }

  /**
   * Defines one macro from the command line: `NAME=DEFINITION` for a macro without arguments,
   * `NAME(arg1,arg2)=DEFINITION` for one with arguments (the arity is the number of names; the
   * definition refers to them as `$arg1$`, `$arg2$`).
   */
  defineInline(spec: string): void {
    this.add(parseInlineMacro(spec));
  }

  lookup(name: string, arity: number): MacroDefinition | undefined {
    return this.byStanza.get(stanzaName(name, arity));
  }

  /** The arities under which `name` is defined, for "did you mean" hints. */
  aritiesOf(name: string): number[] {
    const arities: number[] = [];
    for (const macro of this.byStanza.values()) if (macro.name === name) arities.push(macro.arity);
    return arities.sort((a, b) => a - b);
  }

  /** Every definition, in the order its stanza was first defined (a redefinition keeps the place). */
  definitions(): MacroDefinition[] {
    return [...this.byStanza.values()];
  }

  private add(macro: MacroDefinition): void {
    this.byStanza.set(stanzaName(macro.name, macro.arity), macro);
  }

  private addAll(macros: readonly MacroDefinition[]): void {
    for (const macro of macros) this.add(macro);
  }
}

let bundledCache: readonly MacroDefinition[] | undefined;

/** The bundled files are read once per process; definitions are immutable, so sharing is safe. */
function bundledDefinitions(): readonly MacroDefinition[] {
  if (!bundledCache) {
    const files = macroFilesUnder(bundled.macros());
    bundledCache = files.flatMap((file) => readMacroFile(file, relative(packageRoot(), file)));
  }
  return bundledCache;
}

function readMacroFile(file: string, shownPath: string): MacroDefinition[] {
  const lower = file.toLowerCase();
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return [readMacroYaml(file, shownPath)];
  if (lower.endsWith('.conf')) return readMacrosConf(file, shownPath);
  throw new SpelunkError(
    'usage',
    `${shownPath}: not a macro source (expected a macros.conf, a macro .yml, or a folder of them)`,
  );
}

/** Macro YAMLs and files named macros.conf below `folder`, sorted by path. */
function macroFilesUnder(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (isMacroFileName(entry.name)) found.push(full);
    }
  };
  visit(folder);
  return found;
}

function isMacroFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.yml') || lower.endsWith('.yaml') || basename(lower) === 'macros.conf';
}

function parseInlineMacro(spec: string): MacroDefinition {
  const usage = (why: string): SpelunkError =>
    new SpelunkError(
      'usage',
      `--macro ${JSON.stringify(spec)}: ${why}. Expected NAME=DEFINITION or NAME(arg1,arg2)=DEFINITION`,
    );
  const equals = spec.indexOf('=');
  const paren = spec.indexOf('(');
  let name: string;
  let args: string[] = [];
  let definition: string;
  if (paren >= 0 && (equals < 0 || paren < equals)) {
    const close = spec.indexOf(')', paren);
    if (close < 0) throw usage("missing ')' after the argument names");
    if (spec[close + 1] !== '=') throw usage("expected '=' right after ')'");
    name = spec.slice(0, paren).trim();
    const inside = spec.slice(paren + 1, close).trim();
    args = inside === '' ? [] : inside.split(',').map((arg) => arg.trim());
    definition = spec.slice(close + 2);
  } else {
    if (equals < 0) throw usage("missing '='");
    name = spec.slice(0, equals).trim();
    definition = spec.slice(equals + 1);
  }
  if (!isValidMacroName(name)) throw usage(invalidNameMessage(name));
  const problem = checkArgumentNames(stanzaName(name, args.length), args);
  if (problem) throw usage(problem);
  return { name, arity: args.length, args, definition, isEval: false, definedAt: '--macro' };
}
