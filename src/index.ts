// The jsii entry point: like aws-cdk-lib, one submodule per product, and the shared pieces (checks, packs, rules,
// grants, principals, statements) at the root. The pure layers (policy, catalog, model, checks) are TypeScript entry
// points of their own (`cdktf-aiam/lib/policy` ...) because their APIs use TypeScript-only types.
export * from './constructs/core';
export { RulePack, RuleCloud, AiamRules, AiPlatformPack, AlibabaCloudPack, VolcenginePack, HuaweiCloudPack } from './checks/packs';
export type { RulePackProps } from './checks/packs';
export { CheckContext } from './checks/rule';
export type { IRule, RuleFinding, PrincipalInfo, PolicyInfo, AttachmentInfo } from './checks/rule';
export { Severity } from './checks/finding';
export type { FindingLocation } from './checks/finding';
export { Decision } from './policy/types';
// Catalog enums the product submodules take (jsii places a type where it is declared).
export { PaiFeature } from './catalog/pai';
export { ModelArtsFeature } from './catalog/modelarts';

/** Alibaba Cloud RAM: users, groups, roles, custom policies. */
export * as ram from './constructs/alibaba/ram';
/** Alibaba Cloud Model Studio (Bailian): workspaces, quota splits, admins, API keys. */
export * as bailian from './constructs/alibaba/bailian';
/** Alibaba Cloud PAI and PAI-Rec. */
export * as pai from './constructs/alibaba/pai';
/** Volcengine IAM: users, groups, roles, custom policies. */
export * as volcengine_iam from './constructs/volcengine/iam';
/** Volcengine veMLP: personas, resource queues, owner grants. */
export * as vemlp from './constructs/volcengine/vemlp';
/** Huawei Cloud IAM: users, groups, scopes, custom policies. */
export * as huawei_iam from './constructs/huawei/iam';
/** Huawei Cloud ModelArts. */
export * as modelarts from './constructs/huawei/modelarts';

// Generated provider bindings, each its own submodule (`alicloud`, `volcengine`, `huaweicloud`).
export * from './providers';
