import { QUEUE_CREATOR_ACTIONS } from '../../catalog/vemlp';
import { settingsOf } from '../../model/platform-settings';
import { Decision } from '../../policy/types';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** Seed 001: "资源管理员需主动为队列管理员的成员添加 IAM 相关策略,否则队列管理员将无法正常编辑队列内成员". */
export const queueAdminIam: Rule = {
  id: 'AIAM-VEMLP-001',
  severity: Severity.WARNING,
  title: 'veMLP queue admin without the IAM permissions to manage members',
  description: 'Queue admins edit the queue\'s members through IAM; without IAMFullAccess or the queue-creator policy the console cannot change members.',
  fix: 'attach QueueCreatorPolicy (or IAMFullAccess) to the queue admins',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    for (const { entry: q, settings } of settingsOf(model, 'vemlp-queue')) {
      for (const a of settings.admins) {
        const p = model.principals.find(x => x.cloud === 'volcengine' && x.kind === a.kind && x.name === a.name);
        if (!p) continue;
        const missing = QUEUE_CREATOR_ACTIONS.filter(action => {
          const d = model.can(p, { action }).decision;
          return d === Decision.IMPLICIT_DENY || d === Decision.EXPLICIT_DENY;
        });
        if (missing.length) {
          out.push({ message: `queue ${settings.queueId} admin ${a.kind}/${a.name} lacks ${missing.join(', ')}`, location: locationOf(q) });
        }
      }
    }
    return out;
  },
};
