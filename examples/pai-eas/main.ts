/**
 * A PAI workspace with EAS deployers (seed 004): workspace roles plus EAS system policies. EAS's dependent services
 * (OSS, API Gateway, SLS, VPC, Cloud Monitor) are activated once with the main account, as the guide recommends, so
 * no RAM principal keeps their activation (FullAccess) policies; `activateFeatures` would attach them (AIAM-PAI-001).
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, pai, ram } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'pai-eas');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-shanghai' });
  const ws = new pai.PaiWorkspace(s, 'workspace', { workspaceName: 'recsys_models', description: 'recommendation models served on EAS' });
  const deployers = new ram.RamGroup(s, 'deployers', { groupName: 'eas-deployers' });
  const viewers = new ram.RamGroup(s, 'viewers', { groupName: 'eas-viewers' });
  const dan = new ram.RamUser(s, 'dan', { userName: 'dan' });
  const vic = new ram.RamUser(s, 'vic', { userName: 'vic' });
  deployers.addUser(dan);
  viewers.addUser(vic);
  ws.addMember(dan, [pai.PaiWorkspaceRole.ALGO_DEVELOPER, pai.PaiWorkspaceRole.ALGO_OPERATOR]);
  ws.addMember(vic, [pai.PaiWorkspaceRole.GUEST]);
  new pai.PaiAccess(s, 'deploy', { principal: deployers, bundle: pai.PaiAccessBundle.EAS_FULL });
  new pai.PaiAccess(s, 'view', { principal: viewers, bundle: pai.PaiAccessBundle.EAS_READ_ONLY });
  return s;
}

if (require.main === module) synthExample(build);
