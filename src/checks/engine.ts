import { Catalog } from '../catalog';
import { Finding, Suppression } from './finding';
import { RulePack } from './packs';
import { CheckContext, IRule } from './rule';
import { findSuppression, ScopedSuppression } from './suppressions';
import type { AccessModel } from '../model/model';

export interface CheckOptions {
  /** Principals allowed full-admin grants: `alibaba:user/alice` keys or `user/alice` specs. */
  readonly designatedAdmins?: readonly string[];
  /** Suppressions from a file (plan-only users); construct suppressions come from the model. */
  readonly suppressions?: readonly ScopedSuppression[];
}

export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly rules: readonly IRule[];
}

const CLOUD_OF_ADDRESS: Array<[RegExp, string]> = [[/^alicloud_/, 'alibaba'], [/^volcengine_/, 'volcengine'], [/^huaweicloud_/, 'huawei']];

function cloudOf(address: string | undefined): string | undefined {
  return address ? CLOUD_OF_ADDRESS.find(([re]) => re.test(address.replace(/^module\.[^.]+\./, '')))?.[1] : undefined;
}

/** Runs the packs' rules on a model; every finding carries its suppression when one covers it. */
export function runChecks(model: AccessModel, packs: readonly RulePack[], options: CheckOptions = {}): CheckReport {
  const admins = new Set([...(options.designatedAdmins ?? []), ...model.designatedAdmins]);
  const context = CheckContext._create({ model, catalog: model.catalog ?? Catalog.load(), designatedAdmins: admins });
  const declared: ScopedSuppression[] = model.suppressions.map(s => ({
    ruleId: s.ruleId, reason: s.reason, declaredAt: s.constructPath, constructPath: s.constructPath,
  }));
  const suppressions = [...declared, ...(options.suppressions ?? [])];
  const rules = new Map<string, IRule>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      rules.set(rule.id, rule);
      for (const draft of checkOne(rule, context)) {
        // A cloud pack's scope: the IAM rules it shares with the other clouds' packs report only on its cloud.
        const cloud = cloudOf(draft.location.address);
        if (pack.clouds.length && cloud && !(pack.clouds as string[]).includes(cloud)) continue;
        const key = `${rule.id}|${draft.location.address}|${draft.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const suppressed: Suppression | undefined = findSuppression(suppressions, rule.id, draft.location.address, draft.location.constructPath);
        findings.push({
          ruleId: rule.id,
          severity: draft.severity ?? rule.severity,
          title: rule.title,
          message: draft.message,
          fix: draft.fix ?? rule.fix,
          location: draft.location,
          ...(suppressed ? { suppressed } : {}),
        });
      }
    }
  }
  return { findings, rules: [...rules.values()] };
}

/** Runs one rule; a rule that throws (a custom rule's bug) fails naming the rule, not with a bare stack trace. */
function checkOne(rule: IRule, context: CheckContext) {
  try {
    return rule.check(context) ?? [];
  } catch (e) {
    throw new Error(`rule ${rule.id} failed: ${(e as Error).message ?? e}. Fix: correct the rule's check method`);
  }
}
