import type { PlatformSettingsEnvelope } from './platform-settings';
import type { ParsedPolicy } from '../policy/parse';
import type { Dialect } from '../policy/types';

export type Cloud = 'alibaba' | 'volcengine' | 'huawei';
export type PrincipalKind = 'user' | 'group' | 'role';

/** Where something came from, for findings and explanations. */
export interface Origin {
  readonly address?: string;
  readonly constructPath?: string;
  readonly stack?: string;
  readonly file?: string;
  readonly pointer?: string;
}

export interface Principal extends Origin {
  /** `alibaba:user/alice`; `alibaba:user@<address>` when the name is known only after apply. */
  readonly key: string;
  readonly cloud: Cloud;
  readonly kind: PrincipalKind;
  /** The cloud-side name, when known. */
  readonly name?: string;
  /** Referenced by name but not defined in the input (exists already, or is managed elsewhere). */
  readonly external: boolean;
  /** Raw trust policy document of a role. */
  readonly trustPolicy?: unknown;
}

export interface PolicyEntity extends Origin {
  /** `alibaba:custom/pairec-read`, `alibaba:system/AliyunBailianFullAccess`, or `...@<address>` for unknown names. */
  readonly key: string;
  readonly cloud: Cloud;
  readonly dialect: Dialect;
  /** `platform`: generated from platform settings (platform-grants.ts), not an IAM policy. */
  readonly kind: 'custom' | 'system' | 'platform';
  readonly name: string;
  /** Parsed document; absent when the content is unknown (then `unknownReason` says why). */
  readonly parsed?: ParsedPolicy;
  readonly unknownReason?: string;
  /** Huawei: AX (global) / XA (project) display mode of a custom policy. */
  readonly huaweiType?: string;
}

/** Huawei role assignments apply at a scope (huawei-iam.md §4). */
export interface AssignmentScope {
  readonly kind: 'domain' | 'project' | 'all-projects' | 'enterprise-project';
  readonly id?: string;
}

export interface Attachment extends Origin {
  readonly principalKey: string;
  readonly policyKey: string;
  readonly scope?: AssignmentScope;
}

export interface Membership extends Origin {
  readonly userKey: string;
  readonly groupKey: string;
}

export interface PaiWorkspaceMember extends Origin {
  readonly workspace: string;
  readonly userId: string;
  readonly roles: readonly string[];
}

export interface PlatformSettingsEntry extends Origin {
  readonly envelope: PlatformSettingsEnvelope;
}

export type ModelFindingCode = 'dangling-reference' | 'unknown-system-policy' | 'invalid-policy-document' | 'unresolved-attachment';

/** Something about the input itself that the rule packs report (not a crash). */
export interface ModelFinding extends Origin {
  readonly code: ModelFindingCode;
  readonly message: string;
  readonly fix: string;
}

export interface SkippedResource {
  readonly address: string;
  readonly type: string;
  readonly stack: string;
}

/** A suppression declared on a construct (written by `AiamSuppressions` into the resource's `//` metadata). */
export interface DeclaredSuppression {
  readonly ruleId: string;
  readonly reason: string;
  /** Construct path the suppression was declared on; it covers everything beneath. */
  readonly constructPath: string;
}
