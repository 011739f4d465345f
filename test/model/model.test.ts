import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { alibabaTeam, huaweiTeam, ramPolicy, synthesize, volcengineTeam } from './fixtures';
import { alicloud } from '../../src';
import { accessLines, describePrincipal, diffModels, loadAccessModel, loadPriorModel } from '../../src/model';
import { Decision } from '../../src/policy';
import { aiam } from '../cli/run';

const PLAN = path.join(__dirname, '..', 'fixtures', 'plans', 'alibaba-plan.json');

describe('access model from synthesized stacks', () => {
  const out = synthesize(app => { alibabaTeam(app); volcengineTeam(app); huaweiTeam(app); });
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('every stack of the cdktf.out folder is read', () => {
    expect(model.principals.map(describePrincipal).sort()).toEqual([
      'alibaba:group/ml', 'alibaba:user/alice', 'huawei:group/modelarts-users', 'huawei:user/carol', 'volcengine:group/devs', 'volcengine:user/bob',
    ]);
  });

  test('group-inherited access, with the chain principal → group → attachment → policy → statement', () => {
    const a = model.can(model.findPrincipal('user/alice'), { action: 'pairec:ListInstances' });
    expect(a.decision).toBe(Decision.ALLOW);
    expect(a.chain).toContainEqual(expect.objectContaining({
      principal: 'alibaba:user/alice',
      viaGroup: 'alibaba:group/ml',
      membership: 'alicloud_ram_user_group_attachment.alice-ml',
      attachment: 'alicloud_ram_group_policy_attachment.ml-read',
      policy: 'pairec-read',
      statement: 0,
    }));
  });

  test('a deny in a group policy overrides the user\'s own allow', () => {
    const a = model.can(model.findPrincipal('user/alice'), { action: 'pairec:DeleteInstanceResource' });
    expect(a.decision).toBe(Decision.EXPLICIT_DENY);
    expect(a.chain).toEqual([expect.objectContaining({ viaGroup: 'alibaba:group/ml', policy: 'pairec-read', statement: 1, effect: 'Deny' })]);
    expect(model.can(model.findPrincipal('user/alice'), { action: 'pairec:CreateInstanceResource' }).decision).toBe(Decision.ALLOW);
  });

  test('system policies come from the catalog (AliyunBSSReadOnlyAccess, MLPlatformDeveloperAccess)', () => {
    expect(model.can(model.findPrincipal('user/alice'), { action: 'bss:DescribeAcccount' }).decision).toBe(Decision.ALLOW);
    const bob = model.findPrincipal('user/bob');
    expect(model.can(bob, { action: 'ml_platform:ListJobs' }).decision).toBe(Decision.ALLOW);
  });

  test('Huawei memberships and role assignments resolve through ids known only after apply; scope is kept', () => {
    const carol = model.findPrincipal('user/carol');
    expect(model.can(carol, { action: 'modelarts:pool:create' }).decision).toBe(Decision.EXPLICIT_DENY);
    const list = model.can(carol, { action: 'modelarts:notebook:list' });
    expect(list.decision).toBe(Decision.ALLOW);
    expect(list.chain[0]).toEqual(expect.objectContaining({ viaGroup: 'huawei:group/modelarts-users', scope: 'project proj-1' }));
  });

  test('Huawei project scope: an assignment to proj-1 does not apply to a request in proj-2', () => {
    const carol = model.findPrincipal('user/carol');
    expect(model.can(carol, { action: 'modelarts:notebook:list' }, { project: 'proj-1' }).decision).toBe(Decision.ALLOW);
    expect(model.can(carol, { action: 'modelarts:notebook:list' }, { project: 'proj-2' }).decision).toBe(Decision.IMPLICIT_DENY);
  });

  test('who-can lists every principal with a path', () => {
    const who = model.whoCan({ action: 'pairec:ListInstances' }).map(a => `${describePrincipal(a.principal)} ${a.decision}`);
    expect(who.sort()).toEqual(['alibaba:group/ml allow', 'alibaba:user/alice allow']);
  });

  test('what-can groups by service and access level and is honest about unlisted actions', () => {
    const perms = model.whatCan(model.findPrincipal('user/alice'));
    const pairec = perms.services.find(s => s.service === 'pairec')!;
    expect(pairec.catalogComplete).toBe(true);
    expect(pairec.grants.map(g => g.action)).toContain('pairec:CreateInstanceResource');
    expect(pairec.grants.map(g => g.action)).not.toContain('pairec:DeleteInstanceResource'); // denied by the group policy
    const bss = perms.services.find(s => s.service === 'bss')!;
    expect(bss.inCatalog).toBe(false);
    expect(bss.unlistedPatterns.length).toBeGreaterThan(0);
  });
});

describe('references', () => {
  test('a dangling reference is a finding and makes the answer unknown, not a crash', () => {
    const out = synthesize(app => {
      const s = new TerraformStack(app, 's');
      new alicloud.provider.AlicloudProvider(s, 'p', {});
      const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'dana' });
      new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'att', {
        userName: u.name, policyName: '${alicloud_ram_policy.missing.policy_name}', policyType: 'Custom',
      });
    });
    const model = loadAccessModel(out);
    expect(model.findings.map(f => f.code)).toContain('dangling-reference');
    expect(model.findings.find(f => f.code === 'dangling-reference')!.message).toMatch(/alicloud_ram_policy\.missing/);
    expect(model.can(model.findPrincipal('user/dana'), { action: 'pairec:ListInstances' }).decision).toBe(Decision.UNKNOWN);
  });

  test('references in policy documents resolve; policy variables survive the $${ escape', () => {
    const out = synthesize(app => {
      const s = new TerraformStack(app, 's');
      new alicloud.provider.AlicloudProvider(s, 'p', {});
      const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'erin' });
      const p = ramPolicy(s, 'p1', 'own-user', [{ Effect: 'Allow', Action: 'ram:GetUser', Resource: `acs:ram::1:user/${u.name}` }]);
      new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: p.policyName, policyType: 'Custom' });
    });
    const model = loadAccessModel(out);
    const erin = model.findPrincipal('user/erin');
    expect(model.can(erin, { action: 'ram:GetUser', resource: 'acs:ram::1:user/erin' }).decision).toBe(Decision.ALLOW);
    expect(model.can(erin, { action: 'ram:GetUser', resource: 'acs:ram::1:user/root' }).decision).toBe(Decision.IMPLICIT_DENY);
  });
});

describe('plan JSON (terraform show -json)', () => {
  const model = loadAccessModel(PLAN);

  test('planned values, configuration references for after-unknown attributes, data sources not principals', () => {
    const alice = model.findPrincipal('user/alice');
    expect(model.groups(alice).map(describePrincipal)).toEqual(['alibaba:group/analysts']);
    expect(model.can(alice, { action: 'pairec:ListInstances' }).decision).toBe(Decision.ALLOW);
  });

  test('a policy name known only after apply gives unknown, with the reason', () => {
    const a = model.can(model.findPrincipal('user/bob'), { action: 'pairec:ListInstances' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.unresolved.join()).toMatch(/policy_name is known only after apply/);
  });

  test('diff from prior_state to planned values finds one added and one removed grant', () => {
    const diff = diffModels(loadPriorModel(PLAN)!, model);
    const alice = diff.changes.find(c => c.principal === 'alibaba:user/alice')!;
    expect(alice.revoked.map(e => e.action)).toContain('pairec:CreateInstanceResource');
    expect(alice.granted).toEqual([]);
    const bob = diff.changes.find(c => c.principal === 'alibaba:user/bob')!;
    // A policy whose name is known only after apply may grant anything of its cloud: possibly granted, not granted.
    expect(bob.granted).toEqual([]);
    expect(bob.possiblyGranted).toEqual([expect.objectContaining({ representative: '*', witness: expect.objectContaining({ before: 'implicit-deny', after: 'unknown' }) })]);
    expect(bob.revoked).toEqual([]);
    expect(diff.coverage.complete).toBe(false);
    expect(diff.coverage.notCovered.join()).toMatch(/bob_generated/);
    // The new group gains its policy's reads.
    expect(diff.changes.find(c => c.principal === 'alibaba:group/analysts')!.granted.map(e => e.action)).toContain('pairec:ListInstances');
  });

  test('accessLines is stable text', () => {
    expect([...accessLines(model.whatCan(model.findPrincipal('user/alice')))]).toContain('pairec:ListInstances');
  });
});

describe('CLI on the model', () => {
  const out = synthesize(app => { alibabaTeam(app); });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('explain --format json', async () => {
    const r = await aiam('explain', out, '--principal', 'user/alice', '--action', 'pairec:DeleteInstanceResource', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.decision).toBe('explicit-deny');
    expect(json.chain[0]).toEqual(expect.objectContaining({ policy: 'pairec-read', statement: 1 }));
  });

  test('who-can text is an aligned table', async () => {
    const r = await aiam('who-can', out, '--action', 'pairec:ListInstances');
    expect(r.stdout.split('\n')[0]).toMatch(/^assumed: resource none given/);
    expect(r.stdout.split('\n')[1]).toMatch(/^principal\s+decision\s+resources\s+path\s+conditions$/);
  });

  test('diff exits 1 with --fail-on-new-access when access is added', async () => {
    const r = await aiam('diff', PLAN, '--fail-on-new-access', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).grantedCount).toBeGreaterThan(0);
    expect((await aiam('diff', out, out, '--fail-on-new-access')).code).toBe(0);
  });

  test('graph as mermaid and dot', async () => {
    expect((await aiam('graph', out)).stdout).toMatch(/^flowchart LR\n/);
    expect((await aiam('graph', out, '--format', 'dot')).stdout).toMatch(/^digraph access \{/);
  });

  test('unknown resource types are skipped and listed with --verbose', async () => {
    const plan = JSON.parse(fs.readFileSync(PLAN, 'utf8'));
    plan.planned_values.root_module.resources.push({ address: 'alicloud_oss_bucket.b', mode: 'managed', type: 'alicloud_oss_bucket', name: 'b', values: {} });
    const f = path.join(out, 'plan-extra.json');
    fs.writeFileSync(f, JSON.stringify(plan));
    const r = await aiam('graph', f, '--verbose');
    expect(r.stderr).toMatch(/skipped alicloud_oss_bucket\.b \(alicloud_oss_bucket/);
  });

  test.each([
    ['missing file', (d: string) => path.join(d, 'nope.json'), /nope\.json: no such file or folder\. Fix: pass a cdktf\.out folder/],
    ['malformed JSON', (d: string) => { const f = path.join(d, 'bad.json'); fs.writeFileSync(f, '{"resource": '); return f; }, /bad\.json: not valid JSON/],
    ['bad plan shape', (d: string) => { const f = path.join(d, 'bad-plan.json'); fs.writeFileSync(f, '{"planned_values":{"root_module":{"resources":[{"x":1}]}}}'); return f; },
      /bad-plan\.json: \/planned_values\/root_module\/resources\/0\/address: a resource needs an address/],
    ['folder without manifest', (d: string) => { const f = path.join(d, 'empty'); fs.mkdirSync(f, { recursive: true }); return f; }, /no manifest\.json and no \.tf or \.tf\.json files in this folder/],
  ])('bad input (%s): exit 2 with file, pointer and fix, no stack trace', async (_n, make, message) => {
    const r = await aiam('who-can', make(out), '--action', 'a:b');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
