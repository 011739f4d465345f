import { TerraformStack, Testing } from 'cdktf';
import { alicloud, huaweicloud, volcengine } from '../src';

/** One resource of each generated provider, synthesized and read back as Terraform JSON. */
describe('generated provider bindings', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'providers');
  new alicloud.provider.AlicloudProvider(stack, 'ali', { region: 'cn-beijing' });
  new volcengine.provider.VolcengineProvider(stack, 'volc', { region: 'cn-beijing' });
  new huaweicloud.provider.HuaweicloudProvider(stack, 'hw', { region: 'cn-north-4' });
  new alicloud.ramPolicy.RamPolicy(stack, 'ali-policy', {
    policyName: 'p1', policyDocument: '{"Version":"1","Statement":[]}', description: 'd',
  });
  new volcengine.iamPolicy.IamPolicy(stack, 'volc-policy', { policyName: 'p2', policyDocument: '{"Statement":[]}' });
  new huaweicloud.identityRole.IdentityRole(stack, 'hw-role', {
    name: 'p3', description: 'd', type: 'AX', policy: '{"Version":"1.1","Statement":[]}',
  });
  const json = JSON.parse(Testing.synth(stack));

  test('resource types and snake_case attribute names', () => {
    expect(json.resource.alicloud_ram_policy['ali-policy']).toEqual({
      policy_name: 'p1', policy_document: '{"Version":"1","Statement":[]}', description: 'd',
    });
    expect(json.resource.volcengine_iam_policy['volc-policy']).toEqual({ policy_name: 'p2', policy_document: '{"Statement":[]}' });
    expect(json.resource.huaweicloud_identity_role['hw-role']).toEqual({
      name: 'p3', description: 'd', type: 'AX', policy: '{"Version":"1.1","Statement":[]}',
    });
  });

  test('provider blocks', () => {
    expect(json.provider.alicloud).toEqual([{ region: 'cn-beijing' }]);
    expect(json.provider.volcengine).toEqual([{ region: 'cn-beijing' }]);
    expect(json.provider.huaweicloud).toEqual([{ region: 'cn-north-4' }]);
  });

  test('required_providers carry source and the pinned version', () => {
    expect(json.terraform.required_providers).toEqual({
      alicloud: { source: 'registry.terraform.io/aliyun/alicloud', version: '1.289.0' },
      volcengine: { source: 'registry.terraform.io/volcengine/volcengine', version: '0.0.196' },
      huaweicloud: { source: 'registry.terraform.io/huaweicloud/huaweicloud', version: '1.97.1' },
    });
  });
});
