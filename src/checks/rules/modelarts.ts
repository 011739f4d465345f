import { featureDependencies, HUAWEI_GLOBAL_SERVICES, ModelArtsFeature } from '../../catalog/modelarts';
import { entries } from '../../model/platform';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** Seed 003: each ModelArts console feature needs the dependency roles/policies of its table row. */
export const featureWithoutDependencies: Rule = {
  id: 'AIAM-MA-001',
  severity: Severity.WARNING,
  title: 'ModelArts console feature granted without its dependency policies',
  description: 'ModelArts console features need the policies of the services they depend on (seed 003 table); without them pages fail to load or act.',
  fix: 'assign the missing policies to the group (ModelArtsAccess does it per feature)',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    for (const e of entries(model, 'modelarts-access')) {
      const s = e.envelope.settings as { group: string; features: ModelArtsFeature[] };
      const group = model.principals.find(p => p.cloud === 'huawei' && p.kind === 'group' && p.name === s.group);
      const held = new Set(group ? model.policiesOf(group).map(p => p.name) : []);
      for (const f of s.features) {
        const missing = featureDependencies(f).filter(d => !held.has(d));
        if (missing.length) out.push({ message: `group ${s.group} has ModelArts feature ${f} without ${missing.join(', ')}`, location: locationOf(e) });
      }
    }
    // Any group with a ModelArts system policy but without the common dependency policy.
    for (const p of model.principals.filter(x => x.cloud === 'huawei' && x.kind === 'group')) {
      const names = new Set(model.policiesOf(p).map(x => x.name));
      if ((names.has('ModelArts FullAccess') || names.has('ModelArts CommonOperations')) && !names.has('ModelArts Dependency Access')) {
        out.push({ message: `group ${p.name} has ModelArts but not "ModelArts Dependency Access", which every console feature needs`, location: locationOf(p) });
      }
    }
    return out;
  },
};

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
