import { describePrincipal } from '../../model/model';
import type { PolicyEntity } from '../../model/types';
import { isWildcardOnly } from '../../policy/parse';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** `*` or `service:*` on every resource without conditions: everything a compromised identity could do. */
export const fullAdmin: Rule = {
  id: 'AIAM-IAM-001',
  severity: Severity.ERROR,
  title: 'Full-admin grant outside a designated admin',
  description: 'An Allow of "*" (every action) or "service:*" on every resource without conditions, reaching a principal that is not a designated administrator.',
  fix: 'grant only the actions the principal needs, or mark the principal as a designated admin (SuperAdmin construct, or `aiam check --admin KIND/NAME`)',
  check: ({ model, designatedAdmins }) => {
    const out: FindingDraft[] = [];
    // Per policy once: a policy attached to thousands of principals is read once.
    const broad = new Map<PolicyEntity, BroadGrant[]>();
    for (const p of model.principals) {
      const spec = `${p.kind}/${p.name}`;
      if (designatedAdmins.has(p.key) || designatedAdmins.has(spec)) continue;
      // Inherited grants are reported on the group itself.
      for (const b of model.directBindings(p)) {
        let grants = broad.get(b.policy);
        if (!grants) broad.set(b.policy, grants = broadGrants(b.policy));
        for (const { statement, pattern, all } of grants) {
          out.push({
            severity: all ? Severity.ERROR : Severity.WARNING,
            message: `${describePrincipal(p)} gets "${pattern}" on every resource from ${b.policy.kind} policy ${b.policy.name} statement ${statement}` +
              ` via ${b.attachment.address ?? 'an attachment'}${p.kind === 'group' ? ' (and every member of the group)' : ''}`,
            location: locationOf(b.attachment),
          });
        }
      }
    }
    return out;
  },
};

interface BroadGrant { readonly statement: number; readonly pattern: string; readonly all: boolean }

function broadGrants(policy: PolicyEntity): BroadGrant[] {
  const out: BroadGrant[] = [];
  for (const st of policy.parsed?.statements ?? []) {
    if (st.effect !== 'Allow' || st.conditions.length || !st.actions || (st.resources && !st.resources.some(isWildcardOnly))) continue;
    const all = st.actions.find(a => a.normalized === '*' || a.normalized === '*:*' || a.normalized === '*:*:*');
    const service = st.actions.find(a => /^[a-z0-9_-]+:\*(:\*)?$/.test(a.normalized));
    if (all || service) out.push({ statement: st.index, pattern: (all ?? service)!.text, all: !!all });
  }
  return out;
}
