/**
 * The policy evaluator for Alibaba Cloud RAM, Volcengine IAM and Huawei Cloud IAM identity policies.
 * Pure TypeScript: no cdktf, no I/O. Parse once (`parsePolicy`), compile once (`compilePolicies`), evaluate many.
 */
export * from './types';
export { PolicyError, pointerJoin, pointerToken } from './errors';
export { minifiedDocument, parsePolicy, policyConditionKeys } from './parse';
export type { ParsedPolicy, ParsedStatement, Pattern } from './parse';
export { combineResults, compilePolicies, evaluate, isOpaquePolicy } from './evaluate';
export type { Applicability, CompiledPolicySet, EvaluateOptions, EvaluationResult, OpaquePolicy, PolicyInput } from './evaluate';
export { unknownValue, isUnknownValue, unknownReasons, renderUnknowns, renderOutput } from './unknown';
export type { RenderMode } from './unknown';
export { matchesWildcard, compileWildcard, compilePieces } from './wildcard';
export type { PatternPiece, StringMatcher } from './wildcard';
export { parseDecimal, compareDecimal, parseInstant, compareInstant } from './values';
export type { Decimal, Instant } from './values';
export { DIALECTS } from './dialect';
export type { DialectRules } from './dialect';
export { describeCondition } from './conditions';
export type { ParsedCondition } from './conditions';
export { parseCidr, parseIp } from './ip';
