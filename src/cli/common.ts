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
 * Prints one clear message on stderr and exits: 2 for usage and search errors, 1 otherwise.
 * Never a stack trace, unless --debug asks for one.
 */
export function exitWithError(error: unknown): never {
  if (isClosedPipe(error)) process.exit(0);
  if (error instanceof SpelunkError) {
    process.stderr.write(`spelunk: ${error.message}\n`);
    if (error.detail) process.stderr.write(`${error.detail}\n`);
    if (debugMode() && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(error.exitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`spelunk: internal error: ${message}\n`);
  if (debugMode() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(run again with --debug to see where)\n');
  process.exit(1);
}
