/** A PAI workspace with EAS deployers (seed 004): workspace roles plus EAS system policies and activation rights. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, PaiAccess, PaiAccessBundle, PaiFeature, PaiWorkspace, PaiWorkspaceRole, RamGroup, RamUser } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'pai-eas');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-shanghai' });
  const ws = new PaiWorkspace(s, 'workspace', { workspaceName: 'recsys_models', description: 'recommendation models served on EAS' });
  const deployers = new RamGroup(s, 'deployers', { groupName: 'eas-deployers' });
  const viewers = new RamGroup(s, 'viewers', { groupName: 'eas-viewers' });
  const dan = new RamUser(s, 'dan', { userName: 'dan' });
  const vic = new RamUser(s, 'vic', { userName: 'vic' });
  deployers.addUser(dan);
  viewers.addUser(vic);
  ws.addMember(dan, [PaiWorkspaceRole.ALGO_DEVELOPER, PaiWorkspaceRole.ALGO_OPERATOR]);
  ws.addMember(vic, [PaiWorkspaceRole.GUEST]);
  new PaiAccess(s, 'deploy', { principal: deployers, bundle: PaiAccessBundle.EAS_FULL, activateFeatures: [PaiFeature.EAS] });
  new PaiAccess(s, 'view', { principal: viewers, bundle: PaiAccessBundle.EAS_READ_ONLY });
  return s;
}

if (require.main === module) synthExample(build);
