/** Issue 15, item 4: Huawei system roles are looked up by display name, with systemRoleIds as an override. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { huawei_iam, huaweicloud, modelarts, ModelArtsFeature } from '../../../src';
import { loadAccessModel } from '../../../src/model';

const hwStack = () => {
  const s = new TerraformStack(Testing.app(), 'hw');
  new huaweicloud.provider.HuaweicloudProvider(s, 'provider', { region: 'cn-north-4' });
  return s;
};

test('each system policy becomes one huaweicloud_identity_role lookup by display name, and no variable', () => {
  const s = hwStack();
  const a = new huawei_iam.HuaweiIamGroup(s, 'a', { groupName: 'a' });
  const b = new huawei_iam.HuaweiIamGroup(s, 'b', { groupName: 'b' });
  new modelarts.ModelArtsAccess(s, 'ma', { group: a, features: [ModelArtsFeature.AI_GALLERY] });
  new modelarts.ModelArtsAccess(s, 'mb', { group: b });
  const json = JSON.parse(Testing.synth(s));
  expect(json.variable).toBeUndefined();
  const lookups = Object.values(json.data.huaweicloud_identity_role) as Array<{ display_name: string }>;
  expect(lookups.map(l => l.display_name).sort()).toEqual(['CTS Administrator', 'ModelArts CommonOperations', 'ModelArts Dependency Access', 'OBS Administrator', 'SWR Admin']);
  const assignments = Object.values(json.resource.huaweicloud_identity_group_role_assignment) as Array<{ role_id: string }>;
  expect(assignments).toHaveLength(6); // five for a, one for b: both share the CommonOperations lookup
  for (const x of assignments) expect(x.role_id).toMatch(/^\$\{data\.huaweicloud_identity_role\.[\w-]+\.id\}$/);
});

test('systemRoleIds overrides the lookup for the names it lists', () => {
  const s = hwStack();
  new modelarts.ModelArtsAccess(s, 'ma', {
    group: new huawei_iam.HuaweiIamGroup(s, 'g', { groupName: 'g' }), features: [ModelArtsFeature.AI_GALLERY], systemRoleIds: { 'ModelArts CommonOperations': 'id-common' },
  });
  const json = JSON.parse(Testing.synth(s));
  expect((Object.values(json.data.huaweicloud_identity_role) as Array<{ display_name: string }>).map(l => l.display_name)).not.toContain('ModelArts CommonOperations');
  expect((Object.values(json.resource.huaweicloud_identity_group_role_assignment) as Array<{ role_id: string }>).map(x => x.role_id)).toContain('id-common');
});

test('in a plan, the access model names the role from the data source that looked it up', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-hw-plan-'));
  const file = path.join(dir, 'plan.json');
  const res = (address: string, type: string, values: object, mode = 'managed') =>
    ({ address, mode, type, name: address.split('.').pop(), provider_name: 'registry.terraform.io/huaweicloud/huaweicloud', values, sensitive_values: {} });
  fs.writeFileSync(file, JSON.stringify({
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          res('huaweicloud_identity_group.g', 'huaweicloud_identity_group', { name: 'trainers' }),
          res('huaweicloud_identity_group_role_assignment.a', 'huaweicloud_identity_group_role_assignment', { project_id: 'all', role_id: 'f1e2d3' }),
          res('data.huaweicloud_identity_role.common', 'huaweicloud_identity_role', { display_name: 'ModelArts CommonOperations', id: 'f1e2d3' }, 'data'),
        ],
      },
    },
    resource_changes: [
      { address: 'huaweicloud_identity_group.g', mode: 'managed', type: 'huaweicloud_identity_group', name: 'g', change: { actions: ['create'], before: null, after: { name: 'trainers' }, after_unknown: { id: true } } },
      {
        address: 'huaweicloud_identity_group_role_assignment.a',
        mode: 'managed',
        type: 'huaweicloud_identity_group_role_assignment',
        name: 'a',
        change: { actions: ['create'], before: null, after: { project_id: 'all', role_id: 'f1e2d3' }, after_unknown: { group_id: true, id: true } },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'huaweicloud_identity_group_role_assignment.a',
            mode: 'managed',
            type: 'huaweicloud_identity_group_role_assignment',
            name: 'a',
            expressions: {
              group_id: { references: ['huaweicloud_identity_group.g.id', 'huaweicloud_identity_group.g'] },
              role_id: { references: ['data.huaweicloud_identity_role.common.id', 'data.huaweicloud_identity_role.common'] },
            },
          },
        ],
      },
    },
  }));
  try {
    const model = loadAccessModel(file);
    expect(model.policies.map(p => p.name)).toContain('ModelArts CommonOperations');
    expect(model.policies.map(p => p.name)).not.toContain('role f1e2d3');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
