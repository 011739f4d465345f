/**
 * The bundled example organisation: what `npm run demo` and `cdktf synth` synthesize.
 * One stack per cloud, each with a user, a group and a custom policy.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, huaweicloud, volcengine } from '../../src';

export function buildOrg(app: Construct): void {
  const ali = new TerraformStack(app, 'alibaba-ai');
  new alicloud.provider.AlicloudProvider(ali, 'alicloud', { region: 'cn-beijing' });
  const aliUser = new alicloud.ramUser.RamUser(ali, 'alice', { name: 'alice' });
  const aliGroup = new alicloud.ramGroup.RamGroup(ali, 'ml-engineers', { groupName: 'ml-engineers' });
  new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(ali, 'alice-in-ml', {
    userName: aliUser.name, groupName: aliGroup.groupName,
  });
  const aliPolicy = new alicloud.ramPolicy.RamPolicy(ali, 'pairec-read', {
    policyName: 'pairec-read-only',
    policyDocument: JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['pairec:Get*', 'pairec:List*'], Resource: '*' }],
    }),
  });
  new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(ali, 'ml-pairec-read', {
    groupName: aliGroup.groupName, policyName: aliPolicy.policyName, policyType: 'Custom',
  });

  const volc = new TerraformStack(app, 'volcengine-ai');
  new volcengine.provider.VolcengineProvider(volc, 'volcengine', { region: 'cn-beijing' });
  const volcUser = new volcengine.iamUser.IamUser(volc, 'bob', { userName: 'bob' });
  const volcGroup = new volcengine.iamUserGroup.IamUserGroup(volc, 'ml-devs', { userGroupName: 'ml-devs' });
  new volcengine.iamUserGroupAttachment.IamUserGroupAttachment(volc, 'bob-in-ml-devs', {
    userName: volcUser.userName, userGroupName: volcGroup.userGroupName,
  });
  const volcPolicy = new volcengine.iamPolicy.IamPolicy(volc, 'ml-read', {
    policyName: 'ml-platform-read',
    policyDocument: JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: ['ml_platform:Get*', 'ml_platform:List*'], Resource: ['*'] }],
    }),
  });
  new volcengine.iamUserGroupPolicyAttachment.IamUserGroupPolicyAttachment(volc, 'ml-devs-read', {
    userGroupName: volcGroup.userGroupName, policyName: volcPolicy.policyName, policyType: 'Custom',
  });

  const hw = new TerraformStack(app, 'huawei-ai');
  new huaweicloud.provider.HuaweicloudProvider(hw, 'huaweicloud', { region: 'cn-north-4' });
  const hwUser = new huaweicloud.identityUser.IdentityUser(hw, 'carol', { name: 'carol' });
  const hwGroup = new huaweicloud.identityGroup.IdentityGroup(hw, 'modelarts-users', { name: 'modelarts-users' });
  new huaweicloud.identityGroupMembership.IdentityGroupMembership(hw, 'carol-in-modelarts', {
    group: hwGroup.id, users: [hwUser.id],
  });
  new huaweicloud.identityRole.IdentityRole(hw, 'notebook-read', {
    name: 'modelarts-notebook-read',
    description: 'read ModelArts notebooks',
    type: 'XA',
    policy: JSON.stringify({
      Version: '1.1',
      Statement: [{ Effect: 'Allow', Action: ['modelarts:notebook:list', 'modelarts:notebook:get'] }],
    }),
  });
}

if (require.main === module) {
  const app = new App();
  buildOrg(app);
  app.synth();
}
