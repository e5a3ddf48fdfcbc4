/**
 * `parse --explain` as data: for each command of a parsed pipeline, one plain sentence of what it
 * does to the results, its expressions with their grouping explicit, its functions and the fields
 * it creates, notes (where search and where would group the same text differently), and its
 * subsearches explained the same way. The text form and the playground both read this.
 */
import type { CommandNodeBase, GenericCommandNode, Pipeline } from '../parse/ast.js';
import { findCommand } from '../commands/index.js';
import type { CommandDefinition } from '../commands/types.js';
import { EXPLAINERS, type CommandFacts, type ExplainDetail, type ExplainedFunction } from './commands.js';

export type { ExplainDetail, ExplainedFunction } from './commands.js';

export interface ExplainedCommand {
  /** 1-based position in its pipeline. */
  position: number;
  name: string;
  /** The command as it stands in the expanded search. */
  source: string;
  /** False for a command spelunk parses but cannot run. */
  supported: boolean;
  sentence: string;
  details: ExplainDetail[];
  functions: ExplainedFunction[];
  creates: string[];
  notes: string[];
  subsearches: ExplainedCommand[][];
}

function asSentence(note: string): string {
  const trimmed = note.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What the command's own file says, for a command with no entry in EXPLAINERS. */
function factsFromDefinition(definition: CommandDefinition, node: CommandNodeBase, text: string): CommandFacts {
  const own = definition.explain?.(node, text);
  return {
    sentence: asSentence(own?.note ?? definition.summary),
    details: own?.text !== undefined ? [{ label: node.name, text: own.text }] : [],
  };
}

function explainCommand(node: CommandNodeBase, position: number, text: string): ExplainedCommand {
  const source = text.slice(node.span.start, node.span.end);
  const base = { position, name: node.name, source, details: [], functions: [], creates: [], notes: [], subsearches: [] };
  const definition = findCommand(node.name);
  const generic = node as GenericCommandNode;
  if (generic.generic === true || !definition) {
    const why = generic.unsupported?.message ?? `spelunk does not support the '${node.name}' command${generic.argumentText ? ` (${generic.argumentText})` : ''}.`;
    return { ...base, supported: false, sentence: asSentence(why) };
  }
  const fallback = factsFromDefinition(definition, node, text);
  const explainer = EXPLAINERS[definition.name];
  const facts = explainer ? explainer(node, text) : fallback;
  return {
    ...base,
    supported: true,
    sentence: facts.sentence ?? fallback.sentence ?? '',
    details: facts.details ?? [],
    functions: facts.functions ?? [],
    creates: facts.creates ?? [],
    notes: facts.notes ?? [],
    subsearches: (definition.subsearches?.(node) ?? []).map((sub) => explainPipeline(sub, text)),
  };
}

/** Every command of the pipeline explained; `text` is the expanded search the spans point into. */
export function explainPipeline(pipeline: Pipeline, text: string): ExplainedCommand[] {
  return pipeline.commands.map((node, index) => explainCommand(node, index + 1, text));
}

/** The explanation as text, one command per numbered paragraph, subsearches indented. */
export function explanationLines(commands: readonly ExplainedCommand[], indent = ''): string[] {
  const lines: string[] = [];
  for (const command of commands) {
    lines.push(`${indent}${command.position}. ${command.name}: ${command.sentence}`);
    for (const detail of command.details) lines.push(`${indent}   ${detail.label} ${detail.text}`);
    if (command.creates.length > 0) lines.push(`${indent}   fields set: ${command.creates.join(', ')}`);
    for (const note of command.notes) lines.push(`${indent}   note: ${note}`);
    for (const sub of command.subsearches) {
      lines.push(`${indent}   subsearch:`);
      lines.push(...explanationLines(sub, `${indent}     `));
    }
  }
  return lines;
}
