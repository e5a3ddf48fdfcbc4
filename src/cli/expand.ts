/**
 * `spelunk expand <search>`: prints the search with every macro expanded, as Splunk's search
 * preview (Ctrl-Shift-E) shows it; `--trace` first lists each expansion in the order it happened.
 */
import type { Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { emptyStore } from '../datamodel/models.js';
import type { ExpansionStep } from '../macros/expand.js';
import { Session } from '../session.js';
import { helpPointer, spelunkAdvice } from './common.js';
import { addDebugOption, addMacroOptions } from './options.js';
import { readSearchArgument } from './search-input.js';

interface ExpandCommandOptions {
  macros?: string[];
  macro?: string[];
  trace?: boolean;
}


export function registerExpandCommand(program: Command): void {
  const command = program
    .command('expand')
    .description('print the search with all macros expanded')
    .argument('<search>', 'SPL text, or the path of a .spl file or a security_content detection .yml');
  addMacroOptions(command);
  addDebugOption(command);
  command
    .option('--trace', 'list each macro expansion: macro, where it is defined, arguments, resulting text')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk expand examples/w3wp_spawning_shell.yml',
        "  spelunk expand '| `my_filter` ' --macro 'my_filter=search user!=SYSTEM' --trace",
        "  spelunk expand '`ctime2(firstTime)`' --macro 'ctime2(field)=convert ctime($field$)'",
      ].join('\n'),
    )
    .action((search: string, options: ExpandCommandOptions) => {
      try {
        process.stdout.write(expandCommandOutput(search, options));
      } catch (error) {
        reportError(error);
      }
    });
}

/** What `spelunk expand` prints, separated from process I/O so it can be tested directly. */
export function expandCommandOutput(search: string, options: ExpandCommandOptions): string {
  const input = readSearchArgument(search);
  // The session's expansion wires in the eval engine, for iseval and validated macros.
  const session = new Session({ store: emptyStore(), macros: options.macros ?? [], inlineMacros: options.macro ?? [] });
  const result = session.expand(input.text);
  const lines: string[] = [];
  if (options.trace) {
    // The macro being expanded at each depth, so a nested step can name the macro that called it.
    const callers: string[] = [];
    result.steps.forEach((step, index) => {
      callers[step.depth - 1] = step.macro;
      lines.push(...describeStep(step, index + 1, step.depth > 1 ? callers[step.depth - 2] : undefined));
    });
    if (result.steps.length === 0) lines.push('(no macros)');
    lines.push('', 'expanded search:');
  }
  lines.push(result.text);
  return `${lines.join('\n')}\n`;
}

function describeStep(step: ExpansionStep, number: number, caller: string | undefined): string[] {
  const indent = '  '.repeat(step.depth - 1);
  const where = caller
    ? `invoked by \`${caller}\``
    : `invoked at line ${step.invokedAt.line}, column ${step.invokedAt.column}`;
  const args = Object.entries(step.args)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return [
    `${indent}${number}. \`${step.macro}\` defined in ${step.definedAt} (${where})`,
    ...(args ? [`${indent}   arguments: ${args}`] : []),
    `${indent}   -> ${step.text}`,
  ];
}

/** Like exitWithError, but sets the exit code instead of exiting, so tests can call the command in-process. */
function reportError(error: unknown): void {
  if (error instanceof SpelunkError) {
    process.stderr.write(`spelunk: ${error.message}\n${error.detail ? `${error.detail}\n` : ''}`);
    for (const advice of spelunkAdvice(error.message)) process.stderr.write(`${advice}\n`);
    if (error.kind === 'usage') process.stderr.write(`${helpPointer('expand')}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`spelunk: internal error: ${message}\n`);
  process.exitCode = 1;
}
