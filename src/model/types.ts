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
  /** The name as written when it is only partly known (unknown parts as unknown markers), for rules that judge the known parts. */
  readonly writtenName?: string;
  /** Referenced by name but not defined in the input (exists already, or is managed elsewhere). */
  readonly external: boolean;
  /** An identity of the cloud's SSO directory (CloudSSO, CloudIdentity, IAM Identity Center), not an IAM principal. */
  readonly sso?: boolean;
  /** Managed through Huawei IAM v5 (its users, groups and trust agencies have their own naming rules). */
  readonly v5?: boolean;
  /** Raw trust policy document of a role. */
  readonly trustPolicy?: unknown;
  /** How the principal is used: API keys, console sign-in, instances a role is attached to, identity providers. */
  readonly credentials?: readonly CredentialFact[];
}

/** A fact about how a principal signs in or is used, from the resource that sets it up. */
export interface CredentialFact extends Origin {
  readonly kind: 'access-key' | 'console-login' | 'instance-role' | 'identity-provider';
  /** In words, e.g. "access key (Active)", "console sign-in, MFA required", "ECS instances i-1, i-2". */
  readonly detail: string;
}

export interface PolicyEntity extends Origin {
  /** `alibaba:custom/pairec-read`, `alibaba:system/AliyunBailianFullAccess`, or `...@<address>` for unknown names. */
  readonly key: string;
  readonly cloud: Cloud;
  readonly dialect: Dialect;
  /** `platform`: generated from platform settings (platform-grants.ts), not an IAM policy. */
  readonly kind: 'custom' | 'system' | 'platform';
  /** The cloud-side name; the Terraform address when the name is unknown (then `nameKnown` is false). */
  readonly name: string;
  readonly nameKnown?: boolean;
  /** The name as written when it is only partly known (unknown parts as unknown markers). */
  readonly writtenName?: string;
  /** Parsed document; absent when the content is unknown (then `unknownReason` says why). */
  readonly parsed?: ParsedPolicy;
  readonly unknownReason?: string;
  /** Huawei: AX (global) / XA (project) display mode of a custom policy. */
  readonly huaweiType?: string;
}

/**
 * Where an attachment applies: Huawei role assignments (huawei-iam.md §4), Volcengine project-scoped policies,
 * Alibaba resource-group-scoped policies, IAM Identity Center / CloudSSO assignments on an account. `unknown`: the
 * scope's id is known only at plan or apply time (never assumed wider than written).
 */
export interface AssignmentScope {
  readonly kind: 'domain' | 'project' | 'all-projects' | 'enterprise-project' | 'resource-group' | 'account' | 'unknown';
  readonly id?: string;
  /** For `unknown`: what was written, e.g. `${var.project_id}`. */
  readonly reason?: string;
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

export type ModelFindingCode = 'dangling-reference' | 'unknown-system-policy' | 'invalid-policy-document' | 'unresolved-attachment'
  /** A resource that grants access but is not (or only partly) modelled: its access is missing from the answers. */
  | 'unmodelled-resource'
  /** A resource type the coverage table does not know, outside the IAM namespaces. */
  | 'unknown-resource-type'
  /** Two resources of one account declaring the same name: the second fails at apply. */
  | 'duplicate-name'
  /** A module call the configuration route cannot read (registry/git source, count/for_each): check the plan. */
  | 'unmodelled-module'
  /** A condition key no catalog knows (a bare `Action`, a typo): conditions on it are unknown, not absent. */
  | 'unknown-condition-key';


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
