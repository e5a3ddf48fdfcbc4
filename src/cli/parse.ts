/**
 * `spelunk parse <search>`: the syntax tree as JSON, or with --explain the search read back
 * with every boolean group made explicit and a note per command on what it does.
 */
import type { Command } from 'commander';
import { findCommand } from '../commands/index.js';
import type { CommandNodeBase, GenericCommandNode, Pipeline } from '../parse/ast.js';
import { emptyStore } from '../datamodel/models.js';
import { Session } from '../session.js';
import { collect, exitWithError } from './common.js';
import { readSearchArgument } from './search-input.js';

interface ParseFlags {
  macros?: string[];
  macro?: string[];
  explain?: boolean;
}

export function explainPipeline(pipeline: Pipeline, text: string, indent = ''): string[] {
  const lines: string[] = [];
  pipeline.commands.forEach((node: CommandNodeBase, index) => {
    const definition = findCommand(node.name);
    const generic = (node as GenericCommandNode).generic === true;
    const explained = !generic && definition?.explain ? definition.explain(node, text) : undefined;
    const note = generic
      ? ((node as GenericCommandNode).unsupported?.message ?? `not supported by spelunk: ${node.name} ${(node as GenericCommandNode).argumentText}`.trimEnd())
      : (explained?.note ?? definition?.summary ?? '');
    lines.push(`${indent}${index + 1}. ${node.name}: ${note}`);
    if (explained?.text !== undefined) lines.push(`${indent}   ${explained.text}`);
    if (!generic && definition?.subsearches) {
      for (const sub of definition.subsearches(node)) {
        lines.push(`${indent}   subsearch:`);
        lines.push(...explainPipeline(sub, text, `${indent}     `));
      }
    }
  });
  return lines;
}

export function parseCommandOutput(search: string, flags: ParseFlags): string {
  const input = readSearchArgument(search);
  const session = new Session({ store: emptyStore(), macros: flags.macros, inlineMacros: flags.macro });
  const { expansion, pipeline } = session.parse(input.text);
  if (!flags.explain) return `${JSON.stringify(pipeline, null, 2)}\n`;
  return `${explainPipeline(pipeline, expansion.text).join('\n')}\n`;
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('print the parsed search as JSON, or explained (--explain) with every boolean group in parentheses')
    .argument('<search>', 'SPL text, or the path of a .spl file or a security_content detection .yml')
    .option('--explain', 'show how Splunk groups the boolean expressions and what each command does')
    .option('--macros <path>', 'a macros.conf, a macro .yml, or a folder of them; repeatable, later wins', collect)
    .option('--macro <NAME=DEFINITION>', 'define one macro inline; repeatable', collect)
    .addHelpText(
      'after',
      ['', 'Examples:', '  spelunk parse --explain examples/w3wp_spawning_shell.yml', "  spelunk parse 'search a=1 b=2 OR c=3'"].join('\n'),
    )
    .action((search: string, flags: ParseFlags) => {
      try {
        process.stdout.write(parseCommandOutput(search, flags));
      } catch (error) {
        exitWithError(error);
      }
    });
}
