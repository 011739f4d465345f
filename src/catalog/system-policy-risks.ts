/**
 * System policies that the rules judge by name, because their documents are not published in the sources read
 * (data/system-policies: known by name only) or because a guide warns about them. Shared by the rule pack.
 */

/** Which cloud a name belongs to (the model's `Cloud`, repeated here: catalog sits below model). */
export type RiskCloud = 'alibaba' | 'volcengine' | 'huawei';

export enum AdminPolicyRisk {
  /** Every action on every resource, or every service but IAM. */
  FULL_ADMIN = 'full-admin',
  /** Administers identities and grants: a holder can give itself any other access. */
  ESCALATION = 'escalation',
}

export interface AdminSystemPolicy {
  readonly cloud: RiskCloud;
  readonly name: string;
  readonly risk: AdminPolicyRisk;
  readonly why: string;
  readonly source: string;
}

/**
 * Administrative system policies. Where a policy's document is in the catalog, the evaluator judges it
 * (AIAM-IAM-001/002); these entries cover the ones it can only answer "unknown" for.
 */
export const ADMIN_SYSTEM_POLICIES: readonly AdminSystemPolicy[] = [
  {
    cloud: 'alibaba',
    name: 'AdministratorAccess',
    risk: AdminPolicyRisk.FULL_ADMIN,
    why: 'manages every Alibaba Cloud resource',
    source: 'reference/alibaba-ram.md (system policy table); Alibaba RAM system policy list',
  },
  {
    cloud: 'alibaba',
    name: 'AliyunRAMFullAccess',
    risk: AdminPolicyRisk.ESCALATION,
    why: 'manages RAM users, groups, roles and policy attachments',
    source: 'seed 000 (需要阿里云账号或具备 AliyunRAMFullAccess 系统策略的 RAM 用户操作): the grant right of the main account',
  },
  {
    cloud: 'volcengine',
    name: 'IAMFullAccess',
    risk: AdminPolicyRisk.ESCALATION,
    why: 'is the IAM administrator policy (attach policies, edit groups, create keys)',
    source: 'seed 001 (IAMFullAccess:访问控制(IAM)管理员权限; "IAMFullAccess 权限过大")',
  },
  {
    cloud: 'huawei',
    name: 'Tenant Administrator',
    risk: AdminPolicyRisk.FULL_ADMIN,
    why: 'administers every service except IAM',
    source: '[inferred] Huawei IAM system-defined roles list; reference/huawei-iam.md names it in the ModelArts agency',
  },
  {
    cloud: 'huawei',
    name: 'FullAccess',
    risk: AdminPolicyRisk.FULL_ADMIN,
    why: 'grants every permission of the services with policy-based authorization',
    source: '[inferred] Huawei IAM system-defined policies list',
  },
  {
    cloud: 'huawei',
    name: 'Security Administrator',
    risk: AdminPolicyRisk.ESCALATION,
    why: 'administers IAM (users, groups, permissions)',
    source: '[inferred] Huawei IAM system-defined roles list',
  },
];

export function adminSystemPolicy(cloud: RiskCloud, name: string): AdminSystemPolicy | undefined {
  return ADMIN_SYSTEM_POLICIES.find(p => p.cloud === cloud && p.name === name);
}

/** System policies a guide warns about in its own words: granting them is worth a second look. */
export interface CautionedSystemPolicy {
  readonly cloud: RiskCloud;
  readonly name: string;
  /** The guide's caution, in English. */
  readonly caution: string;
  readonly source: string;
}

export const CAUTIONED_SYSTEM_POLICIES: readonly CautionedSystemPolicy[] = [
  {
    cloud: 'alibaba',
    name: 'AliyunPAIFullAccess',
    caution: 'grants extensive permissions (activate PAI, buy resources, administer every workspace); the guide recommends the Alibaba Cloud account for these operations',
    source: 'seed 004, "Authorize RAM users to activate PAI and purchase PAI resources" (Note)',
  },
  {
    cloud: 'alibaba',
    name: 'AliyunBailianFullAccess',
    caution: 'makes the holder a Model Studio super admin who can grant any RAM user almost any permission in any region and workspace',
    source: 'seed 000, 超级管理员 (拥有 AliyunBailianFullAccess 的 RAM 用户 ... 为任意 RAM 用户授权任意地域、任意空间的几乎所有权限)',
  },
  {
    cloud: 'alibaba',
    name: 'AliyunBSSOrderAccess',
    caution: 'lets the holder buy every prepaid Alibaba Cloud product; the guide says to grant it with care',
    source: 'seed 000 (以下权限将授予 RAM 用户查看阿里云所有产品的账单或购买阿里云所有预付费产品的权限,请谨慎授权)',
  },
];

export function cautionedSystemPolicy(cloud: RiskCloud, name: string): CautionedSystemPolicy | undefined {
  return CAUTIONED_SYSTEM_POLICIES.find(p => p.cloud === cloud && p.name === name);
}
