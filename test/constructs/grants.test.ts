import { TerraformStack, Testing } from 'cdktf';
import { Node } from 'constructs';
import {
  AiamSuppressions, AiPlatformPack, alicloud, bailian, Checks, Grant, huawei_iam, huaweicloud, modelarts, pai,
  PrincipalKind, ram, vemlp, volcengine, volcengine_iam,
} from '../../src';

function stacks() {
  const app = Testing.app();
  const ali = new TerraformStack(app, 'ali');
  new alicloud.provider.AlicloudProvider(ali, 'p', { region: 'cn-beijing' });
  const volc = new TerraformStack(app, 'volc');
  new volcengine.provider.VolcengineProvider(volc, 'p', { region: 'cn-beijing' });
  const hw = new TerraformStack(app, 'hw');
  new huaweicloud.provider.HuaweicloudProvider(hw, 'p', { region: 'cn-north-4' });
  return { app, ali, volc, hw };
}

const addresses = (s: TerraformStack) => Object.entries(JSON.parse(Testing.synth(s)).resource as Record<string, object>)
  .flatMap(([type, byName]) => Object.keys(byName).map(n => `${type}.${n}`));

describe('grants', () => {
  test('grant methods and personas return what they created; personas own their attachments', () => {
    const { ali } = stacks();
    const bob = new ram.RamUser(ali, 'bob', { userName: 'bob' });
    const paiAccess = new pai.PaiAccess(ali, 'eas', { principal: bob, bundle: pai.PaiAccessBundle.EAS_FULL });
    expect(paiAccess.grant.policyNames).toEqual(['AliyunPAIEASFullAccess']);
    expect(paiAccess.grant.principals).toEqual([bob]);
    expect(paiAccess.grant.created.map(c => c.node.path)).toEqual(['ali/eas/bob-AliyunPAIEASFullAccess']);
    expect(Node.of(paiAccess).findAll().map(c => c.node.path)).toContain('ali/eas/bob-AliyunPAIEASFullAccess');

    const ws = new bailian.BailianWorkspace(ali, 'ws', { workspaceName: 'ws', region: 'cn-beijing' });
    const g = ws.grantModelInvoke(bob, { models: ['qwen-max'] });
    expect(g.principals).toEqual([bob]);
    expect(g.created.map(c => c.node.path)).toEqual(['ali/ws/Settings']);

    const team = new ram.RamGroup(ali, 'team', { groupName: 'team' });
    const policy = new ram.RamCustomPolicy(ali, 'read', { policyName: 'pairec-read', statements: [{ actions: ['pairec:List*'] }] });
    const both = Grant.combine([team.addUser(bob), team.attachPolicy(policy)]);
    expect(both.created.map(c => c.node.path)).toEqual(['ali/team/Member-bob', 'ali/team/pairec-read']);
    expect(both.policyNames).toEqual(['pairec-read']);
    // Attaching the same policy again creates nothing and says so.
    expect(team.attachPolicy(policy).created).toEqual([]);
  });

  test('readable, stable Terraform names for principals, policies and attachments', () => {
    const { ali, volc, hw } = stacks();
    const bob = new ram.RamUser(ali, 'bob', { userName: 'bob' });
    new pai.PaiAccess(ali, 'eas', { principal: bob, bundle: pai.PaiAccessBundle.EAS_FULL });
    expect(addresses(ali)).toEqual(expect.arrayContaining([
      'alicloud_ram_user.bob', 'alicloud_ram_user_policy_attachment.user_bob_AliyunPAIEASFullAccess',
    ]));
    const carol = new volcengine_iam.VolcIamUser(volc, 'carol', { userName: 'carol' });
    new vemlp.MlPlatformDeveloper(volc, 'dev', { principal: carol });
    expect(addresses(volc)).toContain('volcengine_iam_user_policy_attachment.user_carol_MLPlatformDeveloperAccess');
    const team = new huawei_iam.HuaweiIamGroup(hw, 'team', { groupName: 'ma-users' });
    new modelarts.ModelArtsAccess(hw, 'ma', { group: team, systemRoleIds: { 'ModelArts CommonOperations': 'r-1' } });
    expect(addresses(hw)).toEqual(expect.arrayContaining(['huaweicloud_identity_group.ma-users', 'huaweicloud_identity_group_role_assignment.group_ma-users_ModelArts-CommonOperations-all']));
  });

  test('a Volcengine role carries the trust policy Volcengine documents (Service or IAM principals, no Condition)', () => {
    const { volc } = stacks();
    const role = new volcengine_iam.VolcIamRole(volc, 'nodes', { roleName: 'vke-nodes', trustedServices: ['vke'], trustedPrincipals: ['trn:iam::2000000001:root'] });
    const grant = role.attachSystemPolicy('TOSReadOnlyAccess');
    expect(grant.created.map(c => c.node.path)).toEqual(['volc/nodes/TOSReadOnlyAccess']);
    const json = JSON.parse(Testing.synth(volc));
    expect(JSON.parse(json.resource.volcengine_iam_role['vke-nodes'].trust_policy_document)).toEqual({
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['vke'], IAM: ['trn:iam::2000000001:root'] } }],
    });
    expect(json.resource.volcengine_iam_role_policy_attachment['role_vke-nodes_TOSReadOnlyAccess']).toMatchObject({ policy_type: 'System' });
    expect(() => new volcengine_iam.VolcIamRole(volc, 'nobody', { roleName: 'nobody' })).toThrow(/needs someone to assume it/);
  });

  test('imports are typed per kind and cloud', () => {
    const { ali, volc, hw } = stacks();
    const alice: ram.IRamUser = ram.RamUser.fromUserName(ali, 'alice', 'alice');
    expect(alice.principalKind).toBe(PrincipalKind.USER);
    const group = ram.RamGroup.fromGroupName(ali, 'g', 'g');
    expect(group.addUser(alice).created).toHaveLength(1);
    expect(volcengine_iam.VolcIamGroup.fromGroupName(volc, 'vg', 'vg').addUser(volcengine_iam.VolcIamUser.fromUserName(volc, 'vu', 'vu')).created).toHaveLength(1);
    expect(volcengine_iam.VolcIamRole.fromRoleName(volc, 'vr', 'vr').attachSystemPolicy('TOSReadOnlyAccess').policyNames).toEqual(['TOSReadOnlyAccess']);
    const hg = huawei_iam.HuaweiIamGroup.fromGroupId(hw, 'hg', 'gid-1', 'existing');
    hg.addUser(huawei_iam.HuaweiIamUser.fromUserId(hw, 'hu', 'uid-1', 'erin'));
    const json = JSON.parse(Testing.synth(hw));
    expect(Object.values(json.resource.huaweicloud_identity_group_membership)).toEqual([expect.objectContaining({ group: 'gid-1', users: ['uid-1'] })]);
  });
});

test('a suppression on a persona covers the attachments it created', () => {
  const warningsUnder = (suppress: boolean) => {
    const app = Testing.app();
    Checks.of(app).add(new AiPlatformPack());
    const s = new TerraformStack(app, 'ali');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
    const bob = new ram.RamUser(s, 'bob', { userName: 'bob' });
    const rec = new pai.PaiRecAccess(s, 'rec', { principal: bob, level: pai.PaiRecAccessLevel.ADMIN });
    if (suppress) AiamSuppressions.addSuppressions(rec, [{ id: 'AIAM-IAM-001', reason: 'PAI-Rec owner by design' }]);
    Testing.fullSynth(s);
    return s.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === '@cdktf/warn').map(m => `${c.node.path}: ${String(m.data).slice(0, 12)}`));
  };
  expect(warningsUnder(false)).toEqual(['ali/rec/bob-pairec-admin: AIAM-IAM-001']);
  expect(warningsUnder(true)).toEqual([]);
});
