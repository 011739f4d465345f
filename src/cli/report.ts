/**
 * `aiam report`: one self-contained HTML file (no network): principals × capabilities per Model Studio workspace and
 * veMLP queue, a principals × services matrix, quota split charts, findings with fixes, and the access diff when
 * given two inputs. Chart.js is bundled with the package and inlined into the page.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runChecks } from '../checks/engine';
import { Finding } from '../checks/finding';
import { AiPlatformPack } from '../checks/packs';
import { AccessDiff, AccessModel, changeEntryText, describePrincipal, settingsOf } from '../model';
import { Decision } from '../policy/types';
import { isUnknownValue, renderUnknowns } from '../policy/unknown';

interface MatrixRow { principal: string; cells: Record<string, string> }
/** Numbers known only after apply stay their unknown markers (strings), rendered as their expressions. */
interface Amounts { qpm?: number | string; tpm?: number | string }
interface QueueRow { principal: string; role: string; createOnQueue: string; cap: string }

interface ReportData {
  title: string;
  inputs: string[];
  generated: string;
  summary: { principals: number; policies: number; attachments: number; errors: number; warnings: number; suppressed: number };
  findings: readonly Finding[];
  services: string[];
  matrix: MatrixRow[];
  workspaces: Array<{ name: string; region: string; quota: Amounts | null; columns: string[]; rows: MatrixRow[] }>;
  queues: Array<{ queueId: string; capacity: number | string | null; rows: QueueRow[]; caps: Array<{ user: string; percent: number }> }>;
  quotaSplits: Array<{ region: string; labels: string[]; values: number[] }>;
  allowlists: Array<{ workspace: string; region: string; invoke: string; tune: string; deploy: string }>;
  rateLimits: Array<{ workspace: string; region: string; model: string; qpm: string; tpm: string }>;
  apiKeys: Array<{ name: string; owner: string; workspace: string; region: string; lifecycle: string }>;
  diff?: AccessDiff;
  diffRows?: string[][];
}

const LIFECYCLE_STATES = new Set<unknown>(['not-applicable', 'invalid-forever', 'invalid-until-rejoined', 'valid']);
const PAGES = ['model-experience', 'batch-inference', 'model-observation', 'model-tuning', 'my-models', 'model-deployment', 'model-evaluation', 'data-management'];

export function buildReportData(model: AccessModel, inputs: string[], diff?: AccessDiff): ReportData {
  const findings = runChecks(model, [new AiPlatformPack()]).findings;
  const perms = model.principals.filter(p => !p.external).map(p => ({ p, w: model.whatCan(p) }));
  const services = [...new Set(perms.flatMap(x => x.w.services.map(s => s.service)))].sort();
  const matrix = perms.map(({ p, w }) => ({
    principal: describePrincipal(p),
    cells: Object.fromEntries(services.map(svc => {
      const s = w.services.find(x => x.service === svc);
      if (!s) return [svc, ''];
      // A count of catalog actions; "+" where a pattern also grants actions the catalog does not list.
      return [svc, `${s.grants.length || ''}${s.unlistedPatterns.length ? '+' : ''}`];
    }).concat(w.unknownPolicies.length ? [['unknown', String(w.unknownPolicies.length)]] : [])),
  }));
  // Built from named fields only: a hand-edited entry's extra field (a token, say) never reaches the page.
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  // A number known only after apply stays its marker, rendered as its expression.
  const shown = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && isUnknownValue(v)) ? v : undefined);
  const ref = (p: { kind?: unknown; name?: unknown } | undefined) => `${text(p?.kind)}/${text(p?.name)}`;
  const wsSettings = settingsOf(model, 'bailian-workspace').map(x => x.settings);
  const workspaces = wsSettings.map(s => ({
    name: text(s.name),
    region: text(s.region),
    quota: s.quota ? { qpm: shown(s.quota.qpm), tpm: shown(s.quota.tpm) } : null,
    columns: ['admin', 'api keys', ...PAGES],
    rows: (s.members ?? []).map(m => ({
      principal: ref(m.principal),
      cells: Object.fromEntries([['admin', m.admin ? '✓' : ''], ['api keys', m.apiKeyManagement ? '✓' : ''], ...PAGES.map(p => [p, (m.pages ?? []).includes(p as never) ? '✓' : ''])]),
    })),
  }));
  const queues = settingsOf(model, 'vemlp-queue').map(({ settings: s }) => {
    const capacity = num(s.capacity) ?? null;
    const userCaps = (s.userCaps ?? []).map(c => ({ user: text(c.user), percent: num(c.percent), absolute: num(c.absolute) }));
    const trn = `trn:ml_platform:${text(s.region)}:${text(s.accountId)}:resourcequeue/${text(s.queueId)}`;
    const people = [...(s.admins ?? []).map(a => ({ kind: a.kind, name: a.name, role: 'admin' })), ...(s.members ?? []).map(m => ({ kind: m.kind, name: m.name, role: 'member' }))];
    const rows = people.map(x => {
      const p = model.principals.find(q => q.cloud === 'volcengine' && q.kind === x.kind && q.name === x.name);
      const d = p ? model.can(p, { action: 'ml_platform:CreateDevInstance', resource: trn }).decision : Decision.UNKNOWN;
      const cap = userCaps.find(c => c.user === x.name);
      return { principal: ref(x), role: x.role, createOnQueue: d, cap: cap ? capText(cap, capacity) : '' };
    });
    // Absolute caps are shown as a share of the capacity, so every cap fits one chart.
    const percentOf = (c: { percent?: number; absolute?: number }) =>
      c.percent ?? (capacity && c.absolute !== undefined ? Math.round((c.absolute / capacity) * 100) : 0);
    const caps = userCaps.map(c => ({ user: c.user, percent: percentOf(c) }));
    return { queueId: text(s.queueId), capacity: shown(s.capacity) ?? null, rows, caps };
  });
  const quotaSplits = settingsOf(model, 'bailian-quota-split').map(({ settings: s }) => ({
    region: text(s.region),
    labels: [...(s.allocations ?? []).map(a => text(a.workspace)), 'buffer'],
    values: [...(s.allocations ?? []).map(a => num(a.qpm) ?? 0), num(s.buffer?.qpm) ?? 0],
  }));
  const list = (models: string[] | null | undefined) => models === null || models === undefined ? 'every model (default workspace)' : models.length ? models.map(text).join(', ') : 'none';
  const allowlists = wsSettings.map(s => ({
    workspace: text(s.name),
    region: text(s.region),
    invoke: list(s.allowlists?.invoke),
    tune: list(s.allowlists?.tune),
    deploy: list(s.allowlists?.deploy),
  }));
  const rateLimits = wsSettings.flatMap(s => (s.rateLimits ?? []).map(l => ({
    workspace: text(s.name),
    region: text(s.region),
    model: text(l.model),
    qpm: shown(l.qpm) !== undefined ? `${l.qpm} requests/min` : '',
    tpm: shown(l.tpm) !== undefined ? `${l.tpm} tokens/min` : '',
  })));
  const apiKeys = settingsOf(model, 'bailian-api-key').map(({ settings: s }) => {
    // Event names are open; a state outside the schema's list is not a lifecycle entry.
    const lifecycle = Object.entries(s.lifecycle ?? {}).filter(([, state]) => LIFECYCLE_STATES.has(state)).map(([event, state]) => `${event}: ${state}`).join('; ');
    return { name: text(s.name), owner: s.owner?.kind === 'main-account' ? 'main account' : `${text(s.owner?.kind)} ${text(s.owner?.name)}`, workspace: text(s.workspace), region: text(s.region), lifecycle };
  });
  const diffRows = diff?.changes.map(c => [c.principal,
    [...c.granted.map(e => '+ ' + changeEntryText(e)), ...c.possiblyGranted.map(e => '? ' + changeEntryText(e))].join('\n'),
    c.revoked.map(e => '- ' + changeEntryText(e)).join('\n'),
    [...c.conditionsChanged, ...c.limitChanges].map(e => '~ ' + changeEntryText(e)).join('\n')]);
  return {
    allowlists,
    rateLimits,
    apiKeys,
    diffRows,
    title: 'cdktf-aiam access report',
    inputs,
    generated: new Date().toISOString(),
    summary: {
      principals: model.principals.length,
      policies: model.policies.length,
      attachments: model.attachments.length,
      errors: findings.filter(f => f.severity === 'error' && !f.suppressed).length,
      warnings: findings.filter(f => f.severity === 'warning' && !f.suppressed).length,
      suppressed: findings.filter(f => f.suppressed).length,
    },
    findings,
    services,
    matrix,
    workspaces,
    queues,
    quotaSplits,
    diff,
  };
}

/** A cap with its unit: a share of the queue, or an amount in the queue's capacity unit. */
function capText(cap: { percent?: number; absolute?: number }, capacity: number | null | undefined): string {
  if (cap.percent !== undefined) return `${cap.percent} % of capacity${capacity ? ` (${+(capacity * cap.percent / 100).toFixed(2)} of ${capacity} units)` : ''}`;
  return `${cap.absolute} units${capacity ? ` of ${capacity} (${Math.round((cap.absolute! / capacity) * 100)} %)` : ' (capacity not declared)'}`;
}

/** The UMD build of Chart.js, read from the bundled package (its exports map hides the path, so go from the main file). */
function chartJs(): string {
  const main = require.resolve('chart.js');
  return fs.readFileSync(path.join(path.dirname(main), 'chart.umd.js'), 'utf8');
}

/** Escapes `</script>` and friends so data can sit inside a script element. */
function scriptSafe(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function renderReport(data: ReportData): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${data.title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde1e6;padding-bottom:4px}
.meta{color:#5b6472}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px 16px;min-width:110px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;background:#fff;margin:6px 0 12px}th,td{border:1px solid #dde1e6;padding:4px 8px;text-align:left;vertical-align:top;white-space:pre-line}
th{background:#f0f2f5;font-weight:600}td.c{text-align:center}.error{color:#b42318;font-weight:600}.warning{color:#b54708;font-weight:600}.info{color:#175cd3}
.allow{color:#067647}.deny{color:#b42318}.unknown{color:#b54708}.sup{color:#8a94a6}.charts{display:flex;gap:24px;flex-wrap:wrap}.scroll{overflow:auto;max-height:480px;max-width:100%;border:1px solid #dde1e6}.scroll table{margin:0}.scroll th{position:sticky;top:0}
.nums{margin:6px 0 0;padding-left:18px;font-variant-numeric:tabular-nums}.chart{width:420px;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:8px}
</style></head><body>
<h1>${data.title}</h1><div class="meta" id="meta"></div><div class="cards" id="cards"></div>
<h2>Findings</h2><div id="findings"></div>
<h2>Principals × services (allowed actions; "+" = more than the catalog lists)</h2><div id="matrix"></div>
<h2>Model Studio workspaces</h2><div id="workspaces"></div>
<h2>Model allowlists</h2><div id="allowlists"></div>
<h2>Rate limits</h2><div id="ratelimits"></div>
<h2>API keys</h2><div id="apikeys"></div>
<h2>veMLP queues</h2><div id="queues"></div>
<h2>Quota splits</h2><div class="charts" id="charts"></div>
<div id="diff"></div>
<script>${chartJs()}</script>
<script>
const data = ${scriptSafe(renderUnknowns(JSON.stringify(data), 'json'))};
const el = (tag, attrs = {}, ...kids) => { const e = document.createElement(tag); Object.entries(attrs).forEach(([k, v]) => k === 'class' ? e.className = v : e.setAttribute(k, v)); kids.forEach(k => e.append(k)); return e; };
const table = (head, rows) => el('table', {}, el('tr', {}, ...head.map(h => el('th', {}, h))), ...rows.map(r => el('tr', {}, ...r.map(c => c instanceof Node ? el('td', {}, c) : el('td', { class: c === '✓' ? 'c' : '' }, String(c ?? ''))))));
document.getElementById('meta').append('Inputs: ' + data.inputs.join(', ') + ' · generated ' + data.generated);
for (const [k, v] of Object.entries(data.summary)) document.getElementById('cards').append(el('div', { class: 'card' }, el('b', {}, String(v)), k));
const where = l => l.constructPath || [l.address, l.pointer].filter(Boolean).join(' ');
document.getElementById('findings').append(data.findings.length ? table(['severity', 'rule', 'where', 'what', 'fix'], data.findings.map(f => [
  el('span', { class: f.suppressed ? 'sup' : f.severity }, f.suppressed ? 'suppressed ' + f.severity : f.severity), f.ruleId + ' ' + f.title, where(f.location),
  f.message + (f.suppressed ? ' — suppressed: ' + f.suppressed.reason : ''), f.fix])) : el('p', {}, 'No findings.'));
// The matrix grows with principals and services: it scrolls inside the page, headers stay visible.
document.getElementById('matrix').append(el('div', { class: 'scroll', id: 'matrix-scroll' }, table(['principal', ...data.services, 'unknown'], data.matrix.map(r => [r.principal, ...data.services.map(s => r.cells[s] || ''), r.cells.unknown || '']))));
const section = (id, rows, head, cells) => document.getElementById(id).append(rows.length ? table(head, rows.map(cells)) : el('p', {}, 'None.'));
section('allowlists', data.allowlists, ['workspace', 'region', 'invoke', 'tune', 'deploy'], a => [a.workspace, a.region, a.invoke, a.tune, a.deploy]);
section('ratelimits', data.rateLimits, ['workspace', 'region', 'model', 'QPM', 'TPM'], l => [l.workspace, l.region, l.model, l.qpm, l.tpm]);
section('apikeys', data.apiKeys, ['key', 'owner', 'workspace', 'region', 'lifecycle'], k => [k.name, k.owner, k.workspace, k.region, k.lifecycle]);
const ws = document.getElementById('workspaces');
if (!data.workspaces.length) ws.append(el('p', {}, 'None.'));
for (const w of data.workspaces) {
  ws.append(el('h3', {}, w.name + ' (' + w.region + ')' + (w.quota && w.quota.qpm !== undefined ? ' · ' + w.quota.qpm + ' QPM' : '')));
  ws.append(w.rows.length ? table(['principal', ...w.columns], w.rows.map(r => [r.principal, ...w.columns.map(c => r.cells[c])])) : el('p', {}, 'No members.'));
}
const qs = document.getElementById('queues');
if (!data.queues.length) qs.append(el('p', {}, 'None.'));
for (const q of data.queues) {
  qs.append(el('h3', {}, q.queueId + (q.capacity != null ? ' · capacity ' + q.capacity : '')));
  qs.append(table(['principal', 'role', 'create dev instance on queue', 'usage cap'], q.rows.map(r => [r.principal, r.role, el('span', { class: r.createOnQueue === 'allow' ? 'allow' : r.createOnQueue === 'unknown' ? 'unknown' : 'deny' }, r.createOnQueue), r.cap])));
}
const charts = document.getElementById('charts');
const addChart = (title, type, labels, values, unit) => {
  const box = el('div', { class: 'chart' }, el('h3', {}, title)); const canvas = el('canvas', { role: 'img', 'aria-label': title }); box.append(canvas); charts.append(box);
  // The numbers, printed: a chart alone cannot be read exactly (or by a screen reader).
  box.append(el('ul', { class: 'nums' }, ...labels.map((l, i) => el('li', {}, l + ': ' + values[i] + ' ' + unit))));
  new Chart(canvas, { type, data: { labels, datasets: [{ label: title, data: values, backgroundColor: ['#2e90fa', '#12b76a', '#f79009', '#7a5af8', '#ee46bc', '#98a2b3'] }] }, options: { animation: false, responsive: true } });
};
for (const s of data.quotaSplits) addChart('Model Studio QPM split, ' + s.region, 'doughnut', s.labels, s.values, 'QPM');
for (const q of data.queues.filter(q => q.caps.length)) addChart('Queue ' + q.queueId + ' user caps (% of capacity)', 'bar', q.caps.map(c => c.user), q.caps.map(c => c.percent), '% of capacity');
if (!charts.children.length) charts.append(el('p', {}, 'No quota splits or caps.'));
if (data.diff) {
  const d = document.getElementById('diff');
  d.append(el('h2', {}, 'Access diff: ' + data.diff.grantedCount + ' granted, ' + data.diff.revokedCount + ' revoked'));
  d.append(el('p', { class: 'meta' }, data.diff.coverage.complete ? 'Every catalog action and resource pattern of the changed policies was compared.'
    : 'Not covered: ' + data.diff.coverage.notCovered.join('; ')));
  if (data.diffRows.length) d.append(el('div', { class: 'scroll' }, table(['principal', 'granted', 'revoked', 'conditions or limits changed'], data.diffRows)));
}
</script></body></html>
`;
}
