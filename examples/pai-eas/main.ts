/** A PAI workspace with EAS deployers (seed 004): workspace roles plus EAS system policies and activation rights. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, pai, PaiFeature, ram } from '../../src';

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
  new pai.PaiAccess(s, 'deploy', { principal: deployers, bundle: pai.PaiAccessBundle.EAS_FULL, activateFeatures: [PaiFeature.EAS] });
  new pai.PaiAccess(s, 'view', { principal: viewers, bundle: pai.PaiAccessBundle.EAS_READ_ONLY });
  return s;
}

if (require.main === module) synthExample(build);
