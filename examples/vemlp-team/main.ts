/** A veMLP team with two queues, admins and members (seed 001). */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { vemlp, volcengine, volcengine_iam } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'vemlp-team');
  new volcengine.provider.VolcengineProvider(s, 'volcengine', { region: 'cn-beijing' });
  const ops = new volcengine_iam.VolcIamGroup(s, 'ops', { groupName: 'ml-ops' });
  const admin = new vemlp.MlPlatformResourceAdmin(s, 'resource-admin', { principal: ops, storage: vemlp.VemlpStorage.CLOUDFS_AND_VEPFS });
  const lead = new volcengine_iam.VolcIamUser(s, 'lead', { userName: 'team-lead' });
  lead.attachPolicy(admin.queueCreatorPolicy!.policy);
  const devs = ['dev1', 'dev2', 'dev3'].map(n => new volcengine_iam.VolcIamUser(s, n, { userName: n }));
  devs.forEach((d, i) => new vemlp.MlPlatformDeveloper(s, `dev-persona-${i}`, { principal: d }));
  new vemlp.ResourceQueueWithGroups(s, 'training', {
    queueId: 'q-20250415-training', accountId: '2100000001', admins: [lead], members: devs, capacity: 32,
    userCaps: [{ user: 'dev1', percent: 50 }, { user: 'dev2', absolute: 8 }],
  });
  new vemlp.ResourceQueueWithGroups(s, 'inference', { queueId: 'q-20250415-inference', accountId: '2100000001', admins: [lead], members: [devs[2]] });
  return s;
}

if (require.main === module) synthExample(build);
