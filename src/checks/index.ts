/** Rule packs over the access model: findings with id, severity, location and fix; suppressions with a reason. */
export * from './finding';
export { RulePack, RuleCloud, AiamRules, AiPlatformPack, AlibabaCloudPack, VolcenginePack, HuaweiCloudPack, packByName, PACK_NAMES, allRules } from './packs';
export { runChecks } from './engine';
export type { CheckOptions, CheckReport } from './engine';
export type { Rule, RuleContext, FindingDraft, IRule, RuleFinding } from './rule';
export { CheckContext } from './rule';
export { parseSuppressionsFile, findSuppression, SuppressionsFileError } from './suppressions';
export type { ScopedSuppression, SuppressionsFileEntry } from './suppressions';
export { toSarif } from './format/sarif';
export { toJunit } from './format/junit';
export { toText } from './format/text';
