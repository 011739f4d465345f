import { CheckContext, FindingDraft, IRule, Rule } from './rule';
import { activationPolicyAttached } from './rules/activation-policy-attached';
import { adminSystemPolicyByName } from './rules/admin-system-policy-by-name';
import { apiKeyOwnerNotMember } from './rules/api-key-owner-not-member';
import { apiKeyTransferred } from './rules/api-key-transferred';
import { cautionedSystemPolicyRule } from './rules/cautioned-system-policy';
import { defaultWorkspaceRestricted } from './rules/default-workspace-restricted';
import { denyOnlyPolicy } from './rules/deny-only-policy';
import { duplicateNames } from './rules/duplicate-names';
import { duplicateStatement } from './rules/duplicate-statement';
import { duplicateWorkspaces } from './rules/duplicate-workspaces';
import { featureWithoutDependencies } from './rules/feature-without-dependencies';
import { fullAdmin } from './rules/full-admin';
import { mixedScopePolicy } from './rules/mixed-scope-policy';
import { danglingReference, invalidPolicyDocument, unknownConditionKey, unknownResourceType, unknownSystemPolicy, unmodelledModule, unmodelledResource, unresolvedAttachment } from './rules/model-findings';
import { invalidNames } from './rules/names';
import { pagesWithoutAllowlist } from './rules/pages-without-allowlist';
import { policyCount } from './rules/policy-count';
import { policySize } from './rules/policy-size';
import { privilegeEscalation } from './rules/privilege-escalation';
import { queueAdminEscalation } from './rules/queue-admin-escalation';
import { queueAdminIam } from './rules/queue-admin-iam';
import { queueCapsOverQueue } from './rules/queue-caps-over-queue';
import { quotaOverAllocated } from './rules/quota-over-allocated';
import { ramUserApiKey } from './rules/ram-user-api-key';
import { rateLimitOverQuotaShare } from './rules/rate-limit-over-quota-share';
import { resourceScopedWithoutResourceLevel } from './rules/resource-level';
import { unknownActions } from './rules/unknown-actions';
import { unreachableStatement } from './rules/unreachable-statement';

/** A cloud a pack reports on. */
export enum RuleCloud {
  ALIBABA = 'alibaba',
  VOLCENGINE = 'volcengine',
  HUAWEI = 'huawei',
}

/** Rules about IAM in general: every cloud. */
const IAM_RULES: readonly Rule[] = [
  policySize, policyCount, invalidNames, fullAdmin, privilegeEscalation, resourceScopedWithoutResourceLevel, unknownActions,
  denyOnlyPolicy, unreachableStatement, duplicateStatement, danglingReference, unknownSystemPolicy, invalidPolicyDocument, unresolvedAttachment,
  unmodelledResource, unknownResourceType, unmodelledModule, unknownConditionKey, adminSystemPolicyByName, cautionedSystemPolicyRule, duplicateNames,
];
const ALIBABA_RULES: readonly Rule[] = [
  quotaOverAllocated, defaultWorkspaceRestricted, apiKeyOwnerNotMember, ramUserApiKey, pagesWithoutAllowlist,
  activationPolicyAttached, apiKeyTransferred, rateLimitOverQuotaShare, duplicateWorkspaces,
];
const VOLCENGINE_RULES: readonly Rule[] = [queueAdminIam, queueCapsOverQueue, queueAdminEscalation];
const HUAWEI_RULES: readonly Rule[] = [featureWithoutDependencies, mixedScopePolicy];

/** Every built-in rule, in report order. */
const ALL_RULES: readonly Rule[] = [...IAM_RULES, ...VOLCENGINE_RULES, ...ALIBABA_RULES, ...HUAWEI_RULES];

/** A built-in rule as an IRule: the jsii face over the TypeScript check. */
class BuiltInRule implements IRule {
  public readonly id: string;
  public readonly severity;
  public readonly title: string;
  public readonly description: string;
  public readonly fix: string;
  constructor(private readonly rule: Rule) {
    this.id = rule.id;
    this.severity = rule.severity;
    this.title = rule.title;
    this.description = rule.description;
    this.fix = rule.fix;
  }

  public check(context: CheckContext): FindingDraft[] {
    return this.rule.check(context._ruleContext);
  }
}

const BUILT_IN = new Map<string, IRule>(ALL_RULES.map(r => [r.id, new BuiltInRule(r)]));
const builtIns = (rules: readonly Rule[]): IRule[] => rules.map(r => BUILT_IN.get(r.id)!);

/**
 * The built-in rules, to compose packs of your own.
 *
 * @example
 * const pack = new RulePack({ name: 'acme', rules: [AiamRules.byId('AIAM-IAM-001'), new MyRule()] });
 */
export class AiamRules {
  /** Every built-in rule. */
  public static all(): IRule[] {
    return builtIns(ALL_RULES);
  }

  /** The cloud-neutral IAM rules (policy size and count, names, full admin, escalation, statement hygiene, ...). */
  public static iam(): IRule[] {
    return builtIns(IAM_RULES);
  }

  /** The rules of one cloud's AI platform (Model Studio; veMLP; ModelArts). */
  public static platform(cloud: RuleCloud): IRule[] {
    return builtIns(cloud === RuleCloud.ALIBABA ? ALIBABA_RULES : cloud === RuleCloud.VOLCENGINE ? VOLCENGINE_RULES : HUAWEI_RULES);
  }

  /** One built-in rule by id; throws naming the ids there are. */
  public static byId(id: string): IRule {
    const rule = BUILT_IN.get(id);
    if (!rule) throw new Error(`no built-in rule "${id}". Fix: use one of ${[...BUILT_IN.keys()].join(', ')}`);
    return rule;
  }

  private constructor() {}
}

/** Properties of a RulePack. */
export interface RulePackProps {
  /** The pack's name, as `aiam check --pack` takes it for the built-in packs. */
  readonly name: string;
  /** The rules the pack runs. @default - none; add them with addRule */
  readonly rules?: IRule[];
  /**
   * The clouds whose resources the pack reports on: findings located on another cloud's resource are not the pack's.
   * @default - every cloud
   */
  readonly clouds?: RuleCloud[];
}

/**
 * A named set of rules, run by `aiam check --pack NAME` or at synth time by `Checks.of(app).add(pack)`. A pack runs
 * only the rules it holds.
 *
 * @example
 * const pack = new RulePack({ name: 'acme', rules: AiamRules.iam() }).addRule(new MyRule());
 * Checks.of(app).add(pack);
 */
export class RulePack {
  public readonly name: string;
  /** The clouds the pack reports on; empty for every cloud. */
  public readonly clouds: RuleCloud[];
  private readonly ruleList: IRule[] = [];

  constructor(props: RulePackProps) {
    this.name = props.name;
    this.clouds = [...(props.clouds ?? [])];
    for (const r of props.rules ?? []) this.addRule(r);
  }

  /** Adds a rule; throws when the pack already has a rule with that id. */
  public addRule(rule: IRule): RulePack {
    if (!rule.id) throw new Error(`pack ${this.name}: a rule has no id. Fix: give every rule a stable id, e.g. "ACME-001"`);
    if (this.ruleList.some(r => r.id === rule.id)) throw new Error(`pack ${this.name}: rule ${rule.id} is already in the pack. Fix: add each rule once`);
    this.ruleList.push(rule);
    return this;
  }

  /** The rules, in the order they run. */
  public get rules(): IRule[] {
    return [...this.ruleList];
  }

  /** Ids of the rules in this pack. */
  public get ruleIds(): string[] {
    return this.ruleList.map(r => r.id);
  }
}

/** Everything: all rules for Alibaba Cloud, Volcengine and Huawei Cloud. */
export class AiPlatformPack extends RulePack {
  constructor() {
    super({ name: 'ai-platform', rules: AiamRules.all() });
  }
}

/** IAM rules on Alibaba Cloud RAM resources, and the Model Studio rules. */
export class AlibabaCloudPack extends RulePack {
  constructor() {
    super({ name: 'alibaba', rules: [...AiamRules.iam(), ...AiamRules.platform(RuleCloud.ALIBABA)], clouds: [RuleCloud.ALIBABA] });
  }
}

/** IAM rules on Volcengine IAM resources, and the veMLP rules. */
export class VolcenginePack extends RulePack {
  constructor() {
    super({ name: 'volcengine', rules: [...AiamRules.iam(), ...AiamRules.platform(RuleCloud.VOLCENGINE)], clouds: [RuleCloud.VOLCENGINE] });
  }
}

/** IAM rules on Huawei Cloud IAM resources, and the ModelArts rules. */
export class HuaweiCloudPack extends RulePack {
  constructor() {
    super({ name: 'huawei', rules: [...AiamRules.iam(), ...AiamRules.platform(RuleCloud.HUAWEI)], clouds: [RuleCloud.HUAWEI] });
  }
}

export function packByName(name: string): RulePack | undefined {
  return [new AiPlatformPack(), new AlibabaCloudPack(), new VolcenginePack(), new HuaweiCloudPack()].find(p => p.name === name);
}

export const PACK_NAMES = ['ai-platform', 'alibaba', 'volcengine', 'huawei'];

/** Every built-in rule's metadata (docs/rules.md is generated from it). */
export function allRules(): readonly Rule[] {
  return ALL_RULES;
}
