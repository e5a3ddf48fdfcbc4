/** `spelunk datamodel`: shows the rows of one dataset (Endpoint.Processes by default) built from the user's logs. */
import type { Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { fieldsTable, datamodelTable } from '../datamodel/view.js';
import { ALL_DATASETS, datasetByKey, emptyStore, ENDPOINT_PROCESSES, type DatasetKey } from '../datamodel/models.js';
import { loadData } from '../index.js';
import { exitQuietlyWhenOutputCloses, exitWithError } from './common.js';
import { writeLine } from './messages.js';
import { addDataOptions, addDebugOption, addOutputOptions, addQuietOption, dataOptionsFromFlags, noteBundledSample, type OutputFlags, type SharedFlags } from './options.js';
import { writeResults } from './output.js';
import { progressBar } from './progress.js';

interface DatamodelFlags extends SharedFlags, OutputFlags {
  model: string;
  fields?: boolean;
  head?: string;
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
  exitQuietlyWhenOutputCloses();
  const key = parseModel(flags.model);
  const head = parseHead(flags.head);
  noteBundledSample(flags);
  const bar = progressBar(!flags.quiet);
  const { datasets, report } = await loadData({ ...dataOptionsFromFlags(flags), onProgress: (p) => bar.update(p) }).finally(() => bar.done());
  if (!flags.quiet) writeLine(report.summary());
  const store = datasets.get(key) ?? emptyStore();
  const table = flags.fields ? fieldsTable(store, key) : datamodelTable(store, head, key);
  writeResults(table, flags);
}

export function registerDatamodelCommand(program: Command): void {
  const command = program
    .command('datamodel')
    .description('show the rows of a data model dataset spelunk builds from your logs (the | datamodel <Model> <Dataset> search view)');
  addDataOptions(command);
  command
    .option('-m, --model <Model.Dataset>', `the dataset to show: ${ALL_DATASETS.filter((e) => e.dataset.fields.length > 0).map((e) => e.key).join(', ')}`, ENDPOINT_PROCESSES)
    .option('--fields', "show each field's source expression per input kind and how many rows have it")
    .option('--head <n>', 'show only the newest N rows');
  addOutputOptions(command);
  addQuietOption(command);
  addDebugOption(command);
  command
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk datamodel --data logs/ --head 5   # the newest 5 Processes rows',
        '  spelunk datamodel --data logs/ --fields   # where each field comes from',
        '  spelunk datamodel --data logs/ --model Endpoint.Registry -f csv > registry.csv',
        '  spelunk datamodel -d security.xml -m Authentication.Authentication --vertical',
      ].join('\n'),
    )
    .action(async (flags: DatamodelFlags) => {
      try {
        await runDatamodel(flags);
      } catch (error) {
        exitWithError(error, 'datamodel');
      }
    });
}
