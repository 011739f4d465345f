import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Names of users, groups, roles and custom policies are unique in an account: a second declaration fails at apply. */
export const duplicateNames: Rule = {
  id: 'AIAM-NAME-002',
  severity: Severity.ERROR,
  title: 'Two users, groups, roles or policies with one name in one account',
  description: 'Two resources of one stack and provider declare the same user, group, role or custom policy name; the cloud rejects the second at apply while synth and plan pass.',
  fix: 'give each a distinct name, or declare it once and reference it',
  check: ({ model }) => model.findings.filter(f => f.code === 'duplicate-name').map(f => ({ message: f.message, fix: f.fix, location: locationOf(f) })),
};
