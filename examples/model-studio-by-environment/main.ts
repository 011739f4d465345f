/** Model Studio production setup by environment (seed 000): super admin, dev/test/prod workspaces, 1000 QPM split 60/20/10. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, bailian, ram } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'model-studio-by-environment');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-beijing' });
  new bailian.SuperAdmin(s, 'platform-admin', { user: new ram.RamUser(s, 'alice', { userName: 'alice' }), purchasePrepaid: true });
  const envs = new bailian.ProductionWorkspaceSet(s, 'chatbot', {
    project: 'chatbot', region: 'cn-beijing', includeStaging: false, accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 },
  });
  const bob = new ram.RamUser(s, 'bob', { userName: 'bob' });
  const carol = new ram.RamUser(s, 'carol', { userName: 'carol' });
  new bailian.WorkspaceAdmin(s, 'prod-admin', { workspace: envs.prod, user: bob });
  envs.dev.grantModelTuning(carol, { models: ['qwen-plus'] });
  envs.test.grantModelInvoke(carol, { models: ['qwen-plus'] });
  const service = new ram.RamRole(s, 'chatbot-service', { roleName: 'chatbot-service', trustedServices: ['ecs.aliyuncs.com'] });
  envs.prod.grantModelInvoke(service, { models: ['qwen-max'] });
  new bailian.ApiKeyGrant(s, 'prod-key', { workspace: envs.prod, owner: service });
  new bailian.BillingAccess(s, 'finance-bills', { principal: new ram.RamGroup(s, 'finance', { groupName: 'finance' }) });
  return s;
}

if (require.main === module) synthExample(build);
