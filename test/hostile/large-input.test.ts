/**
 * Inputs far larger than a call stack: lists of 150,000 resources once overflowed it (`push(...list)` passes every
 * element as an argument), ending a 100k-user load in "Maximum call stack size exceeded".
 */
import { modelFromJson } from '../../src/model';

const COUNT = 150_000;

test('a configuration with 150,000 memberships loads', () => {
  const memberships: Record<string, object> = {};
  for (let i = 0; i < COUNT; i++) memberships[`m${i}`] = { user_name: `user-${i % 1000}`, group_name: `group-${i % 7}` };
  const model = modelFromJson('big.tf.json', { resource: { alicloud_ram_user_group_attachment: memberships } }, 'big');
  expect(model.memberships.length).toBe(COUNT);
});

test('a plan whose child module holds 150,000 resources loads', () => {
  const resources = Array.from({ length: COUNT }, (_, i) => ({
    address: `module.m.alicloud_ram_user_group_attachment.m${i}`,
    mode: 'managed',
    type: 'alicloud_ram_user_group_attachment',
    name: `m${i}`,
    values: { user_name: `user-${i % 1000}`, group_name: `group-${i % 7}` },
  }));
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { child_modules: [{ address: 'module.m', resources }] } },
  };
  const model = modelFromJson('plan.json', plan, 'plan');
  expect(model.memberships.length).toBe(COUNT);
});
