import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { vemlp, volcengine, volcengine_iam } from '../../../src';
import { loadAccessModel } from '../../../src/model';
import { Decision } from '../../../src/policy';
import { synthesize } from '../../model/fixtures';

const GUIDE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'data', 'system-policies', 'volcengine-huawei-system-policies.json'), 'utf8')).volcengine;
const ACCOUNT = '2100000001';
const Q1 = 'q-20250415-train';
const Q2 = 'q-20250415-infer';

function stackWith(build: (s: TerraformStack) => void): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'vemlp');
  new volcengine.provider.VolcengineProvider(s, 'p', { region: 'cn-beijing' });
  build(s);
  return s;
}

function team(app: App): void {
  const s = new TerraformStack(app, 'vemlp');
  new volcengine.provider.VolcengineProvider(s, 'p', { region: 'cn-beijing' });
  const alice = new volcengine_iam.VolcIamUser(s, 'alice', { userName: 'alice' });
  const bob = new volcengine_iam.VolcIamUser(s, 'bob', { userName: 'bob' });
  const carol = new volcengine_iam.VolcIamUser(s, 'carol', { userName: 'carol' });
  const ops = new volcengine_iam.VolcIamGroup(s, 'ops', { groupName: 'ml-ops' });
  new vemlp.MlPlatformResourceAdmin(s, 'ops-admin', { principal: ops, storage: vemlp.VemlpStorage.VEPFS });
  new vemlp.ResourceQueueWithGroups(s, 'train', { queueId: Q1, accountId: ACCOUNT, admins: [alice], members: [bob], capacity: 16, userCaps: [{ user: 'bob', percent: 50 }] });
  new vemlp.ResourceQueueWithGroups(s, 'infer', { queueId: Q2, accountId: ACCOUNT, members: [carol] });
  new vemlp.MlPlatformDeveloper(s, 'carol-dev', { principal: carol });
  new vemlp.ResourceOwnerGrant(s, 'hand-over', { principal: bob, resourceKind: vemlp.VemlpResourceKind.DEV_INSTANCE, resourceId: 'di-20250301-abc', accountId: ACCOUNT });
}

describe('veMLP constructs, through the access model and evaluator', () => {
  const out = synthesize(team);
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const trn = (type: string, id: string) => `trn:ml_platform:cn-beijing:${ACCOUNT}:${type}/${id}`;
  const can = (user: string, action: string, resource?: string, context?: Record<string, string>) =>
    model.can(model.findPrincipal(`user/${user}`), { action, resource, context }).decision;

  test('a member can create a dev instance on its queue and not on another queue', () => {
    expect(can('bob', 'ml_platform:CreateDevInstance', trn('resourcequeue', Q1))).toBe(Decision.ALLOW);
    expect(can('bob', 'ml_platform:CreateDevInstance', trn('resourcequeue', Q2))).toBe(Decision.IMPLICIT_DENY);
  });

  test('an admin can stop any job tagged with its queue and none tagged with another', () => {
    const tag = (q: string) => ({ 'volc:ResourceTag/sys:ml_platform:resource_queue_id': q });
    expect(can('alice', 'ml_platform:StopJob', trn('job', 'j-1'), tag(Q1))).toBe(Decision.ALLOW);
    expect(can('alice', 'ml_platform:StopJob', trn('job', 'j-2'), tag(Q2))).toBe(Decision.IMPLICIT_DENY);
    expect(can('alice', 'ml_platform:UpdateResourceQueue', trn('resourcequeue', Q1))).toBe(Decision.ALLOW);
  });

  test('the developer persona deletes only workloads it created and reads all', () => {
    const me = 'trn:iam::2100000001:user/carol';
    const created = (by: string) => ({ 'volc:PrincipalTrn': me, 'volc:ResourceTag/sys:ml_platform:createdby': by });
    expect(can('carol', 'ml_platform:DeleteDevInstance', trn('devinstance', 'di-1'), created(me))).toBe(Decision.ALLOW);
    expect(can('carol', 'ml_platform:DeleteDevInstance', trn('devinstance', 'di-2'), created('trn:iam::2100000001:user/bob'))).toBe(Decision.IMPLICIT_DENY);
    expect(can('carol', 'ml_platform:GetDevInstance', trn('devinstance', 'di-2'), created('trn:iam::2100000001:user/bob'))).toBe(Decision.ALLOW);
    expect(can('carol', 'ml_platform:ListJobs')).toBe(Decision.ALLOW);
  });

  test('the owner grant gives one workload', () => {
    expect(can('bob', 'ml_platform:StopDevInstance', trn('devinstance', 'di-20250301-abc'))).toBe(Decision.ALLOW);
    expect(can('bob', 'ml_platform:StopDevInstance', trn('devinstance', 'di-other'))).toBe(Decision.IMPLICIT_DENY);
  });

  test('the resource admin gets the guide\'s system policies and the queue-creator policy', () => {
    const ops = model.findPrincipal('group/ml-ops');
    expect(model.bindings(ops).map(b => b.policy.name).sort()).toEqual(
      ['CRFullAccess', 'MLPlatformAdminAccess', 'TLSFullAccess', 'TOSFullAccess', 'VMPFullAccess', 'vePFSFullAccess', 'vemlp-queue-creator'].sort());
    expect(model.can(ops, { action: 'iam:CreateGroup' }).decision).toBe(Decision.UNKNOWN); // unknown system policies (CRFullAccess ...) could deny
  });

  test('caps land in the platform-settings manifest', () => {
    const q = model.settings.find(s => s.envelope.kind === 'vemlp-queue' && s.envelope.settings.queueId === Q1)!;
    expect(q.envelope.settings).toEqual(expect.objectContaining({ capacity: 16, userCaps: [{ user: 'bob', percent: 50 }], adminGroup: `${Q1}-admin-group` }));
  });
});

describe('synthesized documents equal the guide\'s, statement by statement (seed 001)', () => {
  // The guide's documents use account 2100xxx, region cn-beijing and queue q-202504xxx7-txxxx.
  const s = stackWith(st => {
    new vemlp.ResourceQueueWithGroups(st, 'q', { queueId: 'q-202504xxx7-txxxx', accountId: '2100xxx', iamMode: vemlp.QueueIamMode.TERRAFORM });
    new vemlp.ResourceOwnerGrant(st, 'o', { principal: volcengine_iam.VolcIamUser.fromUserName(st, 'u', 'someone'), resourceKind: vemlp.VemlpResourceKind.DEV_INSTANCE, resourceId: 'di-202503xxxx2-gtxxxj', accountId: '2100xxx' });
    new vemlp.MlPlatformResourceAdmin(st, 'a', { principal: volcengine_iam.VolcIamGroup.fromGroupName(st, 'g', 'ops'), iamAccess: vemlp.QueueCreatorIamAccess.QUEUE_CREATOR_POLICY });
  });
  const json = JSON.parse(Testing.synth(s));
  const policies = Object.values<any>(json.resource.volcengine_iam_policy);
  const doc = (name: string) => JSON.parse(policies.find(p => p.policy_name === name).policy_document);

  test.each([
    ['q-202504xxx7-txxxx-admin-policy', 'q-<queue-id>-admin-policy'],
    ['q-202504xxx7-txxxx-developer-policy', 'q-<queue-id>-developer-policy'],
    ['owner-di-202503xxxx2-gtxxxj', 'example:change-resource-owner'],
    ['vemlp-queue-creator', 'example:queue-creator-iam'],
  ])('%s = guide %s', (ours, guide) => {
    const expected = GUIDE[guide].document.Statement;
    const actual = doc(ours).Statement;
    expect(actual).toHaveLength(expected.length);
    expected.forEach((st: object, i: number) => expect(actual[i]).toEqual(st));
  });

  test('groups are named after the queue and hold the policies', () => {
    const groups = Object.values<any>(json.resource.volcengine_iam_user_group).map(g => g.user_group_name).sort();
    expect(groups).toEqual(['q-202504xxx7-txxxx-admin-group', 'q-202504xxx7-txxxx-developer-group']);
    expect(Object.values<any>(json.resource.volcengine_iam_user_group_policy_attachment).map(a => a.policy_type)).toContain('Custom');
  });

  test('policy variables reach Terraform escaped ($${...}) and the model reads them back', () => {
    const s2 = stackWith(st => {
      new volcengine_iam.VolcIamUser(st, 'u', { userName: 'dana' }).attachPolicy(new volcengine_iam.VolcIamPolicy(st, 'own', {
        policyName: 'own-only', statements: [{ actions: ['ml_platform:*DevInstance*'], conditions: [{ operator: 'StringEquals', key: 'volc:PrincipalTrn', values: ['${volc:ResourceTag/sys:ml_platform:createdby}'] }] }],
      }));
    });
    const synthesized = Testing.synth(s2);
    expect(synthesized).toContain('$${volc:ResourceTag/sys:ml_platform:createdby}');
  });

  test('without an account id the TRNs stay Terraform references and answers are unknown', () => {
    const out = synthesize(app => {
      const st = new TerraformStack(app, 'noacct');
      new volcengine.provider.VolcengineProvider(st, 'p', { region: 'cn-beijing' });
      new vemlp.ResourceQueueWithGroups(st, 'q', { queueId: 'q-1', members: [new volcengine_iam.VolcIamUser(st, 'u', { userName: 'erin' })] });
    });
    const m = loadAccessModel(out);
    const a = m.can(m.findPrincipal('user/erin'), { action: 'ml_platform:CreateJob', resource: 'trn:ml_platform:cn-beijing:123:resourcequeue/q-1' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.unresolved.join()).toMatch(/var\.volcengine_account_id/);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('synth-time errors name the construct path and the fix', () => {
  const expectError = (build: (s: TerraformStack) => void, message: RegExp) => expect(() => stackWith(build)).toThrow(message);

  test('invalid queue id', () => expectError(s => new vemlp.ResourceQueueWithGroups(s, 'q', { queueId: 'Queue 1', accountId: ACCOUNT }), /^vemlp\/q: invalid queue id "Queue 1"\. Fix:/));
  test('group name over the IAM limit', () => expectError(s => new vemlp.ResourceQueueWithGroups(s, 'q', { queueId: `q-${'a'.repeat(60)}`, accountId: ACCOUNT, iamMode: vemlp.QueueIamMode.TERRAFORM }),
    /vemlp\/q\/AdminGroup: invalid IAM user group name "q-a+-admin-group"\. Fix: use 1-64 characters/));
  test('invalid user name', () => expectError(s => new volcengine_iam.VolcIamUser(s, 'u', { userName: 'bad name' }), /^vemlp\/u: invalid IAM user name "bad name"/));
  test('cap over 100%', () => expectError(s => new vemlp.ResourceQueueWithGroups(s, 'q', {
    queueId: Q1, accountId: ACCOUNT, members: [new volcengine_iam.VolcIamUser(s, 'u', { userName: 'u1' })], userCaps: [{ user: 'u1', percent: 120 }],
  }), /^vemlp\/q: cap for "u1" is 120%\. Fix: use a percentage above 0 and at most 100/));
  test('cap over the queue capacity', () => expectError(s => new vemlp.ResourceQueueWithGroups(s, 'q', {
    queueId: Q1, accountId: ACCOUNT, capacity: 8, members: [new volcengine_iam.VolcIamUser(s, 'u', { userName: 'u1' })], userCaps: [{ user: 'u1', absolute: 9 }],
  }), /cap for "u1" is 9, over the queue capacity 8/));
  test('cap for a user outside the queue', () => expectError(s => new vemlp.ResourceQueueWithGroups(s, 'q', { queueId: Q1, accountId: ACCOUNT, userCaps: [{ user: 'ghost', percent: 10 }] }),
    /cap for "ghost", who is not an admin or member/));
  test('duplicate membership', () => expectError(s => {
    const u = new volcengine_iam.VolcIamUser(s, 'u', { userName: 'u1' });
    new vemlp.ResourceQueueWithGroups(s, 'q', { queueId: Q1, accountId: ACCOUNT, admins: [u], members: [u] });
  }, /vemlp\/q: vemlp\/u is listed as admin and as member\. Fix: list each principal once/));
  test('the same user twice in one group', () => expectError(s => {
    const u = new volcengine_iam.VolcIamUser(s, 'u', { userName: 'u1' });
    new vemlp.ResourceQueueWithGroups(s, 'q', { queueId: Q1, accountId: ACCOUNT, members: [u, u] });
  }, /is listed as member and as member/));
});

test('the vemlp-queue settings entry validates against schemas/platform-settings.v1.schema.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require('ajv/dist/2020').default;
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'platform-settings.v1.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const s = stackWith(st => new vemlp.ResourceQueueWithGroups(st, 'q', {
    queueId: Q1, accountId: ACCOUNT, capacity: 4, members: [new volcengine_iam.VolcIamUser(st, 'u', { userName: 'u1' })], userCaps: [{ user: 'u1', absolute: 2 }],
  }));
  const input = Object.values<any>(JSON.parse(Testing.synth(s)).resource.terraform_data)[0].input;
  expect(validate(input) ? [] : validate.errors).toEqual([]);
  expect(validate({ ...input, settings: { ...input.settings, userCaps: [{ user: 'u1', percent: 150 }] } })).toBe(false);
});

describe('console-owned queue IAM (vemlp.QueueIamMode.CONSOLE, the default; seed 001 分配队列权限 / 管理用户权限)', () => {
  const out = synthesize(app => {
    const st = new TerraformStack(app, 'console');
    new volcengine.provider.VolcengineProvider(st, 'p', { region: 'cn-beijing' });
    const lead = new volcengine_iam.VolcIamUser(st, 'lead', { userName: 'lead' });
    const ops = new volcengine_iam.VolcIamGroup(st, 'ops', { groupName: 'ops' });
    new vemlp.ResourceQueueWithGroups(st, 'q', { queueId: 'q-202504xxx7-txxxx', accountId: '2100xxx', admins: [lead], members: [ops] });
  });
  const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'console', 'cdk.tf.json'), 'utf8'));
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('Terraform creates no queue group, policy, attachment or membership: the console does', () => {
    expect(Object.keys(json.resource).sort()).toEqual(['terraform_data', 'volcengine_iam_user', 'volcengine_iam_user_group']);
    const settings = Object.values<any>(json.resource.terraform_data)[0].input.settings;
    expect(settings).toEqual(expect.objectContaining({ iamMode: 'console', admins: [{ kind: 'user', name: 'lead' }], members: [{ kind: 'group', name: 'ops' }] }));
  });

  test('the access model knows the console\'s groups and policies, with the guide\'s documents', () => {
    const group = model.findPrincipal('group/q-202504xxx7-txxxx-admin-group');
    expect(group.external).toBe(true);
    for (const [name, guide] of [['q-202504xxx7-txxxx-admin-policy', 'q-<queue-id>-admin-policy'], ['q-202504xxx7-txxxx-developer-policy', 'q-<queue-id>-developer-policy']]) {
      const policy = model.policy(`volcengine:custom/${name}`)!;
      expect((policy.parsed!.document as { Statement: unknown[] }).Statement).toEqual(GUIDE[guide].document.Statement);
    }
    const lead = model.can(model.findPrincipal('user/lead'), { action: 'ml_platform:UpdateResourceQueue', resource: 'trn:ml_platform:cn-beijing:2100xxx:resourcequeue/q-202504xxx7-txxxx' });
    expect(lead.decision).toBe(Decision.ALLOW);
    expect(lead.chain[0].viaGroup).toBe('volcengine:group/q-202504xxx7-txxxx-admin-group');
    // A chosen group gets the member policy directly (the console makes a group only for chosen users).
    const ops = model.can(model.findPrincipal('group/ops'), { action: 'ml_platform:CreateJob', resource: 'trn:ml_platform:cn-beijing:2100xxx:resourcequeue/q-202504xxx7-txxxx' });
    expect(ops.decision).toBe(Decision.ALLOW);
  });
});
