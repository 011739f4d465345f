import { entries } from '../../model/platform';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

interface WorkspaceSettings {
  name: string;
  region: string;
  default: boolean;
  allowlists: { invoke: string[] | null; tune: string[] | null; deploy: string[] | null };
  rateLimits: unknown[];
  members: Array<{ principal: { kind: string; name: string }; pages: string[]; admin: boolean }>;
}

const workspaces = (model: Parameters<Rule['check']>[0]['model']) =>
  entries(model, 'bailian-workspace').map(e => ({ entry: e, s: e.envelope.settings as unknown as WorkspaceSettings }));

export const quotaOverAllocated: Rule = {
  id: 'AIAM-BAILIAN-001',
  severity: Severity.ERROR,
  title: 'Model Studio quota split over 100% or over the account quota',
  description: 'Workspace allocations must fit in the account quota; the guide keeps a buffer for bursts.',
  fix: 'lower the shares so allocations plus buffer equal the account quota',
  check: ({ model }) => entries(model, 'bailian-quota-split').flatMap(e => {
    type Amounts = { qpm?: number; tpm?: number };
    const s = e.envelope.settings as { accountQuota: Amounts; allocations: Array<Amounts & { workspace: string }> };
    const out: FindingDraft[] = [];
    for (const metric of ['qpm', 'tpm'] as const) {
      const quota = s.accountQuota[metric];
      const sum = s.allocations.reduce((n, a) => n + (a[metric] ?? 0), 0);
      if (quota !== undefined && sum > quota) out.push({ message: `${metric.toUpperCase()} allocations add up to ${sum}, over the account quota of ${quota}`, location: locationOf(e) });
    }
    return out;
  }),
};

export const defaultWorkspaceRestricted: Rule = {
  id: 'AIAM-BAILIAN-002',
  severity: Severity.ERROR,
  title: 'Restriction on the default workspace',
  description: 'The default workspace allows every model and cannot be restricted or rate-limited (seed 000).',
  fix: 'move the restriction to a workspace of its own',
  check: ({ model }) => workspaces(model).filter(({ s }) =>
    s.default && (s.rateLimits.length > 0 || Object.values(s.allowlists).some(v => v !== null)))
    .map(({ entry, s }) => ({ message: `default workspace ${s.name} (${s.region}) has model allowlists or rate limits`, location: locationOf(entry) })),
};

export const apiKeyOwnerNotMember: Rule = {
  id: 'AIAM-BAILIAN-003',
  severity: Severity.ERROR,
  title: 'API key whose owner is not a workspace member, or in another region',
  description: 'A RAM user\'s key is invalid while the user is not a member of its workspace; a key and its workspace share one region.',
  fix: 'add the owner to the workspace (grantPages / grantModelInvoke), or create the key in the workspace\'s region',
  check: ({ model }) => {
    const ws = workspaces(model);
    return entries(model, 'bailian-api-key').flatMap(e => {
      const k = e.envelope.settings as { name: string; workspace: string; region: string; owner: { kind: string; name?: string } };
      const w = ws.find(x => x.s.name === k.workspace);
      const out: FindingDraft[] = [];
      if (w && w.s.region !== k.region) out.push({ message: `API key ${k.name} is in ${k.region}, its workspace ${k.workspace} in ${w.s.region}`, location: locationOf(e) });
      if (w && k.owner.kind === 'ram-user' && !w.s.members.some(m => m.principal.kind === 'user' && m.principal.name === k.owner.name)) {
        out.push({ message: `API key ${k.name} belongs to RAM user ${k.owner.name}, who is not a member of ${k.workspace}: the key does not work`, location: locationOf(e) });
      }
      return out;
    });
  },
};

export const ramUserApiKey: Rule = {
  id: 'AIAM-BAILIAN-004',
  severity: Severity.INFO,
  title: 'API key owned by a RAM user',
  description: 'A RAM user\'s key stops working when the user leaves the workspace and is lost for good when the user is deleted; a RAM role\'s key survives both (seed 000).',
  fix: 'own long-lived application keys with a RAM role',
  check: ({ model }) => entries(model, 'bailian-api-key').filter(e => (e.envelope.settings as { owner: { kind: string } }).owner.kind === 'ram-user')
    .map(e => ({ message: `API key ${String(e.envelope.settings.name)} breaks when RAM user ${String((e.envelope.settings.owner as { name: string }).name)} leaves`, location: locationOf(e) })),
};

type Allowlist = 'invoke' | 'tune' | 'deploy';
/** Pages and the allowlists that make them useful; tuned models can be called and deployed too (seed 000, 限制模型训练). */
const NEEDS: Array<{ pages: string[]; allowlists: Allowlist[] }> = [
  { pages: ['model-experience', 'batch-inference'], allowlists: ['invoke', 'tune'] },
  { pages: ['model-tuning'], allowlists: ['tune'] },
  { pages: ['model-deployment'], allowlists: ['deploy', 'tune'] },
];

export const pagesWithoutAllowlist: Rule = {
  id: 'AIAM-BAILIAN-005',
  severity: Severity.WARNING,
  title: 'Console pages without the model allowlist they need',
  description: 'Outside the default workspace, calling, tuning or deploying a model needs the workspace to allow that model first (seed 000).',
  fix: 'allow the models in the workspace (grantModelInvoke / grantModelTuning / grantModelDeployment, or allowInvoke ...)',
  // Admins get every page by design, to manage the workspace; the rule is about members who use the pages.
  check: ({ model }) => workspaces(model).filter(({ s }) => !s.default).flatMap(({ entry, s }) => s.members.filter(m => !m.admin).flatMap(m =>
    NEEDS.filter(n => n.pages.some(p => m.pages.includes(p)) && n.allowlists.every(a => (s.allowlists[a] ?? []).length === 0)).map(n => ({
      message: `${m.principal.kind}/${m.principal.name} has ${n.pages.filter(p => m.pages.includes(p)).join(', ')} in ${s.name}, ` +
        `which allows no model to ${n.allowlists.join(' or ')}`,
      location: locationOf(entry),
    })))),
};
