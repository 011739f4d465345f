import * as fc from 'fast-check';
import { Catalog } from '../../src/catalog';
import { modelFromJson } from '../../src/model';

const catalog = Catalog.load();

/** A small synthesized-stack document: users, one policy per user (some via jsonencode), attachments by reference. */
const stackDoc = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 5 }).chain(names => fc.record({
  names: fc.constant(names),
  encoded: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
  actions: fc.array(fc.constantFrom('pai:Get*', 'pai:List*', 'pairec:*', 'ecs:DescribeInstances'), { minLength: names.length, maxLength: names.length }),
}));

function build({ names, encoded, actions }: { names: string[]; encoded: boolean[]; actions: string[] }) {
  const user: Record<string, unknown> = {};
  const policy: Record<string, unknown> = {};
  const attach: Record<string, unknown> = {};
  names.forEach((n, i) => {
    user[n] = { name: `u-${n}` };
    policy[n] = {
      policy_name: `p-${n}`,
      policy_document: encoded[i]
        ? `\${jsonencode({Version = "1", Statement = [{Effect = "Allow", Action = ["${actions[i]}"], Resource = "acs:x:*:*:\${alicloud_ram_user.${n}.name}"}]})}`
        : JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: [actions[i]], Resource: `acs:x:*:*:u-${n}` }] }),
    };
    attach[n] = { user_name: `\${alicloud_ram_user.${n}.name}`, policy_name: `\${alicloud_ram_policy.${n}.policy_name}`, policy_type: 'Custom' };
  });
  return { resource: { alicloud_ram_user: user, alicloud_ram_policy: policy, alicloud_ram_user_policy_attachment: attach } };
}

/** JSON with object keys sorted: jsonencode sorts keys, a literal document keeps them as written. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown => Array.isArray(x) ? x.map(sort)
    : typeof x === 'object' && x !== null ? Object.fromEntries(Object.keys(x).sort().map(k => [k, sort((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(sort(v));
}

/** The array forms HCL-to-JSON converters write: `"t": [{"n": {...}}]`, `"t": {"n": [{...}]}`, `"resource": [{...}]`. */
function arrayForm(doc: { resource: Record<string, Record<string, unknown>> }, style: number): unknown {
  const types = Object.entries(doc.resource).map(([type, byName]) => {
    const names = style % 2 ? Object.fromEntries(Object.entries(byName).map(([n, body]) => [n, [body]])) : byName;
    return [type, style % 3 === 0 ? [names] : names] as const;
  });
  return { resource: style % 5 === 0 ? types.map(([t, v]) => ({ [t]: v })) : Object.fromEntries(types) };
}

function summary(doc: unknown) {
  const m = modelFromJson('stack.tf.json', doc, 's', catalog);
  return {
    principals: m.principals.map(p => p.key).sort(),
    attachments: m.attachments.map(a => `${a.principalKey} -> ${a.policyKey}`).sort(),
    documents: m.policies.map(p => canonical(p.parsed?.document ?? p.unknownReason)).sort(),
    findings: m.findings.map(f => f.code),
  };
}

test('array-form Terraform JSON gives the same model as the object form; jsonencode documents equal literal ones', () => {
  fc.assert(fc.property(stackDoc, fc.nat(100), (spec, style) => {
    const doc = build(spec);
    const object = summary(doc);
    expect(summary(arrayForm(doc, style))).toEqual(object);
    expect(object.findings).toEqual([]);
    expect(object.attachments).toHaveLength(spec.names.length);
    // Differential: the jsonencode route and the literal JSON route give the same documents.
    expect(summary(build({ ...spec, encoded: spec.encoded.map(() => false) }))).toEqual(object);
  }), { numRuns: 60 });
});

test('two bodies under one name are an error at their pointer that asks for unique names', () => {
  const doc = { resource: { alicloud_ram_user: { u: [{ name: 'a' }, { name: 'b' }] } } };
  expect(() => modelFromJson('main.tf.json', doc, undefined, catalog))
    .toThrow(/\/resource\/alicloud_ram_user\/u: defined more than once\. Fix: give each block a unique name/);
});
