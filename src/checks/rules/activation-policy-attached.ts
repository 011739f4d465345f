import { PAI_ACTIVATION_POLICIES } from '../../catalog/pai';
import { describePrincipal } from '../../model/model';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** Policy name → the services it activates (seed 004, "Policy required for activation"). */
const ACTIVATES = new Map<string, string[]>();
for (const [service, policies] of Object.entries(PAI_ACTIVATION_POLICIES)) {
  for (const p of policies) ACTIVATES.set(p, [...(ACTIVATES.get(p) ?? []), service]);
}

/**
 * Seed 004: "We recommend using the Alibaba Cloud account to activate other cloud services ... and controlling RAM
 * accounts' access to other cloud services through RAM policies". Activation is a one-off; the FullAccess policy
 * that allows it stays attached and keeps granting everything on the service.
 */
export const activationPolicyAttached: Rule = {
  id: 'AIAM-PAI-001',
  severity: Severity.WARNING,
  title: 'Service activation through a permanently attached FullAccess policy',
  description: 'A RAM principal holds a policy that PAI\'s guide lists only for activating a dependent service (OSS, NAS, VPC, SLS, ...). ' +
    'The guide recommends activating with the Alibaba Cloud account and granting RAM principals narrower policies for use.',
  fix: 'activate the service once with the main account and drop the activation policy (PaiAccess without activateFeatures); grant usage through the service\'s own RAM policies',
  check: ({ model, designatedAdmins }) => {
    const out: FindingDraft[] = [];
    for (const p of model.principals) {
      if (p.cloud !== 'alibaba' || designatedAdmins.has(p.key) || designatedAdmins.has(`${p.kind}/${p.name}`)) continue;
      for (const b of model.directBindings(p)) {
        const services = b.policy.kind !== 'system' ? undefined : ACTIVATES.get(b.policy.name);
        if (!services) continue;
        out.push({
          message: `${describePrincipal(p)} holds ${b.policy.name}, the activation policy of ${services.join(', ')}, permanently via ${b.attachment.address ?? 'an attachment'}`,
          location: locationOf(b.attachment),
        });
      }
    }
    return out;
  },
};
