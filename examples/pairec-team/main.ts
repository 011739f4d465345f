/** PAI-Rec operators and read-only analysts (seed 002): custom RAM policies built from the pairec catalog. */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { alicloud, pai, ram } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'pairec-team');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
  const operators = new ram.RamGroup(s, 'operators', { groupName: 'pairec-operators' });
  const analysts = new ram.RamGroup(s, 'analysts', { groupName: 'pairec-analysts' });
  operators.addUser(new ram.RamUser(s, 'olga', { userName: 'olga' }));
  analysts.addUser(new ram.RamUser(s, 'ana', { userName: 'ana' }));
  new pai.PaiRecAccess(s, 'operate', { principal: operators, level: pai.PaiRecAccessLevel.OPERATOR });
  new pai.PaiRecAccess(s, 'read', { principal: analysts, level: pai.PaiRecAccessLevel.READ_ONLY });
  return s;
}

if (require.main === module) synthExample(build);
