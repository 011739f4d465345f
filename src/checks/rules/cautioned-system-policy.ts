import { cautionedSystemPolicy } from '../../catalog/system-policy-risks';
import { describePrincipal } from '../../model/model';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** The guides' own cautions about broad system policies (AliyunPAIFullAccess, AliyunBailianFullAccess, AliyunBSSOrderAccess). */
export const cautionedSystemPolicyRule: Rule = {
  id: 'AIAM-IAM-004',
  severity: Severity.WARNING,
  title: 'Broad system policy the guide cautions about',
  description: 'A system policy whose guide warns that it grants extensive permissions, attached to a principal that is not a designated admin.',
  fix: 'do these operations with the main account, or grant the narrower policies the task needs; designate the principal as an admin if it is one by design',
  check: ({ model, designatedAdmins }) => {
    const out: FindingDraft[] = [];
    for (const p of model.principals) {
      if (designatedAdmins.has(p.key) || designatedAdmins.has(`${p.kind}/${p.name}`)) continue;
      for (const b of model.directBindings(p)) {
        if (b.policy.kind !== 'system') continue;
        const c = cautionedSystemPolicy(p.cloud, b.policy.name);
        if (!c) continue;
        out.push({
          message: `${describePrincipal(p)} holds ${c.name}, which ${c.caution} (${c.source})`,
          location: locationOf(b.attachment),
        });
      }
    }
    return out;
  },
};
