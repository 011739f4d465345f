import type { ParsedStatement } from '../../policy/parse';
import { isWildcardOnly } from '../../policy/parse';
import { matchesWildcard } from '../../policy/wildcard';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

export const denyOnlyPolicy: Rule = {
  id: 'AIAM-POL-003',
  severity: Severity.INFO,
  title: 'Deny-only policy',
  description: 'A policy with only Deny statements grants nothing by itself; it works only next to policies that allow (huawei-iam.md §4).',
  fix: 'make sure the principals it is attached to get their allows elsewhere, or add the Allow statements it is meant to limit',
  check: ({ model }) => model.policies
    .filter(p => p.kind === 'custom' && p.parsed && p.parsed.statements.length > 0 && p.parsed.statements.every(s => s.effect === 'Deny'))
    .map(p => ({ message: `policy ${p.name} has only Deny statements`, location: locationOf(p) })),
};

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

function canonical(s: ParsedStatement): string {
  const sorted = (xs?: ReadonlyArray<{ normalized: string }>) => xs?.map(x => x.normalized).sort();
  return JSON.stringify([s.effect, sorted(s.actions), sorted(s.notActions), sorted(s.resources), sorted(s.notResources),
    s.conditions.map(c => [c.operator, c.key.toLowerCase(), c.values.map(v => v.text).sort()]).sort()]);
}

export const duplicateStatement: Rule = {
  id: 'AIAM-POL-005',
  severity: Severity.WARNING,
  title: 'Duplicate statement',
  description: 'Two statements of one policy say the same thing; the copy adds size and review noise.',
  fix: 'remove the duplicate statement',
  check: ({ model }) => model.policies.flatMap(p => {
    const seen = new Map<string, number>();
    const out: FindingDraft[] = [];
    for (const s of p.kind === 'custom' ? p.parsed?.statements ?? [] : []) {
      const key = canonical(s);
      const first = seen.get(key);
      if (first !== undefined) out.push({ message: `policy ${p.name}: statement ${s.index} repeats statement ${first}`, location: locationOf(p) });
      else seen.set(key, s.index);
    }
    return out;
  }),
};
