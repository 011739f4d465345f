import { Catalog } from '../catalog';
import { Finding, Suppression } from './finding';
import { RulePack } from './packs';
import { Rule } from './rule';
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
  readonly rules: readonly Rule[];
}

const CLOUD_OF_ADDRESS: Array<[RegExp, string]> = [[/^alicloud_/, 'alibaba'], [/^volcengine_/, 'volcengine'], [/^huaweicloud_/, 'huawei']];

function cloudOf(address: string | undefined): string | undefined {
  return address ? CLOUD_OF_ADDRESS.find(([re]) => re.test(address.replace(/^module\.[^.]+\./, '')))?.[1] : undefined;
}

/** Runs the packs' rules on a model; every finding carries its suppression when one covers it. */
export function runChecks(model: AccessModel, packs: readonly RulePack[], options: CheckOptions = {}): CheckReport {
  const admins = new Set([...(options.designatedAdmins ?? []), ...model.designatedAdmins]);
  const ctx = { model, catalog: model.catalog ?? Catalog.load(), designatedAdmins: admins };
  const declared: ScopedSuppression[] = model.suppressions.map(s => ({
    ruleId: s.ruleId, reason: s.reason, declaredAt: s.constructPath, constructPath: s.constructPath,
  }));
  const suppressions = [...declared, ...(options.suppressions ?? [])];
  const rules = new Map<string, Rule>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack._rules) {
      rules.set(rule.id, rule);
      for (const draft of rule.check(ctx)) {
        const cloud = cloudOf(draft.location.address);
        if (pack.clouds.length && cloud && !pack.clouds.includes(cloud)) continue;
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
  // One order whatever the input's or the packs' order: CI diffs and SARIF baselines stay stable.
  findings.sort(compareFindings);
  return { findings, rules: [...rules.values()] };
}

function compareFindings(a: Finding, b: Finding): number {
  const key = (f: Finding) => [f.ruleId, f.location.stack ?? '', f.location.address ?? '', f.location.constructPath ?? '', f.location.pointer ?? '', f.message];
  const x = key(a);
  const y = key(b);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}
