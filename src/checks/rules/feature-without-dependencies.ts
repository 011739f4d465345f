import { featureDependencies, ModelArtsFeature } from '../../catalog/modelarts';
import { settingsOf } from '../../model/platform-settings';
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
    for (const { entry: e, settings: s } of settingsOf(model, 'modelarts-access')) {
      const group = model.principals.find(p => p.cloud === 'huawei' && p.kind === 'group' && p.name === s.group);
      const held = new Set(group ? model.policiesOf(group).map(p => p.name) : []);
      for (const f of s.features as ModelArtsFeature[]) {
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
