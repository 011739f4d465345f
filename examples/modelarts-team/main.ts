/** A ModelArts team with training and inference feature bundles (seed 003). */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { synthExample } from '../run';
import { huawei_iam, huaweicloud, modelarts, ModelArtsFeature, PolicyEffect } from '../../src';

export function build(app: Construct): TerraformStack {
  const s = new TerraformStack(app, 'modelarts-team');
  new huaweicloud.provider.HuaweicloudProvider(s, 'huaweicloud', { region: 'cn-north-4' });
  const trainers = new huawei_iam.HuaweiIamGroup(s, 'trainers', { groupName: 'modelarts-trainers' });
  const servers = new huawei_iam.HuaweiIamGroup(s, 'servers', { groupName: 'modelarts-inference' });
  trainers.addUser(new huawei_iam.HuaweiIamUser(s, 'tom', { userName: 'tom' }));
  servers.addUser(new huawei_iam.HuaweiIamUser(s, 'ivy', { userName: 'ivy' }));
  new modelarts.ModelArtsAccess(s, 'training', { group: trainers, features: [ModelArtsFeature.ALGORITHM_TRAINING_WORKFLOW_AUTOML, ModelArtsFeature.NOTEBOOK_IMAGE_DEVSERVER] });
  new modelarts.ModelArtsAccess(s, 'inference', { group: servers, features: [ModelArtsFeature.MODEL_SERVICES] });
  // Seed 003, example 2: nobody on these teams manages dedicated pools.
  const noPools = new huawei_iam.HuaweiCustomPolicy(s, 'no-pools', { policyName: 'modelarts-no-pool-management', statements: [
    { effect: PolicyEffect.DENY, actions: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
  ] });
  trainers.assignCustomPolicy(noPools, { scope: huawei_iam.HuaweiScope.allResources() });
  servers.assignCustomPolicy(noPools, { scope: huawei_iam.HuaweiScope.allResources() });
  return s;
}

if (require.main === module) synthExample(build);
