import { Catalog } from '../catalog';
import { Finding, Suppression } from './finding';
import { RulePack } from './packs';
import { CheckContext, IRule } from './rule';
import { findSuppression, ScopedSuppression } from './suppressions';
import type { ModelParts } from '../model/build';
import { AccessModel } from '../model/model';

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

/**
 * The part of a model that is on the given clouds: a cloud pack's rules see only their cloud's principals, policies,
 * attachments and settings, so they judge nothing else (rather than judging everything and dropping findings).
 */
function scopedModel(model: AccessModel, clouds: readonly string[]): AccessModel {
  if (clouds.length === 0) return model;
  const on = (key: string | undefined) => !!key && clouds.includes(key.split(':')[0]);
  const atCloud = (address: string | undefined) => {
    const c = cloudOf(address);
    return c === undefined || clouds.includes(c);
  };
  const parts: ModelParts = {
    principals: new Map(model.principals.filter(p => clouds.includes(p.cloud)).map(p => [p.key, p])),
    policies: new Map(model.policies.filter(p => clouds.includes(p.cloud)).map(p => [p.key, p])),
    attachments: model.attachments.filter(a => on(a.principalKey)),
    memberships: model.memberships.filter(m => on(m.groupKey)),
    paiMembers: clouds.includes('alibaba') ? [...model.paiMembers] : [],
    settings: model.settings.filter(e => clouds.includes(e.envelope.cloud)),
    findings: model.findings.filter(f => atCloud(f.address)),
    skipped: model.skipped.filter(r => atCloud(r.address)),
    suppressions: [...model.suppressions],
    designatedAdmins: new Set(model.designatedAdmins),
  };
  return new AccessModel(model.input, parts, model.catalog);
}

/** Runs the packs' rules on a model; every finding carries its suppression when one covers it. */
export function runChecks(model: AccessModel, packs: readonly RulePack[], options: CheckOptions = {}): CheckReport {
  const admins = new Set([...(options.designatedAdmins ?? []), ...model.designatedAdmins]);
  const contexts = new Map<string, CheckContext>();
  const contextFor = (clouds: readonly string[]) => {
    const key = [...clouds].sort().join(',');
    if (!contexts.has(key)) {
      const scoped = scopedModel(model, clouds);
      contexts.set(key, CheckContext._create({ model: scoped, catalog: model.catalog ?? Catalog.load(), designatedAdmins: admins }));
    }
    return contexts.get(key)!;
  };
  const declared: ScopedSuppression[] = model.suppressions.map(s => ({
    ruleId: s.ruleId, reason: s.reason, declaredAt: s.constructPath, constructPath: s.constructPath,
  }));
  const suppressions = [...declared, ...(options.suppressions ?? [])];
  const rules = new Map<string, IRule>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const pack of packs) {
    const context = contextFor(pack.clouds);
    for (const rule of pack.rules) {
      rules.set(rule.id, rule);
      for (const draft of checkOne(rule, context)) {
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

/** Runs one rule; a rule that throws (a custom rule's bug) fails naming the rule, not with a bare stack trace. */
function checkOne(rule: IRule, context: CheckContext) {
  try {
    return rule.check(context) ?? [];
  } catch (e) {
    throw new Error(`rule ${rule.id} failed: ${(e as Error).message ?? e}. Fix: correct the rule's check method`);
  }
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
