import * as fc from 'fast-check';
import { coverageOf, coverageTable } from '../../src/catalog/coverage';
import { AiPlatformPack, runChecks } from '../../src/checks';
import { describePrincipal, diffModels, modelFromJson } from '../../src/model';
import { Decision } from '../../src/policy/types';

/** A synthesized-stack document with the given resources (`{ type: { name: attributes } }`). */
function model(resource: Record<string, Record<string, object>>) {
  return modelFromJson('main.tf.json', { resource }, 'main');
}
const ruleIds = (resource: Record<string, Record<string, object>>) =>
  runChecks(model(resource), [new AiPlatformPack()]).findings.map(f => `${f.ruleId} ${f.location.address}`);
const POLICY = (statements: object[]) => JSON.stringify({ Version: '1', Statement: statements });

describe('coverage table', () => {
  test('every type of the three providers is classified; listed types are of the three providers or Terraform built-ins', () => {
    const t = coverageTable();
    for (const p of Object.values(t.providers)) expect(p.commit).toMatch(/^[0-9a-f]{40}$/);
    const total = Object.values(t.providers).reduce((n, p) => n + p.count, 0);
    expect(t.types.size).toBeGreaterThanOrEqual(total);
    for (const [type, c] of t.types) {
      expect(['modelled', 'access', 'passive']).toContain(c.class);
      expect(type).toMatch(/^(alicloud|volcengine|huaweicloud|terraform|null|random|time|local|tls)_[a-z0-9_]+$/);
    }
  });

  test('every type in the table is modelled (read by a handler) or reported, never skipped silently', () => {
    const t = coverageTable();
    const resource: Record<string, Record<string, object>> = {};
    for (const type of t.types.keys()) resource[type] = { x: {} };
    const m = model(resource);
    const skipped = new Set(m.skipped.map(s => s.type));
    const coverage = new Map(m.findings.filter(f => /grants access that the model does not read|identity resource type the model does not know/.test(f.message))
      .map(f => [f.address!.split('.')[0], f]));
    for (const [type, c] of t.types) {
      if (c.when || c.class === 'passive') {
        // Bare (no attribute set): nothing grants access; conditional types are tested below with their attributes.
        expect([type, skipped.has(type), coverage.has(type)]).toEqual([type, true, false]);
      } else if (c.class === 'access') {
        expect([type, coverage.get(type)?.code]).toEqual([type, 'unmodelled-resource']);
      } else {
        // Modelled: a handler read it (it may still report what it could not resolve, but not as an unread type).
        // An access configuration (permission set) without policies, or a terraform_data that holds no platform-settings
        // entry, is read and grants nothing: listed as skipped.
        const readEmpty = type === 'alicloud_cloud_sso_access_configuration' || type === 'volcengine_cloud_identity_permission_set' || type === 'terraform_data';
        expect([type, skipped.has(type), coverage.has(type)]).toEqual([type, readEmpty, false]);
      }
    }
  });

  test('unknown types: a warning in an IAM namespace, info elsewhere', () => {
    expect(coverageOf('alicloud_ram_future_thing')).toMatchObject({ class: 'unknown', iamNamespace: true });
    expect(ruleIds({ alicloud_ram_future_thing: { a: {} }, acme_widget: { w: {} } }).sort())
      .toEqual(['AIAM-COV-001 alicloud_ram_future_thing.a', 'AIAM-COV-002 acme_widget.w']);
    const f = runChecks(model({ acme_widget: { w: {} } }), [new AiPlatformPack()]).findings[0];
    expect(f.severity).toBe('info');
  });

  test.each([
    ['alicloud_oss_bucket', { bucket: 'b', acl: 'public-read' }, /acl of this alicloud_oss_bucket grant access/],
    ['alicloud_oss_bucket', { bucket: 'b', policy: '${var.policy}' }, /policy of this alicloud_oss_bucket grant access/],
    ['alicloud_oss_bucket_acl', { bucket: 'b', acl: 'public-read-write' }, /acl of this alicloud_oss_bucket_acl/],
    ['huaweicloud_obs_bucket', { bucket: 'b', acl: 'public-read' }, /acl of this huaweicloud_obs_bucket/],
    ['huaweicloud_obs_bucket_acl', { bucket: 'b', public_permission: [{ access_to_bucket: ['READ'] }] }, /public_permission/],
    ['volcengine_tos_bucket', { bucket_name: 'b', public_acl: 'public-read' }, /public_acl of this volcengine_tos_bucket/],
  ])('%s grants access through an attribute: reported (%j)', (type, attrs, message) => {
    const m = model({ [type]: { x: attrs } });
    expect(m.findings.map(f => [f.code, f.address])).toEqual([['unmodelled-resource', `${type}.x`]]);
    expect(m.findings[0].message).toMatch(message);
  });

  test.each([
    ['alicloud_oss_bucket', { bucket: 'b', acl: 'private' }],
    ['alicloud_oss_bucket_acl', { bucket: 'b', acl: 'private' }],
    ['huaweicloud_obs_bucket', { bucket: 'b', acl: 'private', policy: '' }],
    ['volcengine_tos_bucket', { bucket_name: 'b', public_acl: 'private', account_acl: [] }],
  ])('%s without a granting attribute is passive (%j)', (type, attrs) => {
    const m = model({ [type]: { x: attrs } });
    expect([m.findings, m.skipped.map(s => s.address)]).toEqual([[], [`${type}.x`]]);
  });

  test('an access-granting type not modelled is a warning with its address', () => {
    const f = runChecks(model({ alicloud_oss_bucket_policy: { b: { bucket: 'b', policy: '{}' } } }), [new AiPlatformPack()]).findings;
    expect(f.map(x => [x.ruleId, x.severity, x.location.address])).toEqual([['AIAM-COV-001', 'warning', 'alicloud_oss_bucket_policy.b']]);
    expect(f[0].message).toMatch(/resource-based policy/);
  });
});

describe('Alibaba types', () => {
  test('access keys and login profiles are ways in, shown on the user', () => {
    const m = model({
      alicloud_ram_user: { u: { name: 'ops' } },
      alicloud_ram_access_key: { k: { user_name: '${alicloud_ram_user.u.name}', status: 'Active' } },
      alicloud_ram_login_profile: { l: { user_name: '${alicloud_ram_user.u.name}', password: 'x', mfa_bind_required: true } },
    });
    expect(m.findPrincipal('user/ops').credentials?.map(c => `${c.kind}: ${c.detail} @${c.address}`)).toEqual([
      'access-key: API access key (Active) @alicloud_ram_access_key.k',
      'console-login: console sign-in, MFA required @alicloud_ram_login_profile.l',
    ]);
  });

  test('a role attached to ECS instances; a SAML provider named in a trust policy', () => {
    const m = model({
      alicloud_ram_role: { r: { role_name: 'ecs-app', assume_role_policy_document: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Federated: ['acs:ram::123:saml-provider/idp'] } }] }) } },
      alicloud_ram_role_attachment: { a: { role_name: '${alicloud_ram_role.r.role_name}', instance_ids: ['i-1', 'i-2'] } },
      alicloud_ram_saml_provider: { p: { saml_provider_name: 'idp', encodedsaml_metadata_document: 'x' } },
    });
    expect(m.findPrincipal('role/ecs-app').credentials?.map(c => c.detail)).toEqual([
      'ECS instances i-1, i-2 act as this role', 'federated sign-in through SAML provider idp',
    ]);
  });

  test('resource_manager_policy_attachment: a resource-group-scoped grant, scope shown in the answer', () => {
    const m = model({
      alicloud_ram_user: { u: { name: 'dev' } },
      alicloud_resource_manager_policy_attachment: {
        a: { policy_name: 'AliyunOSSReadOnlyAccess', policy_type: 'System', principal_name: '${alicloud_ram_user.u.name}@123.onaliyun.com', principal_type: 'IMSUser', resource_group_id: 'rg-1' },
      },
    });
    const a = m.can(m.findPrincipal('user/dev'), { action: 'oss:GetObject' });
    expect(a.decision).toBe(Decision.ALLOW);
    expect(a.chain.map(c => c.scope)).toEqual(['resource-group rg-1']);
  });

  test('an ECS instance with role_name is a way in for the role; a KMS key policy is reported', () => {
    const m = model({
      alicloud_ram_role: { r: { role_name: 'app', assume_role_policy_document: '{}' } },
      alicloud_instance: { vm: { instance_type: 'ecs.g7.large', role_name: '${alicloud_ram_role.r.role_name}' }, plain: { instance_type: 'ecs.g7.large' } },
      alicloud_kms_key: { k: { policy: '${var.key_policy}' } },
    });
    expect(m.findPrincipal('role/app').credentials?.map(c => c.detail)).toEqual(['ECS instance alicloud_instance.vm acts as this role']);
    expect(m.findings.map(f => [f.code, f.address])).toEqual([['unmodelled-resource', 'alicloud_kms_key.k']]);
  });

  test('Resource Manager policies, their default version and roles', () => {
    const m = model({
      alicloud_resource_manager_role: { r: { role_name: 'rm-role', assume_role_policy_document: POLICY([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }]) } },
      alicloud_resource_manager_policy: { p: { policy_name: 'rm-pol', policy_document: POLICY([{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }]) } },
      alicloud_resource_manager_policy_version: { v: { policy_name: '${alicloud_resource_manager_policy.p.policy_name}', policy_document: POLICY([{ Effect: 'Allow', Action: 'oss:PutObject', Resource: '*' }]), is_default_version: true } },
      alicloud_ram_role_policy_attachment: { a: { role_name: '${alicloud_resource_manager_role.r.role_name}', policy_name: '${alicloud_resource_manager_policy.p.policy_name}', policy_type: 'Custom' } },
    });
    const role = m.findPrincipal('role/rm-role');
    expect(m.can(role, { action: 'oss:PutObject' }).decision).toBe(Decision.ALLOW);
    expect(m.can(role, { action: 'oss:GetObject' }).decision).toBe(Decision.IMPLICIT_DENY);
  });

  test('legacy ram_policy statement blocks and ram_role services', () => {
    const m = model({
      alicloud_ram_role: { r: { name: 'legacy-role', services: ['ecs.aliyuncs.com'] } },
      alicloud_ram_policy: { p: { name: 'legacy-pol', statement: [{ effect: 'Allow', action: ['oss:ListObjects'], resource: ['acs:oss:*:*:mybucket'] }] } },
      alicloud_ram_role_policy_attachment: { a: { role_name: '${alicloud_ram_role.r.name}', policy_name: '${alicloud_ram_policy.p.name}', policy_type: 'Custom' } },
    });
    const role = m.findPrincipal('role/legacy-role');
    expect(role.trustPolicy).toMatchObject({ Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }] });
    expect(m.can(role, { action: 'oss:ListObjects', resource: 'acs:oss:*:*:mybucket' }).decision).toBe(Decision.ALLOW);
  });

  test('CloudSSO: access configuration policies reach the assigned user on the target account', () => {
    const m = model({
      alicloud_cloud_sso_user: { u: { directory_id: 'd-1', user_name: 'alice' } },
      alicloud_cloud_sso_access_configuration: {
        c: {
          directory_id: 'd-1',
          access_configuration_name: 'ops',
          permission_policies: [
            { permission_policy_type: 'System', permission_policy_name: 'AliyunOSSReadOnlyAccess' },
            { permission_policy_type: 'Inline', permission_policy_name: 'deny-list', permission_policy_document: POLICY([{ Effect: 'Deny', Action: 'oss:ListObjects', Resource: '*' }]) },
          ],
        },
      },
      alicloud_cloud_sso_access_assignment: {
        a: { directory_id: 'd-1', access_configuration_id: '${alicloud_cloud_sso_access_configuration.c.access_configuration_id}', principal_type: 'User', principal_id: '${alicloud_cloud_sso_user.u.user_id}', target_type: 'RD-Account', target_id: '1234' },
      },
    });
    const alice = m.findPrincipal('alibaba:user/sso:alice');
    expect(m.can(alice, { action: 'oss:GetObject' }).chain.map(c => c.scope)).toEqual(['account 1234']);
    expect(m.can(alice, { action: 'oss:GetObject' }).decision).toBe(Decision.ALLOW);
    expect(m.can(alice, { action: 'oss:ListObjects' }).decision).toBe(Decision.EXPLICIT_DENY);
  });
});

describe('Volcengine types', () => {
  const projectGrant = (projects: unknown) => model({
    volcengine_iam_user: { u: { user_name: 'dev' } },
    volcengine_iam_policy_project: { p: { principal_type: 'User', principal_name: '${volcengine_iam_user.u.user_name}', policy_type: 'System', policy_name: 'AdministratorAccess', project_names: projects } },
  });

  test('iam_policy_project: an AdministratorAccess grant is allow within the project, and only there', () => {
    const m = projectGrant(['ml']);
    const dev = m.findPrincipal('user/dev');
    const a = m.can(dev, { action: 'ecs:RunInstances' });
    expect([a.decision, a.chain.map(c => c.scope)]).toEqual([Decision.ALLOW, ['project ml']]);
    expect(m.can(dev, { action: 'ecs:RunInstances' }, { project: 'ml' }).decision).toBe(Decision.ALLOW);
    expect(m.can(dev, { action: 'ecs:RunInstances' }, { project: 'web' }).decision).toBe(Decision.IMPLICIT_DENY);
  });

  test('iam_policy_project with a variable project: unknown for --project, never everywhere', () => {
    const m = projectGrant('${var.projects}');
    const a = m.can(m.findPrincipal('user/dev'), { action: 'ecs:RunInstances' }, { project: 'web' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.unresolved.join('\n')).toMatch(/may or may not cover project web/);
  });

  test('role attached to an instance; CloudIdentity permission set assignment', () => {
    const m = model({
      volcengine_iam_role: { r: { role_name: 'ecs-role', trust_policy_document: '{}' } },
      volcengine_iam_role_attachment: { a: { iam_role_name: '${volcengine_iam_role.r.role_name}', instance_id: 'i-9' } },
      volcengine_cloud_identity_group: { g: { group_name: 'ops' } },
      volcengine_cloud_identity_permission_set: { s: { name: 'admin', permission_policies: [{ permission_policy_type: 'System', permission_policy_name: 'AdministratorAccess' }] } },
      volcengine_cloud_identity_permission_set_assignment: { a: { permission_set_id: '${volcengine_cloud_identity_permission_set.s.id}', target_id: '2100', principal_type: 'Group', principal_id: '${volcengine_cloud_identity_group.g.id}' } },
    });
    expect(m.findPrincipal('role/ecs-role').credentials?.map(c => c.detail)).toEqual(['ECS instance i-9 acts as this role']);
    const a = m.can(m.findPrincipal('volcengine:group/sso:ops'), { action: 'iam:CreateUser' });
    expect([a.decision, a.chain.map(c => c.scope)]).toEqual([Decision.ALLOW, ['account 2100']]);
  });
});

describe('Huawei types', () => {
  const base = {
    huaweicloud_identity_group: { g: { name: 'ml' } },
    huaweicloud_identity_role: { r: { name: 'obs-read', type: 'AX', description: 'd', policy: JSON.stringify({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['obs:object:GetObject'] }] }) } },
  };

  test.each(['huaweicloud_identity_role_assignment', 'huaweicloud_identity_role_assignment_v3', 'huaweicloud_identity_group_role_assignment'])('%s links group and role', type => {
    const m = model({ ...base, [type]: { a: { group_id: '${huaweicloud_identity_group.g.id}', role_id: '${huaweicloud_identity_role.r.id}', domain_id: 'd1' } } });
    expect(m.can(m.findPrincipal('group/ml'), { action: 'obs:object:GetObject' }).decision).toBe(Decision.ALLOW);
  });

  test('a variable project id is an unknown scope: --project answers unknown, not domain-wide', () => {
    const m = model({ ...base, huaweicloud_identity_group_role_assignment: { a: { group_id: '${huaweicloud_identity_group.g.id}', role_id: '${huaweicloud_identity_role.r.id}', project_id: '${var.project_id}' } } });
    const g = m.findPrincipal('group/ml');
    expect(m.attachments[0].scope).toMatchObject({ kind: 'unknown' });
    expect(m.can(g, { action: 'obs:object:GetObject' }, { project: 'p-1' }).decision).toBe(Decision.UNKNOWN);
    expect(m.can(g, { action: 'obs:object:GetObject' }).chain[0].scope).toMatch(/^unknown scope \(project_id .*var\.project_id/);
  });

  test('user role assignment in an enterprise project; agency roles per scope', () => {
    const m = model({
      ...base,
      huaweicloud_identity_user: { u: { name: 'carol' } },
      huaweicloud_identity_user_role_assignment: { a: { user_id: '${huaweicloud_identity_user.u.id}', role_id: '${huaweicloud_identity_role.r.id}', enterprise_project_id: 'ep-1' } },
      huaweicloud_identity_agency: { ag: { name: 'ma-agency', delegated_service_name: 'op_svc_modelarts', domain_roles: ['obs-read'], project_role: [{ project: 'cn-north-4', roles: ['ModelArts FullAccess'] }] } },
    });
    const carol = m.can(m.findPrincipal('user/carol'), { action: 'obs:object:GetObject' });
    expect([carol.decision, carol.chain.map(c => c.scope)]).toEqual([Decision.ALLOW, ['enterprise-project ep-1']]);
    const agency = m.findPrincipal('role/ma-agency');
    expect(m.bindings(agency).map(b => `${b.policy.name} ${b.attachment.scope?.kind} ${b.attachment.scope?.id ?? ''}`.trim()))
      .toEqual(['obs-read domain', 'ModelArts FullAccess project cn-north-4']);
  });

  test('IAM v5: a "*" Allow is full admin (AIAM-IAM-001); other v5 statements are unknown and reported', () => {
    const v5 = (statements: object[]) => JSON.stringify({ Version: '5.0', Statement: statements });
    const resources = {
      huaweicloud_identityv5_user: { u: { name: 'v5user' } },
      huaweicloud_identityv5_group: { g: { group_name: 'v5group' } },
      huaweicloud_identityv5_group_membership: { m: { group_id: '${huaweicloud_identityv5_group.g.id}', user_id_list: ['${huaweicloud_identityv5_user.u.id}'] } },
      huaweicloud_identityv5_policy: {
        all: { name: 'all', policy_document: v5([{ Effect: 'Allow', Action: ['*'] }]) },
        some: { name: 'some', policy_document: v5([{ Effect: 'Allow', Action: ['ecs:cloudServers:list'], Resource: ['*'] }]) },
      },
      huaweicloud_identityv5_policy_group_attach: { a: { policy_id: '${huaweicloud_identityv5_policy.all.id}', group_id: '${huaweicloud_identityv5_group.g.id}' } },
      huaweicloud_identityv5_policy_user_attach: { b: { policy_id: '${huaweicloud_identityv5_policy.some.id}', user_id: '${huaweicloud_identityv5_user.u.id}' } },
    };
    const m = model(resources);
    const user = m.findPrincipal('user/v5user');
    expect(m.can(user, { action: 'ecs:cloudServers:delete' }).decision).toBe(Decision.ALLOW);
    expect(m.can(m.findPrincipal('group/v5group'), { action: 'iam:users:create' }).decision).toBe(Decision.ALLOW);
    const ids = ruleIds(resources);
    expect(ids).toContain('AIAM-IAM-001 huaweicloud_identityv5_policy_group_attach.a');
    expect(ids).toContain('AIAM-COV-001 huaweicloud_identityv5_policy.some');
    // Only the unknown v5 statement: an unknown answer, never a silent deny.
    const only = model({ ...resources, huaweicloud_identityv5_group_membership: {} });
    expect(only.can(only.findPrincipal('user/v5user'), { action: 'ecs:cloudServers:list' }).decision).toBe(Decision.UNKNOWN);
  });

  test('IAM Identity Center: custom policy of a permission set reaches the assigned user on the account (any resource order)', () => {
    const m = model({
      huaweicloud_identitycenter_account_assignment: { a: { instance_id: 'i', permission_set_id: '${huaweicloud_identitycenter_permission_set.ps.id}', principal_type: 'USER', principal_id: '${huaweicloud_identitycenter_user.u.id}', target_type: 'ACCOUNT', target_id: 'acc-1' } },
      huaweicloud_identitycenter_user: { u: { identity_store_id: 's', user_name: 'dana', family_name: 'd', given_name: 'd', display_name: 'd' } },
      huaweicloud_identitycenter_permission_set: { ps: { instance_id: 'i', name: 'admin' } },
      huaweicloud_identitycenter_custom_policy_attachment: { c: { instance_id: 'i', permission_set_id: '${huaweicloud_identitycenter_permission_set.ps.id}', custom_policy: JSON.stringify({ Version: '5.0', Statement: [{ Effect: 'Allow', Action: ['*'] }] }) } },
    });
    const dana = m.findPrincipal('huawei:user/sso:dana');
    const a = m.can(dana, { action: 'ecs:servers:delete' });
    expect([a.decision, a.chain.map(c => c.scope), describePrincipal(dana)]).toEqual([Decision.ALLOW, ['account acc-1'], 'huawei:user/sso:dana']);
  });
});

describe('plans', () => {
  /** A minimal `terraform show -json` plan: planned values, after_unknown and configuration references. */
  function plan(resources: Array<{ address: string; values: object; unknown?: string[]; refs?: Record<string, string[]> }>) {
    const split = (address: string) => ({ type: address.split('.')[0], name: address.split('.')[1] });
    return modelFromJson('plan.json', {
      format_version: '1.2',
      planned_values: { root_module: { resources: resources.map(r => ({ address: r.address, mode: 'managed', ...split(r.address), values: r.values })) } },
      resource_changes: resources.map(r => ({
        address: r.address,
        mode: 'managed',
        ...split(r.address),
        change: { actions: ['create'], after: r.values, after_unknown: Object.fromEntries((r.unknown ?? []).map(a => [a, true])) },
      })),
      configuration: {
        root_module: {
          resources: resources.map(r => ({
            address: r.address,
            mode: 'managed',
            ...split(r.address),
            expressions: Object.fromEntries(Object.entries(r.refs ?? {}).map(([a, refs]) => [a, { references: refs }])),
          })),
        },
      },
    });
  }

  test('Huawei: a project id known only after apply is an unknown scope; the deprecated alias links by configuration references', () => {
    const m = plan([
      { address: 'huaweicloud_identity_group.g', values: { name: 'ml' }, unknown: ['id'] },
      { address: 'huaweicloud_identity_role.r', values: { name: 'obs-read', type: 'AX', description: 'd', policy: JSON.stringify({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['obs:object:GetObject'] }] }) }, unknown: ['id'] },
      { address: 'huaweicloud_identity_project.p', values: { name: 'cn-north-4_ml' }, unknown: ['id'] },
      {
        address: 'huaweicloud_identity_role_assignment.a',
        values: { domain_id: null, enterprise_project_id: null },
        unknown: ['group_id', 'role_id', 'project_id'],
        refs: { group_id: ['huaweicloud_identity_group.g.id', 'huaweicloud_identity_group.g'], role_id: ['huaweicloud_identity_role.r.id', 'huaweicloud_identity_role.r'], project_id: ['huaweicloud_identity_project.p.id', 'huaweicloud_identity_project.p'] },
      },
    ]);
    const g = m.findPrincipal('group/ml');
    expect(m.can(g, { action: 'obs:object:GetObject' }).decision).toBe(Decision.ALLOW);
    expect(m.can(g, { action: 'obs:object:GetObject' }, { project: 'x' }).decision).toBe(Decision.UNKNOWN);
  });

  test('IAM v5: a user attachment whose ids are known only after apply links through the configuration', () => {
    const m = plan([
      { address: 'huaweicloud_identityv5_user.u', values: { name: 'v5' }, unknown: ['id'] },
      { address: 'huaweicloud_identityv5_policy.p', values: { name: 'all', policy_document: JSON.stringify({ Version: '5.0', Statement: [{ Effect: 'Allow', Action: ['*'] }] }) }, unknown: ['id'] },
      {
        address: 'huaweicloud_identityv5_policy_user_attach.a',
        values: {},
        unknown: ['policy_id', 'user_id'],
        refs: { policy_id: ['huaweicloud_identityv5_policy.p.id', 'huaweicloud_identityv5_policy.p'], user_id: ['huaweicloud_identityv5_user.u.id', 'huaweicloud_identityv5_user.u'] },
      },
    ]);
    expect(m.can(m.findPrincipal('user/v5'), { action: 'modelarts:notebook:create' }).decision).toBe(Decision.ALLOW);
  });
});

test('partly known names link attachments to the user and policy they name', () => {
  const m = model({
    alicloud_ram_user: { u: { name: 'tf-user-${random_integer.default.result}' } },
    alicloud_ram_policy: { p: { policy_name: 'tf-pol-${random_integer.default.result}', policy_document: POLICY([{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }]) } },
    alicloud_ram_user_policy_attachment: { a: { user_name: '${alicloud_ram_user.u.name}', policy_name: '${alicloud_ram_policy.p.policy_name}', policy_type: 'Custom' } },
  });
  expect(m.findings.filter(f => f.code === 'unresolved-attachment')).toEqual([]);
  expect(m.can(m.findPrincipal('alicloud_ram_user.u'), { action: 'oss:GetObject' }).decision).toBe(Decision.ALLOW);
});

test('Huawei trust agency: IAM v5 policies attached by name', () => {
  const m = model({
    huaweicloud_identityv5_policy: { p: { name: 'all', policy_document: JSON.stringify({ Version: '5.0', Statement: [{ Effect: 'Allow', Action: ['*'] }] }) } },
    huaweicloud_identity_trust_agency: { t: { name: 'ci', trust_policy: '{}', policy_names: ['${huaweicloud_identityv5_policy.p.name}', 'SomeSystemPolicy'] } },
  });
  const role = m.findPrincipal('role/ci');
  expect(m.bindings(role).map(b => b.policy.key)).toEqual(['huawei:custom/all', 'huawei:system/SomeSystemPolicy']);
  // The system policy's content is not in the catalog: it could deny, so the answer is unknown (never a false allow).
  expect(m.can(role, { action: 'obs:bucket:CreateBucket' }).decision).toBe(Decision.UNKNOWN);
  expect(m.findings.map(f => f.code)).toEqual(['unknown-system-policy']);
});

test('what-can names the scope of scoped grants', () => {
  const m = model({
    volcengine_iam_user: { u: { user_name: 'dev' } },
    volcengine_iam_policy_project: { p: { principal_type: 'User', principal_name: '${volcengine_iam_user.u.user_name}', policy_type: 'System', policy_name: 'AdministratorAccess', project_names: ['ml', 'web'] } },
  });
  const grants = m.whatCan(m.findPrincipal('user/dev')).services.flatMap(s => s.grants);
  expect(grants.length).toBeGreaterThan(0);
  expect(new Set(grants.flatMap(g => g.policies))).toEqual(new Set(['AdministratorAccess (in project ml, project web)']));
});

test('diff: widening a project-scoped grant to every project is new access', () => {
  const grant = (projects: unknown) => ({
    volcengine_iam_user: { u: { user_name: 'dev' } },
    volcengine_iam_policy_project: { p: { principal_type: 'User', principal_name: '${volcengine_iam_user.u.user_name}', policy_type: 'System', policy_name: 'AdministratorAccess', project_names: projects } },
  });
  const before = model(grant(['ml']));
  const after = model({ ...grant(['ml']), volcengine_iam_user_policy_attachment: { a: { user_name: 'dev', policy_name: 'AdministratorAccess', policy_type: 'System' } } });
  const d = diffModels(before, after);
  expect(d.grantedCount).toBeGreaterThan(0);
  // Nothing is lost in project ml; what is new is access in every other project.
  expect(d.changes[0].revoked).toEqual([]);
  expect(d.changes[0].granted.every(e => e.witness.project === '(any other project)')).toBe(true);
});

test('Huawei service agency: a role with IAM v5 policies by name', () => {
  const m = model({
    huaweicloud_identityv5_policy: { p: { name: 'all', policy_document: JSON.stringify({ Version: '5.0', Statement: [{ Effect: 'Allow', Action: ['*'] }] }) } },
    huaweicloud_identity_service_agency: { s: { name: 'svc', delegated_service_name: 'service.ModelArts', policy_names: ['all'] } },
  });
  expect(m.can(m.findPrincipal('role/svc'), { action: 'obs:bucket:CreateBucket' }).decision).toBe(Decision.ALLOW);
});

describe('IAM v5 translation (property)', () => {
  const action = fc.constantFrom('*', 'obs:bucket:listBucket', 'ecs:cloudServers:list', 'iam:users:listUsersV5', 'modelarts:*:*');
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.array(action, { minLength: 1, maxLength: 3 }),
    Resource: fc.option(fc.constantFrom(['*'], ['obs:*:*:bucket:b']), { nil: undefined }),
    Condition: fc.option(fc.constant({ Bool: { 'g:MFAPresent': ['true'] } }), { nil: undefined }),
  }, { requiredKeys: ['Effect', 'Action'] });
  const exact = (s: { Action: string[]; Resource?: string[]; Condition?: object }) =>
    s.Action.every(a => a === '*') && (!s.Resource || s.Resource.every(r => r === '*')) && !s.Condition;

  test('never a false allow, never a silent deny: exact "*" statements decide, everything else is unknown', () => {
    fc.assert(fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), fc.constantFrom('obs:object:getObject', 'ecs:servers:delete'), (statements, request) => {
      const m = model({
        huaweicloud_identityv5_user: { u: { name: 'p' } },
        huaweicloud_identityv5_policy: { p: { name: 'p', policy_document: JSON.stringify({ Version: '5.0', Statement: statements }) } },
        huaweicloud_identityv5_policy_user_attach: { a: { policy_id: '${huaweicloud_identityv5_policy.p.id}', user_id: '${huaweicloud_identityv5_user.u.id}' } },
      });
      const decision = m.can(m.findPrincipal('user/p'), { action: request }).decision;
      const exactDeny = statements.some(s => s.Effect === 'Deny' && exact(s));
      const exactAllow = statements.some(s => s.Effect === 'Allow' && exact(s));
      const maybeAllow = statements.some(s => s.Effect === 'Allow' && !exact(s));
      const maybeDeny = statements.some(s => s.Effect === 'Deny' && !exact(s));
      if (exactDeny) expect(decision).toBe(Decision.EXPLICIT_DENY);
      else if (exactAllow) expect(decision).toBe(maybeDeny ? Decision.UNKNOWN : Decision.ALLOW);
      else expect(decision).toBe(maybeAllow ? Decision.UNKNOWN : Decision.IMPLICIT_DENY);
    }), { numRuns: 60 });
  });
});
