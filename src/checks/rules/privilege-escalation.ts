import { describePrincipal } from '../../model/model';
import type { Cloud, Principal } from '../../model/types';
import type { EvaluationResult } from '../../policy/evaluate';
import { Decision } from '../../policy/types';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/**
 * IAM write actions that let a principal raise its own access. For each: what it enables, and a resource the
 * request is checked against (the principal itself where the action is resource-level).
 */
const ESCALATIONS: Record<Cloud, Array<{ action: string; why: string; self?: (p: Principal) => string }>> = {
  alibaba: [
    { action: 'ram:AttachPolicyToUser', why: 'attach any policy (AdministratorAccess included) to itself', self: p => `acs:ram:*:*:user/${p.name}` },
    { action: 'ram:AttachPolicyToGroup', why: 'attach any policy to a group it belongs to' },
    { action: 'ram:AttachPolicyToRole', why: 'attach any policy to a role it can assume' },
    { action: 'ram:CreatePolicyVersion', why: 'rewrite a policy attached to itself by creating a new default version' },
    { action: 'ram:SetDefaultPolicyVersion', why: 'switch a policy attached to itself to a more permissive version' },
    { action: 'ram:AddUserToGroup', why: 'add itself to a more privileged group' },
    { action: 'ram:CreateAccessKey', why: 'create access keys for other users and act as them' },
    { action: 'ram:PassRole', why: 'pass a more privileged role to a service it controls' },
    { action: 'ram:UpdateRole', why: 'change a role\'s trust policy so it can assume the role' },
  ],
  volcengine: [
    { action: 'iam:AttachUserPolicy', why: 'attach any policy to itself', self: p => `trn:iam::*:user/${p.name}` },
    { action: 'iam:AttachUserGroupPolicy', why: 'attach any policy to a group it belongs to' },
    { action: 'iam:AttachRolePolicy', why: 'attach any policy to a role it can assume' },
    { action: 'iam:UpdatePolicy', why: 'rewrite a custom policy attached to itself' },
    { action: 'iam:AddUserToGroup', why: 'add itself to a more privileged group' },
    { action: 'iam:CreateAccessKey', why: 'create access keys for other users and act as them' },
    { action: 'iam:UpdateRole', why: 'change a role\'s trust policy so it can assume the role' },
  ],
  huawei: [
    { action: 'iam:permissions:grantRoleToGroupOnProject', why: 'grant any role to a group it belongs to' },
    { action: 'iam:permissions:grantRoleToGroup', why: 'grant any global role to a group it belongs to' },
    { action: 'iam:roles:updateRole', why: 'rewrite a custom policy assigned to its groups' },
    { action: 'iam:groups:addUserToGroup', why: 'add itself to a more privileged group' },
    { action: 'iam:credentials:createCredential', why: 'create access keys for other users and act as them' },
  ],
};

export const privilegeEscalation: Rule = {
  id: 'AIAM-IAM-002',
  severity: Severity.ERROR,
  title: 'IAM write action that allows privilege escalation',
  description: 'Attaching policies, rewriting policy versions, passing roles, joining groups or creating access keys for others lets a principal give itself more access.',
  fix: 'remove the IAM write action, or scope it to resources the principal cannot use to escalate (and mark real administrators as designated admins)',
  check: ({ model, designatedAdmins }) => {
    const out: FindingDraft[] = [];
    // Each policy is evaluated once per escalation action and shared by every principal it is attached to (as in
    // who-can); only the request on the principal itself differs per principal.
    const memos = new Map<string, Array<EvaluationResult | undefined>>();
    const memoFor = (action: string) => memos.get(action) ?? memos.set(action, new Array(model.policies.length)).get(action)!;
    // The request on the principal itself can only differ where a policy grants the action on specific resources.
    const scoped = new Map<string, Map<string, string[]>>();
    const mayGrantOnSelf = (p: Principal, action: string) => {
      const byPolicy = scoped.get(action) ?? scoped.set(action, model.resourceScopedGrants(action)).get(action)!;
      return byPolicy.size > 0 && model.policiesOf(p).some(x => byPolicy.has(x.key));
    };
    for (const p of model.principals) {
      if (p.external || designatedAdmins.has(p.key) || designatedAdmins.has(`${p.kind}/${p.name}`)) continue;
      if (model.policiesOf(p).length === 0) continue;
      for (const e of ESCALATIONS[p.cloud]) {
        const resources = [undefined, e.self && p.name && mayGrantOnSelf(p, e.action) ? e.self(p) : undefined].filter((r, i) => i === 0 || r);
        for (const resource of resources) {
          const a = model.can(p, { action: e.action, resource }, OPEN_CONTEXT, resource === undefined ? memoFor(e.action) : undefined);
          if (a.decision !== Decision.ALLOW) continue;
          const path = a.chain.map(c => `${c.viaGroup ? `${c.viaGroup} -> ` : ''}${c.attachment} -> ${c.policy}#${c.statement}`).join('; ');
          out.push({
            message: `${describePrincipal(p)} can ${e.action}${resource ? ` on ${resource}` : ''} and so ${e.why}; path: ${path}` +
              (a.openConditions.length ? ` (${a.openConditions.join('; ')})` : ''),
            location: locationOf(p),
          });
          break;
        }
      }
    }
    return out;
  },
};

const OPEN_CONTEXT = { openContext: true };
