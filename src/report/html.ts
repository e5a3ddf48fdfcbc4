/**
 * report.html: one self-contained page (inline style and script, no network) with what a hunt
 * found: the summary figures, risk per host, the techniques that fired, an ATT&CK tactic ×
 * technique grid, the timeline of results, and per fired detection its description, search,
 * risk message and result table. Every table sorts by a header click and filters by a text box.
 */
import { TACTICS, tacticsOf, techniqueName } from '../detections/attack.js';
import { displayValues, type Row } from '../core/values.js';
import { resultTime, riskMessage } from '../hunt/risk.js';
import type { DetectionOutcome, HuntResult } from '../hunt/run.js';
import { firedOrder, type HuntSummary } from '../hunt/summary.js';

/** Rows shown per result table; the full results are in the detection's file. */
export const REPORT_MAX_ROWS = 1000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const iso = (epoch: number): string => new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');

function table(id: string, headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const head = headers.map((h, i) => `<th data-col="${i}"${numeric.has(i) ? ' data-numeric="1"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return (
    `<div class="tablebox"><input class="filter" type="search" placeholder="filter rows" data-table="${id}" aria-label="filter ${id}">` +
    `<span class="shown" id="${id}-shown">${rows.length} rows</span>` +
    `<table id="${id}" class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
  );
}

function figure(id: string, label: string, value: number): string {
  return `<div class="figure"><span class="value" id="${id}" data-testid="${id}">${value}</span><span class="label">${escapeHtml(label)}</span></div>`;
}

const slug = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

function techniqueRows(fired: readonly DetectionOutcome[]): string[][] {
  const byTechnique = new Map<string, { detections: Set<string>; results: number; hosts: Set<string> }>();
  for (const outcome of fired) {
    for (const id of outcome.detection.mitreAttackId) {
      let entry = byTechnique.get(id);
      if (!entry) byTechnique.set(id, (entry = { detections: new Set(), results: 0, hosts: new Set() }));
      entry.detections.add(outcome.detection.name);
      entry.results += outcome.rows.length;
      for (const host of outcome.hosts) entry.hosts.add(host);
    }
  }
  return [...byTechnique]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, entry]) => [
      id,
      techniqueName(id) ?? '',
      tacticsOf(id).map((t) => t.name).join(', '),
      String(entry.detections.size),
      String(entry.results),
      [...entry.hosts].sort().join(', '),
      [...entry.detections].sort().join('; '),
    ]);
}

/** Tactic columns, each listing the techniques that fired under it with their detection counts. */
function attackGrid(fired: readonly DetectionOutcome[]): string {
  const cells = new Map<string, Map<string, Set<string>>>();
  for (const outcome of fired) {
    for (const id of outcome.detection.mitreAttackId) {
      for (const tactic of tacticsOf(id)) {
        let column = cells.get(tactic.id);
        if (!column) cells.set(tactic.id, (column = new Map()));
        let names = column.get(id);
        if (!names) column.set(id, (names = new Set()));
        names.add(outcome.detection.name);
      }
    }
  }
  const columns = TACTICS.map((tactic) => {
    const column = cells.get(tactic.id) ?? new Map<string, Set<string>>();
    const items = [...column]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(
        ([id, names]) =>
          `<div class="technique" title="${escapeHtml([...names].sort().join('\n'))}"><b>${escapeHtml(id)}</b> ${escapeHtml(techniqueName(id) ?? '')} <span class="count">${names.size}</span></div>`,
      )
      .join('');
    return `<div class="tactic${column.size > 0 ? ' hit' : ''}" data-tactic="${tactic.id}"><h4>${escapeHtml(tactic.name)}<br><small>${tactic.id}</small></h4>${items}</div>`;
  });
  return `<div class="grid" id="attack-grid">${columns.join('')}</div>`;
}

function cellText(row: Row, field: string): string {
  return displayValues(row.get(field)).join('\n');
}

function detectionSection(outcome: DetectionOutcome, index: number, file: string | undefined): string {
  const { detection } = outcome;
  const id = `det-${index}`;
  const shown = outcome.rows.slice(0, REPORT_MAX_ROWS);
  const rows = shown.map((row) => outcome.columns.map((column) => cellText(row, column)));
  const messages = [...new Set(outcome.rows.map((row) => riskMessage(detection.message ?? '', row)))].slice(0, 20);
  const more = outcome.rows.length > shown.length ? `<p class="note">First ${shown.length} of ${outcome.rows.length} results; all are in ${escapeHtml(file ?? 'the detection file')}.</p>` : '';
  return [
    `<section class="detection" id="${slug(detection.name)}">`,
    `<h3>${escapeHtml(detection.name)}</h3>`,
    `<p class="meta">${escapeHtml(detection.type ?? '')} · risk score ${detection.riskScore ?? '-'} · ${escapeHtml(detection.mitreAttackId.join(', '))} · ${outcome.rows.length} results · hosts: ${escapeHtml(outcome.hosts.join(', ') || '-')}${file ? ` · file: ${escapeHtml(file)}` : ''}</p>`,
    `<p>${escapeHtml(detection.description ?? '')}</p>`,
    detection.message ? `<p><b>Risk message:</b> ${escapeHtml(detection.message)}</p><ul class="messages">${messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : '',
    `<details><summary>Search</summary><pre>${escapeHtml(detection.search)}</pre></details>`,
    table(id, outcome.columns, rows),
    more,
    '</section>',
  ].join('\n');
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
main{padding:12px 24px}section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin:12px 0}
.figures{display:flex;gap:12px;flex-wrap:wrap}.figure{border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;min-width:90px;background:#fff}
.figure .value{display:block;font-size:24px;font-weight:600}.figure .label{color:#5a6272;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:6px}th,td{border:1px solid #e3e6eb;padding:3px 6px;text-align:left;vertical-align:top;white-space:pre-wrap;word-break:break-word}
th{background:#eef0f4;cursor:pointer;user-select:none}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
.filter{padding:3px 6px;width:260px}.shown{color:#5a6272;font-size:12px;margin-left:8px}
pre{background:#f1f3f6;padding:8px;white-space:pre-wrap;word-break:break-word;font-size:12px}
.grid{display:grid;grid-template-columns:repeat(14,minmax(90px,1fr));gap:4px;font-size:11px}
.tactic{border:1px solid #e3e6eb;border-radius:4px;padding:4px;background:#fafbfc}.tactic.hit{background:#fff4f0;border-color:#f0a58a}
.tactic h4{margin:0 0 4px;font-size:11px}.technique{background:#f7c6b4;border-radius:3px;padding:2px 3px;margin:2px 0}.count{float:right;font-weight:600}
.meta{color:#5a6272;font-size:12px}.note{color:#8a5a00;font-size:12px}nav a{margin-right:12px;color:#fff}
`;

const SCRIPT = `
(function(){
  function cellValue(row,col){var c=row.children[col];return c?c.textContent:'';}
  document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('th').forEach(function(th){
      th.addEventListener('click',function(){
        var col=Number(th.dataset.col),numeric=th.dataset.numeric==='1',asc=!th.classList.contains('asc');
        table.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
        th.classList.add(asc?'asc':'desc');
        var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=cellValue(a,col),y=cellValue(b,col);
          var r=numeric?(Number(x)-Number(y)):(x<y?-1:x>y?1:0);return asc?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.querySelectorAll('input.filter').forEach(function(input){
    input.addEventListener('input',function(){
      var table=document.getElementById(input.dataset.table),needle=input.value.toLowerCase(),shown=0;
      Array.prototype.forEach.call(table.tBodies[0].rows,function(row){
        var hit=needle===''||row.textContent.toLowerCase().indexOf(needle)>=0;row.style.display=hit?'':'none';if(hit)shown++;});
      document.getElementById(input.dataset.table+'-shown').textContent=shown+' rows';
    });
  });
})();
`;

export function renderReport(result: HuntResult, summary: HuntSummary, options: { tz: string; files?: ReadonlyMap<DetectionOutcome, string> }): string {
  const fired = result.outcomes.filter((o) => o.status === 'fired').sort(firedOrder);
  const hostRows = summary.riskObjects.map((t) => [t.riskObject, t.riskObjectType, String(t.riskScore), String(t.riskEvents), t.detections.join('; ')]);
  const firedRows = summary.firedDetections.map((f) => [
    f.name,
    f.type,
    f.riskScore === null ? '' : String(f.riskScore),
    f.techniques.join(', '),
    String(f.results),
    String(f.hosts.length),
    f.hosts.join(', '),
  ]);
  const timeline: { time: number; row: string[] }[] = [];
  for (const outcome of fired) {
    outcome.rows.forEach((row, index) => {
      const run = outcome.rowRuns?.[index];
      const time = resultTime(row, run?.runTime ?? result.now, options.tz);
      timeline.push({
        time,
        row: [iso(time), outcome.detection.name, outcome.detection.type ?? '', String(outcome.detection.riskScore ?? ''), cellText(row, 'dest'), cellText(row, 'user'), riskMessage(outcome.detection.message ?? '', row)],
      });
    });
  }
  timeline.sort((a, b) => a.time - b.time);
  const notRun = result.outcomes
    .filter((o) => o.status === 'unsupported' || o.status === 'error' || o.status === 'skipped')
    .map((o) => [o.detection.name, o.status, o.feature ?? o.message ?? '']);
  const body = [
    `<header><h1>spelunk hunt report</h1><nav><a href="#summary">Summary</a><a href="#hosts">Hosts</a><a href="#techniques">Techniques</a><a href="#attack">ATT&amp;CK</a><a href="#timeline">Timeline</a><a href="#detections">Detections</a></nav></header><main>`,
    `<section id="summary"><h2>Summary</h2><div class="figures">`,
    figure('sum-detections', 'detections', summary.detections),
    figure('sum-ran', 'ran', summary.ran),
    figure('sum-fired', 'fired', summary.fired),
    figure('sum-skipped', 'skipped (no data)', summary.skipped),
    figure('sum-unsupported', 'unsupported', summary.unsupported),
    figure('sum-errors', 'errors', summary.errors),
    figure('sum-risk-events', 'risk events', summary.riskEvents),
    figure('sum-notables', 'notables', summary.notables),
    `</div><p class="meta">Ingest: ${escapeHtml(summary.ingest)} · elapsed ${summary.elapsedSeconds.toFixed(1)} s${summary.schedule ? ' · scheduled runs (ESCU cron)' : ' · one run over all time'}</p>`,
    table('fired', ['detection', 'type', 'risk score', 'techniques', 'results', 'hosts', 'host names'], firedRows, new Set([2, 4, 5])),
    `</section>`,
    `<section id="hosts"><h2>Risk per host and object</h2><p class="meta">Risk scores summed over each object's risk events, as ES's risk index adds them.</p>`,
    table('hosts-table', ['risk object', 'type', 'risk score', 'risk events', 'detections'], hostRows, new Set([2, 3])),
    `</section>`,
    `<section id="techniques"><h2>Techniques</h2>`,
    table('techniques-table', ['technique', 'name', 'tactics', 'detections', 'results', 'hosts', 'detection names'], techniqueRows(fired), new Set([3, 4])),
    `</section>`,
    `<section id="attack"><h2>ATT&amp;CK tactics × techniques that fired</h2>${attackGrid(fired)}</section>`,
    `<section id="timeline"><h2>Timeline</h2>`,
    table('timeline-table', ['time (UTC)', 'detection', 'type', 'risk score', 'dest', 'user', 'risk message'], timeline.map((t) => t.row), new Set([3])),
    `</section>`,
    `<section id="detections"><h2>Fired detections</h2>`,
    ...fired.map((outcome, index) => detectionSection(outcome, index, options.files?.get(outcome))),
    `</section>`,
    `<section id="not-run"><h2>Not run</h2>`,
    table('not-run-table', ['detection', 'status', 'reason'], notRun),
    `</section></main>`,
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>spelunk hunt report</title><style>${STYLE}</style></head><body>\n${body}\n<script>${SCRIPT}</script></body></html>\n`;
}
