/** PAI-Rec operators and read-only analysts (seed 002): custom RAM policies built from the pairec catalog. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, PaiRecAccess, PaiRecAccessLevel, RamGroup, RamUser } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'pairec-team');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
  const operators = new RamGroup(s, 'operators', { groupName: 'pairec-operators' });
  const analysts = new RamGroup(s, 'analysts', { groupName: 'pairec-analysts' });
  operators.addUser(new RamUser(s, 'olga', { userName: 'olga' }));
  analysts.addUser(new RamUser(s, 'ana', { userName: 'ana' }));
  new PaiRecAccess(s, 'operate', { principal: operators, level: PaiRecAccessLevel.OPERATOR });
  new PaiRecAccess(s, 'read', { principal: analysts, level: PaiRecAccessLevel.READ_ONLY });
  return s;
}

if (require.main === module) synthExample(build);
