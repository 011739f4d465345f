/** The provider versions the committed schema subsets were read from (schemas/README.md). */
export const PROVIDERS = [
  { name: 'alicloud', source: 'registry.terraform.io/aliyun/alicloud', version: '1.289.0' },
  { name: 'volcengine', source: 'registry.terraform.io/volcengine/volcengine', version: '0.0.196' },
  { name: 'huaweicloud', source: 'registry.terraform.io/huaweicloud/huaweicloud', version: '1.97.1' },
];
