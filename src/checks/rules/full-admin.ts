import { describePrincipal } from '../../model/model';
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
    for (const p of model.principals) {
      const spec = `${p.kind}/${p.name}`;
      if (designatedAdmins.has(p.key) || designatedAdmins.has(spec)) continue;
      for (const b of model.bindings(p)) {
        if (b.viaGroup) continue; // reported on the group itself
        for (const st of b.policy.parsed?.statements ?? []) {
          if (st.effect !== 'Allow' || st.conditions.length || !st.actions || (st.resources && !st.resources.some(isWildcardOnly))) continue;
          const all = st.actions.find(a => a.normalized === '*' || a.normalized === '*:*' || a.normalized === '*:*:*');
          const service = st.actions.find(a => /^[a-z0-9_-]+:\*(:\*)?$/.test(a.normalized));
          if (!all && !service) continue;
          out.push({
            severity: all ? Severity.ERROR : Severity.WARNING,
            message: `${describePrincipal(p)} gets "${(all ?? service)!.text}" on every resource from ${b.policy.kind} policy ${b.policy.name} statement ${st.index}` +
              ` via ${b.attachment.address ?? 'an attachment'}${p.kind === 'group' ? ' (and every member of the group)' : ''}`,
            location: locationOf(b.attachment),
          });
        }
      }
    }
    return out;
  },
};
