import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

export const defaultWorkspaceRestricted: Rule = {
  id: 'AIAM-BAILIAN-002',
  severity: Severity.ERROR,
  title: 'Restriction on the default workspace',
  description: 'The default workspace allows every model and cannot be restricted or rate-limited (seed 000).',
  fix: 'move the restriction to a workspace of its own',
  check: ({ model }) => settingsOf(model, 'bailian-workspace').filter(({ settings: s }) =>
    s.default && (s.rateLimits.length > 0 || Object.values(s.allowlists).some(v => v !== null)))
    .map(({ entry, settings: s }) => ({ message: `default workspace ${s.name} (${s.region}) has model allowlists or rate limits`, location: locationOf(entry) })),
};
