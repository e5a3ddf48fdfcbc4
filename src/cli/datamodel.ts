/** `spelunk datamodel`: shows the Endpoint.Processes rows built from the user's logs. */
import { Command, Option } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { fieldsTable, datamodelTable } from '../datamodel/view.js';
import { formatResults, OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import { emptyStore, ENDPOINT_PROCESSES } from '../datamodel/models.js';
import { loadDatasets } from '../ingest/index.js';
import { collect, exitWithError } from './common.js';
import { progressBar } from './progress.js';

interface DatamodelFlags {
  data?: string[];
  fields?: boolean;
  head?: string;
  format: OutputFormat;
  strict?: boolean;
  quiet?: boolean;
}

function parseHead(text: string | undefined): number {
  if (text === undefined) return Infinity;
  if (!/^\d+$/.test(text)) throw new SpelunkError('usage', `--head needs a whole number of rows, got '${text}'`);
  return Number(text);
}

async function runDatamodel(flags: DatamodelFlags): Promise<void> {
  if ((flags.data ?? []).length === 0) throw new SpelunkError('usage', 'datamodel needs --data PATH (a log file, a folder, or - for stdin)');
  const head = parseHead(flags.head);
  const bar = progressBar(!flags.quiet);
  const { datasets, report } = await loadDatasets(flags.data ?? [], {
    strict: flags.strict ?? false,
    onProgress: (p) => bar.update(p),
  });
  bar.done();
  if (!flags.quiet) process.stderr.write(`${report.summary()}\n`);
  const store = datasets.get(ENDPOINT_PROCESSES) ?? emptyStore();
  const table = flags.fields ? fieldsTable(store, ENDPOINT_PROCESSES) : datamodelTable(store, head, ENDPOINT_PROCESSES);
  process.stdout.write(formatResults(table, flags.format));
}

export function registerDatamodelCommand(program: Command): void {
  program
    .command('datamodel')
    .description('show the Endpoint.Processes rows spelunk builds from your logs (the | datamodel Endpoint Processes search view)')
    .option('-d, --data <path>', 'log file or folder (repeatable; - reads stdin; .gz is read transparently)', collect)
    .option('--fields', "show each field's source expression per input kind and how many rows have it")
    .option('--head <n>', 'show only the newest N rows')
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('--strict', 'fail on the first skipped (malformed) record')
    .option('--quiet', 'no progress bar and no summary line on stderr')
    .action(async (flags: DatamodelFlags) => {
      try {
        await runDatamodel(flags);
      } catch (error) {
        exitWithError(error);
      }
    });
}
