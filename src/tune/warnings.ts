/**
 * Warnings for mistakes that silently change nothing: a macro the user defined that the search
 * never expands (a mistyped filter name), and a `search`/`where` naming a field no result has at
 * that point of the pipeline (`NOT Processes.dest=...` after `drop_dm_object_name`, which always
 * matches). They join the search's own warnings (stderr, and the splunk-json `messages`).
 */
import { MacroLibrary } from '../macros/library.js';
import { DEFAULT_FILTER_ORIGIN, type ExpansionResult } from '../macros/expand.js';
import { childrenOf, type CommandNodeBase, type EvalExpr, type SearchExpr } from '../parse/ast.js';
import type { Session } from '../session.js';
import { closestName } from './closest.js';
import { fieldsOf, macroChainOf, stagesOf, type Stages } from './stages.js';

/** The macros the user layered over the bundled ones, as given to the session. */
export interface UserMacros {
  macros?: readonly string[] | undefined;
  inlineMacros?: readonly string[] | undefined;
}

export interface UserStanza {
  /** `name` or `name(n)`. */
  stanza: string;
  /** Defined by `--macro` (for this search) rather than read from a `--macros` source. */
  inline: boolean;
}

/** The stanzas the user defined through `--macros` and `--macro` (a later definition wins, as in the session). */
export function userDefinedStanzas(user: UserMacros): UserStanza[] {
  const library = MacroLibrary.empty();
  for (const source of user.macros ?? []) library.loadPath(source);
  for (const spec of user.inlineMacros ?? []) library.defineInline(spec);
  return library.definitions().map((macro) => ({
    stanza: macro.arity === 0 ? macro.name : `${macro.name}(${macro.arity})`,
    inline: macro.definedAt === '--macro',
  }));
}

/**
 * A warning per user-defined macro the expansion never used. A `--macro` definition is given for
 * this search, so it always warns; a `--macros` source may hold the filters of many detections,
 * so one of its macros warns only when its name is a typo away from a macro the search did use.
 */
export function unusedMacroWarnings(expansion: ExpansionResult, defined: readonly UserStanza[]): string[] {
  const used = [...new Set(expansion.steps.map((step) => step.macro))];
  const usedSet = new Set(used);
  const names = defined.map((entry) => entry.stanza);
  return defined
    .filter((entry) => !usedSet.has(entry.stanza))
    .flatMap(({ stanza, inline }) => {
      // A used name first: the likely target of a typo is the macro the search did invoke.
      const nearUsed = closestName(stanza, used);
      if (!inline && nearUsed === undefined) return [];
      const near = nearUsed ?? closestName(stanza, names);
      const defaulted = expansion.steps.some((step) => step.macro === near && step.definedAt === DEFAULT_FILTER_ORIGIN);
      const hint = near ? `; did you mean \`${near}\`?${defaulted ? ' (the search ran it as the default `search *`)' : ''}` : '';
      const how = inline ? '--macro' : '--macros';
      return [`The macro \`${stanza}\` is defined (${how}) but the search never expands it${hint}`];
    });
}

/** Fields a search-language expression compares, outside subsearches (which have their own fields). */
export function searchFields(expr: SearchExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.operands.flatMap(searchFields);
    case 'not':
      return searchFields(expr.operand);
    case 'compare':
    case 'in':
      return [expr.field];
    case 'term':
    case 'timeBound':
    case 'subsearch':
      return [];
  }
}

/** Fields an eval expression reads. */
export function evalFields(expr: EvalExpr): string[] {
  return expr.kind === 'field' ? [expr.name] : childrenOf(expr).flatMap(evalFields);
}

/** The fields a `search` or `where` command (not the first, which reads events) names. */
function fieldsNamedBy(command: CommandNodeBase): string[] {
  const node = command as CommandNodeBase & { expression?: unknown };
  if (command.name === 'search' && node.expression) return searchFields(node.expression as SearchExpr);
  if (command.name === 'where' && node.expression) return evalFields(node.expression as EvalExpr);
  return [];
}

const SHOWN_FIELDS = 12;
const SHOWN_COMMAND = 120;

/** A warning per later `search`/`where` that names fields no result has when it runs. */
export function missingFieldWarnings(stages: Stages): string[] {
  const warnings: string[] = [];
  const { pipeline, expansion } = stages;
  pipeline.commands.forEach((command, index) => {
    if (index === 0) return;
    const named = [...new Set(fieldsNamedBy(command))].filter((field) => !field.includes('*'));
    if (named.length === 0) return;
    let present: Set<string>;
    try {
      present = fieldsOf(stages.resultsBefore(index));
    } catch {
      return; // the search's own run reports its errors
    }
    if (present.size === 0) return;
    const missing = named.filter((field) => !present.has(field));
    if (missing.length === 0) return;
    const chain = macroChainOf(expansion, command);
    const where = chain.length > 0 ? ` (from the macro \`${chain[chain.length - 1]}\`)` : '';
    const text = shorten(expansion.text.slice(command.span.start, command.span.end), SHOWN_COMMAND);
    const names = listed(missing.map((field) => `'${field}'`));
    const fields = missing.length === 1 ? `the field ${names}, which no result has` : `the fields ${names}, which no result has`;
    const hints = missing.slice(0, SHOWN_FIELDS).map((field) => prefixHint(field, present, expansion)).filter((hint) => hint !== '');
    warnings.push(`\`${text}\`${where} names ${fields} at that point; the fields there are: ${listed([...present].sort())}.${hints.join('')}`);
  });
  return warnings;
}

function listed(items: readonly string[]): string {
  return items.slice(0, SHOWN_FIELDS).join(', ') + (items.length > SHOWN_FIELDS ? `, ... (${items.length} in all)` : '');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

/** `Processes.dest` missing but `dest` present: the data model prefix was dropped before. */
function prefixHint(field: string, present: ReadonlySet<string>, expansion: ExpansionResult): string {
  const dot = field.indexOf('.');
  if (dot <= 0) return '';
  const object = field.slice(0, dot);
  const short = field.slice(dot + 1);
  if (!present.has(short)) return '';
  const dropped = expansion.steps.some((step) => step.macro === 'drop_dm_object_name(1)' && Object.values(step.args)[0]?.trim() === object);
  const why = dropped ? `\`drop_dm_object_name(${object})\` removed the \`${object}.\` prefix` : `the field has no \`${object}.\` prefix there`;
  return ` Hint: ${why}: write '${short}'.`;
}

/** Every tuning warning for `search`, run over the session's data. */
export function tuneWarnings(session: Session, search: string, user: UserMacros): string[] {
  const stages = stagesOf(session, search);
  return [...unusedMacroWarnings(stages.expansion, userDefinedStanzas(user)), ...missingFieldWarnings(stages)];
}
