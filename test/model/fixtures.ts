import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, huaweicloud, volcengine } from '../../src';

/** Synthesizes stacks built by `build` into a fresh cdktf.out folder and returns its path. */
export function synthesize(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-model-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

export function ramPolicy(scope: Construct, id: string, name: string, statements: object[]): alicloud.ramPolicy.RamPolicy {
  return new alicloud.ramPolicy.RamPolicy(scope, id, { policyName: name, policyDocument: JSON.stringify({ Version: '1', Statement: statements }) });
}

/** An Alibaba team: alice in group ml (group policy allows pairec reads and denies DeleteInstanceResource); alice's own policy allows pairec:*. */
export function alibabaTeam(app: App): TerraformStack {
  const s = new TerraformStack(app, 'ali');
  new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
  const alice = new alicloud.ramUser.RamUser(s, 'alice', { name: 'alice' });
  const group = new alicloud.ramGroup.RamGroup(s, 'ml', { groupName: 'ml' });
  new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(s, 'alice-ml', { userName: alice.name, groupName: group.groupName });
  const read = ramPolicy(s, 'read', 'pairec-read', [
    { Effect: 'Allow', Action: ['pairec:Get*', 'pairec:List*'], Resource: '*' },
    { Effect: 'Deny', Action: 'pairec:DeleteInstanceResource', Resource: '*' },
  ]);
  new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(s, 'ml-read', { groupName: group.groupName, policyName: read.policyName, policyType: 'Custom' });
  const all = ramPolicy(s, 'all', 'pairec-all', [{ Effect: 'Allow', Action: 'pairec:*', Resource: '*' }]);
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'alice-all', { userName: alice.name, policyName: all.policyName, policyType: 'Custom' });
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'alice-bss', { userName: alice.name, policyName: 'AliyunBSSReadOnlyAccess', policyType: 'System' });
  return s;
}

export function volcengineTeam(app: App): TerraformStack {
  const s = new TerraformStack(app, 'volc');
  new volcengine.provider.VolcengineProvider(s, 'p', { region: 'cn-beijing' });
  const bob = new volcengine.iamUser.IamUser(s, 'bob', { userName: 'bob' });
  const devs = new volcengine.iamUserGroup.IamUserGroup(s, 'devs', { userGroupName: 'devs' });
  new volcengine.iamUserGroupAttachment.IamUserGroupAttachment(s, 'bob-devs', { userName: bob.userName, userGroupName: devs.userGroupName });
  new volcengine.iamUserGroupPolicyAttachment.IamUserGroupPolicyAttachment(s, 'devs-dev', { userGroupName: devs.userGroupName, policyName: 'MLPlatformDeveloperAccess', policyType: 'System' });
  return s;
}

export function huaweiTeam(app: App): TerraformStack {
  const s = new TerraformStack(app, 'hw');
  new huaweicloud.provider.HuaweicloudProvider(s, 'p', { region: 'cn-north-4' });
  const carol = new huaweicloud.identityUser.IdentityUser(s, 'carol', { name: 'carol' });
  const g = new huaweicloud.identityGroup.IdentityGroup(s, 'g', { name: 'modelarts-users' });
  new huaweicloud.identityGroupMembership.IdentityGroupMembership(s, 'm', { group: g.id, users: [carol.id] });
  const role = new huaweicloud.identityRole.IdentityRole(s, 'deny-pools', {
    name: 'deny-pools',
    description: 'd',
    type: 'XA',
    policy: JSON.stringify({
      Version: '1.1',
      Statement: [
        { Effect: 'Allow', Action: ['modelarts:*:*'] },
        { Effect: 'Deny', Action: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
      ],
    }),
  });
  new huaweicloud.identityGroupRoleAssignment.IdentityGroupRoleAssignment(s, 'a', { groupId: g.id, roleId: role.id, projectId: 'proj-1' });
  return s;
}
