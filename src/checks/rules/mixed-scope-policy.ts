import { HUAWEI_GLOBAL_SERVICES } from '../../catalog/modelarts';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Seed 003, 示例3: services in one custom policy must share one scope (all project-level or all global). */
export const mixedScopePolicy: Rule = {
  id: 'AIAM-MA-002',
  severity: Severity.ERROR,
  title: 'Huawei custom policy mixing project-level and global services',
  description: 'A custom policy is displayed and assigned either at project level (XA) or globally (AX); mixing services of both kinds cannot be assigned correctly.',
  fix: 'split the policy into one for global services (AX) and one for project-level services (XA)',
  check: ({ model }) => model.policies.filter(p => p.cloud === 'huawei' && p.kind === 'custom' && p.parsed).flatMap(p => {
    const services = new Set(p.parsed!.statements.flatMap(s => (s.actions ?? []).map(a => a.service).filter((x): x is string => !!x)));
    const global = [...services].filter(s => HUAWEI_GLOBAL_SERVICES.includes(s));
    const project = [...services].filter(s => !HUAWEI_GLOBAL_SERVICES.includes(s));
    return global.length && project.length
      ? [{ message: `policy ${p.name} mixes global (${global.join(', ')}) and project-level (${project.join(', ')}) services`, location: locationOf(p) }] : [];
  }),
};
