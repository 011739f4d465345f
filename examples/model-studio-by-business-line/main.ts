/** Model Studio by business line (seed 000): marketing and customer-service workspaces, absolute QPM shares. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, bailian, ram } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'model-studio-by-business-line');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-beijing' });
  const lines = new bailian.ProductionWorkspaceSet(s, 'lines', {
    strategy: bailian.WorkspaceStrategy.BY_BUSINESS_LINE, teams: ['marketing-team', 'customer-team'], region: 'cn-beijing',
    accountQuota: { qpm: 2000 }, split: { 'marketing-team': 800, 'customer-team': 1000 }, splitUnit: bailian.QuotaUnit.ABSOLUTE,
  });
  lines.workspace('marketing-team').grantModelInvoke(new ram.RamUser(s, 'mia', { userName: 'mia' }), { models: ['qwen-max', 'wanx-v1'] });
  const support = new ram.RamRole(s, 'support-bot', { roleName: 'support-bot', trustedServices: ['fc.aliyuncs.com'] });
  new bailian.ApiKeyGrant(s, 'support-key', { workspace: lines.workspace('customer-team'), owner: support });
  return s;
}

if (require.main === module) synthExample(build);
