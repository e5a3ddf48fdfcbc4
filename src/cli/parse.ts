/**
 * `spelunk parse <search>`: the syntax tree as JSON, or with --explain the search read back
 * command by command (src/explain): what each does, every expression with its grouping made
 * explicit, as text or (--format json) as data.
 */
import { Option, type Command } from 'commander';
import type { Pipeline } from '../parse/ast.js';
import { emptyStore } from '../datamodel/models.js';
import { explainPipeline as explainCommands, explanationLines } from '../explain/explain.js';
import { Session } from '../session.js';
import { collect, exitWithError } from './common.js';
import { readSearchArgument } from './search-input.js';

interface ParseFlags {
  macros?: string[];
  macro?: string[];
  explain?: boolean;
  format?: 'text' | 'json';
}

/** The explanation as text lines (kept for the tests and tools that read it so). */
export function explainPipeline(pipeline: Pipeline, text: string): string[] {
  return explanationLines(explainCommands(pipeline, text));
}

export function parseCommandOutput(search: string, flags: ParseFlags): string {
  const input = readSearchArgument(search);
  const session = new Session({ store: emptyStore(), macros: flags.macros, inlineMacros: flags.macro });
  const { expansion, pipeline } = session.parse(input.text);
  if (!flags.explain) return `${JSON.stringify(pipeline, null, 2)}\n`;
  if (flags.format === 'json') {
    return `${JSON.stringify({ expandedSearch: expansion.text, commands: explainCommands(pipeline, expansion.text) }, null, 2)}\n`;
  }
  return `${explainPipeline(pipeline, expansion.text).join('\n')}\n`;
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('print the parsed search as JSON, or explained (--explain): what each command does, every expression with its grouping explicit')
    .argument('<search>', 'SPL text, or the path of a .spl file or a security_content detection .yml')
    .option('--explain', 'say what each command does and show how Splunk groups every expression')
    .addOption(new Option('-f, --format <format>', 'with --explain: text (default) or json').choices(['text', 'json']))
    .option('--macros <path>', 'a macros.conf, a macro .yml, or a folder of them; repeatable, later wins', collect)
    .option('--macro <NAME=DEFINITION>', 'define one macro inline; repeatable', collect)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk parse --explain examples/w3wp_spawning_shell.yml',
        '  spelunk parse --explain --format json examples/w3wp_spawning_shell.yml',
        "  spelunk parse 'search a=1 b=2 OR c=3'",
      ].join('\n'),
    )
    .action((search: string, flags: ParseFlags) => {
      try {
        process.stdout.write(parseCommandOutput(search, flags));
      } catch (error) {
        exitWithError(error);
      }
    });
}
