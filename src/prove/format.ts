/** Text and JSON output of `--prove` results (kept apart from the diff and check formatters). */
import type { CheckProofReport } from './check';
import type { DiffProofReport } from './diff';
import { ProofStatus } from './prove';
import type { AccessRequest } from '../policy/types';

export function describeRequest(r: AccessRequest): string {
  const parts = [r.action, r.resource === undefined ? '(no resource)' : `on ${r.resource}`];
  const ctx = Object.entries(r.context ?? {});
  if (ctx.length) parts.push(`with ${ctx.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
  return parts.join(' ');
}

export function formatDiffProof(report: DiffProofReport, format: string): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const lines: string[] = [];
  for (const p of report.proofs) {
    if (p.status === ProofStatus.WITNESS) lines.push(`${p.principal}: NEW ACCESS, e.g. ${describeRequest(p.witness!)}`);
    else if (p.status === ProofStatus.NOT_PROVEN) lines.push(`${p.principal}: not proven (${p.reason})`);
  }
  lines.push(`${report.proven} proven no new access, ${report.witnesses} with new access, ${report.notProven} not proven` +
    ` (${report.distinctPairs} distinct policy-set pairs solved)`);
  return lines.join('\n') + '\n';
}

export function formatCheckProof(report: CheckProofReport, format: string): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.status === 'holds') continue;
    lines.push(`${r.status === 'violated' ? 'VIOLATED' : 'not proven'} ${r.property}: ${r.principal}: ${r.message}`);
  }
  lines.push(`${report.holds} proven, ${report.violated} violated, ${report.notProven} not proven`);
  return lines.join('\n') + '\n';
}
