import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

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
