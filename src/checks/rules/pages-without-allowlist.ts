import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

type Allowlist = 'invoke' | 'tune' | 'deploy';
/** Pages and the allowlists that make them useful; tuned models can be called and deployed too (seed 000, 限制模型训练). */
const NEEDS: Array<{ pages: string[]; allowlists: Allowlist[] }> = [
  { pages: ['model-experience', 'batch-inference'], allowlists: ['invoke', 'tune'] },
  { pages: ['model-tuning'], allowlists: ['tune'] },
  { pages: ['model-deployment'], allowlists: ['deploy', 'tune'] },
];

export const pagesWithoutAllowlist: Rule = {
  id: 'AIAM-BAILIAN-005',
  severity: Severity.WARNING,
  title: 'Console pages without the model allowlist they need',
  description: 'Outside the default workspace, calling, tuning or deploying a model needs the workspace to allow that model first (seed 000).',
  fix: 'allow the models in the workspace (grantModelInvoke / grantModelTuning / grantModelDeployment, or allowInvoke ...)',
  // Admins get every page by design, to manage the workspace; the rule is about members who use the pages.
  check: ({ model }) => settingsOf(model, 'bailian-workspace').filter(({ settings: s }) => !s.default).flatMap(({ entry, settings: s }) => s.members.filter(m => !m.admin).flatMap(m =>
    NEEDS.filter(n => n.pages.some(p => (m.pages as string[]).includes(p)) && n.allowlists.every(a => (s.allowlists[a] ?? []).length === 0))
      .map(n => ({
        message: `${m.principal.kind}/${m.principal.name} has ${n.pages.filter(p => (m.pages as string[]).includes(p)).join(', ')} in ${s.name}, ` +
        `which allows no model to ${n.allowlists.join(' or ')}`,
        location: locationOf(entry),
      })))),
};
