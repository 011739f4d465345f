export { Checks, AiamSuppressions } from './checks';
export type { ChecksOptions, AiamSuppression } from './checks';
