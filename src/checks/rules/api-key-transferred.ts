import { apiKeyReplacements } from '../../model/settings-changes';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/**
 * Seed 000: "单个 API Key 只能归属一个地域内的一个业务空间和一个用户,且不能转移给其他业务空间或其他用户". A plan that moves
 * a recorded key to another workspace, region or owner is really a new key; the old one stops working for whoever
 * holds it. Needs a before side: judged on plans with a prior_state (`aiam diff` shows the same replacements).
 */
export const apiKeyTransferred: Rule = {
  id: 'AIAM-BAILIAN-006',
  severity: Severity.WARNING,
  title: 'API key moved to another workspace or owner (a replacement)',
  description: 'A Model Studio API key belongs to one workspace and one owner in one region and cannot be transferred; changing either means deleting the key and creating a new one.',
  fix: 'create a new key for the new workspace or owner (a new ApiKeyGrant id), hand it to the callers, then delete the old key',
  check: ({ model }) => {
    const before = model.input?.priorSettings;
    if (!before) return [];
    return apiKeyReplacements(before, model.settings).map(r => ({
      message: `API key ${r.name}: ${r.changes.join(', ')}. Keys cannot be transferred: this replaces the key, and the old key stops working for its callers`,
      location: locationOf(r.after),
    }));
  },
};
