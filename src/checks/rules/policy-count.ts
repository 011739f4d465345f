import { LIMITS } from '../../catalog/limits';
import { DIALECT_OF } from '../../model/build';
import { describePrincipal } from '../../model/model';
import type { Attachment } from '../../model/types';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Attachments beyond the per-principal quota fail at apply. */
export const policyCount: Rule = {
  id: 'AIAM-POL-002',
  severity: Severity.ERROR,
  title: 'Too many policies attached to one principal',
  description: 'Each cloud caps the custom and system policies attached directly to one user, group or role (RAM: 10 custom, 20 system).',
  fix: 'merge custom policies, attach policies to a group instead of each user, or request a quota increase',
  check: ({ model }) => {
    // Grouped once: scanning every attachment for every principal made 100k-user checks quadratic.
    const byPrincipal = new Map<string, Attachment[]>();
    for (const a of model.attachments) {
      const list = byPrincipal.get(a.principalKey);
      if (list) list.push(a);
      else byPrincipal.set(a.principalKey, [a]);
    }
    return model.principals.flatMap(p => {
      const direct = (byPrincipal.get(p.key) ?? []).map(a => model.policy(a.policyKey)).filter(x => !!x);
      const limits = LIMITS[DIALECT_OF[p.cloud]];
      const custom = direct.filter(x => x!.kind === 'custom').length;
      const system = direct.filter(x => x!.kind === 'system').length;
      const out = [];
      if (custom > limits.customPoliciesPerPrincipal) {
        out.push({ message: `${describePrincipal(p)} has ${custom} custom policies attached; the limit is ${limits.customPoliciesPerPrincipal}`, location: locationOf(p) });
      }
      if (system > limits.systemPoliciesPerPrincipal) {
        out.push({ message: `${describePrincipal(p)} has ${system} system policies attached; the limit is ${limits.systemPoliciesPerPrincipal}`, location: locationOf(p) });
      }
      return out;
    });
  },
};
