/**
 * The bundled example organisation: what `npm run demo` and `cdktf synth` synthesize and check.
 * One stack per cloud: an Alibaba PAI-Rec team and Model Studio workspaces, a Volcengine veMLP team with two queues, and a Huawei ModelArts
 * group whose custom policy denies dedicated-pool management.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { AiamSuppressions, alicloud, bailian, huaweicloud, ram, vemlp, volcengine, volcengine_iam } from '../../src';

export const VOLCENGINE_ACCOUNT = '2100000001';

export function buildOrg(app: Construct): void {
  const ali = new TerraformStack(app, 'alibaba-ai');
  new alicloud.provider.AlicloudProvider(ali, 'alicloud', { region: 'cn-beijing' });
  const alice = new alicloud.ramUser.RamUser(ali, 'alice', { name: 'alice' });
  const analysts = new alicloud.ramGroup.RamGroup(ali, 'analysts', { groupName: 'pairec-analysts' });
  new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(ali, 'alice-analyst', { userName: alice.name, groupName: analysts.groupName });
  const read = new alicloud.ramPolicy.RamPolicy(ali, 'pairec-read', {
    policyName: 'pairec-read-only',
    policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['pairec:Get*', 'pairec:List*'], Resource: '*' }] }),
  });
  new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(ali, 'analysts-read', {
    groupName: analysts.groupName, policyName: read.policyName, policyType: 'Custom',
  });

  // Model Studio, as the guide recommends for production: a super admin, workspaces by environment, 1000 QPM split.
  new bailian.SuperAdmin(ali, 'platform-admin', { user: new ram.RamUser(ali, 'grace', { userName: 'grace' }) });
  const envs = new bailian.ProductionWorkspaceSet(ali, 'chatbot', {
    project: 'chatbot', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 },
  });
  const frank = new ram.RamUser(ali, 'frank', { userName: 'frank' });
  envs.prod.grantModelInvoke(frank, { models: ['qwen-max'] });
  envs.test.grantModelTuning(frank, { models: ['qwen-plus'] });
  // Application keys belong to a RAM role, so they survive people leaving (seed 000, API-Key 权限).
  const chatbot = new ram.RamRole(ali, 'chatbot-app', { roleName: 'chatbot-app', trustedServices: ['ecs.aliyuncs.com'] });
  new bailian.ApiKeyGrant(ali, 'chatbot-prod-key', { workspace: envs.prod, owner: chatbot });

  const volc = new TerraformStack(app, 'volcengine-ai');
  new volcengine.provider.VolcengineProvider(volc, 'volcengine', { region: 'cn-beijing' });
  const ops = new volcengine_iam.VolcIamGroup(volc, 'ops', { groupName: 'ml-ops' });
  const bob = new volcengine_iam.VolcIamUser(volc, 'bob', { userName: 'bob' });
  const carol = new volcengine_iam.VolcIamUser(volc, 'carol', { userName: 'carol' });
  const dave = new volcengine_iam.VolcIamUser(volc, 'dave', { userName: 'dave' });
  const admin = new vemlp.MlPlatformResourceAdmin(volc, 'ops-admin', { principal: ops, storage: vemlp.VemlpStorage.VEPFS });
  new vemlp.ResourceQueueWithGroups(volc, 'train-queue', {
    queueId: 'q-20250415-train', accountId: VOLCENGINE_ACCOUNT, admins: [bob], members: [carol, dave],
    capacity: 16, userCaps: [{ user: 'carol', percent: 50 }, { user: 'dave', absolute: 4 }],
  });
  new vemlp.ResourceQueueWithGroups(volc, 'infer-queue', { queueId: 'q-20250415-infer', accountId: VOLCENGINE_ACCOUNT, members: [dave] });
  // The guide: queue admins need IAM rights to manage members; the queue-creator policy is the narrow way.
  bob.attachPolicy(admin.queueCreatorPolicy!.policy);
  new vemlp.MlPlatformDeveloper(volc, 'developers', { principal: carol });

  const hw = new TerraformStack(app, 'huawei-ai');
  new huaweicloud.provider.HuaweicloudProvider(hw, 'huaweicloud', { region: 'cn-north-4' });
  const erin = new huaweicloud.identityUser.IdentityUser(hw, 'erin', { name: 'erin' });
  const users = new huaweicloud.identityGroup.IdentityGroup(hw, 'modelarts-users', { name: 'modelarts-users' });
  new huaweicloud.identityGroupMembership.IdentityGroupMembership(hw, 'erin-in-modelarts', { group: users.id, users: [erin.id] });
  // Seed 003, example 2: allow ModelArts, deny dedicated resource pool create/update/delete.
  const noPools = new huaweicloud.identityRole.IdentityRole(hw, 'no-pools', {
    name: 'modelarts-no-pool-management', description: 'ModelArts without dedicated pool management', type: 'XA',
    policy: JSON.stringify({ Version: '1.1', Statement: [
      { Effect: 'Allow', Action: ['modelarts:*:*'] },
      { Effect: 'Deny', Action: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
    ] }),
  });
  const assignment = new huaweicloud.identityGroupRoleAssignment.IdentityGroupRoleAssignment(hw, 'modelarts-users-no-pools', {
    groupId: users.id, roleId: noPools.id, projectId: 'all',
  });
  AiamSuppressions.addSuppressions(assignment, [
    { id: 'AIAM-IAM-001', reason: 'the ModelArts team runs all of ModelArts except dedicated pools (seed 003, example 2)' },
  ]);
}

if (require.main === module) synthExample(buildOrg);
