/**
 * The planner: checks a parsed pipeline against the command registry before anything runs,
 * so an unsupported command or a misplaced generating command is reported up front, and pairs
 * each node with the definition that executes it.
 */
import { SpelunkError } from '../core/errors.js';
import { findCommand } from '../commands/index.js';
import { INPUT_RESULTS, type CommandDefinition, type InputResultsNode } from '../commands/types.js';
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

/** The step `overResults` puts first: it hands on the results it holds. */
const inputResults: CommandDefinition = {
  name: INPUT_RESULTS,
  type: 'generating',
  summary: 'The results a subpipeline starts from.',
  parse: () => {
    throw new SpelunkError('internal', 'the input step is never parsed');
  },
  execute: (node) => (node as InputResultsNode).results,
};

/**
 * `overInput`: the pipeline runs over results it is given (appendpipe's subpipeline), so its
 * first command need not be a generating one.
 */
export function planPipeline(pipeline: Pipeline, overInput = false): Plan {
  const steps: PlanStep[] = [];
  pipeline.commands.forEach((node, index) => {
    if (node.name === INPUT_RESULTS && index === 0) {
      steps.push({ definition: inputResults, node, subplans: [] });
      return;
    }
    if (isGeneric(node)) {
      if (node.unsupported) throw new SpelunkError('unsupported', node.unsupported.message, node.unsupported.span);
      throw new SpelunkError('unsupported', `spelunk does not support the '${node.name}' command.`, {
        start: node.span.start,
        end: node.span.start + node.name.length,
      });
    }
    const definition = findCommand(node.name);
    if (!definition) throw new SpelunkError('internal', `no definition for command '${node.name}'`);
    // Over given results, even the first command comes after them.
    if (definition.type === 'generating' && (index > 0 || overInput) && !definition.allowedAfterFirst?.(node)) {
      throw new SpelunkError(
        'syntax',
        `Error in '${node.name}' command: This command must be the first command of a search.`,
        node.span,
      );
    }
    // A first `search` generates the events that match (src/events/search.ts).
    if (index === 0 && !overInput && definition.type !== 'generating' && definition.name !== 'search') {
      throw new SpelunkError(
        'syntax',
        `A search must begin with 'search' (or a search expression) or a generating command such as '| tstats' ` +
          `(found '${node.name}').`,
        node.span,
      );
    }
    const subplans = [
      ...(definition.subsearches?.(node) ?? []).map((sub) => planPipeline(sub)),
      ...(definition.subpipelines?.(node) ?? []).map((sub) => planPipeline(sub, true)),
    ];
    steps.push({ definition, node, subplans });
  });
  return { steps };
}
