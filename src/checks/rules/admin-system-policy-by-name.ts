import { AdminPolicyRisk, adminSystemPolicy } from '../../catalog/system-policy-risks';
import { describePrincipal } from '../../model/model';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/**
 * Administrative system policies whose documents the catalog lacks: the evaluator can only answer "unknown" for
 * them, so without this rule AdministratorAccess on a RAM user gave no finding at all.
 */
export const adminSystemPolicyByName: Rule = {
  id: 'AIAM-IAM-003',
  severity: Severity.ERROR,
  title: 'Administrative system policy (known by name) outside a designated admin',
  description: 'AdministratorAccess, AliyunRAMFullAccess, IAMFullAccess, Tenant Administrator and the like grant full administration ' +
    'or IAM administration (a path to any access). Their documents are not in the catalog, so they are judged by name.',
  fix: 'grant only the actions the principal needs, or mark the principal as a designated admin (SuperAdmin construct, or `aiam check --admin KIND/NAME`)',
  check: ({ model, designatedAdmins }) => {
    const out: FindingDraft[] = [];
    for (const p of model.principals) {
      if (designatedAdmins.has(p.key) || designatedAdmins.has(`${p.kind}/${p.name}`)) continue;
      for (const b of model.directBindings(p)) {
        // Inherited grants are reported on the group itself; known documents by AIAM-IAM-001/002.
        if (b.policy.kind !== 'system' || b.policy.parsed) continue;
        const admin = adminSystemPolicy(p.cloud, b.policy.name);
        if (!admin) continue;
        out.push({
          message: `${describePrincipal(p)} holds system policy ${admin.name}, which ${admin.why}` +
            `${admin.risk === AdminPolicyRisk.ESCALATION ? ': a path to any other access (privilege escalation)' : ' (full admin)'}` +
            ` via ${b.attachment.address ?? 'an attachment'}${p.kind === 'group' ? ' (and every member of the group)' : ''}`,
          location: locationOf(b.attachment),
        });
      }
    }
    return out;
  },
};
