/**
 * Warnings for mistakes that silently change nothing: a macro the user defined that the search
 * never expands (a mistyped filter name), and a `search`/`where` naming a field no result has at
 * that point of the pipeline (`NOT Processes.dest=...` after `drop_dm_object_name`, which always
 * matches). They join the search's own warnings (stderr, and the splunk-json `messages`).
 */
import { MacroLibrary } from '../macros/library.js';
import type { ExpansionResult } from '../macros/expand.js';
import { childrenOf, type CommandNodeBase, type EvalExpr, type SearchExpr } from '../parse/ast.js';
import type { Session } from '../session.js';
import { closestName } from './closest.js';
import { fieldsOf, macroChainOf, stagesOf, type Stages } from './stages.js';

/** The macros the user layered over the bundled ones, as given to the session. */
export interface UserMacros {
  macros?: readonly string[] | undefined;
  inlineMacros?: readonly string[] | undefined;
}

/** Stanza names (`name` or `name(n)`) the user defined through `--macros` and `--macro`. */
export function userDefinedStanzas(user: UserMacros): string[] {
  const library = MacroLibrary.empty();
  for (const source of user.macros ?? []) library.loadPath(source);
  for (const spec of user.inlineMacros ?? []) library.defineInline(spec);
  return library.definitions().map((macro) => (macro.arity === 0 ? macro.name : `${macro.name}(${macro.arity})`));
}

/** One warning per user-defined macro the expansion never used, with the nearest used or defined name. */
export function unusedMacroWarnings(expansion: ExpansionResult, defined: readonly string[]): string[] {
  const used = [...new Set(expansion.steps.map((step) => step.macro))];
  const usedSet = new Set(used);
  return defined
    .filter((stanza) => !usedSet.has(stanza))
    .map((stanza) => {
      // A used name first: the likely target of a typo is the macro the search did invoke.
      const near = closestName(stanza, [...used, ...defined]);
      const hint = near ? `; did you mean \`${near}\`?` : '';
      return `The macro \`${stanza}\` is defined (--macro/--macros) but the search never expands it${hint}`;
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

/** A warning per field a later `search`/`where` names that no result has when it runs. */
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
    for (const field of named) {
      if (present.has(field)) continue;
      const chain = macroChainOf(expansion, command);
      const where = chain.length > 0 ? ` (from the macro \`${chain[chain.length - 1]}\`)` : '';
      const text = expansion.text.slice(command.span.start, command.span.end);
      const shown = [...present].sort();
      const list = shown.slice(0, SHOWN_FIELDS).join(', ') + (shown.length > SHOWN_FIELDS ? `, ... (${shown.length} in all)` : '');
      warnings.push(
        `\`${text}\`${where} names the field '${field}', which no result has at that point; the fields there are: ${list}.${prefixHint(field, present, expansion)}`,
      );
    }
  });
  return warnings;
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
