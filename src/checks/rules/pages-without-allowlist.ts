import { PAGE_ALLOWLIST_NEEDS } from '../../catalog/bailian';
import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Seed 000: outside the default workspace, pages are useful only with the models allowed (catalog/bailian.ts). */
export const pagesWithoutAllowlist: Rule = {
  id: 'AIAM-BAILIAN-005',
  severity: Severity.WARNING,
  title: 'Console pages without the model allowlist they need',
  description: 'Outside the default workspace, calling, tuning or deploying a model needs the workspace to allow that model first (seed 000).',
  fix: 'allow the models in the workspace (grantModelInvoke / grantModelTuning / grantModelDeployment, or allowInvoke ...)',
  // Admins get every page by design, to manage the workspace; the rule is about members who use the pages.
  check: ({ model }) => settingsOf(model, 'bailian-workspace').filter(({ settings: s }) => !s.default).flatMap(({ entry, settings: s }) => s.members.filter(m => !m.admin).flatMap(m =>
    PAGE_ALLOWLIST_NEEDS.filter(n => n.pages.some(p => m.pages.includes(p)) && n.allowlists.every(a => (s.allowlists[a] ?? []).length === 0))
      .map(n => ({
        message: `${m.principal.kind}/${m.principal.name} has ${n.pages.filter(p => m.pages.includes(p)).join(', ')} in ${s.name}, ` +
        `which allows no model to ${n.allowlists.join(' or ')}`,
        location: locationOf(entry),
      })))),
};
