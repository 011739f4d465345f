/**
 * Builds principals, policies, attachments and memberships from the resources of every attachment and identity
 * resource type in schemas/ (deprecated forms included), per cloud.
 */
import { Catalog } from '../catalog';
import type { RawResource, RawStack } from './input';
import { isPlatformSettingsEnvelope } from './platform-settings';
import { Resolved, StackResolver } from './resolve';
import {
  Attachment, AssignmentScope, Cloud, DeclaredSuppression, Membership, ModelFinding, Origin, PaiWorkspaceMember, PlatformSettingsEntry,
  PolicyEntity, Principal, PrincipalKind, SkippedResource,
} from './types';
import { PolicyError } from '../policy/errors';
import { parsePolicy } from '../policy/parse';
import { Dialect } from '../policy/types';

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

interface PrincipalType { cloud: Cloud; kind: PrincipalKind; nameAttrs: string[]; trust?: string[] }
interface PolicyType { cloud: Cloud; nameAttrs: string[]; documentAttrs: string[] }
interface AttachmentType { cloud: Cloud; kind: PrincipalKind; principalAttr: string }
interface MembershipType { cloud: Cloud; groupAttr: string; userAttr?: string; usersAttr?: string }

const PRINCIPALS: Record<string, PrincipalType> = {
  alicloud_ram_user: { cloud: 'alibaba', kind: 'user', nameAttrs: ['name'] },
  alicloud_ram_group: { cloud: 'alibaba', kind: 'group', nameAttrs: ['group_name', 'name'] },
  alicloud_ram_role: { cloud: 'alibaba', kind: 'role', nameAttrs: ['role_name', 'name'], trust: ['assume_role_policy_document', 'document'] },
  volcengine_iam_user: { cloud: 'volcengine', kind: 'user', nameAttrs: ['user_name'] },
  volcengine_iam_user_group: { cloud: 'volcengine', kind: 'group', nameAttrs: ['user_group_name'] },
  volcengine_iam_role: { cloud: 'volcengine', kind: 'role', nameAttrs: ['role_name'], trust: ['trust_policy_document'] },
  huaweicloud_identity_user: { cloud: 'huawei', kind: 'user', nameAttrs: ['name'] },
  huaweicloud_identity_group: { cloud: 'huawei', kind: 'group', nameAttrs: ['name'] },
};
const POLICIES: Record<string, PolicyType> = {
  alicloud_ram_policy: { cloud: 'alibaba', nameAttrs: ['policy_name', 'name'], documentAttrs: ['policy_document', 'document'] },
  volcengine_iam_policy: { cloud: 'volcengine', nameAttrs: ['policy_name'], documentAttrs: ['policy_document'] },
  huaweicloud_identity_role: { cloud: 'huawei', nameAttrs: ['name'], documentAttrs: ['policy'] },
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
  huaweicloud_identity_group_membership: { cloud: 'huawei', groupAttr: 'group', usersAttr: 'users' },
};
/** Read but carrying no access on their own. */
const PASSIVE = new Set(['alicloud_pai_workspace_workspace', 'huaweicloud_modelarts_workspace']);

function originOf(r: RawResource): Origin {
  return { address: r.address, constructPath: r.constructPath, stack: r.stack, file: r.file, pointer: r.pointer };
}

function firstKnown(res: StackResolver, r: RawResource, attrs: string[]): Resolved {
  let last: Resolved = { known: false, reason: `${r.address} has none of ${attrs.join(', ')}` };
  for (const a of attrs) {
    if (r.values[a] === undefined && !r.unknownAttributes.has(a) && !r.references.has(a)) continue;
    const v = res.attribute(r, a);
    if (v.known && v.value !== undefined && v.value !== null && v.value !== '') return v;
    last = v;
  }
  return last;
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
  const byAddress = new Map<string, string>();

  const principalKey = (cloud: Cloud, kind: PrincipalKind, v: Resolved, origin: Origin, by = 'name'): string | undefined => {
    if (v.known && typeof v.value === 'string' && v.value !== '') {
      const key = by === 'name' ? `${cloud}:${kind}/${v.value}` : `${cloud}:${kind}#${v.value}`;
      if (!parts.principals.has(key)) {
        parts.principals.set(key, { key, cloud, kind, name: by === 'name' ? v.value : undefined, external: true, ...(by === 'name' ? {} : { address: `(id ${v.value})` }) });
      }
      return key;
    }
    const target = !v.known && v.ref ? byAddress.get(v.ref.address) : undefined;
    if (target) return target;
    parts.findings.push({
      code: 'unresolved-attachment',
      ...origin,
      message: `cannot tell which ${cloud} ${kind} this refers to: ${v.known ? 'empty value' : v.reason}`,
      fix: `reference the ${kind} resource defined in the same stack, or give its name literally`,
    });
    return undefined;
  };

  // 1. Principals and custom policies first, so attachments can point at them.
  for (const r of stack.resources) {
    const pt = PRINCIPALS[r.type];
    if (pt) {
      const name = firstKnown(res, r, pt.nameAttrs);
      const known = name.known && typeof name.value === 'string';
      const key = known ? `${pt.cloud}:${pt.kind}/${name.value as string}` : `${pt.cloud}:${pt.kind}@${r.address}`;
      const trust = pt.trust ? firstKnown(res, r, pt.trust) : undefined;
      parts.principals.set(key, {
        key,
        cloud: pt.cloud,
        kind: pt.kind,
        name: known ? name.value as string : undefined,
        external: false,
        ...originOf(r),
        ...(trust?.known ? { trustPolicy: trust.value } : {}),
      });
      byAddress.set(r.address, key);
      continue;
    }
    const pol = POLICIES[r.type];
    if (pol) {
      const entity = customPolicy(res, r, pol, parts);
      parts.policies.set(entity.key, entity);
      byAddress.set(r.address, entity.key);
    }
  }

  // 2. Attachments, memberships, role assignments, PAI members, platform settings.
  for (const r of stack.resources) {
    collectSuppressions(r, parts);
    if (PRINCIPALS[r.type] || POLICIES[r.type] || PASSIVE.has(r.type)) continue;
    const origin = originOf(r);
    const at = ATTACHMENTS[r.type];
    if (at) {
      const principal = principalKey(at.cloud, at.kind, res.attribute(r, at.principalAttr), origin);
      const policyKey = attachedPolicy(res, r, at.cloud, byAddress, catalog, parts);
      if (principal && policyKey) parts.attachments.push({ principalKey: principal, policyKey, ...origin });
      continue;
    }
    const mt = MEMBERSHIPS[r.type];
    if (mt) {
      const by = mt.cloud === 'huawei' ? 'id' : 'name';
      const group = principalKey(mt.cloud, 'group', res.attribute(r, mt.groupAttr), origin, by);
      const users: Resolved[] = [];
      if (mt.userAttr) users.push(res.attribute(r, mt.userAttr));
      if (mt.usersAttr) users.push(...listOf(res, r, mt.usersAttr));
      for (const u of users) {
        const user = principalKey(mt.cloud, 'user', u, origin, by);
        if (group && user) parts.memberships.push({ userKey: user, groupKey: group, ...origin });
      }
      continue;
    }
    if (r.type === 'huaweicloud_identity_group_role_assignment') {
      const group = principalKey('huawei', 'group', res.attribute(r, 'group_id'), origin, 'id');
      const policyKey = huaweiRole(res, r, byAddress, catalog, parts);
      if (group && policyKey) parts.attachments.push({ principalKey: group, policyKey, scope: huaweiScope(res, r), ...origin });
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
      const input = res.attribute(r, 'input');
      if (input.known && isPlatformSettingsEnvelope(input.value)) parts.settings.push({ envelope: input.value, ...origin });
      continue;
    }
    parts.skipped.push({ address: r.address, type: r.type, stack: r.stack });
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
  const known = name.known && typeof name.value === 'string';
  const key = known ? `${t.cloud}:custom/${name.value as string}` : `${t.cloud}:custom@${r.address}`;
  const displayName = known ? name.value as string : r.address;
  const dialect = DIALECT_OF[t.cloud];
  const base = { key, cloud: t.cloud, dialect, kind: 'custom' as const, name: displayName, ...originOf(r) };
  const huaweiType = r.type === 'huaweicloud_identity_role' ? res.attribute(r, 'type') : undefined;
  const extra = huaweiType?.known ? { huaweiType: String(huaweiType.value) } : {};
  const doc = firstKnown(res, r, t.documentAttrs);
  if (!doc.known) return { ...base, ...extra, unknownReason: `policy document ${doc.reason}` };
  const attr = t.documentAttrs.find(a => r.values[a] !== undefined) ?? t.documentAttrs[0];
  try {
    return { ...base, ...extra, parsed: parsePolicy(dialect, displayName, doc.value, { file: r.file, pointer: `${r.pointer}/${attr}` }) };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    parts.findings.push({
      code: 'invalid-policy-document',
      ...originOf(r),
      pointer: e.pointer,
      message: `policy ${displayName} is not a valid ${dialect} document: ${e.problem} (at ${e.pointer} inside the document string)`,
      fix: e.fix,
    });
    return { ...base, ...extra, unknownReason: `the document is invalid and would be rejected at apply: ${e.problem}` };
  }
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

function attachedPolicy(res: StackResolver, r: RawResource, cloud: Cloud, byAddress: Map<string, string>, catalog: Catalog,
  parts: ModelParts): string | undefined {
  const name = res.attribute(r, 'policy_name');
  const type = res.attribute(r, 'policy_type');
  const system = type.known && String(type.value).toLowerCase() === 'system';
  if (name.known && typeof name.value === 'string') {
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
    unknownReason: `the attached policy's name ${name.known ? 'is empty' : `is unknown: ${name.reason}`}`,
    ...originOf(r),
  });
  return key;
}

function huaweiRole(res: StackResolver, r: RawResource, byAddress: Map<string, string>, catalog: Catalog, parts: ModelParts): string | undefined {
  const role = res.attribute(r, 'role_id');
  if (!role.known && role.ref && byAddress.has(role.ref.address)) return byAddress.get(role.ref.address);
  const named = !role.known && role.ref ? res.systemPolicyOf(role.ref.address) : undefined;
  if (named) return systemPolicyEntity('huawei', named, catalog, parts, originOf(r));
  // System roles are referenced by id; constructs record the name in the resource's `//` aiam metadata.
  const systemName = typeof r.comment?.systemPolicy === 'string' ? r.comment.systemPolicy : undefined;
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

function huaweiScope(res: StackResolver, r: RawResource): AssignmentScope {
  const get = (a: string) => {
    const v = res.attribute(r, a);
    return v.known && v.value !== undefined && v.value !== null && v.value !== '' ? String(v.value) : undefined;
  };
  const project = get('project_id');
  if (project === 'all') return { kind: 'all-projects' };
  if (project) return { kind: 'project', id: project };
  const ep = get('enterprise_project_id');
  if (ep) return { kind: 'enterprise-project', id: ep };
  return { kind: 'domain', id: get('domain_id') };
}
