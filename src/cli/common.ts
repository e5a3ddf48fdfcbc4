/** What every spelunk subcommand shares: repeatable options, and how errors reach the user. */
import { SpelunkError } from '../core/errors.js';

/** Collects a repeatable option; no default, so help does not print `(default: [])`. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Set by `--debug` anywhere on the command line: errors then show their stack. */
const debugMode = (): boolean => process.argv.includes('--debug');

/** Whether `error` says the reader of our output went away (`spelunk run ... | head -1`). */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * When the reader of standard output goes away, ends the run quietly with exit code 0: what was
 * asked for has been read, and a closed pipe is no failure (the same as `spelunk generate`).
 */
export function exitQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: Error) => {
    if (isClosedPipe(error)) process.exit(0);
    exitWithError(error);
  });
}

/**
 * Splunk's messages that send the reader to Splunk Web, verbatim (src/macros/names.ts), and what
 * does the same with spelunk.
 */
const SPLUNK_UI_ADVICE: readonly { says: string; advice: string }[] = [
  {
    says: 'Click Settings, Advanced search, Search Macros to view macro information.',
    advice: "With spelunk: define the macro with --macro 'NAME=DEFINITION' (NAME(a,b)=... with arguments), or give a macros.conf, a macro .yml or a folder of them with --macros; `spelunk expand SEARCH --trace` shows where each macro comes from.",
  },
];

/** spelunk's advice for each sentence of Splunk's in `message` that points at Splunk's UI. */
export function spelunkAdvice(message: string): string[] {
  return SPLUNK_UI_ADVICE.filter((entry) => message.includes(entry.says)).map((entry) => entry.advice);
}

/** The line after a usage error: where the command's options and examples are. */
export function helpPointer(command?: string): string {
  return `see \`spelunk ${command === undefined ? '' : `${command} `}--help\``;
}

/**
 * Prints one clear message on stderr and exits: 2 for usage and search errors, 1 otherwise.
 * A usage error ends with where `command`'s help is. Never a stack trace, unless --debug asks.
 */
export function exitWithError(error: unknown, command?: string): never {
  if (isClosedPipe(error)) process.exit(0);
  if (error instanceof SpelunkError) {
    process.stderr.write(`spelunk: ${error.message}\n`);
    if (error.detail) process.stderr.write(`${error.detail}\n`);
    for (const advice of spelunkAdvice(error.message)) process.stderr.write(`${advice}\n`);
    if (error.kind === 'usage' && command !== undefined) process.stderr.write(`${helpPointer(command)}\n`);
    if (debugMode() && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(error.exitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`spelunk: internal error: ${message}\n`);
  if (debugMode() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(run again with --debug to see where)\n');
  process.exit(1);
}
