/**
 * `spelunk generate`: writes deterministic, realistic process-creation logs (see
 * src/generate). Wired into the CLI by src/cli/main.ts.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { exitWithError } from './common.js';
import {
  DEFAULT_HOSTS,
  DEFAULT_SEED,
  DEFAULT_WEBSHELL_RATE,
  GENERATE_FORMATS,
  type GenerateFormat,
  type GenerateOptions,
  resolveGenerateOptions,
  writeEvents,
  writeEvtxFile,
} from '../generate/index.js';

interface GenerateFlags {
  events?: string;
  seed?: string;
  hosts?: string;
  webshellRate?: string;
  format?: string;
  output?: string;
}

/** A whole number written in plain decimal digits; anything else is a usage error. */
function parseWholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new SpelunkError('usage', `${flag} must be a whole number, got '${text}'`);
  return Number(text);
}

function parseRate(text: string): number {
  if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new SpelunkError('usage', `--webshell-rate must be a number from 0 to 1, got '${text}'`);
  }
  return Number(text);
}

/** Turns the command-line flags into validated generator options. */
export function generateOptionsFromFlags(flags: GenerateFlags): GenerateOptions {
  if (flags.events === undefined) throw new SpelunkError('usage', '--events is required');
  const options: GenerateOptions = { events: parseWholeNumber('--events', flags.events) };
  if (flags.seed !== undefined) options.seed = parseWholeNumber('--seed', flags.seed);
  if (flags.hosts !== undefined) options.hosts = parseWholeNumber('--hosts', flags.hosts);
  if (flags.webshellRate !== undefined) options.webshellRate = parseRate(flags.webshellRate);
  if (flags.format !== undefined) options.format = flags.format as GenerateFormat;
  resolveGenerateOptions(options);
  return options;
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  const options = generateOptionsFromFlags(flags);
  if (options.format === 'evtx') {
    if (flags.output === undefined) {
      throw new SpelunkError('usage', '--format evtx writes a binary file: give --output FILE (its header, written last, counts the chunks)');
    }
    await writeEvtxFile(options, flags.output);
    return;
  }
  if (flags.output === undefined) {
    await writeEvents(options, process.stdout);
    return;
  }
  const out = createWriteStream(flags.output);
  try {
    await once(out, 'open');
  } catch (error) {
    throw new SpelunkError('input', `cannot write ${flags.output}: ${(error as Error).message}`);
  }
  await writeEvents(options, out);
  out.end();
  await once(out, 'finish');
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('write realistic, deterministic process-creation logs (one event per line)')
    .option('--events <n>', 'number of events to write')
    .option('--seed <s>', `random seed; the same seed gives the same bytes (default ${DEFAULT_SEED})`)
    .option('--hosts <h>', `number of hosts (default ${DEFAULT_HOSTS})`)
    .option('--webshell-rate <r>', `share of events that are w3wp.exe -> cmd.exe/powershell.exe (default ${DEFAULT_WEBSHELL_RATE})`)
    .option('--format <format>', `${GENERATE_FORMATS.join(' | ')} (default sysmon-xml; evtx: the sysmon-xml events as a Windows .evtx file, needs --output)`)
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk generate --events 1000 > sample.log     # Sysmon XML, one event a line',
        '  spelunk generate --events 100000 --seed 7 --hosts 50 --webshell-rate 0.001 \\',
        '      --output big.log',
        '  spelunk generate --events 500 --format evtx --output sample.evtx',
        '  spelunk generate --events 1000 | spelunk run --data -   # W3WP over them',
      ].join('\n'),
    )
    .action(async (flags: GenerateFlags) => {
      try {
        await runGenerate(flags);
      } catch (error) {
        exitWithError(error, 'generate');
      }
    });
}
