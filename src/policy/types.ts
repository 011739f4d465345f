/**
 * The evaluator's public vocabulary. Pure data types: no cdktf, no I/O.
 * Every other layer speaks these names; change them only with all callers.
 */

/** The policy language a document is written in. */
export enum Dialect {
  /** Alibaba Cloud RAM: Version "1", actions `ram-code:Action`, resources `acs:service:region:account:id`. */
  ALIBABA_RAM = 'alibaba-ram',
  /** Volcengine IAM: no Version, actions `service:Action`, resources `trn:service:region:account:id`. */
  VOLCENGINE_IAM = 'volcengine-iam',
  /** Huawei Cloud IAM: Version "1.1", actions `service:resourceType:operation`. */
  HUAWEI_IAM = 'huawei-iam',
}

/** The answer to "can this principal do this". */
export enum Decision {
  ALLOW = 'allow',
  EXPLICIT_DENY = 'explicit-deny',
  IMPLICIT_DENY = 'implicit-deny',
  /** The answer depends on a value only known after apply (or a policy whose content is unknown). */
  UNKNOWN = 'unknown',
}

/** One statement of one policy, as cited in results. */
export interface StatementRef {
  /** The policy's name as given to the evaluator. */
  readonly policy: string;
  /** Zero-based index in the policy's Statement array. */
  readonly statement: number;
}

/** Where a policy document came from, so errors and findings can point at it. */
export interface PolicySource {
  /** File path (or a description such as `cdktf.out/stacks/ai/cdk.tf.json`). */
  readonly file: string;
  /** JSON pointer of the document inside that file (e.g. `/resource/alicloud_ram_policy/p/policy_document`). */
  readonly pointer: string;
}

/** A request: one action, optionally on one resource, with a context that is taken as complete. */
export interface AccessRequest {
  readonly action: string;
  /** Omitted for actions without resource-level authorization. */
  readonly resource?: string;
  /** Condition keys and their values; a key that is absent is absent (not unknown). */
  readonly context?: { [key: string]: string | string[] };
}
