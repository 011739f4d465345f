import { QUEUE_ADMIN_IAM_ACTIONS } from '../../catalog/vemlp';
import { describePrincipal } from '../../model/model';
import { Decision } from '../../policy/types';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Of the admin policy's IAM actions (Resource "*"), the two that hand out access. */
const GRANTING = ['iam:AttachUserGroupPolicy', 'iam:AddUserToGroup'].filter(a => QUEUE_ADMIN_IAM_ACTIONS.includes(a));

/**
 * Seed 001: the console gives queue admins q-<queue-id>-admin-policy, whose IAM statement (Resource "*") lets them
 * attach any policy to any group and add any user to any group. Whoever a queue records as admin can therefore
 * raise anyone's access, their own included, unless that is by design.
 */
export const queueAdminEscalation: Rule = {
  id: 'AIAM-VEMLP-003',
  severity: Severity.ERROR,
  title: 'veMLP queue admin who can attach policies and add users to any group',
  description: 'The queue admin policy the veMLP console binds to a queue\'s admins grants iam:AttachUserGroupPolicy and iam:AddUserToGroup on every resource: a path to any access.',
  fix: 'designate the queue admins as administrators (they are by the guide\'s design: `aiam check --admin KIND/NAME`), or give the queue fewer admins',
  check: ({ model, designatedAdmins }) => {
    const grants = GRANTING;
    return model.settings.filter(q => q.envelope.kind === 'vemlp-queue').flatMap(q => {
      const s = q.envelope.settings as { queueId: string; admins?: Array<{ kind: string; name: string }> };
      return (s.admins ?? []).filter(a => !designatedAdmins.has(`${a.kind}/${a.name}`) && !designatedAdmins.has(`volcengine:${a.kind}/${a.name}`)).flatMap(a => {
        const p = model.principals.find(x => x.cloud === 'volcengine' && x.kind === a.kind && x.name === a.name);
        // Where the model holds the admin policy for a principal it judges (not external), AIAM-IAM-002 reports the
        // escalation with its path; this rule speaks for the rest (console-managed users, policies the model lacks).
        if (p && !p.external && grants.some(action => model.can(p, { action }).decision === Decision.ALLOW)) return [];
        return [{
          message: `${p ? describePrincipal(p) : `volcengine:${a.kind}/${a.name}`} is an admin of queue ${s.queueId}, so the queue's admin policy ` +
            `(${s.queueId}-admin-policy) gives it ${grants.join(' and ')} on every group: it can raise anyone's access, its own included`,
          location: locationOf(q),
        }];
      });
    });
  },
};
