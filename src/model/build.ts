/**
 * Builds principals, policies, attachments (with their scopes), memberships and ways in (credentials) from every
 * access-granting resource type the model reads (deprecated and `_v3` forms included), per cloud. Every other resource
 * is classified by the coverage table (data/resource-coverage/resource-types.json): passive ones are listed as skipped, the
 * rest reported by a coverage finding, so nothing that grants access is skipped silently.
 */
import { Catalog } from '../catalog';
import { addConsoleQueue } from './console-queues';
import { translateV5 } from './huawei-v5';
import type { RawResource, RawStack } from './input';
import { membershipOfStoredKeys, newAttachment } from './links';
import { joined, own } from './own';
import { checkedSettings, isPlatformSettingsEnvelope, keptSettings, PLATFORM_SETTINGS_SCHEMA_PREFIX, PLATFORM_SETTINGS_SCHEMA_V1 } from './platform-settings';
import { Resolved, StackResolver } from './resolve';
import {
  Attachment, AssignmentScope, Cloud, CredentialFact, DeclaredSuppression, Membership, ModelFinding, Origin, PaiWorkspaceMember,
  PlatformSettingsEntry, PolicyEntity, Principal, PrincipalKind, SkippedResource,
} from './types';
import { coverageOf } from '../catalog/coverage';
import { PolicyError } from '../policy/errors';
import { parsePolicy } from '../policy/parse';
import { Dialect } from '../policy/types';
import { isUnknownValue, unknownValue } from '../policy/unknown';

export const DIALECT_OF: Record<Cloud, Dialect> = {
  alibaba: Dialect.ALIBABA_RAM, volcengine: Dialect.VOLCENGINE_IAM, huawei: Dialect.HUAWEI_IAM,
};

export interface ModelParts {
  readonly principals: Map<string, Principal>;
  readonly policies: Map<string, PolicyEntity>;
  readonly attachments: Attachment[];
  readonly memberships: Membership[];
  readonly paiMembers: PaiWorkspaceMember[];
  readonly settings: PlatformSettingsEntry[];
  readonly findings: ModelFinding[];
  readonly skipped: SkippedResource[];
  readonly suppressions: DeclaredSuppression[];
  readonly designatedAdmins: Set<string>;
}

/** `sso`: an identity of the cloud's SSO directory (CloudSSO, CloudIdentity, IAM Identity Center), keyed apart from IAM users. */
interface PrincipalType { cloud: Cloud; kind: PrincipalKind; nameAttrs: string[]; trust?: string[]; sso?: boolean; v5?: boolean }
/** `v5`: a Huawei IAM v5 identity policy (huawei-v5.ts). */
interface PolicyType { cloud: Cloud; nameAttrs: string[]; documentAttrs: string[]; v5?: boolean }
interface AttachmentType { cloud: Cloud; kind: PrincipalKind; principalAttr: string }
/** `by`: how the principals are named (Huawei and SSO directories link by id). */
interface MembershipType { cloud: Cloud; groupAttr: string; userAttr?: string; usersAttr?: string; by?: 'name' | 'id'; sso?: boolean }

const PRINCIPALS: Record<string, PrincipalType> = {
  alicloud_ram_user: { cloud: 'alibaba', kind: 'user', nameAttrs: ['name'] },
  alicloud_ram_group: { cloud: 'alibaba', kind: 'group', nameAttrs: ['group_name', 'name'] },
  alicloud_ram_role: { cloud: 'alibaba', kind: 'role', nameAttrs: ['role_name', 'name'], trust: ['assume_role_policy_document', 'document'] },
  volcengine_iam_user: { cloud: 'volcengine', kind: 'user', nameAttrs: ['user_name'] },
  volcengine_iam_user_group: { cloud: 'volcengine', kind: 'group', nameAttrs: ['user_group_name'] },
  volcengine_iam_role: { cloud: 'volcengine', kind: 'role', nameAttrs: ['role_name'], trust: ['trust_policy_document'] },
  huaweicloud_identity_user: { cloud: 'huawei', kind: 'user', nameAttrs: ['name'] },
  huaweicloud_identity_group: { cloud: 'huawei', kind: 'group', nameAttrs: ['name'] },
  huaweicloud_identity_user_v3: { cloud: 'huawei', kind: 'user', nameAttrs: ['name'] },
  huaweicloud_identity_group_v3: { cloud: 'huawei', kind: 'group', nameAttrs: ['name'] },
  // IAM v5 users and groups are the same identities as v3 ones, managed through the v5 API.
  huaweicloud_identityv5_user: { cloud: 'huawei', kind: 'user', nameAttrs: ['name'], v5: true },
  huaweicloud_identityv5_group: { cloud: 'huawei', kind: 'group', nameAttrs: ['group_name'], v5: true },
  // An agency is Huawei's role: assumed by another account or a cloud service.
  huaweicloud_identity_agency: { cloud: 'huawei', kind: 'role', nameAttrs: ['name'] },
  huaweicloud_iam_agency: { cloud: 'huawei', kind: 'role', nameAttrs: ['name'] },
  huaweicloud_iam_agency_v3: { cloud: 'huawei', kind: 'role', nameAttrs: ['name'] },
  // A trust agency (IAM v5): a trust policy, and v5 identity policies attached by name.
  huaweicloud_identity_trust_agency: { cloud: 'huawei', kind: 'role', nameAttrs: ['name'], trust: ['trust_policy'], v5: true },
  // A service agency: a cloud service acts as this role, with v5 identity policies attached by name.
  huaweicloud_identity_service_agency: { cloud: 'huawei', kind: 'role', nameAttrs: ['name'], trust: ['trust_policy'], v5: true },
  alicloud_resource_manager_role: { cloud: 'alibaba', kind: 'role', nameAttrs: ['role_name'], trust: ['assume_role_policy_document'] },
  alicloud_cloud_sso_user: { cloud: 'alibaba', kind: 'user', nameAttrs: ['user_name'], sso: true },
  alicloud_cloud_sso_group: { cloud: 'alibaba', kind: 'group', nameAttrs: ['group_name'], sso: true },
  volcengine_cloud_identity_user: { cloud: 'volcengine', kind: 'user', nameAttrs: ['user_name'], sso: true },
  volcengine_cloud_identity_group: { cloud: 'volcengine', kind: 'group', nameAttrs: ['group_name'], sso: true },
  huaweicloud_identitycenter_user: { cloud: 'huawei', kind: 'user', nameAttrs: ['user_name'], sso: true },
  huaweicloud_identitycenter_group: { cloud: 'huawei', kind: 'group', nameAttrs: ['name'], sso: true },
};
const POLICIES: Record<string, PolicyType> = {
  alicloud_ram_policy: { cloud: 'alibaba', nameAttrs: ['policy_name', 'name'], documentAttrs: ['policy_document', 'document'] },
  volcengine_iam_policy: { cloud: 'volcengine', nameAttrs: ['policy_name'], documentAttrs: ['policy_document'] },
  huaweicloud_identity_role: { cloud: 'huawei', nameAttrs: ['name'], documentAttrs: ['policy'] },
  alicloud_resource_manager_policy: { cloud: 'alibaba', nameAttrs: ['policy_name'], documentAttrs: ['policy_document'] },
  huaweicloud_identityv5_policy: { cloud: 'huawei', nameAttrs: ['name'], documentAttrs: ['policy_document'], v5: true },
  huaweicloud_identity_policy: { cloud: 'huawei', nameAttrs: ['name'], documentAttrs: ['policy_document'], v5: true },
};
const ATTACHMENTS: Record<string, AttachmentType> = {
  alicloud_ram_user_policy_attachment: { cloud: 'alibaba', kind: 'user', principalAttr: 'user_name' },
  alicloud_ram_group_policy_attachment: { cloud: 'alibaba', kind: 'group', principalAttr: 'group_name' },
  alicloud_ram_role_policy_attachment: { cloud: 'alibaba', kind: 'role', principalAttr: 'role_name' },
  volcengine_iam_user_policy_attachment: { cloud: 'volcengine', kind: 'user', principalAttr: 'user_name' },
  volcengine_iam_user_group_policy_attachment: { cloud: 'volcengine', kind: 'group', principalAttr: 'user_group_name' },
  volcengine_iam_role_policy_attachment: { cloud: 'volcengine', kind: 'role', principalAttr: 'role_name' },
};
const MEMBERSHIPS: Record<string, MembershipType> = {
  alicloud_ram_user_group_attachment: { cloud: 'alibaba', groupAttr: 'group_name', userAttr: 'user_name' },
  alicloud_ram_group_membership: { cloud: 'alibaba', groupAttr: 'group_name', usersAttr: 'user_names' },
  volcengine_iam_user_group_attachment: { cloud: 'volcengine', groupAttr: 'user_group_name', userAttr: 'user_name' },
  huaweicloud_identity_group_membership: { cloud: 'huawei', groupAttr: 'group', usersAttr: 'users', by: 'id' },
  huaweicloud_identity_group_membership_v3: { cloud: 'huawei', groupAttr: 'group', usersAttr: 'users', by: 'id' },
  huaweicloud_identityv5_group_membership: { cloud: 'huawei', groupAttr: 'group_id', usersAttr: 'user_id_list', by: 'id' },
  alicloud_cloud_sso_user_attachment: { cloud: 'alibaba', groupAttr: 'group_id', userAttr: 'user_id', by: 'id', sso: true },
  volcengine_cloud_identity_user_attachment: { cloud: 'volcengine', groupAttr: 'group_id', userAttr: 'user_id', by: 'id', sso: true },
  huaweicloud_identitycenter_group_membership: { cloud: 'huawei', groupAttr: 'group_id', userAttr: 'member_id', by: 'id', sso: true },
};
/** Huawei group role assignments (the `_v3` and un-prefixed forms are aliases of one provider resource). */
const HUAWEI_GROUP_ASSIGNMENTS = new Set(['huaweicloud_identity_group_role_assignment', 'huaweicloud_identity_role_assignment', 'huaweicloud_identity_role_assignment_v3']);
/** Huawei agencies carry their role grants in the agency resource itself. */
const AGENCIES = new Set(['huaweicloud_identity_agency', 'huaweicloud_iam_agency', 'huaweicloud_iam_agency_v3']);
/** IAM v5 policy attachments: the principal attribute and kind. */
const V5_ATTACHMENTS: Record<string, { attr: string; kind: PrincipalKind }> = {
  huaweicloud_identityv5_policy_user_attach: { attr: 'user_id', kind: 'user' },
  huaweicloud_identityv5_policy_group_attach: { attr: 'group_id', kind: 'group' },
  huaweicloud_identityv5_policy_agency_attach: { attr: 'agency_id', kind: 'role' },
  huaweicloud_identity_policy_agency_attach: { attr: 'agency_id', kind: 'role' },
};
/** Resources that give a principal a way in: API keys, console passwords, instances a role is attached to. */
interface CredentialType { cloud: Cloud; kind: CredentialFact['kind']; principal: PrincipalKind; attr: string; by?: 'name' | 'id'; detail: (get: (a: string) => string | undefined) => string }
const CREDENTIALS: Record<string, CredentialType> = {
  alicloud_ram_access_key: { cloud: 'alibaba', kind: 'access-key', principal: 'user', attr: 'user_name', detail: g => `API access key (${g('status') ?? 'Active'})` },
  volcengine_iam_access_key: { cloud: 'volcengine', kind: 'access-key', principal: 'user', attr: 'user_name', detail: g => `API access key (${g('status') ?? 'active'})` },
  huaweicloud_identity_access_key: { cloud: 'huawei', kind: 'access-key', principal: 'user', attr: 'user_id', by: 'id', detail: g => `API access key (${g('status') ?? 'active'})` },
  huaweicloud_identityv5_access_key: { cloud: 'huawei', kind: 'access-key', principal: 'user', attr: 'user_id', by: 'id', detail: g => `API access key (${g('status') ?? 'active'})` },
  alicloud_ram_login_profile: {
    cloud: 'alibaba',
    kind: 'console-login',
    principal: 'user',
    attr: 'user_name',
    detail: g => `console sign-in${g('mfa_bind_required') === 'true' ? ', MFA required' : ''}`,
  },
  volcengine_iam_login_profile: {
    cloud: 'volcengine',
    kind: 'console-login',
    principal: 'user',
    attr: 'user_name',
    detail: g => g('login_allowed') === 'false' ? 'console sign-in profile (sign-in not allowed)' : 'console sign-in',
  },
  huaweicloud_identityv5_login_profile: { cloud: 'huawei', kind: 'console-login', principal: 'user', attr: 'user_id', by: 'id', detail: () => 'console sign-in' },
  alicloud_ram_role_attachment: { cloud: 'alibaba', kind: 'instance-role', principal: 'role', attr: 'role_name', detail: g => `ECS instances ${g('instance_ids') ?? '(known after apply)'} act as this role` },
  alicloud_ecs_ram_role_attachment: { cloud: 'alibaba', kind: 'instance-role', principal: 'role', attr: 'ram_role_name', detail: g => `ECS instance ${g('instance_id') ?? '(known after apply)'} acts as this role` },
  volcengine_iam_role_attachment: { cloud: 'volcengine', kind: 'instance-role', principal: 'role', attr: 'iam_role_name', detail: g => `ECS instance ${g('instance_id') ?? '(known after apply)'} acts as this role` },
};
/** Compute resources that act as a role (instance profile / agency): a way in for that role. */
const ROLE_USERS: Record<string, { cloud: Cloud; attr: string; what: string }> = {
  alicloud_instance: { cloud: 'alibaba', attr: 'role_name', what: 'ECS instance' },
  huaweicloud_compute_instance: { cloud: 'huawei', attr: 'agency_name', what: 'ECS instance' },
};
/** Permission sets of the SSO directories: what an account assignment grants. */
const PERMISSION_SETS: Record<string, { cloud: Cloud; nameAttr: string }> = {
  alicloud_cloud_sso_access_configuration: { cloud: 'alibaba', nameAttr: 'access_configuration_name' },
  volcengine_cloud_identity_permission_set: { cloud: 'volcengine', nameAttr: 'name' },
  huaweicloud_identitycenter_permission_set: { cloud: 'huawei', nameAttr: 'name' },
};
const SSO_ASSIGNMENTS: Record<string, { cloud: Cloud; setAttr: string }> = {
  alicloud_cloud_sso_access_assignment: { cloud: 'alibaba', setAttr: 'access_configuration_id' },
  volcengine_cloud_identity_permission_set_assignment: { cloud: 'volcengine', setAttr: 'permission_set_id' },
  huaweicloud_identitycenter_account_assignment: { cloud: 'huawei', setAttr: 'permission_set_id' },
};
/** Huawei IAM Identity Center: policies attached to a permission set by their own resources. */
const HUAWEI_SET_POLICIES = new Set([
  'huaweicloud_identitycenter_system_policy_attachment', 'huaweicloud_identitycenter_system_identity_policy_attachment',
  'huaweicloud_identitycenter_custom_policy_attachment', 'huaweicloud_identitycenter_custom_role_attachment',
]);

function originOf(r: RawResource): Origin {
  return { address: r.address, constructPath: r.constructPath, stack: r.stack, file: r.file, pointer: r.pointer };
}

function firstKnown(res: StackResolver, r: RawResource, attrs: string[]): Resolved {
  let last: Resolved | undefined;
  for (const a of attrs) {
    if (r.values[a] === undefined && !r.unknownAttributes.has(a) && !r.references.has(a)) continue;
    const v = res.attribute(r, a);
    if (v.known && v.value !== undefined && v.value !== null && v.value !== '') return v;
    last = v;
  }
  return last ?? { known: false, reason: `${r.address} has none of ${attrs.join(', ')}` };
}

export function buildModel(stacks: readonly RawStack[], catalog: Catalog): ModelParts {
  const parts: ModelParts = {
    principals: new Map(),
    policies: new Map(),
    attachments: [],
    memberships: [],
    paiMembers: [],
    settings: [],
    findings: [],
    skipped: [],
    suppressions: [],
    designatedAdmins: new Set(),
  };
  for (const stack of stacks) buildStack(stack, catalog, parts);
  return parts;
}

function buildStack(stack: RawStack, catalog: Catalog, parts: ModelParts): void {
  const res = new StackResolver(stack);
  stack.designatedAdmins.forEach(a => parts.designatedAdmins.add(a));
  /**
   * Principal and policy keys by resource address, for references whose value is known only after apply
   * (Huawei memberships and assignments use ids, which are always such references).
   */
  const byAddress = new KeysByAddress();
  /** The policies of each SSO permission set (access configuration), by the set's address. */
  const setPolicies = new Map<string, string[]>();

  /** Principal keys by cloud, kind and plain name: links name their principals, and building each key costs. */
  const keysByName = new Map<Cloud, Map<PrincipalKind, Map<string, string>>>();
  const rememberKey = (cloud: Cloud, kind: PrincipalKind, name: string, key: string) => {
    let byKind = keysByName.get(cloud);
    if (!byKind) keysByName.set(cloud, byKind = new Map());
    let names = byKind.get(kind);
    if (!names) byKind.set(kind, names = new Map());
    names.set(name, key);
  };
  const principalKey = (cloud: Cloud, kind: PrincipalKind, v: Resolved, from: RawResource, by = 'name', sso = false): string | undefined => {
    const text = v.known && typeof v.value === 'string' && v.value !== '' ? v.value : undefined;
    const byPlainName = by === 'name' && !sso;
    // A name in the cache was checked when it went in (never unknown): most links name a principal seen before.
    const known = text !== undefined && byPlainName ? keysByName.get(cloud)?.get(kind)?.get(text) : undefined;
    if (known !== undefined) return known;
    if (text !== undefined && !isUnknownValue(text)) {
      const name = sso ? `sso:${text}` : text;
      const key = joined(cloud, ':', kind, by === 'name' ? '/' : '#', name);
      if (!parts.principals.has(key)) {
        parts.principals.set(key, {
          key, cloud, kind, name: by === 'name' ? name : undefined, external: true, ...(sso ? { sso } : {}), ...(by === 'name' ? {} : { address: `(id ${text})` }),
        });
      }
      const stored = parts.principals.get(key)!.key;
      if (byPlainName) rememberKey(cloud, kind, text, stored);
      return stored;
    }
    const ref = v.known ? undefined : v.ref;
    const target = ref ? byAddress.get(ref.address) : v.known && typeof v.value === 'string' ? byAddress.getWritten(cloud, kind, v.value) : undefined;
    if (target) return target;
    parts.findings.push({
      code: 'unresolved-attachment',
      ...originOf(from),
      message: `cannot tell which ${cloud} ${kind} this refers to: ${v.known ? `the value ${JSON.stringify(v.value)} is not a plain name` : v.reason}`,
      fix: `reference the ${kind} resource defined in the same stack, or give its name literally`,
    });
    return undefined;
  };
  const unmodelled = (r: RawResource, message: string, fix: string) => parts.findings.push({ code: 'unmodelled-resource', ...originOf(r), message, fix });

  // 1. Principals and custom policies first, so attachments can point at them.
  for (let i = 0; i < stack.resources.length; i++) {
    const r = stack.resources[i];
    const pt = own(PRINCIPALS, r.type);
    if (pt) {
      const name = firstKnown(res, r, pt.nameAttrs);
      const known = name.known && typeof name.value === 'string' && !isUnknownValue(name.value);
      const shown = known ? `${pt.sso ? 'sso:' : ''}${name.value as string}` : undefined;
      const key = shown ? joined(pt.cloud, ':', pt.kind, '/', shown) : joined(pt.cloud, ':', pt.kind, '@', r.address);
      const trust = trustOf(res, r, pt);
      if (shown) duplicateName(parts, res, parts.principals.get(key), r, `${pt.cloud} ${pt.kind}`, shown);
      parts.principals.set(key, {
        key,
        cloud: pt.cloud,
        kind: pt.kind,
        name: shown,
        ...(!known && name.known && typeof name.value === 'string' ? { writtenName: name.value } : {}),
        external: false,
        ...(pt.sso ? { sso: true } : {}),
        ...(pt.v5 ? { v5: true } : {}),
        ...originOf(r),
        ...(trust?.known ? { trustPolicy: trust.value } : {}),
      });
      byAddress.set(r.address, key);
      // The key links naming this principal will ask for (principalKey's cache, filled here rather than per link).
      if (shown && !pt.sso) rememberKey(pt.cloud, pt.kind, shown, key);
      if (!known && name.known && typeof name.value === 'string') byAddress.setWritten(pt.cloud, pt.kind, name.value, key);
      continue;
    }
    const pol = own(POLICIES, r.type);
    if (pol) {
      const entity = customPolicy(res, r, pol, parts);
      if (!entity.key.includes('@')) duplicateName(parts, res, parts.policies.get(entity.key), r, `${pol.cloud} custom policy`, entity.name);
      parts.policies.set(entity.key, entity);
      byAddress.set(r.address, entity.key);
      if (entity.writtenName !== undefined) byAddress.setWritten(pol.cloud, 'policy', entity.writtenName, entity.key);
      continue;
    }
    const ps = own(PERMISSION_SETS, r.type);
    if (ps) {
      byAddress.set(r.address, `set@${r.address}`);
      const list = permissionSetPolicies(res, r, ps.cloud, catalog, parts);
      setPolicies.set(r.address, list);
      if (!list.length && ps.cloud !== 'huawei') parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
    }
  }
  // A default policy version replaces the document of its policy.
  for (const r of stack.resources.filter(x => x.type === 'alicloud_resource_manager_policy_version')) policyVersion(res, r, byAddress, parts);
  // Policies attached to Huawei permission sets, before any account assignment reads the set.
  for (const r of stack.resources.filter(x => HUAWEI_SET_POLICIES.has(x.type))) {
    const set = res.attribute(r, 'permission_set_id');
    const list = !set.known && set.ref ? setPolicies.get(set.ref.address) : undefined;
    if (list) {
      list.push(...huaweiSetPolicies(res, r, parts));
    } else {
      unmodelled(r, `${r.address} attaches policies to a permission set this input does not define (${set.known ? String(set.value) : set.reason}): that access is not in the answers`,
        'define the permission set in the same configuration, or check its policies in IAM Identity Center');
    }
  }

  // 2. Attachments, memberships, role assignments, credentials, PAI members, platform settings.
  for (let i = 0; i < stack.resources.length; i++) {
    const r = stack.resources[i];
    collectSuppressions(r, parts);
    if (own(PRINCIPALS, r.type) || own(POLICIES, r.type) || own(PERMISSION_SETS, r.type) || r.type === 'alicloud_resource_manager_policy_version') {
      if (AGENCIES.has(r.type)) agencyRoles(res, r, catalog, parts);
      if (r.type === 'huaweicloud_identity_trust_agency' || r.type === 'huaweicloud_identity_service_agency') trustAgencyPolicies(res, r, catalog, parts);
      continue;
    }
    // Links, the most numerous blocks, take their origin from the block itself (its pointer read only if kept).
    const at = own(ATTACHMENTS, r.type);
    if (at) {
      const principal = principalKey(at.cloud, at.kind, res.attribute(r, at.principalAttr), r);
      const policyKey = attachedPolicy(res, r, at.cloud, byAddress, catalog, parts);
      if (principal && policyKey) parts.attachments.push(newAttachment(parts, principal, policyKey, r));
      continue;
    }
    const mt = own(MEMBERSHIPS, r.type);
    if (mt) {
      const by = mt.by ?? 'name';
      const group = principalKey(mt.cloud, 'group', res.attribute(r, mt.groupAttr), r, by, mt.sso);
      // principalKey returns the stored key strings themselves: the links take them as they are.
      const member = (u: Resolved) => {
        const user = principalKey(mt.cloud, 'user', u, r, by, mt.sso);
        if (group && user) parts.memberships.push(membershipOfStoredKeys(user, group, r));
      };
      if (mt.userAttr) member(res.attribute(r, mt.userAttr));
      if (mt.usersAttr) listOf(res, r, mt.usersAttr).forEach(member);
      continue;
    }
    const origin = originOf(r);
    if (HUAWEI_GROUP_ASSIGNMENTS.has(r.type) || r.type === 'huaweicloud_identity_user_role_assignment') {
      const user = r.type === 'huaweicloud_identity_user_role_assignment';
      const principal = principalKey('huawei', user ? 'user' : 'group', res.attribute(r, user ? 'user_id' : 'group_id'), r, 'id');
      const policyKey = huaweiRole(res, r, byAddress, catalog, parts);
      if (principal && policyKey) parts.attachments.push(newAttachment(parts, principal, policyKey, origin, huaweiScope(res, r)));
      continue;
    }
    if (r.type === 'alicloud_resource_manager_policy_attachment') {
      resourceGroupAttachment(res, r, byAddress, catalog, parts, principalKey);
      continue;
    }
    if (r.type === 'volcengine_iam_policy_project') {
      projectAttachment(res, r, byAddress, catalog, parts, principalKey);
      continue;
    }
    const v5 = own(V5_ATTACHMENTS, r.type);
    if (v5) {
      const principal = principalKey('huawei', v5.kind, res.attribute(r, v5.attr), r, 'id');
      const policy = res.attribute(r, 'policy_id');
      const policyKey = !policy.known && policy.ref ? byAddress.get(policy.ref.address) : undefined;
      const key = policyKey ?? unknownPolicy(parts, 'huawei', `huawei:v5#${policy.known ? String(policy.value) : r.address}`,
        `IAM v5 policy ${policy.known ? String(policy.value) : '(id known after apply)'}`,
        `the IAM v5 policy is known only by id (${policy.known ? String(policy.value) : policy.reason}); its document is not in this input`, origin);
      if (principal) parts.attachments.push(newAttachment(parts, principal, key, origin));
      continue;
    }
    const cred = own(CREDENTIALS, r.type);
    if (cred) {
      const principal = principalKey(cred.cloud, cred.principal, res.attribute(r, cred.attr), r, cred.by ?? 'name');
      if (principal) addCredential(parts, principal, { kind: cred.kind, detail: cred.detail(a => plain(res, r, a)), ...origin });
      continue;
    }
    const compute = own(ROLE_USERS, r.type);
    if (compute) {
      const v = present(r, compute.attr) ? res.attribute(r, compute.attr) : undefined;
      if (v && (!v.known || (v.value !== null && v.value !== ''))) {
        const role = principalKey(compute.cloud, 'role', v, r);
        if (role) addCredential(parts, role, { kind: 'instance-role', detail: `${compute.what} ${r.address} acts as this role`, ...origin });
      }
      continue;
    }
    if (r.type === 'alicloud_ram_saml_provider') {
      samlProvider(res, r, parts);
      continue;
    }
    if (HUAWEI_SET_POLICIES.has(r.type)) continue;
    const sso = own(SSO_ASSIGNMENTS, r.type);
    if (sso) {
      ssoAssignment(res, r, sso.cloud, sso.setAttr, setPolicies, parts, principalKey);
      continue;
    }
    if (r.type === 'alicloud_pai_workspace_member') {
      const ws = res.attribute(r, 'workspace_id');
      const user = res.attribute(r, 'user_id');
      const roles = res.attribute(r, 'roles');
      parts.paiMembers.push({
        workspace: ws.known ? String(ws.value) : (ws.ref?.address ?? ws.reason),
        userId: user.known ? String(user.value) : (user.ref?.address ?? user.reason),
        roles: roles.known && Array.isArray(roles.value) ? roles.value.map(String) : [],
        ...origin,
      });
      continue;
    }
    if (r.type === 'terraform_data') {
      const input = res.literal(r, 'input') ?? res.attribute(r, 'input');
      if (input.known && isPlatformSettingsEnvelope(input.value)) {
        const unknownParts = checkedSettings(input.value, r);
        if (unknownParts.length) {
          parts.findings.push({
            code: 'unmodelled-resource',
            ...origin,
            pointer: `${r.pointer}/input${unknownParts[0]}`,
            message: `${r.address}: the platform-settings entry has parts not known here (known only after apply, or sensitive) where a number, list, object or fixed name belongs (${unknownParts.map(p => `input${p}`).join(', ')}): the entry is not in the model, and its settings are not checked`,
            fix: 'write these parts literally, or check the plan, where values known at plan time are known',
          });
          continue;
        }
        const entry = { envelope: keptSettings(input.value), ...origin };
        parts.settings.push(entry);
        addConsoleQueue(entry, parts);
        continue;
      }
      const schema = input.known && typeof input.value === 'object' && input.value !== null ? (input.value as { schema?: unknown }).schema : undefined;
      if (typeof schema === 'string' && schema.startsWith(PLATFORM_SETTINGS_SCHEMA_PREFIX)) {
        parts.findings.push({
          code: 'unmodelled-resource',
          ...origin,
          pointer: `${r.pointer}/input/schema`,
          message: `${r.address}: platform settings written for the schema ${JSON.stringify(schema)}, which this version of cdktf-aiam does not read: the entry is not in the model`,
          fix: `use the cdktf-aiam version that synthesized this stack, or synthesize again with this one (it reads ${PLATFORM_SETTINGS_SCHEMA_V1})`,
        });
        continue;
      }
      // Any other terraform_data (its input unknown here, or not ours) holds no access: listed as skipped.
      parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
      continue;
    }
    coverageFinding(res, r, parts);
  }
  for (const d of res.dangling) {
    parts.findings.push({
      code: 'dangling-reference',
      ...originOf(d.from),
      message: `${d.from.address}.${d.attribute} refers to \${${d.reference}}, which this stack does not define`,
      fix: 'reference a resource of the same stack, or use the literal name of an existing one',
    });
  }
}

/**
 * Two resources of one stack (one provider configuration, so one account) declaring the same name: the second
 * fails at apply. Different stacks or provider aliases may be different accounts and are not compared.
 */
function duplicateName(
  parts: ModelParts, res: StackResolver, existing: Origin & { external?: boolean } | undefined, r: RawResource, what: string, name: string,
): void {
  if (!existing || existing.external || existing.stack !== r.stack || existing.address === r.address) return;
  // By address, not by a scan: 100k resources of one name would otherwise be quadratic.
  const first = existing.address === undefined ? undefined : res.resource(existing.address);
  if (String(first?.values.provider ?? '') !== String(r.values.provider ?? '')) return;
  parts.findings.push({
    code: 'duplicate-name',
    ...originOf(r),
    message: `${what} "${name}" is declared by ${existing.address} and ${r.address}: the account holds one ${what} per name, so the second fails at apply`,
    fix: 'give each a distinct name, or declare it once and reference it',
  });
}

/** A resource no handler read: passive types are listed (--verbose), anything else is reported. */
function coverageFinding(res: StackResolver, r: RawResource, parts: ModelParts): void {
  const cov = coverageOf(r.type);
  if (cov.when) {
    // Access only through some attributes (a bucket's policy or public ACL): reported when one of them is set.
    const granting = cov.when.filter(w => {
      if (!present(r, w.attribute)) return false;
      const v = res.attribute(r, w.attribute);
      if (!v.known) return true;
      if (v.value === null || v.value === '' || v.value === false || (Array.isArray(v.value) && !v.value.length)) return false;
      return !(typeof v.value === 'string' && w.unless?.includes(v.value));
    });
    if (!granting.length) {
      parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
      return;
    }
    parts.findings.push({
      code: 'unmodelled-resource',
      ...originOf(r),
      message: `${r.address}: ${granting.map(w => w.attribute).join(' and ')} of this ${r.type} grant access that the model does not read (${cov.note ?? 'not modelled'}): that access is not in the answers`,
      fix: 'review who the resource grants access to by hand; suppress this finding once reviewed',
    });
    return;
  }
  if (cov.class === 'passive') {
    parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
    return;
  }
  if (cov.class === 'unknown' && !cov.iamNamespace) {
    parts.findings.push({
      code: 'unknown-resource-type',
      ...originOf(r),
      message: `${r.address}: resource type ${r.type} is not in the coverage table; if it grants access, that access is not in the answers`,
      fix: 'check what the type does; if it grants access, review it by hand (and report it so the table can classify it)',
    });
    return;
  }
  parts.findings.push({
    code: 'unmodelled-resource',
    ...originOf(r),
    message: cov.class === 'unknown'
      ? `${r.address}: ${r.type} is an identity resource type the model does not know: whatever access it grants is not in the answers`
      : `${r.address}: ${r.type} grants access that the model does not read (${cov.note ?? 'not modelled'}): that access is not in the answers`,
    fix: 'review this resource\'s access by hand; suppress this finding once reviewed',
  });
}

function collectSuppressions(r: RawResource, parts: ModelParts): void {
  const list = r.comment?.suppressions;
  if (!Array.isArray(list)) return;
  for (const s of list) {
    if (typeof s?.id === 'string' && typeof s?.reason === 'string' && typeof s?.scope === 'string') {
      const known = parts.suppressions.some(x => x.ruleId === s.id && x.constructPath === s.scope);
      if (!known) parts.suppressions.push({ ruleId: s.id, reason: s.reason, constructPath: s.scope });
    }
  }
}

/** Each element of a list attribute, resolved on its own so that every reference keeps its target. */
function listOf(res: StackResolver, r: RawResource, attr: string): Resolved[] {
  const elements = res.elements(r, attr);
  if (elements) return elements;
  const v = res.attribute(r, attr);
  if (v.known) return Array.isArray(v.value) ? v.value.map(value => ({ known: true, value })) : [{ known: false, reason: `${r.address}.${attr} is not a list` }];
  // A plan list known only after apply: its configuration references name the resources it holds.
  const targets = res.planTargets(r, attr);
  return targets.length ? targets.map(ref => ({ known: false, reason: v.reason, ref })) : [v];
}

function customPolicy(res: StackResolver, r: RawResource, t: PolicyType, parts: ModelParts): PolicyEntity {
  const name = firstKnown(res, r, t.nameAttrs);
  const known = name.known && typeof name.value === 'string' && !isUnknownValue(name.value);
  const key = known ? joined(t.cloud, ':custom/', name.value as string) : joined(t.cloud, ':custom@', r.address);
  const displayName = known ? name.value as string : r.address;
  const huaweiType = r.type === 'huaweicloud_identity_role' ? res.attribute(r, 'type') : undefined;
  const extra = huaweiType?.known ? { huaweiType: String(huaweiType.value) } : {};
  let doc = firstKnown(res, r, t.documentAttrs);
  // The legacy `statement` blocks (alicloud_ram_policy): the provider assembles them into a document.
  if (!doc.known && r.type === 'alicloud_ram_policy' && present(r, 'statement')) doc = legacyStatements(res, r);
  const attr = t.documentAttrs.find(a => r.values[a] !== undefined) ?? (r.values.statement !== undefined ? 'statement' : t.documentAttrs[0]);
  const origin = { ...originOf(r), pointer: `${r.pointer}/${attr}` };
  if (!doc.known) {
    return { key, cloud: t.cloud, dialect: DIALECT_OF[t.cloud], kind: 'custom', name: displayName, nameKnown: known, ...originOf(r), ...extra, unknownReason: `policy document ${doc.reason}` };
  }
  const written = !known && name.known && typeof name.value === 'string' ? { writtenName: name.value } : {};
  const entity = documentPolicy(t.cloud, key, displayName, doc.value, origin, parts, t.v5);
  return { ...entity, ...originOf(r), ...extra, nameKnown: known, ...written };
}

function legacyStatements(res: StackResolver, r: RawResource): Resolved {
  const v = res.attribute(r, 'statement');
  if (!v.known) return v;
  const blocks = Array.isArray(v.value) ? v.value : [v.value];
  const statements = blocks.map(b => {
    const x = (typeof b === 'object' && b !== null ? b : {}) as Record<string, unknown>;
    return { Effect: x.effect, Action: x.action, Resource: x.resource };
  });
  return { known: true, value: { Version: plain(res, r, 'version') ?? '1', Statement: statements } };
}

function systemPolicyEntity(cloud: Cloud, name: string, catalog: Catalog, parts: ModelParts, origin: Origin): string {
  const key = `${cloud}:system/${name}`;
  if (parts.policies.has(key)) return key;
  const dialect = DIALECT_OF[cloud];
  const sys = catalog.systemPolicy(dialect, name);
  const base = { key, cloud, dialect, kind: 'system' as const, name };
  if (sys?.known) {
    parts.policies.set(key, { ...base, parsed: parsePolicy(dialect, name, sys.document) });
  } else {
    parts.policies.set(key, { ...base, unknownReason: sys ? `the content of system policy ${name} is not in the catalog` : `system policy ${name} is not in the catalog` });
    if (!sys) {
      parts.findings.push({
        code: 'unknown-system-policy',
        ...origin,
        message: `system policy "${name}" is not in the ${cloud} catalog: decisions that depend on it are unknown`,
        fix: 'check the spelling against the cloud\'s system policy list; if it is right, add its document to data/system-policies',
      });
    }
  }
  return key;
}

function attachedPolicy(res: StackResolver, r: RawResource, cloud: Cloud, byAddress: KeysByAddress, catalog: Catalog,
  parts: ModelParts): string | undefined {
  const name = res.attribute(r, 'policy_name');
  const type = res.attribute(r, 'policy_type');
  const system = type.known && String(type.value).toLowerCase() === 'system';
  const written = name.known && typeof name.value === 'string' ? byAddress.getWritten(cloud, 'policy', name.value) : undefined;
  if (written) return written;
  if (name.known && typeof name.value === 'string' && !isUnknownValue(name.value)) {
    if (system) return systemPolicyEntity(cloud, name.value, catalog, parts, originOf(r));
    const key = `${cloud}:custom/${name.value}`;
    if (!parts.policies.has(key)) {
      parts.policies.set(key, {
        key,
        cloud,
        dialect: DIALECT_OF[cloud],
        kind: 'custom',
        name: name.value,
        unknownReason: `custom policy ${name.value} is not defined in this input`,
      });
    }
    return key;
  }
  if (!name.known && name.ref && byAddress.has(name.ref.address)) return byAddress.get(name.ref.address);
  // The name is known only after apply and points nowhere we can follow: the attachment's effect is unknown.
  const key = `${cloud}:custom@${r.address}`;
  parts.policies.set(key, {
    key,
    cloud,
    dialect: DIALECT_OF[cloud],
    kind: system ? 'system' : 'custom',
    name: `${r.address}.policy_name (known after apply)`,
    unknownReason: `the attached policy's name ${!name.known ? `is unknown: ${name.reason}` : typeof name.value === 'string' && name.value !== '' ? `is only partly known: ${name.value}` : 'is empty'}`,
    ...originOf(r),
  });
  return key;
}

function huaweiRole(res: StackResolver, r: RawResource, byAddress: KeysByAddress, catalog: Catalog, parts: ModelParts): string | undefined {
  const role = res.attribute(r, 'role_id');
  if (!role.known && role.ref && byAddress.has(role.ref.address)) return byAddress.get(role.ref.address);
  const named = !role.known && role.ref ? res.systemPolicyOf(role.ref.address) : undefined;
  if (named) return systemPolicyEntity('huawei', named, catalog, parts, originOf(r));
  // System roles are referenced by id; constructs record the name in the resource's `//` aiam metadata, and a plan
  // has the huaweicloud_identity_role data source that looked the id up by name.
  const systemName = typeof r.comment?.systemPolicy === 'string' ? r.comment.systemPolicy : roleLookupName(res, r, role);
  if (systemName) return systemPolicyEntity('huawei', systemName, catalog, parts, originOf(r));
  const id = role.known ? String(role.value) : role.reason;
  const key = `huawei:system#${id}`;
  if (!parts.policies.has(key)) {
    parts.policies.set(key, {
      key,
      cloud: 'huawei',
      dialect: Dialect.HUAWEI_IAM,
      kind: 'system',
      name: `role ${id}`,
      unknownReason: `Huawei role ${id} is known only by id; its permissions are not in the catalog`,
      ...originOf(r),
    });
  }
  return key;
}

/** The display name (else name) a `huaweicloud_identity_role` data source looked the assignment's role up by. */
function roleLookupName(res: StackResolver, r: RawResource, role: Resolved): string | undefined {
  const addresses = [role.known ? undefined : role.ref?.address, ...(r.references.get('role_id') ?? []).map(x => /^data\.huaweicloud_identity_role\.[\w-]+/.exec(x)?.[0])];
  for (const address of addresses) {
    const ds = address?.startsWith('data.huaweicloud_identity_role.') ? res.resource(address) : undefined;
    for (const attr of ds ? ['display_name', 'name'] : []) {
      const v = res.attribute(ds!, attr);
      if (v.known && typeof v.value === 'string' && v.value) return v.value;
    }
  }
  return undefined;
}

/**
 * The scope of a Huawei role assignment. A project or enterprise project written but unknown (a variable, an id known
 * after apply) is an unknown scope, never domain-wide.
 */
function huaweiScope(res: StackResolver, r: RawResource): AssignmentScope {
  for (const [attr, kind] of [['project_id', 'project'], ['enterprise_project_id', 'enterprise-project']] as const) {
    if (!present(r, attr)) continue;
    const value = plain(res, r, attr);
    if (value === 'all' && kind === 'project') return { kind: 'all-projects' };
    if (value) return { kind, id: value };
    const v = res.attribute(r, attr);
    if (v.known && (v.value === null || v.value === '')) continue;
    return { kind: 'unknown', reason: `${attr} ${describeUnknown(res, r, attr)}` };
  }
  return { kind: 'domain', id: plain(res, r, 'domain_id') };
}

/**
 * Entity keys by the address of the resource that defines them, for references whose value is known only after apply
 * (rare: Huawei ids, names known after apply); and by a partly known name (`tf-${random_integer.x.result}`), which
 * links by the text as written, since a reference to it resolves to the same text, unknown parts included. Addresses
 * wait in a list until the first lookup, which most inputs never make (at 100k principals the map was built for nothing).
 */
class KeysByAddress {
  private readonly addresses: string[] = [];
  private readonly keys: string[] = [];
  private map?: Map<string, string>;
  private readonly written = new Map<string, string>();

  set(address: string, key: string): void {
    if (this.map) {
      this.map.set(address, key);
    } else {
      this.addresses.push(address);
      this.keys.push(key);
    }
  }

  get(address: string): string | undefined {
    return this.built().get(address);
  }

  has(address: string): boolean {
    return this.built().has(address);
  }

  setWritten(cloud: Cloud, kind: PrincipalKind | 'policy', text: string, key: string): void {
    this.written.set(`${cloud}:${kind}:${text}`, key);
  }

  getWritten(cloud: Cloud, kind: PrincipalKind | 'policy', text: string): string | undefined {
    return this.written.size ? this.written.get(`${cloud}:${kind}:${text}`) : undefined;
  }

  private built(): Map<string, string> {
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.addresses.length; i++) this.map.set(this.addresses[i], this.keys[i]);
      this.addresses.length = 0;
      this.keys.length = 0;
    }
    return this.map;
  }
}

type PrincipalKeyFn = (cloud: Cloud, kind: PrincipalKind, v: Resolved, from: RawResource, by?: string, sso?: boolean) => string | undefined;

/** The attribute is written in the input (a value, a reference, or known after apply). */
function present(r: RawResource, a: string): boolean {
  return r.values[a] !== undefined || r.unknownAttributes.has(a) || r.references.has(a);
}

/** A wholly known attribute as text (lists joined with ", "), else undefined. */
function plain(res: StackResolver, r: RawResource, a: string): string | undefined {
  if (!present(r, a)) return undefined;
  const v = res.attribute(r, a);
  if (!v.known || v.value === undefined || v.value === null || v.value === '') return undefined;
  const text = Array.isArray(v.value) ? v.value.map(String).join(', ') : String(v.value);
  return isUnknownValue(text) ? undefined : text;
}

/** A role's trust policy; the legacy `services`/`ram_users` form as the provider assembles it (one sts:AssumeRole statement). */
function trustOf(res: StackResolver, r: RawResource, pt: PrincipalType): Resolved | undefined {
  const trust = pt.trust ? firstKnown(res, r, pt.trust) : undefined;
  if (trust?.known || r.type !== 'alicloud_ram_role' || (!present(r, 'services') && !present(r, 'ram_users'))) return trust;
  const list = (a: string) => {
    const v = present(r, a) ? res.attribute(r, a) : { known: true as const, value: [] };
    return v.known && Array.isArray(v.value) ? v.value : [unknownValue(v.known ? `${r.address}.${a} is not a list` : v.reason)];
  };
  return {
    known: true,
    value: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: list('ram_users'), Service: list('services') } }], Version: plain(res, r, 'version') ?? '1' },
  };
}

function addCredential(parts: ModelParts, key: string, fact: CredentialFact): void {
  const p = parts.principals.get(key);
  if (p) parts.principals.set(key, { ...p, credentials: [...(p.credentials ?? []), fact] });
}

/** A policy whose content this input cannot show (known only by id, or defined elsewhere). */
function unknownPolicy(parts: ModelParts, cloud: Cloud, key: string, name: string, reason: string, origin: Origin, kind: 'custom' | 'system' = 'custom'): string {
  if (!parts.policies.has(key)) parts.policies.set(key, { key, cloud, dialect: DIALECT_OF[cloud], kind, name, unknownReason: reason, ...origin });
  return key;
}

/** A SAML provider: a fact on each role whose trust policy names it. */
function samlProvider(res: StackResolver, r: RawResource, parts: ModelParts): void {
  const name = plain(res, r, 'saml_provider_name');
  for (const p of [...parts.principals.values()]) {
    if (p.cloud !== 'alibaba' || p.kind !== 'role' || p.trustPolicy === undefined) continue;
    const text = typeof p.trustPolicy === 'string' ? p.trustPolicy : JSON.stringify(p.trustPolicy);
    if ((name && text.includes(`saml-provider/${name}`)) || text.includes(r.address)) {
      addCredential(parts, p.key, { kind: 'identity-provider', detail: `federated sign-in through SAML provider ${name ?? r.address}`, ...originOf(r) });
    }
  }
}

/** `alicloud_resource_manager_policy_version`: the default version's document is the policy's document. */
function policyVersion(res: StackResolver, r: RawResource, byAddress: KeysByAddress, parts: ModelParts): void {
  const name = res.attribute(r, 'policy_name');
  const key = name.known && typeof name.value === 'string' ? `alibaba:custom/${name.value}` : (!name.known && name.ref ? byAddress.get(name.ref.address) : undefined);
  const policy = key ? parts.policies.get(key) : undefined;
  if (!policy) {
    parts.findings.push({
      code: 'unmodelled-resource',
      ...originOf(r),
      message: `${r.address} is a version of a policy this input does not define (${name.known ? String(name.value) : name.reason}): if it is the default version, that access is not in the answers`,
      fix: 'define the policy in the same configuration, or review the version by hand',
    });
    return;
  }
  const isDefault = present(r, 'is_default_version') ? res.attribute(r, 'is_default_version') : { known: true as const, value: false };
  // Not the default version: it grants nothing until it becomes the default (listed with --verbose).
  if (isDefault.known && String(isDefault.value) !== 'true') {
    parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
    return;
  }
  if (!isDefault.known) {
    parts.policies.set(policy.key, { ...policy, parsed: undefined, unknownReason: `whether ${r.address} is the default version is known only after apply` });
    return;
  }
  const version = customPolicy(res, r, { cloud: 'alibaba', nameAttrs: ['policy_name'], documentAttrs: ['policy_document'] }, parts);
  parts.policies.set(policy.key, { ...version, key: policy.key, name: policy.name });
}

/** Agency role grants: domain-wide, per project (by name), all projects, per enterprise project. */
function agencyRoles(res: StackResolver, r: RawResource, catalog: Catalog, parts: ModelParts): void {
  const key = [...parts.principals.values()].find(p => p.address === r.address)?.key;
  if (!key) return;
  const origin = originOf(r);
  const grant = (role: unknown, scope: AssignmentScope) => {
    if (typeof role !== 'string' || isUnknownValue(role)) {
      const policyKey = unknownPolicy(parts, 'huawei', `huawei:system@${r.address}`, `${r.address} role (known after apply)`, `a role of agency ${r.address} is unknown: ${String(role)}`, origin);
      parts.attachments.push(newAttachment(parts, key, policyKey, origin, scope));
      return;
    }
    const custom = `huawei:custom/${role}`;
    parts.attachments.push(newAttachment(parts, key, parts.policies.has(custom) ? custom : systemPolicyEntity('huawei', role, catalog, parts, origin), origin, scope));
  };
  const list = (a: string): unknown[] => {
    if (!present(r, a)) return [];
    const v = res.attribute(r, a);
    return v.known ? (Array.isArray(v.value) ? v.value : [v.value]) : [unknownValue(v.reason)];
  };
  for (const role of list('domain_roles')) grant(role, { kind: 'domain' });
  for (const role of list('all_resources_roles')) grant(role, { kind: 'all-projects' });
  for (const [attr, field, kind] of [['project_role', 'project', 'project'], ['enterprise_project_roles', 'enterprise_project', 'enterprise-project']] as const) {
    for (const block of list(attr)) {
      const b = (typeof block === 'object' && block !== null ? block : {}) as Record<string, unknown>;
      const id = b[field];
      const scope: AssignmentScope = typeof id === 'string' && id !== '' && !isUnknownValue(id) ? { kind, id } : { kind: 'unknown', reason: `${attr}.${field} ${typeof id === 'string' ? id : 'is unknown'}` };
      const roles = Array.isArray(b.roles) ? b.roles : [typeof block === 'string' ? block : b.roles];
      for (const role of roles) grant(role, scope);
    }
  }
}

/**
 * `alicloud_resource_manager_policy_attachment`: principal_name is `NAME@<account>.onaliyun.com` (IMSUser, IMSGroup)
 * or `NAME@role.<account>.onaliyunservice.com` (ServiceRole); the grant applies within one resource group.
 */
function resourceGroupAttachment(res: StackResolver, r: RawResource, byAddress: KeysByAddress, catalog: Catalog, parts: ModelParts,
  principalKey: PrincipalKeyFn): void {
  const origin = originOf(r);
  const type = plain(res, r, 'principal_type');
  const kind: PrincipalKind | undefined = type === 'IMSUser' ? 'user' : type === 'IMSGroup' ? 'group' : type === 'ServiceRole' ? 'role' : undefined;
  const raw = res.attribute(r, 'principal_name');
  let name: Resolved = raw;
  if (raw.known && typeof raw.value === 'string') {
    const local = raw.value.split('@')[0];
    name = isUnknownValue(local) ? { known: false, reason: `${r.address}.principal_name is known only after apply` } : { known: true, value: local };
  }
  if (!kind) {
    parts.findings.push({ code: 'unmodelled-resource', ...origin, message: `${r.address}: principal_type ${type ?? '(known after apply)'} is not IMSUser, IMSGroup or ServiceRole: this grant is not in the answers`, fix: 'give principal_type literally' });
    return;
  }
  const principal = principalKey('alibaba', kind, name, r);
  const policyKey = attachedPolicy(res, r, 'alibaba', byAddress, catalog, parts);
  const rg = plain(res, r, 'resource_group_id');
  const scope: AssignmentScope = rg ? { kind: 'resource-group', id: rg } : { kind: 'unknown', reason: `resource group ${describeUnknown(res, r, 'resource_group_id')}` };
  if (principal && policyKey) parts.attachments.push(newAttachment(parts, principal, policyKey, origin, scope));
}

/** `volcengine_iam_policy_project`: one attachment per project the grant is scoped to. */
function projectAttachment(res: StackResolver, r: RawResource, byAddress: KeysByAddress, catalog: Catalog, parts: ModelParts,
  principalKey: PrincipalKeyFn): void {
  const origin = originOf(r);
  const type = plain(res, r, 'principal_type');
  const kind: PrincipalKind | undefined = type === 'User' ? 'user' : type === 'UserGroup' ? 'group' : type === 'Role' ? 'role' : undefined;
  if (!kind) {
    parts.findings.push({ code: 'unmodelled-resource', ...origin, message: `${r.address}: principal_type ${type ?? '(known after apply)'} is not User, UserGroup or Role: this grant is not in the answers`, fix: 'give principal_type literally' });
    return;
  }
  const principal = principalKey('volcengine', kind, res.attribute(r, 'principal_name'), r);
  const policyKey = attachedPolicy(res, r, 'volcengine', byAddress, catalog, parts);
  if (!principal || !policyKey) return;
  for (const p of listOf(res, r, 'project_names')) {
    const id = p.known && typeof p.value === 'string' && !isUnknownValue(p.value) ? p.value : undefined;
    const scope: AssignmentScope = id ? { kind: 'project', id } : { kind: 'unknown', reason: `project ${p.known ? String(p.value) : p.reason}` };
    parts.attachments.push(newAttachment(parts, principal, policyKey, origin, scope));
  }
}

/** How an attribute was written when its value is not known: the reason the resolver gives. */
function describeUnknown(res: StackResolver, r: RawResource, a: string): string {
  if (!present(r, a)) return 'is not set';
  const v = res.attribute(r, a);
  return v.known ? `is ${JSON.stringify(v.value)}` : v.reason;
}

/** The system and inline policies of a CloudSSO access configuration or a CloudIdentity permission set. */
function permissionSetPolicies(res: StackResolver, r: RawResource, cloud: Cloud, catalog: Catalog, parts: ModelParts): string[] {
  if (cloud === 'huawei' || !present(r, 'permission_policies')) return [];
  const origin = originOf(r);
  const v = res.attribute(r, 'permission_policies');
  if (!v.known || !Array.isArray(v.value)) {
    return [unknownPolicy(parts, cloud, `${cloud}:custom@${r.address}`, `${r.address} policies`, `the policies of ${r.address} are unknown: ${v.known ? 'not a list' : v.reason}`, origin)];
  }
  const docAttr = cloud === 'alibaba' ? 'permission_policy_document' : 'inline_policy_document';
  return v.value.map((block, i) => {
    const b = (typeof block === 'object' && block !== null ? block : {}) as Record<string, unknown>;
    const type = String(b.permission_policy_type ?? '');
    const name = typeof b.permission_policy_name === 'string' && !isUnknownValue(b.permission_policy_name) ? b.permission_policy_name : `inline-${i}`;
    if (type === 'System') return systemPolicyEntity(cloud, name, catalog, parts, origin);
    const key = `${cloud}:custom@${r.address}#${name}`;
    parts.policies.set(key, documentPolicy(cloud, key, `${name} (inline in ${r.address})`, b[docAttr], { ...origin, pointer: `${r.pointer}/permission_policies/${i}/${docAttr}` }, parts));
    return key;
  });
}

/** Huawei IAM Identity Center: the policies one attachment resource adds to a permission set. */
function huaweiSetPolicies(res: StackResolver, r: RawResource, parts: ModelParts): string[] {
  const origin = originOf(r);
  if (r.type.endsWith('system_policy_attachment') || r.type.endsWith('system_identity_policy_attachment')) {
    return listOf(res, r, 'policy_ids').map(id => {
      const text = id.known ? String(id.value) : id.reason;
      return unknownPolicy(parts, 'huawei', `huawei:system#${text}`, `role ${text}`, `Huawei system policy ${text} is known only by id; its permissions are not in the catalog`, origin, 'system');
    });
  }
  const custom = r.type.endsWith('custom_role_attachment');
  const attr = custom ? 'custom_role' : 'custom_policy';
  const doc = present(r, attr) ? res.attribute(r, attr) : { known: false as const, reason: `${r.address}.${attr} is not set` };
  const key = `huawei:custom@${r.address}`;
  const name = `${attr} of ${r.address}`;
  const entity = doc.known ? documentPolicy('huawei', key, name, doc.value, { ...origin, pointer: `${r.pointer}/${attr}` }, parts, !custom)
    : { key, cloud: 'huawei' as const, dialect: Dialect.HUAWEI_IAM, kind: 'custom' as const, name, unknownReason: `the document ${doc.reason}`, ...origin };
  parts.policies.set(key, entity);
  return [key];
}

/** An account assignment: every policy of the permission set, attached to the SSO user or group, on that account. */
function ssoAssignment(res: StackResolver, r: RawResource, cloud: Cloud, setAttr: string, setPolicies: Map<string, string[]>, parts: ModelParts,
  principalKey: PrincipalKeyFn): void {
  const origin = originOf(r);
  const type = (plain(res, r, 'principal_type') ?? '').toLowerCase();
  const kind: PrincipalKind | undefined = type === 'user' ? 'user' : type === 'group' ? 'group' : undefined;
  const set = res.attribute(r, setAttr);
  const policies = !set.known && set.ref ? setPolicies.get(set.ref.address) : undefined;
  if (!kind || !policies) {
    parts.findings.push({
      code: 'unmodelled-resource',
      ...origin,
      message: `${r.address}: ${!kind ? `principal_type ${type || '(known after apply)'} is not User or Group` : `its permission set is not defined in this input (${set.known ? String(set.value) : set.reason})`}: this grant is not in the answers`,
      fix: 'define the permission set (access configuration) in the same configuration and give principal_type literally',
    });
    return;
  }
  const principal = principalKey(cloud, kind, res.attribute(r, 'principal_id'), r, 'id', true);
  if (!principal) return;
  const target = plain(res, r, 'target_id');
  const scope: AssignmentScope = target ? { kind: 'account', id: target } : { kind: 'unknown', reason: `account ${describeUnknown(res, r, 'target_id')}` };
  for (const policyKey of policies) parts.attachments.push(newAttachment(parts, principal, policyKey, origin, scope));
  // Read, and granting nothing: a permission set without policies (listed with --verbose, like passive types).
  if (!policies.length) parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
}

/** A policy from a document value (a JSON string or object); `v5`: a Huawei IAM v5 identity policy. */
function documentPolicy(cloud: Cloud, key: string, name: string, document: unknown, origin: Origin, parts: ModelParts, v5 = false): PolicyEntity {
  const dialect = DIALECT_OF[cloud];
  // Names made up here (inline policies) are not cloud-side names: callers with a real name say so.
  const base = { key, cloud, dialect, kind: 'custom' as const, name, nameKnown: false, ...origin };
  if (document === undefined || document === null || document === '') return { ...base, unknownReason: 'the policy document is not set' };
  if (typeof document === 'string' && isUnknownValue(document) && !document.trim().startsWith('{')) {
    return { ...base, unknownReason: `the policy document is known only after apply: ${document}` };
  }
  let doc = document;
  if (v5) {
    try {
      const t = translateV5(document, name);
      if (t.untranslated.length) {
        parts.findings.push({
          code: 'unmodelled-resource',
          ...origin,
          message: `IAM v5 policy ${name}: ${t.untranslated.length} statement(s) use v5 actions, resources or conditions the evaluator does not model; decisions they could affect are unknown${t.fullAdmin ? ' (an Allow of "*" grants every action)' : ''}`,
          fix: 'review the v5 statements by hand; "*" statements are evaluated exactly',
        });
      }
      doc = t.document;
    } catch (e) {
      parts.findings.push({ code: 'invalid-policy-document', ...origin, message: `IAM v5 policy ${name} is not valid: ${(e as Error).message}`, fix: 'write a JSON object with a Statement list' });
      return { ...base, unknownReason: `the IAM v5 document is invalid: ${(e as Error).message}` };
    }
  }
  try {
    const source = origin.file !== undefined && origin.pointer !== undefined ? { file: origin.file, pointer: origin.pointer } : undefined;
    return { ...base, parsed: parsePolicy(dialect, name, doc, source) };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    parts.findings.push({
      code: 'invalid-policy-document',
      ...origin,
      pointer: e.pointer,
      message: `policy ${name} is not a valid ${dialect} document: ${e.problem} (at ${e.pointer} inside the document string)`,
      fix: e.fix,
    });
    return { ...base, unknownReason: `the document is invalid and would be rejected at apply: ${e.problem}` };
  }
}

/** `policy_names` of a trust or service agency: v5 identity policies by name (custom ones of this input, else system). */
function trustAgencyPolicies(res: StackResolver, r: RawResource, catalog: Catalog, parts: ModelParts): void {
  const key = [...parts.principals.values()].find(p => p.address === r.address)?.key;
  if (!key || !present(r, 'policy_names')) return;
  const origin = originOf(r);
  for (const n of listOf(res, r, 'policy_names')) {
    const name = n.known && typeof n.value === 'string' && !isUnknownValue(n.value) ? n.value : undefined;
    const ref = !n.known && n.ref ? [...parts.policies.values()].find(p => p.address === n.ref!.address)?.key : undefined;
    const policyKey = ref ?? (name === undefined
      ? unknownPolicy(parts, 'huawei', `huawei:custom@${r.address}`, `${r.address} policy (known after apply)`, `a policy name of ${r.address} is unknown: ${n.known ? String(n.value) : n.reason}`, origin)
      : parts.policies.has(`huawei:custom/${name}`) ? `huawei:custom/${name}` : systemPolicyEntity('huawei', name, catalog, parts, origin));
    parts.attachments.push(newAttachment(parts, key, policyKey, origin));
  }
}
