/** `spelunk datamodel`: shows the rows of one dataset (Endpoint.Processes by default) built from the user's logs. */
import { Command, Option } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { fieldsTable, datamodelTable } from '../datamodel/view.js';
import { formatResults, OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import { ALL_DATASETS, datasetByKey, emptyStore, ENDPOINT_PROCESSES, type DatasetKey } from '../datamodel/models.js';
import { loadDatasets } from '../ingest/index.js';
import { collect, exitWithError } from './common.js';
import { progressBar } from './progress.js';

interface DatamodelFlags {
  data?: string[];
  model: string;
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

/** The dataset `--model` names, as `Model.Dataset` (exact names). */
function parseModel(text: string): DatasetKey {
  const entry = datasetByKey(text);
  if (!entry) {
    const known = ALL_DATASETS.map((e) => e.key).join(', ');
    throw new SpelunkError('usage', `--model: '${text}' is not a dataset spelunk knows. Known: ${known}.`);
  }
  return entry.key;
}

async function runDatamodel(flags: DatamodelFlags): Promise<void> {
  const key = parseModel(flags.model);
  if ((flags.data ?? []).length === 0) throw new SpelunkError('usage', 'datamodel needs --data PATH (a log file, a folder, or - for stdin)');
  const head = parseHead(flags.head);
  const bar = progressBar(!flags.quiet);
  const { datasets, report } = await loadDatasets(flags.data ?? [], {
    strict: flags.strict ?? false,
    onProgress: (p) => bar.update(p),
  });
  bar.done();
  if (!flags.quiet) process.stderr.write(`${report.summary()}\n`);
  const store = datasets.get(key) ?? emptyStore();
  const table = flags.fields ? fieldsTable(store, key) : datamodelTable(store, head, key);
  process.stdout.write(formatResults(table, flags.format));
}

export function registerDatamodelCommand(program: Command): void {
  program
    .command('datamodel')
    .description('show the rows of a data model dataset spelunk builds from your logs (the | datamodel <Model> <Dataset> search view)')
    .option('-d, --data <path>', 'log file or folder (repeatable; - reads stdin; .gz is read transparently)', collect)
    .option('-m, --model <Model.Dataset>', `the dataset to show: ${ALL_DATASETS.filter((e) => e.dataset.fields.length > 0).map((e) => e.key).join(', ')}`, ENDPOINT_PROCESSES)
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
