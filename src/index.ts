// The jsii entry point. The pure layers (policy, catalog, model, checks) are TypeScript entry points of
// their own (`cdktf-aiam/lib/policy` ...) because their APIs use TypeScript-only types.
export * from './providers';
export * from './constructs/core';
export { RulePack, RuleCloud, AiamRules, AiPlatformPack, AlibabaCloudPack, VolcenginePack, HuaweiCloudPack } from './checks/packs';
export type { RulePackProps } from './checks/packs';
export { CheckContext } from './checks/rule';
export type { IRule, RuleFinding, PrincipalInfo, PolicyInfo, AttachmentInfo } from './checks/rule';
export { Severity } from './checks/finding';
export type { FindingLocation } from './checks/finding';
export { Decision } from './policy/types';
export * from './constructs/alibaba';
export * from './constructs/volcengine';
export * from './constructs/huawei';
