/**
 * The planner: checks a parsed pipeline against the command registry before anything runs,
 * so an unsupported command or a misplaced generating command is reported up front, and pairs
 * each node with the definition that executes it.
 */
import { SpelunkError } from '../core/errors.js';
import { findCommand } from '../commands/index.js';
import type { CommandDefinition } from '../commands/types.js';
import type { CommandNodeBase, GenericCommandNode, Pipeline } from '../parse/ast.js';

export interface PlanStep {
  definition: CommandDefinition;
  node: CommandNodeBase;
  /** Plans of the subsearches this command holds, in order: checked with the step, before anything runs. */
  subplans: Plan[];
}

export interface Plan {
  steps: PlanStep[];
}

function isGeneric(node: CommandNodeBase): node is GenericCommandNode {
  return (node as GenericCommandNode).generic === true;
}

export function planPipeline(pipeline: Pipeline): Plan {
  const steps: PlanStep[] = [];
  pipeline.commands.forEach((node, index) => {
    if (isGeneric(node)) {
      if (node.unsupported) throw new SpelunkError('unsupported', node.unsupported.message, node.unsupported.span);
      throw new SpelunkError('unsupported', `spelunk does not support the '${node.name}' command.`, {
        start: node.span.start,
        end: node.span.start + node.name.length,
      });
    }
    const definition = findCommand(node.name);
    if (!definition) throw new SpelunkError('internal', `no definition for command '${node.name}'`);
    if (definition.type === 'generating' && index > 0 && !definition.allowedAfterFirst?.(node)) {
      throw new SpelunkError(
        'syntax',
        `Error in '${node.name}' command: This command must be the first command of a search.`,
        node.span,
      );
    }
    // A first `search` generates the events that match (src/events/search.ts).
    if (index === 0 && definition.type !== 'generating' && definition.name !== 'search') {
      throw new SpelunkError(
        'syntax',
        `A search must begin with 'search' (or a search expression) or a generating command such as '| tstats' ` +
          `(found '${node.name}').`,
        node.span,
      );
    }
    const subplans = (definition.subsearches?.(node) ?? []).map(planPipeline);
    steps.push({ definition, node, subplans });
  });
  return { steps };
}
