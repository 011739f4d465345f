import { QUEUE_CREATOR_ACTIONS } from '../../catalog/vemlp';
import { Decision } from '../../policy/types';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

function queues(model: Parameters<Rule['check']>[0]['model']) {
  return model.settings.filter(s => s.envelope.kind === 'vemlp-queue');
}

/** Seed 001: "资源管理员需主动为队列管理员的成员添加 IAM 相关策略,否则队列管理员将无法正常编辑队列内成员". */
export const queueAdminIam: Rule = {
  id: 'AIAM-VEMLP-001',
  severity: Severity.WARNING,
  title: 'veMLP queue admin without the IAM permissions to manage members',
  description: 'Queue admins edit the queue\'s members through IAM; without IAMFullAccess or the queue-creator policy the console cannot change members.',
  fix: 'attach QueueCreatorPolicy (or IAMFullAccess) to the queue admins',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    for (const q of queues(model)) {
      const admins = (q.envelope.settings.admins ?? []) as Array<{ kind: string; name: string }>;
      for (const a of admins) {
        const p = model.principals.find(x => x.cloud === 'volcengine' && x.kind === a.kind && x.name === a.name);
        if (!p) continue;
        const missing = QUEUE_CREATOR_ACTIONS.filter(action => {
          const d = model.can(p, { action }).decision;
          return d === Decision.IMPLICIT_DENY || d === Decision.EXPLICIT_DENY;
        });
        if (missing.length) {
          out.push({ message: `queue ${String(q.envelope.settings.queueId)} admin ${a.kind}/${a.name} lacks ${missing.join(', ')}`, location: locationOf(q) });
        }
      }
    }
    return out;
  },
};

/** Caps are validated at synth; plans edited by hand or produced elsewhere are checked here. */
export const queueCapsOverQueue: Rule = {
  id: 'AIAM-VEMLP-002',
  severity: Severity.ERROR,
  title: 'veMLP user cap over the queue',
  description: 'A per-user usage cap above 100% or above the queue\'s capacity cannot be applied.',
  fix: 'lower the cap to at most 100% or the queue capacity',
  check: ({ model }) => queues(model).flatMap(q => {
    const capacity = q.envelope.settings.capacity as number | null | undefined;
    const caps = (q.envelope.settings.userCaps ?? []) as Array<{ user: string; percent?: number; absolute?: number }>;
    return caps.filter(c => (c.percent ?? 0) > 100 || (capacity != null && (c.absolute ?? 0) > capacity)).map(c => ({
      message: `queue ${String(q.envelope.settings.queueId)}: cap for ${c.user} is ${c.percent !== undefined ? `${c.percent}%` : c.absolute}` +
        `${capacity != null ? ` (capacity ${capacity})` : ''}`,
      location: locationOf(q),
    }));
  }),
};
