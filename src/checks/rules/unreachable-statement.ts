import type { ParsedStatement } from '../../policy/parse';
import { isWildcardOnly } from '../../policy/parse';
import { matchesWildcard } from '../../policy/wildcard';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** An unconditional Deny on every resource covers an Allow when each Allow action pattern matches the Deny's. */
function covers(deny: ParsedStatement, allow: ParsedStatement): boolean {
  if (deny.conditions.length || !deny.actions || deny.notActions || (deny.resources && !deny.resources.some(isWildcardOnly))) return false;
  if (!allow.actions || allow.notActions) return false;
  return allow.actions.every(a => deny.actions!.some(d => matchesWildcard(d.normalized, a.normalized, false)));
}

export const unreachableStatement: Rule = {
  id: 'AIAM-POL-004',
  severity: Severity.WARNING,
  title: 'Allow statement shadowed by a broader Deny',
  description: 'Every action of the Allow statement is denied unconditionally on every resource by a Deny in the same policy: the Allow can never take effect.',
  fix: 'remove the shadowed Allow statement, or narrow the Deny',
  check: ({ model }) => model.policies.flatMap(p => {
    const sts = p.parsed?.statements ?? [];
    const out: FindingDraft[] = [];
    for (const allow of sts.filter(s => s.effect === 'Allow')) {
      const deny = sts.find(d => d.effect === 'Deny' && covers(d, allow));
      if (deny && p.kind === 'custom') out.push({ message: `policy ${p.name}: statement ${allow.index} (Allow) is denied entirely by statement ${deny.index}`, location: locationOf(p) });
    }
    return out;
  }),
};
