import { Rule } from './rule';
import { apiKeyOwnerNotMember, defaultWorkspaceRestricted, pagesWithoutAllowlist, quotaOverAllocated, ramUserApiKey } from './rules/bailian';
import { fullAdmin } from './rules/full-admin';
import { danglingReference, invalidPolicyDocument, unknownSystemPolicy, unmodelledModule, unresolvedAttachment } from './rules/model-findings';
import { featureWithoutDependencies, mixedScopePolicy } from './rules/modelarts';
import { invalidNames } from './rules/names';
import { policyCount } from './rules/policy-count';
import { policySize } from './rules/policy-size';
import { privilegeEscalation } from './rules/privilege-escalation';
import { resourceScopedWithoutResourceLevel } from './rules/resource-level';
import { denyOnlyPolicy, duplicateStatement, unreachableStatement } from './rules/statement-hygiene';
import { unknownActions } from './rules/unknown-actions';
import { queueAdminIam, queueCapsOverQueue } from './rules/vemlp';

/** Every rule, in report order. Cloud packs filter findings by the cloud of what they point at. */
const ALL_RULES: readonly Rule[] = [
  policySize, policyCount, invalidNames, fullAdmin, privilegeEscalation, resourceScopedWithoutResourceLevel, unknownActions,
  denyOnlyPolicy, unreachableStatement, duplicateStatement, danglingReference, unknownSystemPolicy, invalidPolicyDocument, unresolvedAttachment,
  unmodelledModule,
  queueAdminIam, queueCapsOverQueue,
  quotaOverAllocated, defaultWorkspaceRestricted, apiKeyOwnerNotMember, ramUserApiKey, pagesWithoutAllowlist,
  featureWithoutDependencies, mixedScopePolicy,
];

/**
 * A named set of rules, run by `aiam check --pack NAME` or at synth time by `Checks.of(app).add(pack)`.
 *
 * @example
 * Checks.of(app).add(new VolcenginePack());
 */
export class RulePack {
  /** @internal */
  public readonly _rules: readonly Rule[];

  /**
   * @param name the pack's name, as `--pack` takes it
   * @param clouds the clouds whose findings the pack reports; empty for all
   */
  constructor(public readonly name: string, public readonly clouds: string[] = []) {
    this._rules = ALL_RULES;
  }

  /** Ids of the rules in this pack. */
  public get ruleIds(): string[] {
    return this._rules.map(r => r.id);
  }
}

/** Everything: all rules for Alibaba Cloud, Volcengine and Huawei Cloud. */
export class AiPlatformPack extends RulePack {
  constructor() {
    super('ai-platform');
  }
}

/** Rules for Alibaba Cloud RAM, Model Studio, PAI and PAI-Rec. */
export class AlibabaCloudPack extends RulePack {
  constructor() {
    super('alibaba', ['alibaba']);
  }
}

/** Rules for Volcengine IAM and veMLP. */
export class VolcenginePack extends RulePack {
  constructor() {
    super('volcengine', ['volcengine']);
  }
}

/** Rules for Huawei Cloud IAM and ModelArts. */
export class HuaweiCloudPack extends RulePack {
  constructor() {
    super('huawei', ['huawei']);
  }
}

export function packByName(name: string): RulePack | undefined {
  return [new AiPlatformPack(), new AlibabaCloudPack(), new VolcenginePack(), new HuaweiCloudPack()].find(p => p.name === name);
}

export const PACK_NAMES = ['ai-platform', 'alibaba', 'volcengine', 'huawei'];

export function allRules(): readonly Rule[] {
  return ALL_RULES;
}
