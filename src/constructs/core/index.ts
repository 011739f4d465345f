export { Checks, AiamSuppressions, ChecksOptions, AiamSuppression } from './checks';
export { PolicyEffect, PolicyCondition, PolicyStatement } from './statements';
