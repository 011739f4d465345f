import { LIMITS, NameRuleData } from '../../catalog/limits';
import { DIALECT_OF } from '../../model/build';
import { isUnknownValue, knownParts } from '../../policy/unknown';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** The characters a `^[...]{m,n}$` or `^.{m,n}$` name rule allows, as a one-character test; undefined for other shapes. */
function allowedChar(rule: NameRuleData): RegExp | undefined {
  const m = /^\^(\[[^\]]+\]|\.)\{\d+,\d+\}\$$/.exec(rule.pattern.source);
  return m ? new RegExp(`^${m[1]}$`, rule.pattern.flags) : undefined;
}

/**
 * Judges only what is known: a whole name against the rule; a partly known name (`tf-${random_integer.x.result}`) on
 * the characters of its known parts, and on length only when the known parts alone exceed it; an unknown name not at all.
 */
function judge(rule: NameRuleData, name: string | undefined, written: string | undefined): string | undefined {
  if (name !== undefined && !isUnknownValue(name)) return rule.pattern.test(name) ? undefined : `${rule.what} "${name}" is invalid`;
  if (written === undefined) return undefined;
  const parts = knownParts(written);
  const char = allowedChar(rule);
  const bad = char ? [...new Set(parts.join('').split('').filter(c => !char.test(c)))] : [];
  if (bad.length) return `${rule.what} "${parts.join('…')}" (partly known) has characters the cloud rejects: ${bad.map(c => JSON.stringify(c)).join(', ')}`;
  const length = parts.reduce((n, p) => n + p.length, 0);
  if (length > rule.maxLength) return `${rule.what} "${parts.join('…')}" (partly known) is longer than ${rule.maxLength} characters in its known parts alone`;
  return undefined;
}

/** Names the cloud rejects fail at apply. */
export const invalidNames: Rule = {
  id: 'AIAM-NAME-001',
  severity: Severity.ERROR,
  title: 'Name the cloud does not accept',
  description: 'User, group, role and policy names must follow each cloud\'s length and character rules. Only known text is judged: a partly known name on its known parts, an unknown name not at all.',
  fix: 'rename to match the rule in the message',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    for (const p of model.principals) {
      // SSO directory identities and Huawei IAM v5 identities follow naming rules the limits table does not hold
      // (v5 user names are 1-64 characters, group names up to 128 with Chinese characters): not judged.
      if (p.external || p.sso || p.v5) continue;
      const rule = LIMITS[DIALECT_OF[p.cloud]].names[p.kind];
      const message = judge(rule, p.name, p.writtenName);
      if (message) out.push({ message, fix: `use ${rule.description} (${rule.source})`, location: locationOf(p) });
    }
    for (const p of model.policies) {
      if (p.kind !== 'custom' || !p.address || !p.parsed) continue;
      const rule = LIMITS[p.dialect].names.policy;
      const message = judge(rule, p.nameKnown === false ? undefined : p.name, p.writtenName);
      if (message) out.push({ message, fix: `use ${rule.description} (${rule.source})`, location: locationOf(p) });
    }
    return out;
  },
};
