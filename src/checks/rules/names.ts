import { LIMITS } from '../../catalog/limits';
import { DIALECT_OF } from '../../model/build';
import { isUnknownValue } from '../../policy/unknown';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** Names the cloud rejects fail at apply. */
export const invalidNames: Rule = {
  id: 'AIAM-NAME-001',
  severity: Severity.ERROR,
  title: 'Name the cloud does not accept',
  description: 'User, group, role and policy names must follow each cloud\'s length and character rules.',
  fix: 'rename to match the rule in the message',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    for (const p of model.principals) {
      if (p.external || !p.name || isUnknownValue(p.name)) continue;
      const rule = LIMITS[DIALECT_OF[p.cloud]].names[p.kind];
      if (!rule.pattern.test(p.name)) out.push({ message: `${rule.what} "${p.name}" is invalid`, fix: `use ${rule.description} (${rule.source})`, location: locationOf(p) });
    }
    for (const p of model.policies) {
      if (p.kind !== 'custom' || !p.address || !p.parsed) continue;
      const rule = LIMITS[p.dialect].names.policy;
      if (!rule.pattern.test(p.name)) out.push({ message: `${rule.what} "${p.name}" is invalid`, fix: `use ${rule.description} (${rule.source})`, location: locationOf(p) });
    }
    return out;
  },
};
