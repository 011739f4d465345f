/**
 * who-can folds each principal's decision from per-policy ranks and reads results from the question's memo (no
 * array, no answer for a principal that cannot). Differential: on random organisations it must list exactly the
 * principals whose own `can()` is not an implicit deny, with the same decision and the same explanation.
 */
import * as fc from 'fast-check';
import { Catalog } from '../../src/catalog';
import { modelFromJson } from '../../src/model';

const catalog = Catalog.load();
const ACTIONS = ['pairec:ListInstances', 'pairec:GetInstance', 'pairec:DeleteInstanceResource', 'ecs:DescribeInstances', 'bailian-platform:UseModel'];
const RESOURCES = ['*', 'acs:pairec:*:*:instance/a', 'acs:pairec:*:*:instance/b', 'acs:ecs:*:*:*'];
const ACTION_PATTERNS = ['pairec:*', 'pairec:List*', 'pairec:Get*', 'pairec:DeleteInstanceResource', 'ecs:Describe*', '*'];
/** System policies: some the catalog has documents for, one it knows by name only, one it does not know (opaque). */
const SYSTEM = ['AliyunPAIRecFullAccess', 'AliyunBSSReadOnlyAccess', 'AliyunECSReadOnlyAccess', 'AliyunNoSuchPolicyForTests'];

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 2 }),
  // A resource known only after apply makes a statement's match unknown (an unknown deny, an unknown allow).
  Resource: fc.constantFrom(...RESOURCES, 'acs:pairec:*:*:instance/${var.instance}'),
  Condition: fc.option(fc.constantFrom(
    { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } },
    { Bool: { 'acs:SecureTransport': ['true'] } },
    { StringEquals: { 'acs:NoSuchKeyForTests': ['x'] } },
  ), { nil: undefined }),
}).map(s => (s.Condition === undefined ? { Effect: s.Effect, Action: s.Action, Resource: s.Resource } : s));

const org = fc.record({
  users: fc.integer({ min: 1, max: 6 }),
  groups: fc.integer({ min: 0, max: 3 }),
  policies: fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  memberships: fc.array(fc.tuple(fc.nat(5), fc.nat(2)), { maxLength: 8 }),
  attachments: fc.array(fc.tuple(fc.boolean(), fc.nat(5), fc.oneof(fc.nat(3), fc.constantFrom(...SYSTEM))), { maxLength: 10 }),
});

function terraform(o: fc.RecordValue<typeof org extends fc.Arbitrary<infer T> ? T : never>): object {
  const resource: Record<string, Record<string, object>> = {
    alicloud_ram_user: {},
    alicloud_ram_group: {},
    alicloud_ram_policy: {},
    alicloud_ram_user_group_attachment: {},
    alicloud_ram_user_policy_attachment: {},
    alicloud_ram_group_policy_attachment: {},
  };
  for (let u = 0; u < o.users; u++) resource.alicloud_ram_user[`u${u}`] = { name: `user-${u}` };
  for (let g = 0; g < o.groups; g++) resource.alicloud_ram_group[`g${g}`] = { group_name: `group-${g}` };
  o.policies.forEach((st, p) => (resource.alicloud_ram_policy[`p${p}`] = { policy_name: `policy-${p}`, policy_document: JSON.stringify({ Version: '1', Statement: st }) }));
  o.memberships.forEach(([u, g], i) => {
    if (u < o.users && g < o.groups) resource.alicloud_ram_user_group_attachment[`m${i}`] = { user_name: `\${alicloud_ram_user.u${u}.name}`, group_name: `group-${g}` };
  });
  o.attachments.forEach(([toGroup, who, what], i) => {
    const custom = typeof what === 'number';
    if (custom && what >= o.policies.length) return;
    const policy = custom ? { policy_name: `\${alicloud_ram_policy.p${what}.policy_name}`, policy_type: 'Custom' } : { policy_name: what, policy_type: 'System' };
    if (toGroup && who < o.groups) resource.alicloud_ram_group_policy_attachment[`a${i}`] = { group_name: `group-${who}`, ...policy };
    else if (!toGroup && who < o.users) resource.alicloud_ram_user_policy_attachment[`a${i}`] = { user_name: `user-${who}`, ...policy };
  });
  return { resource };
}

test('who-can lists exactly the principals whose can() is not an implicit deny, explained alike', () => {
  fc.assert(fc.property(org, fc.constantFrom(...ACTIONS), fc.option(fc.constantFrom(...RESOURCES), { nil: undefined }), fc.boolean(),
    (o, action, resource, openContext) => {
      const model = modelFromJson('org.json', terraform(o), undefined, catalog);
      const request = { action, ...(resource ? { resource } : {}) };
      const options = { openContext, clouds: ['alibaba' as const] };
      const who = model.whoCan(request, options).map(a => JSON.stringify(a));
      const each = model.principals.filter(p => p.cloud === 'alibaba').map(p => model.can(p, request, { openContext }))
        .filter(a => a.decision !== 'implicit-deny').map(a => JSON.stringify(a));
      expect(who).toEqual(each);
    }), { numRuns: 300 });
});
