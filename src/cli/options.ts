/**
 * The options spelunk's commands share, declared once: the same flag has the same meaning and
 * the same help text in `run`, `coverage`, `datamodel`, `expand`, `parse`, `hunt` and `test`.
 * A command adds the groups it uses, then turns the parsed flags into library options with
 * sessionOptionsFromFlags and dataOptionsFromFlags.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { bundled } from '../core/paths.js';
import { OUTPUT_FORMATS, parseWidth, type OutputFormat } from '../format/index.js';
import type { DataOptions, SessionOptions } from '../index.js';
import { collect } from './common.js';
import { displayPath, writeNote } from './messages.js';

/** Every shared flag, as commander hands it to an action (each command's flags extend it). */
export interface SharedFlags {
  data?: string[];
  strict?: boolean;
  dedupEvents?: boolean;
  threads?: number;
  index?: string;
  source?: string;
  sourcetype?: string;
  macros?: string[];
  macro?: string[];
  lookups?: string[];
  outputLookups?: string;
  tz?: string;
  earliest?: string;
  latest?: string;
  now?: string;
  quiet?: boolean;
}

/**
 * The event fields an input's events get (`index` is `main` unless told, `source` and
 * `sourcetype` as the add-on sets them unless told). Passed to the library only when given.
 */
export interface EventScopeOptions {
  index?: string;
  source?: string;
  sourcetype?: string;
}

/** The help text of each shared option, by flag: one wording everywhere (tests compare them). */
export const SHARED_HELP = {
  data: 'a log file or folder (recursive, .gz read transparently); repeatable; - reads standard input (default: the bundled sample)',
  strict: 'fail if any input record is skipped (whatever the input: text, gzip, a binary or unreadable file)',
  dedupEvents:
    'index only the first copy of an event read twice (same channel, computer and EventRecordID), e.g. an .evtx and its XML export; by default both are indexed, as Splunk does, and the summary counts the copies',
  threads: 'read several data files on N worker threads (default 1), e.g. --threads 2',
  index: "the index the events are in, for index=... in searches (default: main)",
  source: 'the source of every event read, instead of the one the add-on would set',
  sourcetype: 'the sourcetype of every event read, instead of the one the add-on would set',
  macros: 'a macros.conf, a macro .yml, or a folder of them, layered over the bundled macros; repeatable, later wins',
  macro: 'define one macro inline, applied last; NAME(a,b)=... takes arguments $a$ and $b$; repeatable',
  lookups:
    'a lookup folder (CSV files and their security_content YAML definitions), a .csv or a definition .yml, layered over the bundled lookups; repeatable, later wins',
  outputLookups: 'the folder outputlookup may write CSV files to (without it, outputlookup is refused)',
  tz: 'IANA time zone for formatting times and snapping relative times',
  earliest: 'start of the time range (inclusive), e.g. -24h@h, 2021-03-14T00:00:00Z, epoch seconds',
  latest: 'end of the time range (exclusive), e.g. now, @d',
  now: "the search's current time, for relative times (default: the clock)",
  quiet: 'no progress bar, ingest summary, notes or footer on stderr (warnings and errors still show)',
  debug: 'show stack traces for internal errors',
  formatDefault: 'the --output file\'s extension (.json, .csv, .txt), else table on a terminal and csv otherwise',
  output: 'write the results to a file instead of standard output',
  wide: 'table: the wide layout (columns up to 60 characters, lines as long as they need) instead of fitting the width',
  width: 'table: fit this many columns (default: the terminal\'s width, $COLUMNS, or 80)',
  vertical: 'table: one record per result, a `field  value` line per field (the layout used when no table fits)',
} as const;

function parseThreads(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of threads, 1 or more.');
  return Number(value);
}

/** `--data`, `--strict`, `--dedup-events`, `--threads`, `--index`, `--source`, `--sourcetype`: what to read and how. */
export function addDataOptions(command: Command): Command {
  return command
    .option('-d, --data <path>', SHARED_HELP.data, collect)
    .option('--strict', SHARED_HELP.strict)
    .option('--dedup-events', SHARED_HELP.dedupEvents)
    .option('--threads <n>', SHARED_HELP.threads, parseThreads)
    .option('--index <name>', SHARED_HELP.index)
    .option('--source <name>', SHARED_HELP.source)
    .option('--sourcetype <name>', SHARED_HELP.sourcetype);
}

/** `--macros` and `--macro`. */
export function addMacroOptions(command: Command): Command {
  return command.option('--macros <path>', SHARED_HELP.macros, collect).option('--macro <NAME=DEFINITION>', SHARED_HELP.macro, collect);
}

/** `--lookups` and `--output-lookups`. */
export function addLookupOptions(command: Command): Command {
  return command.option('--lookups <path>', SHARED_HELP.lookups, collect).option('--output-lookups <dir>', SHARED_HELP.outputLookups);
}

/** `--tz`, `--earliest`, `--latest`, `--now`. */
export function addTimeOptions(command: Command): Command {
  return command
    .option('--tz <zone>', SHARED_HELP.tz, 'UTC')
    .option('--earliest <time>', SHARED_HELP.earliest)
    .option('--latest <time>', SHARED_HELP.latest)
    .option('--now <time>', SHARED_HELP.now);
}

/**
 * `-f, --format`, limited to `choices`. `fallback` is the default when it is one format, or a
 * sentence saying how the command chooses (`table on a terminal, csv otherwise`).
 */
export function addFormatOption(command: Command, choices: readonly string[], fallback: { value: string } | { description: string }): Command {
  if ('value' in fallback) return command.addOption(new Option('-f, --format <format>', 'output format').choices(choices).default(fallback.value));
  return command.addOption(new Option('-f, --format <format>', `output format (default: ${fallback.description})`).choices(choices));
}

/** `-q, --quiet`. */
export function addQuietOption(command: Command): Command {
  return command.option('-q, --quiet', SHARED_HELP.quiet);
}

/** `--debug`. */
export function addDebugOption(command: Command): Command {
  return command.option('--debug', SHARED_HELP.debug);
}

/**
 * Everything a command that runs searches over logs takes (run, coverage, hunt, test): data,
 * macros, lookups, time range, quiet and debug. `--format` is added apart: its choices differ.
 */
export function addSearchOptions(command: Command): Command {
  return addDebugOption(addQuietOption(addTimeOptions(addLookupOptions(addMacroOptions(addDataOptions(command))))));
}

/** The session options the flags give: macros, lookups, time; a flag not given is left out. */
export function sessionOptionsFromFlags(flags: SharedFlags): Omit<SessionOptions, 'store' | 'datasets'> {
  return {
    macros: flags.macros ?? [],
    inlineMacros: flags.macro ?? [],
    lookups: flags.lookups ?? [],
    ...(flags.tz !== undefined ? { tz: flags.tz } : {}),
    ...(flags.earliest !== undefined ? { earliest: flags.earliest } : {}),
    ...(flags.latest !== undefined ? { latest: flags.latest } : {}),
    ...(flags.now !== undefined ? { now: flags.now } : {}),
    ...(flags.outputLookups !== undefined ? { outputLookupDir: flags.outputLookups } : {}),
  };
}

/** The data options the flags give, reading `-` from standard input; a flag not given is left out. */
export function dataOptionsFromFlags(flags: SharedFlags): DataOptions & EventScopeOptions {
  return {
    data: flags.data ?? [],
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.dedupEvents ? { dedupEvents: true } : {}),
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
    ...(flags.index !== undefined ? { index: flags.index } : {}),
    ...(flags.source !== undefined ? { source: flags.source } : {}),
    ...(flags.sourcetype !== undefined ? { sourcetype: flags.sourcetype } : {}),
    stdin: process.stdin,
  };
}

/** The note that no --data was given, so the bundled sample is read (not with --quiet). */
export function noteBundledSample(flags: SharedFlags): void {
  if ((flags.data ?? []).length === 0 && !flags.quiet) {
    writeNote(`no --data: using the bundled sample (${displayPath(bundled.sampleData())})`);
  }
}

/** What `--format`, `--output`, `--wide`, `--width` and `--vertical` ask of a command printing results. */
export interface OutputFlags {
  format?: OutputFormat;
  output?: string;
  wide?: boolean;
  width?: number;
  vertical?: boolean;
}

function parseWidthOption(value: string): number {
  try {
    return parseWidth(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `-f, --format` (every results format; by default a table on a terminal, CSV otherwise, or
 * what `--output`'s extension says), `-o, --output`, and the table's `--wide`, `--width`, `--vertical`.
 */
export function addOutputOptions(command: Command): Command {
  return addFormatOption(command, OUTPUT_FORMATS, { description: SHARED_HELP.formatDefault })
    .option('-o, --output <file>', SHARED_HELP.output)
    .option('--wide', SHARED_HELP.wide)
    .option('--width <columns>', SHARED_HELP.width, parseWidthOption)
    .option('--vertical', SHARED_HELP.vertical);
}
