/**
 * The console steps that bring the clouds to the platform settings Terraform recorded (`aiam settings runbook`).
 * Terraform stores the settings in `terraform_data` and applies none of them: a person does, in the consoles, with
 * the rights the guides name (seed 000 for Model Studio, seed 001 for veMLP). Steps carry stable ids, so the steps
 * of two recordings can be compared (`--before`): only what changed is listed.
 */
import type { PlatformSettingsEntry } from './types';
import { bailianPageLabel } from '../catalog/bailian';
import { compareText } from '../policy/order';

/** Who may perform a step, in the guides' terms. */
export type Performer = 'main-account' | 'super-admin' | 'workspace-admin' | 'resource-admin' | 'queue-admin';

/** Order of the groups: whoever creates comes before whoever fills in. */
export const PERFORMERS: readonly Performer[] = ['main-account', 'super-admin', 'workspace-admin', 'resource-admin', 'queue-admin'];

export const PERFORMER_LABELS: Record<Performer, string> = {
  'main-account': 'Main account (阿里云主账号): only the account itself',
  'super-admin': 'Super admin (超级管理员): the main account, or a RAM user with AliyunBailianFullAccess (百炼全局管理)',
  'workspace-admin': 'Workspace admin (业务空间管理员) of the workspace, or a super admin (百炼控制台 > 权限管理)',
  'resource-admin': 'veMLP resource admin (资源管理员): MLPlatformAdminAccess and IAMFullAccess or the queue-creator policy',
  'queue-admin': 'Queue admin (队列管理员) of the queue, with the IAM rights to edit members (veMLP 控制台 > 队列)',
};

export type StepChange = 'add' | 'set' | 'remove';

export interface RunbookStep {
  /** Stable identity of what the step sets, e.g. `bailian-workspace/cn-beijing/prod/invoke/qwen-max`. */
  readonly id: string;
  readonly performer: Performer;
  /** Creation first, then what fills it in. */
  readonly phase: number;
  readonly change: StepChange;
  /** Where it lives, e.g. `Model Studio workspace prod (cn-beijing)`. */
  readonly target: string;
  /** The step, in the guide's terms. */
  readonly text: string;
  /** The settings entry that records it (Terraform address). */
  readonly recordedBy?: string;
}

export interface RunbookGroup {
  readonly performer: Performer;
  readonly label: string;
  readonly steps: readonly RunbookStep[];
}

export interface Runbook {
  readonly groups: readonly RunbookGroup[];
  readonly stepCount: number;
  /** Entries Terraform applies itself, or kinds the runbook does not know (listed, never dropped). */
  readonly notes: readonly string[];
}

interface Principal { kind: string; name: string }
type Amounts = { qpm?: number; tpm?: number };

const amounts = (a: Amounts) => [a.qpm !== undefined ? `${a.qpm} QPM` : '', a.tpm !== undefined ? `${a.tpm} TPM` : ''].filter(Boolean).join(' and ');
const ramPrincipal = (p: Principal) => `${p.kind === 'role' ? 'RAM role' : p.kind === 'group' ? 'RAM group' : 'RAM user'} ${p.name}`;
const volcPrincipal = (p: Principal) => `${p.kind === 'group' ? 'user group' : 'user'} ${p.name}`;

/** The steps one entry records, as if nothing were set yet. Unknown kinds give a note instead. */
export function stepsOf(entry: PlatformSettingsEntry, notes: string[] = []): RunbookStep[] {
  const s = entry.envelope.settings as Record<string, unknown>;
  const recordedBy = entry.address;
  const steps: RunbookStep[] = [];
  const add = (id: string, performer: Performer, phase: number, target: string, text: string) =>
    steps.push({ id, performer, phase, change: 'add', target, text, recordedBy });
  switch (entry.envelope.kind) {
    case 'bailian-workspace': {
      const w = s as {
        name: string;
        region: string;
        default: boolean;
        allowlists: Record<'invoke' | 'tune' | 'deploy', string[] | null>;
        rateLimits: Array<Amounts & { model: string }>;
        quota: Amounts | null;
        members: Array<{ principal: Principal; admin: boolean; apiKeyManagement: boolean; pages: string[] }>;
      };
      const base = `bailian-workspace/${w.region}/${w.name}`;
      const target = `Model Studio workspace ${w.name} (${w.region})`;
      if (!w.default) add(base, 'super-admin', 1, target, `Create the workspace "${w.name}" in ${w.region} (全局管理 > 新建业务空间)`);
      const what = { invoke: '允许特定模型调用 (call)', tune: '允许特定模型调优 (tune, and deploy what was tuned)', deploy: '允许特定模型部署 (deploy)' };
      // One step per list and per member: a change shows the whole new list, which is what the person sets.
      for (const k of ['invoke', 'tune', 'deploy'] as const) {
        const models = [...(w.allowlists?.[k] ?? [])].sort();
        if (models.length) add(`${base}/${k}`, 'super-admin', 2, target, `Allow exactly these models for ${what[k]}: ${models.join(', ')} (全局管理 > 模型管理)`);
      }
      if (w.quota && amounts(w.quota)) add(`${base}/quota`, 'super-admin', 3, target, `Give the workspace ${amounts(w.quota)} of the account quota (限流策略)`);
      for (const l of w.rateLimits ?? []) add(`${base}/rate/${l.model}`, 'super-admin', 3, target, `Limit model ${l.model} to ${amounts(l)} (模型限流)`);
      for (const m of w.members ?? []) {
        const who = ramPrincipal(m.principal);
        const id = `${base}/member/${m.principal.kind}/${m.principal.name}`;
        if (m.admin) add(`${id}/admin`, 'workspace-admin', 4, target, `Make ${who} workspace admin (权限管理 > 管理员权限; includes every page)`);
        else if (m.pages.length) add(`${id}/pages`, 'workspace-admin', 4, target, `Give ${who} exactly these page permissions: ${[...m.pages].sort().map(bailianPageLabel).join(', ')} (权限管理)`);
        if (m.apiKeyManagement && !m.admin) add(`${id}/api-key-management`, 'workspace-admin', 4, target, `Give ${who} the API-Key permission: create, delete and view every key of the workspace (权限管理)`);
      }
      break;
    }
    case 'bailian-api-key': {
      const k = s as { name: string; workspace: string; region: string; owner: { kind: string; name?: string } };
      const target = `Model Studio workspace ${k.workspace} (${k.region})`;
      const owner = k.owner.kind === 'main-account' ? 'the main account' : ramPrincipal({ kind: k.owner.kind === 'ram-role' ? 'role' : 'user', name: k.owner.name ?? '?' });
      // Keys cannot be transferred (seed 000): workspace, region and owner are part of the key's identity.
      add(`bailian-api-key/${k.region}/${k.name}/${k.workspace}/${k.owner.kind}/${k.owner.name ?? ''}`, k.owner.kind === 'main-account' ? 'main-account' : 'workspace-admin', 5, target,
        `Create the API key "${k.name}" in ${k.workspace} owned by ${owner}, and hand it to its callers (API-Key 管理; never store the key in Terraform)`);
      break;
    }
    case 'bailian-quota-split': {
      const q = s as { region: string; accountQuota: Amounts; buffer: Amounts };
      const target = `Model Studio account quota (${q.region})`;
      if (amounts(q.buffer)) add(`bailian-quota-split/${q.region}/buffer`, 'super-admin', 3, target, `Leave ${amounts(q.buffer)} of the account quota (${amounts(q.accountQuota)}) unallocated as the buffer for bursts (限流策略)`);
      break;
    }
    case 'vemlp-queue': {
      type Cap = { user: string; percent?: number; absolute?: number };
      const q = s as { queueId: string; region: string; admins: Principal[]; members: Principal[]; userCaps: Cap[]; iamMode?: string };
      const base = `vemlp-queue/${q.queueId}`;
      const target = `veMLP queue ${q.queueId} (${q.region})`;
      // The console owns the queue's groups and policies (q-<id>-admin-group ...); members are edited there only (seed 001).
      // With QueueIamMode.TERRAFORM (or entries from before the mode existed) Terraform maintains membership in IAM.
      const console = q.iamMode === 'console';
      for (const a of console ? q.admins ?? [] : []) add(`${base}/admin/${a.kind}/${a.name}`, 'queue-admin', 4, target, `Add ${volcPrincipal(a)} as queue admin (管理用户)`);
      for (const m of console ? q.members ?? [] : []) add(`${base}/member/${m.kind}/${m.name}`, 'queue-admin', 4, target, `Add ${volcPrincipal(m)} as queue member (管理用户)`);
      for (const c of q.userCaps ?? []) {
        add(`${base}/cap/${c.user}`, 'queue-admin', 6, target, `Set the usage cap of ${c.user} to ${c.percent !== undefined ? `${c.percent}%` : c.absolute} (队列详情 > 用户用量上限)`);
      }
      break;
    }
    case 'modelarts-access':
      notes.push(`${recordedBy ?? entry.constructPath}: modelarts-access is applied by Terraform (role assignments); it is recorded for the checks only`);
      break;
    default:
      notes.push(`${recordedBy ?? entry.constructPath}: settings of kind ${entry.envelope.kind} have no runbook steps in this version; apply them by hand`);
  }
  return steps;
}

/** Steps to reach `after`; with `before`, only the steps that add, change or undo something. */
export function buildRunbook(after: readonly PlatformSettingsEntry[], before?: readonly PlatformSettingsEntry[]): Runbook {
  const notes: string[] = [];
  const now = after.flatMap(e => stepsOf(e, notes));
  let steps: RunbookStep[] = now;
  if (before) {
    const was = new Map(before.flatMap(e => stepsOf(e)).map(s => [s.id, s]));
    const ids = new Set(now.map(s => s.id));
    steps = [
      ...now.filter(s => was.get(s.id)?.text !== s.text).map(s => was.has(s.id) ? { ...s, change: 'set' as const } : s),
      ...[...was.values()].filter(s => !ids.has(s.id)).map(s => ({ ...s, change: 'remove' as const, text: `Undo: ${s.text}` })),
    ];
  }
  // Removals of what depends on a thing come before removing the thing: reverse phases for removals.
  const rank = (s: RunbookStep) => s.change === 'remove' ? 10 - s.phase : 10 + s.phase;
  const groups = PERFORMERS.map(performer => ({
    performer,
    label: PERFORMER_LABELS[performer],
    steps: steps.filter(s => s.performer === performer).sort((a, b) => rank(a) - rank(b) || compareText(a.id, b.id)),
  })).filter(g => g.steps.length > 0);
  return { groups, stepCount: steps.length, notes };
}

/** Markdown: one section per performer, numbered steps. */
export function runbookMarkdown(book: Runbook, source: string, before?: string): string {
  const lines = [
    '# Platform settings runbook',
    '',
    'Terraform records these settings in `terraform_data` and applies none of them: do these steps in the consoles.',
    `Recorded in: ${source}${before ? `; only the changes since ${before}` : ''}.`,
    '',
  ];
  if (book.stepCount === 0) lines.push(before ? 'Nothing changed: no steps.' : 'No platform settings recorded: no steps.', '');
  for (const g of book.groups) {
    lines.push(`## ${g.label}`, '');
    g.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.change === 'remove' ? '**remove** ' : s.change === 'set' ? '**change** ' : ''}${s.target}: ${s.text}` +
      `${s.recordedBy ? ` <sub>${s.recordedBy}</sub>` : ''}`));
    lines.push('');
  }
  if (book.notes.length) lines.push('## Notes', '', ...book.notes.map(n => `- ${n}`), '');
  return lines.join('\n');
}
