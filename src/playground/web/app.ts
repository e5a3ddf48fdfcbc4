/// <reference lib="dom" />
/**
 * The playground page: an SPL editor, the data (bundled sample files and dropped files, read in
 * the browser), editable macros, the lessons, and the panels spelunk's engine fills: expansion
 * with its macro trace, explanation, stages with their tables, and the results (table, JSON,
 * CSV download). Everything runs here; the page asks the network for nothing.
 */
import { EditorView, basicSetup } from 'codemirror';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { addDroppedFile, answer, loadFiles, PACKAGE_ROOT, SAMPLE_FOLDER, type LoadedFiles, type PlaygroundAnswer } from '../engine.js';
import { LESSONS } from '../lessons.js';
import { putFile, readdirSync, readFileSync, statSync } from '../shims/fs.js';
import type { Stage } from '../../explain/stages.js';
import type { ResultObject } from '../../format/json.js';
import { spl } from './spl-language.js';

declare global {
  interface Window {
    __SPELUNK_FILES__?: Record<string, [encoding: 'utf8' | 'base64', data: string]>;
    /** For the browser test: resolves when the page's last run finished. */
    spelunkIdle?: () => Promise<void>;
  }
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function installBundledFiles(): void {
  const encoder = new TextEncoder();
  for (const [path, [encoding, data]] of Object.entries(window.__SPELUNK_FILES__ ?? {})) {
    putFile(path, encoding === 'utf8' ? encoder.encode(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
  }
}

/** Every file under `folder` in the virtual file system, recursively. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder) as string[]) {
    const path = `${folder}/${name}`;
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function tableOf(rows: readonly ResultObject[], columns: readonly string[]): HTMLTableElement {
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const column of columns) head.append(element('th', column));
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const value = row[column];
      tr.insertCell().textContent = value === undefined ? '' : Array.isArray(value) ? value.join('\n') : value;
    }
  }
  return table;
}

/** The columns of rows, in the order they first appear. */
function columnsOf(rows: readonly ResultObject[], preferred: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...preferred.filter((c) => seen.has(c)), ...[...seen].filter((c) => !preferred.includes(c))];
}

class Playground {
  private readonly editor: EditorView;
  private readonly dropped: string[] = [];
  private data: Promise<LoadedFiles> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stages: { stage: Stage; depth: number }[] = [];
  private stageIndex = 0;
  private last: PlaygroundAnswer | undefined;

  constructor() {
    const w3wp = readFileSync(`${PACKAGE_ROOT}/examples/w3wp_spawning_shell.spl`, 'utf8') as string;
    this.editor = new EditorView({
      doc: w3wp.trim(),
      extensions: [basicSetup, spl, syntaxHighlighting(defaultHighlightStyle), EditorView.lineWrapping],
      parent: byId('editor'),
    });
    this.listSamples();
    this.listLessons();
    byId('run').addEventListener('click', () => this.run());
    byId('stage-prev').addEventListener('click', () => this.showStage(this.stageIndex - 1));
    byId('stage-next').addEventListener('click', () => this.showStage(this.stageIndex + 1));
    byId('download-csv').addEventListener('click', () => this.downloadCsv());
    for (const tab of ['table', 'json']) byId(`tab-${tab}`).addEventListener('click', () => this.showResultsAs(tab));
    this.wireDrops();
    window.spelunkIdle = () => this.running;
    this.run();
  }

  private listSamples(): void {
    const list = byId('samples');
    for (const path of filesUnder(SAMPLE_FOLDER).filter((p) => !/\/(LICENSE|PROVENANCE\.md)$/.test(p))) {
      const label = element('label');
      const box = element('input', undefined, { type: 'checkbox', value: path, checked: '' });
      box.addEventListener('change', () => this.dataChanged());
      label.append(box, ` ${path.slice(SAMPLE_FOLDER.length + 1)}`);
      list.append(label, element('br'));
    }
  }

  private listLessons(): void {
    const list = byId('lessons');
    LESSONS.forEach((lesson, index) => {
      const box = element('div', undefined, { class: 'lesson' });
      const button = element('button', lesson.title, { 'data-lesson': String(index) });
      button.addEventListener('click', () => {
        this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: lesson.search } });
        byId<HTMLTextAreaElement>('macros').value = lesson.macros ?? '';
        this.run();
      });
      box.append(button, element('p', lesson.text));
      for (const source of lesson.sources) box.append(element('a', source.title, { href: source.url, target: '_blank', rel: 'noopener' }));
      list.append(box);
    });
  }

  private wireDrops(): void {
    const zone = byId('drop-zone');
    const take = async (files: FileList | null): Promise<void> => {
      for (const file of Array.from(files ?? [])) {
        const path = addDroppedFile(file.name, new Uint8Array(await file.arrayBuffer()));
        if (!this.dropped.includes(path)) this.dropped.push(path);
      }
      byId('dropped').textContent = this.dropped.map((p) => p.split('/').pop()).join(', ');
      this.dataChanged();
    };
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      void take(event.dataTransfer?.files ?? null);
    });
    byId<HTMLInputElement>('file-input').addEventListener('change', (event) => void take((event.target as HTMLInputElement).files));
  }

  private selectedPaths(): string[] {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('#samples input[type=checkbox]'));
    return [...boxes.filter((b) => b.checked).map((b) => b.value), ...this.dropped];
  }

  private dataChanged(): void {
    this.data = undefined;
    this.run();
  }

  run(): void {
    this.running = this.running.then(() => this.runNow());
  }

  private async runNow(): Promise<void> {
    byId('status').textContent = 'running…';
    this.data ??= loadFiles(this.selectedPaths());
    let data: LoadedFiles;
    try {
      data = await this.data;
    } catch (error) {
      this.data = undefined;
      this.showError({ error: error instanceof Error ? error.message : String(error) });
      return;
    }
    byId('data-summary').textContent = data.summary;
    const result = answer({ search: this.editor.state.doc.toString(), macros: byId<HTMLTextAreaElement>('macros').value, data });
    if ('error' in result) {
      this.showError(result);
      return;
    }
    byId('error').textContent = '';
    this.last = result;
    this.showExpansion(result);
    byId('explanation').textContent = result.explanationText;
    this.stages = [];
    const flatten = (stages: readonly Stage[], depth: number): void => {
      for (const stage of stages) {
        this.stages.push({ stage, depth });
        for (const sub of stage.subsearches) flatten(sub, depth + 1);
      }
    };
    flatten(result.stages, 0);
    this.showStageList();
    this.showStage(0);
    this.showResults(result);
    byId('status').textContent = `${result.results.length} result${result.results.length === 1 ? '' : 's'}${result.warnings.length > 0 ? `; warnings: ${result.warnings.join(' ')}` : ''}`;
  }

  private showError(error: { error: string; detail?: string }): void {
    byId('error').textContent = `${error.error}${error.detail ? `\n${error.detail}` : ''}`;
    byId('status').textContent = 'error';
  }

  private showExpansion(result: PlaygroundAnswer): void {
    byId('expanded').textContent = result.expandedSearch;
    const trace = byId('trace');
    trace.replaceChildren();
    if (result.trace.length === 0) trace.append(element('li', '(no macros)'));
    for (const step of result.trace) {
      const args = Object.entries(step.args).map(([k, v]) => `${k}=${v}`).join(', ');
      const item = element('li', `${'  '.repeat(step.depth - 1)}\`${step.macro}\`${args ? ` (${args})` : ''} → ${step.text}`);
      item.title = `defined in ${step.definedAt}`;
      trace.append(item);
    }
  }

  private showStageList(): void {
    const list = byId('stage-list');
    list.replaceChildren();
    this.stages.forEach(({ stage, depth }, index) => {
      const changes = [...stage.added.map((c) => `+${c}`), ...stage.removed.map((c) => `-${c}`)].join(' ');
      const item = element('li', `${depth > 0 ? `${'↳ '.repeat(depth)}subsearch ` : ''}${stage.position}. ${stage.command}: ${stage.count} results, ${stage.milliseconds.toFixed(1)} ms${changes ? `; ${changes}` : ''}`);
      item.addEventListener('click', () => this.showStage(index));
      item.style.cursor = 'pointer';
      list.append(item);
    });
  }

  private showStage(index: number): void {
    if (this.stages.length === 0) return;
    this.stageIndex = Math.max(0, Math.min(index, this.stages.length - 1));
    const { stage } = this.stages[this.stageIndex]!;
    byId('stage-current').textContent = `stage ${this.stageIndex + 1} of ${this.stages.length}: | ${stage.source}`;
    byId('stage-count').textContent = `${stage.count} results; columns added: ${stage.added.join(', ') || 'none'}; removed: ${stage.removed.join(', ') || 'none'}`;
    byId('stage-table').replaceChildren(tableOf(stage.rows, columnsOf(stage.rows, stage.columns)));
  }

  private showResults(result: PlaygroundAnswer): void {
    byId('results-table').replaceChildren(tableOf(result.results, columnsOf(result.results, result.columns)));
    byId('results-json').textContent = result.json;
  }

  private showResultsAs(tab: string): void {
    for (const name of ['table', 'json']) {
      byId(`results-${name}`).hidden = name !== tab;
      byId(`tab-${name}`).setAttribute('aria-pressed', String(name === tab));
    }
  }

  private downloadCsv(): void {
    if (!this.last) return;
    const link = element('a', undefined, { href: URL.createObjectURL(new Blob([this.last.csv], { type: 'text/csv' })), download: 'results.csv' });
    document.body.append(link);
    link.click();
    link.remove();
  }
}

installBundledFiles();
new Playground();
