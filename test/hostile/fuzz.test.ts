/**
 * Fuzz (issue 16 §6): generated hostile inputs through the loaders and every PATH command. Whatever the input, the
 * CLI answers with exit 0, 1 or 2 — never an internal error (3), never an uncaught exception — and a malformed
 * plan is never an empty, passing one. Bounded: a fixed number of runs with a fixed seed, a few seconds in CI.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { aiam } from '../cli/run';

const SEED = 20261130;
const TYPES = ['alicloud_ram_user', 'alicloud_ram_group', 'alicloud_ram_policy', 'alicloud_ram_user_policy_attachment', 'alicloud_ram_group_membership',
  'volcengine_iam_user', 'volcengine_iam_policy', 'volcengine_iam_user_policy_attachment', 'huaweicloud_identity_group', 'huaweicloud_identity_role',
  'huaweicloud_identity_group_role_assignment', 'huaweicloud_identity_group_membership', 'terraform_data', 'constructor', '__proto__', 'toString'];
const ATTRS = ['name', 'user_name', 'group_name', 'policy_name', 'policy_type', 'policy_document', 'policy', 'group_id', 'role_id', 'users', 'project_id', 'input', 'type',
  'constructor', '__proto__', 'hasOwnProperty'];

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('${', '${a.b.c}', '${var.x}', '${local.l}', '${a.b[0].id}', '${a.b[', '$${x}', '${jsonencode({A = 1})}', '${module.m.out}', '*', '?', '',
    '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', '{"Statement":5}', '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*:*:*"]}]}',
    '\u0000', '\u001b[2J', 'a'.repeat(5000), '[[[[[[[['),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof({ depthSize: 'small' }, hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...ATTRS), tie('value'), { maxKeys: 4 })),
})).value;
const block = fc.dictionary(fc.constantFrom(...ATTRS), hostileValue, { maxKeys: 6 });
const namedBlocks = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(block, fc.array(block, { maxLength: 2 }), hostileValue), { maxKeys: 3 });
const stackDoc = fc.record({
  resource: fc.oneof(
    fc.dictionary(fc.constantFrom(...TYPES), namedBlocks, { maxKeys: 5 }),
    hostileValue,
  ),
  locals: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), hostileValue, { maxKeys: 3 }), hostileValue),
  data: fc.oneof(fc.constant(undefined), hostileValue),
}, { requiredKeys: ['resource'] });
const planResource = fc.record({
  address: fc.oneof(fc.constantFrom('alicloud_ram_user.a', 'module.m.alicloud_ram_user.b[0]', 'x.y["k"]', 'a.b[', '[[[['), fc.string()),
  type: fc.oneof(fc.constantFrom(...TYPES), fc.string()),
  name: fc.string({ maxLength: 6 }),
  values: fc.oneof(block, hostileValue),
  sensitive_values: fc.oneof(fc.dictionary(fc.constantFrom(...ATTRS), fc.oneof(fc.boolean(), hostileValue), { maxKeys: 3 }), hostileValue),
}, { requiredKeys: [] });
const planModule: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  module: fc.oneof({ depthSize: 'small' }, fc.record({ resources: fc.oneof(fc.array(planResource, { maxLength: 4 }), hostileValue), child_modules: fc.oneof(fc.array(tie('module'), { maxLength: 2 }), hostileValue) }, { requiredKeys: [] }), hostileValue),
})).module;
const planDoc = fc.record({
  format_version: fc.constantFrom('1.2', 5, undefined),
  planned_values: fc.oneof(fc.record({ root_module: planModule }), hostileValue),
  resource_changes: fc.oneof(fc.array(fc.record({ address: fc.string(), type: fc.string(), mode: fc.constantFrom('managed', 'data'), change: fc.oneof(fc.record({ actions: hostileValue, after_unknown: hostileValue, after_sensitive: hostileValue, before_sensitive: hostileValue }), hostileValue) }, { requiredKeys: [] }), { maxLength: 3 }), hostileValue),
  prior_state: fc.oneof(fc.constant(undefined), fc.record({ values: fc.record({ root_module: planModule }) }), hostileValue),
  configuration: fc.oneof(fc.constant(undefined), hostileValue),
}, { requiredKeys: ['planned_values'] });

const SETTINGS_KEYS = ['name', 'region', 'default', 'allowlists', 'rateLimits', 'quota', 'members', 'queueId', 'accountId', 'capacity', 'adminGroup',
  'developerGroup', 'admins', 'userCaps', 'iamMode', 'workspace', 'owner', 'lifecycle', 'unit', 'accountQuota', 'shares', 'allocations', 'buffer',
  'rounding', 'group', 'level', 'features', 'scope', 'principal', 'kind', 'percent', 'absolute', 'qpm', 'tpm', 'pages', '__proto__'];
const settingsValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof({ depthSize: 'small' }, hostileString, fc.integer({ min: -5, max: 200 }), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...SETTINGS_KEYS), tie('value'), { maxKeys: 5 })),
})).value;
/** Platform-settings entries: the envelope right, the settings anything (mostly refused by the schema: exit 2). */
const settingsDoc = fc.record({
  resource: fc.record({
    terraform_data: fc.dictionary(fc.string({ maxLength: 4 }), fc.record({
      input: fc.record({
        schema: fc.constant('cdktf-aiam/platform-settings/v1'),
        kind: fc.constantFrom('vemlp-queue', 'bailian-workspace', 'bailian-api-key', 'bailian-quota-split', 'modelarts-access', 'future-kind', 'constructor'),
        cloud: fc.constantFrom('alibaba', 'volcengine', 'huawei', 'aws'),
        constructPath: fc.string({ maxLength: 6 }),
        settings: fc.oneof(fc.dictionary(fc.constantFrom(...SETTINGS_KEYS), settingsValue, { maxKeys: 8 }), settingsValue),
      }, { requiredKeys: ['schema', 'kind'] }),
    }), { maxKeys: 3 }),
  }),
});

const COMMANDS: string[][] = [
  ['check', 'F'], ['check', 'F', '--format', 'sarif'], ['who-can', 'F', '--action', 'ram:CreateUser'], ['what-can', 'F', '--principal', 'user/a'],
  ['explain', 'F', '--principal', 'user/a', '--action', 'ram:CreateUser'], ['graph', 'F', '--format', 'dot'], ['diff', 'F', 'F'], ['preflight', 'F'],
];

describe('fuzz: every PATH command on hostile input exits 0, 1 or 2', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-fuzz-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (doc: unknown, text?: string) => {
    const file = path.join(dir, 'input.json');
    fs.writeFileSync(file, text ?? JSON.stringify(doc));
    for (const argv of COMMANDS) {
      const r = await aiam(...argv.map(a => (a === 'F' ? file : a)));
      if (![0, 1, 2].includes(r.code)) throw new Error(`aiam ${argv.join(' ')} exited ${r.code} on ${text ?? JSON.stringify(doc).slice(0, 400)}\n${r.stderr.slice(0, 400)}`);
    }
  };

  test('synthesized-stack shaped input', async () => {
    await fc.assert(fc.asyncProperty(stackDoc, d => run(d)), { seed: SEED, numRuns: 150 });
  });

  test('plan shaped input', async () => {
    await fc.assert(fc.asyncProperty(planDoc, d => run(d)), { seed: SEED, numRuns: 150 });
  });

  test('platform-settings entries', async () => {
    await fc.assert(fc.asyncProperty(settingsDoc, async d => {
      await run(d);
      const file = path.join(dir, 'input.json');
      for (const argv of [['settings', 'runbook', file], ['report', file, '--out', path.join(dir, 'r.html')]]) {
        const r = await aiam(...argv);
        if (![0, 1, 2].includes(r.code)) throw new Error(`aiam ${argv.join(' ')} exited ${r.code} on ${JSON.stringify(d).slice(0, 400)}\n${r.stderr.slice(0, 400)}`);
      }
    }), { seed: SEED, numRuns: 100 });
  });

  test('arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), t => run(undefined, t)), { seed: SEED, numRuns: 60 });
  });
});

describe('malformed plans are errors, never an empty passing plan', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-plan-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  test.each([
    ['planned_values is a number', { format_version: '1.2', planned_values: 5 }],
    ['root_module is a string', { format_version: '1.2', planned_values: { root_module: 'x' } }],
    ['resources is an object', { format_version: '1.2', planned_values: { root_module: { resources: {} } } }],
    ['child_modules is a number', { format_version: '1.2', planned_values: { root_module: { child_modules: 3 } } }],
    ['a resource_changes entry is junk', { format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [5] }],
    ['prior_state.values is a list', { format_version: '1.2', planned_values: { root_module: {} }, prior_state: { values: [] } }],
  ])('%s: exit 2 with the JSON pointer', async (_, doc) => {
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = await aiam('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json: \/(planned_values|resource_changes|prior_state)/);
  });
});

describe('input keys are data, never object prototype members', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('"%s" as a resource type, a name and a local is an ordinary key', async key => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-proto-'));
    try {
      const file = path.join(dir, 'cdk.tf.json');
      fs.writeFileSync(file, `{"locals":{"${key}":"x"},"resource":{"${key}":{"${key}":{"name":"\${local.${key}}"}},`
        + `"alicloud_ram_user":{"${key}":{"name":"\${local.${key}}"}}}}`);
      const r = await aiam('what-can', file, '--principal', 'user/x', '--format', 'json');
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code).toBe(0);
      const c = await aiam('check', file, '--format', 'json');
      expect([0, 1]).toContain(c.code);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
