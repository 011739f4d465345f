/** A ModelArts team with training and inference feature bundles (seed 003). */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import {
  HuaweiCustomPolicy, HuaweiIamGroup, HuaweiIamUser, HuaweiScope, huaweicloud, ModelArtsAccess, ModelArtsFeature, PolicyEffect,
} from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'modelarts-team');
  new huaweicloud.provider.HuaweicloudProvider(s, 'huaweicloud', { region: 'cn-north-4' });
  const trainers = new HuaweiIamGroup(s, 'trainers', { groupName: 'modelarts-trainers' });
  const servers = new HuaweiIamGroup(s, 'servers', { groupName: 'modelarts-inference' });
  trainers.addUser(new HuaweiIamUser(s, 'tom', { userName: 'tom' }));
  servers.addUser(new HuaweiIamUser(s, 'ivy', { userName: 'ivy' }));
  new ModelArtsAccess(s, 'training', { group: trainers, features: [ModelArtsFeature.ALGORITHM_TRAINING_WORKFLOW_AUTOML, ModelArtsFeature.NOTEBOOK_IMAGE_DEVSERVER] });
  new ModelArtsAccess(s, 'inference', { group: servers, features: [ModelArtsFeature.MODEL_SERVICES] });
  // Seed 003, example 2: nobody on these teams manages dedicated pools.
  const noPools = new HuaweiCustomPolicy(s, 'no-pools', { policyName: 'modelarts-no-pool-management', statements: [
    { effect: PolicyEffect.DENY, actions: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
  ] });
  trainers.assignCustomPolicy(noPools, { scope: HuaweiScope.allResources() });
  servers.assignCustomPolicy(noPools, { scope: HuaweiScope.allResources() });
  return s;
}

if (require.main === module) synthExample(build);
