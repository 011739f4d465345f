import * as fs from 'fs';
import { TerraformStack, Testing } from 'cdktf';
import { huawei_iam, huaweicloud, modelarts, ModelArtsFeature, PolicyEffect } from '../../../src';
import { AiPlatformPack, runChecks } from '../../../src/checks';
import { loadAccessModel } from '../../../src/model';
import { Decision } from '../../../src/policy';
import { synthesize } from '../../model/fixtures';

/** Seed 003's dependency table, row by row (控制台功能 → 需配置角色/策略), as printed there (lower case). */
const GUIDE_TABLE: Record<ModelArtsFeature, string[]> = {
  [ModelArtsFeature.DATA_MANAGEMENT]: ['obs administrator', 'dli fullaccess', 'mrs administrator', 'dws administrator', 'cts administrator', 'modelarts commonoperations', 'modelarts dependency access'],
  [ModelArtsFeature.NOTEBOOK_IMAGE_DEVSERVER]: ['obs administrator', 'csms readonlyaccess', 'cts administrator', 'ecs fullaccess', 'swr admin', 'sfs turbo fullaccess', 'aom fullaccess',
    'kms cmkfullaccess', 'modelarts commonoperations', 'modelarts dependency access'],
  [ModelArtsFeature.ALGORITHM_TRAINING_WORKFLOW_AUTOML]: ['obs administrator', 'smn administrator', 'cts administrator', 'eps fullaccess', 'sfs readonlyaccess', 'swr admin',
    'aom fullaccess', 'kms cmkfullaccess', 'vpc fullaccess', 'modelarts commonoperations', 'modelarts dependency access'],
  [ModelArtsFeature.MODEL_SERVICES]: ['obs administrator', 'ces readonlyaccess', 'smn administrator', 'eps fullaccess', 'cts administrator', 'lts fullaccess', 'vpc fullaccess',
    'swr admin', 'modelarts commonoperations', 'modelarts dependency access'],
  [ModelArtsFeature.AI_GALLERY]: ['obs administrator', 'cts administrator', 'swr admin', 'modelarts commonoperations', 'modelarts dependency access'],
  [ModelArtsFeature.CLUSTERS]: ['cts administrator', 'cce administrator', 'bms fullaccess', 'ims fullaccess', 'dew keypairreadonlyaccess', 'vpc fullaccess', 'ecs fullaccess',
    'sfs turbo fullaccess', 'obs administrator', 'aom fullaccess', 'tms fullaccess', 'modelarts commonoperations', 'modelarts dependency access',
    // 费用中心 and 云硬盘 EVS are the last rows of the 弹性集群 block, not a feature of their own.
    'bss administrator', 'evs fullaccess'],
};

test('the guide\'s table has six features and no billing feature', () => {
  expect(Object.values(ModelArtsFeature).sort()).toEqual(Object.keys(GUIDE_TABLE).sort());
  expect(Object.values(ModelArtsFeature)).toHaveLength(6);
});

const hwStack = () => {
  const s = new TerraformStack(Testing.app(), 'hw');
  new huaweicloud.provider.HuaweicloudProvider(s, 'provider', { region: 'cn-north-4' });
  return s;
};

test.each(Object.values(ModelArtsFeature))('feature %s gets every dependency of the guide\'s table', feature => {
  const s = hwStack();
  const access = new modelarts.ModelArtsAccess(s, 'a', { group: new huawei_iam.HuaweiIamGroup(s, 'g', { groupName: 'g' }), features: [feature] });
  const granted = new Set(access.policies.map(p => p.toLowerCase()));
  for (const dep of GUIDE_TABLE[feature]) expect(granted).toContain(dep);
});

describe('ModelArts through the access model', () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 'hw');
    new huaweicloud.provider.HuaweicloudProvider(s, 'p', { region: 'cn-north-4' });
    const erin = new huawei_iam.HuaweiIamUser(s, 'erin', { userName: 'erin' });
    const trainers = new huawei_iam.HuaweiIamGroup(s, 'trainers', { groupName: 'trainers' });
    trainers.addUser(erin);
    // Seed 003, 示例2.
    const noPools = new huawei_iam.HuaweiCustomPolicy(s, 'no-pools', {
      policyName: 'modelarts-no-pools',
      statements: [
        { actions: ['modelarts:*:*'] }, { actions: ['swr:*:*'] }, { actions: ['smn:*:*'] },
        { effect: PolicyEffect.DENY, actions: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
      ],
    });
    trainers.assignCustomPolicy(noPools, { scope: huawei_iam.HuaweiScope.project('proj-cn-north-4') });
    const frank = new huawei_iam.HuaweiIamUser(s, 'frank', { userName: 'frank' });
    const ops = new huawei_iam.HuaweiIamGroup(s, 'ops', { groupName: 'ops' });
    ops.addUser(frank);
    new modelarts.ModelArtsAccess(s, 'ops-access', { group: ops, level: modelarts.ModelArtsAccessLevel.FULL_ACCESS, features: [ModelArtsFeature.CLUSTERS] });
  });
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('the deny-pools example denies modelarts:pool:create and allows modelarts:notebook:list', () => {
    const erin = model.findPrincipal('user/erin');
    expect(model.can(erin, { action: 'modelarts:pool:create' }).decision).toBe(Decision.EXPLICIT_DENY);
    const list = model.can(erin, { action: 'modelarts:notebook:list' });
    expect(list.decision).toBe(Decision.ALLOW);
    expect(list.chain[0]).toEqual(expect.objectContaining({ viaGroup: 'huawei:group/trainers', scope: 'project proj-cn-north-4' }));
  });

  test('system policies whose content the catalog lacks give unknown, never a guess', () => {
    const a = model.can(model.findPrincipal('user/frank'), { action: 'modelarts:pool:create' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.unresolved.join('\n')).toMatch(/ModelArts FullAccess: the content of system policy ModelArts FullAccess is not in the catalog/);
    expect(model.findings.map(f => f.code)).not.toContain('unknown-system-policy'); // known by name
  });

  test('the rule pack is quiet on what modelarts.ModelArtsAccess builds', () => {
    const ids = runChecks(model, [new AiPlatformPack()]).findings.map(f => f.ruleId);
    expect(ids).not.toContain('AIAM-MA-001');
    expect(ids).not.toContain('AIAM-MA-002');
  });
});

describe('the guide\'s custom-policy examples are reproducible (seed 003)', () => {
  const documentOf = (build: (s: TerraformStack) => huawei_iam.HuaweiCustomPolicy) => JSON.parse(build(hwStack()).document);
  test('示例1: image management', () => {
    expect(documentOf(s => new huawei_iam.HuaweiCustomPolicy(s, 'p', { policyName: 'image', statements: [{ actions: ['modelarts:image:register', 'modelarts:image:listgroup'] }] })))
      .toEqual({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['modelarts:image:register', 'modelarts:image:listgroup'] }] });
  });
  test('示例3: several services of one scope', () => {
    expect(documentOf(s => new huawei_iam.HuaweiCustomPolicy(s, 'p', { policyName: 'multi', statements: [{ actions: ['modelarts:service:*'] }, { actions: ['lts:logs:list'] }] })))
      .toEqual({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['modelarts:service:*'] }, { Effect: 'Allow', Action: ['lts:logs:list'] }] });
  });
});

describe('synth-time errors', () => {
  test('a policy mixing project-level and global services', () => {
    expect(() => new huawei_iam.HuaweiCustomPolicy(hwStack(), 'p', { policyName: 'mixed', statements: [{ actions: ['modelarts:notebook:list'] }, { actions: ['obs:bucket:list'] }] }))
      .toThrow(/^hw\/p: mixes global services \(obs\) with project-level services \(modelarts\)\. Fix: create two custom policies/);
  });
  test('a Resource in a modelarts statement', () => {
    expect(() => new huawei_iam.HuaweiCustomPolicy(hwStack(), 'p', { policyName: 'res', statements: [{ actions: ['modelarts:notebook:list'], resources: ['modelarts:*:*:notebook:nb-1'] }] }))
      .toThrow(/ModelArts actions, which do not support resource paths\. Fix: remove resources/);
  });
  test('invalid names', () => {
    expect(() => new huawei_iam.HuaweiIamGroup(hwStack(), 'g', { groupName: 'bad/name' })).toThrow(/^hw\/g: invalid IAM user group name "bad\/name"/);
  });
  test('a global-service dependency in one project needs the domain id', () => {
    const s = hwStack();
    expect(() => new modelarts.ModelArtsAccess(s, 'a', { group: new huawei_iam.HuaweiIamGroup(s, 'g', { groupName: 'g' }), features: [ModelArtsFeature.AI_GALLERY], scope: huawei_iam.HuaweiScope.project('p1') }))
      .toThrow(/OBS Administrator is a global-service policy and cannot be assigned in project p1\. Fix:/);
  });
});

test('AIAM-MA-001 and AIAM-MA-002 fire on hand-written stacks', () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 'hw');
    new huaweicloud.provider.HuaweicloudProvider(s, 'p', {});
    const g = new huaweicloud.identityGroup.IdentityGroup(s, 'g', { name: 'raw' });
    const a = new huaweicloud.identityGroupRoleAssignment.IdentityGroupRoleAssignment(s, 'a', { groupId: g.id, roleId: 'abc123', projectId: 'all' });
    a.addOverride('//.aiam.systemPolicy', 'ModelArts CommonOperations');
    new huaweicloud.identityRole.IdentityRole(s, 'mixed', {
      name: 'mixed',
      description: 'd',
      type: 'XA',
      policy: JSON.stringify({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['modelarts:notebook:list', 'obs:bucket:list'] }] }),
    });
  });
  const ids = runChecks(loadAccessModel(out), [new AiPlatformPack()]).findings.map(f => f.ruleId);
  expect(ids).toContain('AIAM-MA-001');
  expect(ids).toContain('AIAM-MA-002');
});
