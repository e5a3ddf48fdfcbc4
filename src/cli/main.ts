#!/usr/bin/env node
/** The `spelunk` command line. */
import { Command, CommanderError } from 'commander';
import { helpPointer } from './common.js';
import { registerCoverageCommand } from './coverage.js';
import { registerDatamodelCommand } from './datamodel.js';
import { registerEventsCommand } from './events.js';
import { registerExpandCommand } from './expand.js';
import { registerGenerateCommand } from './generate.js';
import { registerHuntCommand } from './hunt.js';
import { registerParseCommand } from './parse.js';
import { registerRunCommand } from './run.js';
import { registerPlaygroundCommand } from './playground.js';
import { registerTestCommand } from './test.js';

/** A reader that went away (`spelunk run ... | head -1`) is not an error: stop quietly, as Unix tools do. */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (isClosedPipe(error)) process.exit(0);
    throw error;
  });
}

const program = new Command();
program
  .name('spelunk')
  .description(
    'Run published Splunk detections (SPL) offline over your own process-creation logs:\n' +
      'Sysmon EventID 1 and Security 4688 (XML or JSON) and CrowdStrike ProcessRollup2.',
  )
  .version('0.1.0')
  .exitOverride()
  .addHelpText(
    'after',
    [
      '',
      'Examples:',
      '  spelunk run                      # W3WP Spawning Shell over the bundled sample',
      '  spelunk run examples/w3wp_spawning_shell.yml --data logs/ --format json',
      '  spelunk expand examples/w3wp_spawning_shell.yml --trace',
      '  spelunk parse --explain examples/w3wp_spawning_shell.yml',
      '  spelunk datamodel --data logs/ --fields',
      '  spelunk generate --events 1000 --seed 7 > sample.log',
      '  spelunk coverage path/to/security_content/detections --data logs/',
    ].join('\n'),
  );

registerRunCommand(program);
registerExpandCommand(program);
registerParseCommand(program);
registerDatamodelCommand(program);
registerGenerateCommand(program);
registerCoverageCommand(program);
registerEventsCommand(program);
registerHuntCommand(program);
registerTestCommand(program);
registerPlaygroundCommand(program);

// After a mistake in the options: the one-line error, then where the help is (not the whole help).
program.showHelpAfterError(helpPointer());
for (const command of program.commands) command.showHelpAfterError(helpPointer(command.name()));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every usage mistake exits 2.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  if (isClosedPipe(error)) process.exit(0);
  throw error;
}
