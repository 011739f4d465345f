import { entries } from '../../model/platform';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

type Amounts = { qpm?: number; tpm?: number };
interface Workspace { name: string; region: string; rateLimits: Array<Amounts & { model: string }>; quota: Amounts | null }

/** A workspace's share of the account quota: its own recorded quota, else its allocation in a quota split of its region. */
function shareOf(model: Parameters<Rule['check']>[0]['model'], w: Workspace): Amounts | undefined {
  if (w.quota) return w.quota;
  for (const e of entries(model, 'bailian-quota-split')) {
    const s = e.envelope.settings as { region: string; allocations: Array<Amounts & { workspace: string }> };
    const a = s.region === w.region ? s.allocations.find(x => x.workspace === w.name) : undefined;
    if (a) return a;
  }
  return undefined;
}

/** A per-model limit above the workspace's whole share can never be reached: the share caps it first. */
export const rateLimitOverQuotaShare: Rule = {
  id: 'AIAM-BAILIAN-007',
  severity: Severity.WARNING,
  title: 'Per-model rate limit above the workspace\'s quota share',
  description: 'A model\'s QPM or TPM limit in a workspace is higher than the share of the account quota the workspace was given; the limit promises more than the workspace can get.',
  fix: 'lower the model\'s rate limit to at most the workspace\'s share, or raise the workspace\'s share',
  check: ({ model }) => entries(model, 'bailian-workspace').flatMap(e => {
    const w = e.envelope.settings as unknown as Workspace;
    const share = shareOf(model, w);
    if (!share) return [];
    const out: FindingDraft[] = [];
    for (const limit of w.rateLimits ?? []) {
      for (const metric of ['qpm', 'tpm'] as const) {
        const value = limit[metric];
        const cap = share[metric];
        if (value !== undefined && cap !== undefined && value > cap) {
          out.push({ message: `${w.name} (${w.region}): ${limit.model} is limited to ${value} ${metric.toUpperCase()}, above the workspace's share of ${cap}`, location: locationOf(e) });
        }
      }
    }
    return out;
  }),
};
