import * as fs from 'fs';
import * as os from 'os';
import { App, TerraformStack, Testing } from 'cdktf';
import { alicloud, bailian, ram } from '../../../src';
import { AiPlatformPack, runChecks } from '../../../src/checks';
import { bailianMemberships, loadAccessModel } from '../../../src/model';
import { Decision } from '../../../src/policy';
import { synthesize } from '../../model/fixtures';

/** The guide's recommended production setup (seed 000, 应用于生产环境 + 常用设置). */
function production(app: App): void {
  const s = new TerraformStack(app, 'bailian');
  new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
  const alice = new ram.RamUser(s, 'alice', { userName: 'alice' });
  const bob = new ram.RamUser(s, 'bob', { userName: 'bob' });
  const carol = new ram.RamUser(s, 'carol', { userName: 'carol' });
  const dave = new ram.RamUser(s, 'dave', { userName: 'dave' });
  const erin = new ram.RamUser(s, 'erin', { userName: 'erin' });
  const app1 = new ram.RamRole(s, 'chatbot-app', { roleName: 'chatbot-app', trustedServices: ['ecs.aliyuncs.com'] });
  new bailian.SuperAdmin(s, 'platform-admin', { user: alice });
  new bailian.SuperAdmin(s, 'buyer-admin', { user: new ram.RamUser(s, 'gina', { userName: 'gina' }), purchasePrepaid: true });
  const envs = new bailian.ProductionWorkspaceSet(s, 'chatbot', { project: 'chatbot', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 } });
  envs.prod.grantModelInvoke(bob, { models: ['qwen-max'] });
  envs.test.grantModelTuning(carol, { models: ['qwen-plus'] });
  new bailian.WorkspaceAdmin(s, 'prod-admin', { workspace: envs.prod, user: dave });
  new bailian.ApiKeyGrant(s, 'bob-prod-key', { workspace: envs.prod, owner: bob });
  new bailian.ApiKeyGrant(s, 'erin-prod-key', { workspace: envs.prod, owner: erin });
  new bailian.ApiKeyGrant(s, 'app-prod-key', { workspace: envs.prod, owner: app1 });
  new bailian.OpenApiDataAccess(s, 'rag', { principal: app1 });
  const finance = new ram.RamGroup(s, 'finance', { groupName: 'finance' });
  new bailian.BillingAccess(s, 'bills', { principal: finance });
}

describe('the guide\'s production setup, through the access model and evaluator', () => {
  const out = synthesize(production);
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const who = (spec: string) => model.findPrincipal(spec);

  test('the super admin can manage all workspaces (AliyunBailianFullAccess from the catalog)', () => {
    for (const action of ['bailiancontrol:CreateWorkspace', 'bailiancontrol:UpdateWorkspaceModels', 'modelstudio:ListWorkspaces', 'bailiancontrol:CreateApiKey']) {
      expect(model.can(who('user/alice'), { action }).decision).toBe(Decision.ALLOW);
      expect(model.can(who('user/bob'), { action }).decision).toBe(Decision.IMPLICIT_DENY);
    }
  });

  test('AliyunBSSOrderAccess, whose document is not published, stays local: unknown only for its services, never guessed', () => {
    // Issue 14: it covers BSS order operations only, so Model Studio answers stay known.
    expect(model.can(who('user/gina'), { action: 'bailiancontrol:CreateWorkspace' }).decision).toBe(Decision.ALLOW);
    const a = model.can(who('user/gina'), { action: 'bss:PayOrder' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.openPolicies).toEqual(['AliyunBSSOrderAccess']);
    expect(a.unresolved).toEqual([expect.stringMatching(/AliyunBSSOrderAccess: the content of system policy AliyunBSSOrderAccess is not in the catalog/)]);
  });

  test('a normal user gets exactly the pages granted', () => {
    expect(bailianMemberships(model, who('user/bob'))).toEqual([
      { workspace: 'chatbot-prod-workspace', region: 'cn-beijing', admin: false, apiKeyManagement: false, pages: bailian.BailianPageBundles.CALL_MODELS_IN_CONSOLE },
    ]);
    expect(bailianMemberships(model, who('user/carol'))[0].pages).toEqual(bailian.BailianPageBundles.ALL.filter(p => bailian.BailianPageBundles.TUNE_MODELS_IN_CONSOLE.includes(p)));
    expect(bailianMemberships(model, who('user/dave'))[0]).toEqual(expect.objectContaining({ admin: true, apiKeyManagement: true, pages: bailian.BailianPageBundles.ALL }));
  });

  test('a key\'s owner must be a member: erin\'s key is a finding, bob\'s and the role\'s are not', () => {
    const findings = runChecks(model, [new AiPlatformPack()]).findings.filter(f => f.ruleId === 'AIAM-BAILIAN-003');
    expect(findings.map(f => f.message)).toEqual([expect.stringMatching(/erin-prod-key belongs to RAM user erin, who is not a member of chatbot-prod-workspace/)]);
  });

  test('the quota split: 1000 QPM → prod 600, test 200, dev 100, buffer 100', () => {
    const split = model.settings.find(s => s.envelope.kind === 'bailian-quota-split')!.envelope.settings as any;
    expect(split.allocations).toEqual([
      { workspace: 'chatbot-dev-workspace', qpm: 100 }, { workspace: 'chatbot-test-workspace', qpm: 200 }, { workspace: 'chatbot-prod-workspace', qpm: 600 },
    ]);
    expect(split.buffer).toEqual({ qpm: 100 });
  });

  test('RAM-user keys are reported (info) with the RAM-role advice; OpenAPI data and billing use the system policies', () => {
    const ids = runChecks(model, [new AiPlatformPack()]).findings.map(f => f.ruleId);
    expect(ids.filter(i => i === 'AIAM-BAILIAN-004')).toHaveLength(2);
    expect(model.can(who('role/chatbot-app'), { action: 'sfm:DescribeFile' }).decision).toBe(Decision.ALLOW);
    expect(model.can(who('user/dave'), { action: 'sfm:DescribeFile' }).decision).toBe(Decision.IMPLICIT_DENY);
    expect(model.can(who('group/finance'), { action: 'bss:DescribeAcccount' }).decision).toBe(Decision.ALLOW);
  });

  test('no secret or key value is synthesized', () => {
    const text = fs.readFileSync(`${out}/stacks/bailian/cdk.tf.json`, 'utf8');
    expect(text).not.toMatch(/sk-[A-Za-z0-9]{8,}|secret|access_key/i);
  });
});

describe('quota split rounding', () => {
  const set = (quota: number, split: Record<string, number>, unit?: bailian.QuotaUnit) => new bailian.ProductionWorkspaceSet(
    new TerraformStack(Testing.app(), 's'), 'set', { project: 'p', region: 'cn-beijing', accountQuota: { qpm: quota }, split, splitUnit: unit });

  test('floor per workspace, remainder to the buffer: allocations + buffer = quota, every time', () => {
    const cases = [[1000, { dev: 10, test: 20, prod: 60 }], [999, { dev: 33, test: 33, prod: 33 }], [7, { dev: 50, test: 25, prod: 25 }]] as const;
    for (const [quota, split] of cases) {
      const s = set(quota, split);
      expect(s.allocations.reduce((n, a) => n + a.qpm!, 0) + s.buffer.qpm!).toBe(quota);
      s.allocations.forEach(a => expect(a.qpm).toBe(Math.floor(quota * (split as any)[a.workspace.split('-')[1]] / 100)));
    }
  });

  test('absolute shares', () => {
    const s = set(1000, { dev: 100, test: 200, prod: 600 }, bailian.QuotaUnit.ABSOLUTE);
    expect(s.buffer).toEqual({ qpm: 100, tpm: undefined });
  });

  test('by business line', () => {
    const s = new bailian.ProductionWorkspaceSet(new TerraformStack(Testing.app(), 's'), 'lines', {
      strategy: bailian.WorkspaceStrategy.BY_BUSINESS_LINE, teams: ['marketing-team', 'customer-team'], region: 'cn-beijing',
    });
    expect(Object.values(s.workspaces).map(w => w.workspaceName)).toEqual(['marketing-team-workspace', 'customer-team-workspace']);
  });
});

describe('synth-time errors name the construct path and the fix', () => {
  const stack = () => new TerraformStack(Testing.app(), 'ms');

  test('restricting the default workspace', () => {
    expect(() => new bailian.BailianWorkspace(stack(), 'default', { workspaceName: 'default', region: 'cn-beijing', isDefault: true, rateLimits: [{ model: 'qwen-max', qpm: 10 }] }))
      .toThrow(/^ms\/default: the default workspace cannot be rate-limited\. Fix:/);
    expect(() => new bailian.BailianWorkspace(stack(), 'default', { workspaceName: 'default', region: 'cn-beijing', isDefault: true, allowInvoke: ['qwen-max'] }))
      .toThrow(/^ms\/default: the default workspace cannot be restricted to models \(invoke\)\. Fix:/);
  });

  test('over-allocated quota', () => {
    expect(() => new bailian.ProductionWorkspaceSet(stack(), 'set', { project: 'p', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 70, test: 20, dev: 20 } }))
      .toThrow(/^ms\/set: shares add up to 110%\. Fix: keep the total at or under 100%/);
    expect(() => new bailian.ProductionWorkspaceSet(stack(), 'set', { project: 'p', region: 'cn-beijing', accountQuota: { qpm: 100 }, split: { prod: 70, test: 20, dev: 20 }, splitUnit: bailian.QuotaUnit.ABSOLUTE }))
      .toThrow(/shares add up to 110 QPM, over the account quota of 100/);
  });

  test('a workspace with two regions', () => {
    expect(() => new bailian.BailianWorkspace(stack(), 'ws', { workspaceName: 'ws', region: 'cn-beijing,cn-shanghai' }))
      .toThrow(/^ms\/ws: region "cn-beijing,cn-shanghai" is not one region id\. Fix: a workspace never spans regions/);
    const s = stack();
    const ws = new bailian.BailianWorkspace(s, 'ws', { workspaceName: 'ws', region: 'cn-beijing' });
    expect(() => new bailian.ApiKeyGrant(s, 'key', { workspace: ws, region: 'cn-hangzhou' })).toThrow(/^ms\/key: the key is in cn-hangzhou but workspace ws is in cn-beijing/);
  });

  test('an invalid RAM name', () => {
    expect(() => new ram.RamUser(stack(), 'u', { userName: 'bob smith' })).toThrow(/^ms\/u: invalid RAM user name "bob smith"\. Fix: use 1-64 characters: letters, digits, '\.', '_' and '-'/);
    expect(() => new ram.RamRole(stack(), 'r', { roleName: 'bad_role', trustedServices: ['ecs.aliyuncs.com'] })).toThrow(/invalid RAM role name "bad_role"/);
  });

  test('page permissions go to users, not groups', () => {
    const s = stack();
    const ws = new bailian.BailianWorkspace(s, 'ws', { workspaceName: 'ws', region: 'cn-beijing' });
    const group: any = new ram.RamGroup(s, 'g', { groupName: 'g' });
    // @ts-expect-error a group is not an IRamIdentity: TypeScript rejects it; other jsii languages get the error below
    const asGroup: ram.IRamIdentity = new ram.RamGroup(s, 'g2', { groupName: 'g2' });
    void asGroup;
    expect(() => ws.grantPages(group, [bailian.BailianPage.MODEL_EXPERIENCE])).toThrow(/Model Studio page permissions are per RAM user or role/);
  });
});

describe('Model Studio rules fire and stay quiet', () => {
  function findings(build: (s: TerraformStack) => void): string[] {
    const out = synthesize(app => {
      const s = new TerraformStack(app, 'ms');
      new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
      build(s);
    });
    return runChecks(loadAccessModel(out), [new AiPlatformPack()]).findings.map(f => f.ruleId);
  }

  test('AIAM-BAILIAN-005: pages without an allowlist', () => {
    expect(findings(s => new bailian.BailianWorkspace(s, 'ws', { workspaceName: 'ws', region: 'cn-beijing' }).grantPages(new ram.RamUser(s, 'u', { userName: 'u' }), bailian.BailianPageBundles.CALL_MODELS_IN_CONSOLE)))
      .toContain('AIAM-BAILIAN-005');
    expect(findings(s => new bailian.BailianWorkspace(s, 'ws', { workspaceName: 'ws', region: 'cn-beijing' }).grantModelInvoke(new ram.RamUser(s, 'u', { userName: 'u' }), { models: ['qwen-max'] })))
      .not.toContain('AIAM-BAILIAN-005');
  });
});

test('every Model Studio settings entry validates against schemas/platform-settings.v1.schema.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require('ajv/dist/2020').default;
  const schema = JSON.parse(fs.readFileSync(`${__dirname}/../../../schemas/platform-settings.v1.schema.json`, 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const out = synthesize(production);
  const inputs = Object.values<any>(JSON.parse(fs.readFileSync(`${out}/stacks/bailian/cdk.tf.json`, 'utf8')).resource.terraform_data).map(r => r.input);
  expect(new Set(inputs.map(i => i.kind))).toEqual(new Set(['bailian-workspace', 'bailian-api-key', 'bailian-quota-split']));
  for (const input of inputs) expect(validate(input) ? [] : validate.errors).toEqual([]);
  fs.rmSync(out, { recursive: true, force: true });
});

describe('Model Studio rules on hand-written or planned settings', () => {
  function ids(entries: Array<{ kind: string; settings: object }>): string[] {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/aiam-bailian-rules-`);
    const resource: Record<string, object> = {};
    entries.forEach((e, i) => { resource[`e${i}`] = { input: { schema: 'cdktf-aiam/platform-settings/v1', kind: e.kind, cloud: 'alibaba', constructPath: `hand/e${i}`, settings: e.settings } }; });
    fs.writeFileSync(`${dir}/cdk.tf.json`, JSON.stringify({ resource: { terraform_data: resource } }));
    try {
      return runChecks(loadAccessModel(`${dir}/cdk.tf.json`), [new AiPlatformPack()]).findings.map(f => f.ruleId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const ws = (over: object = {}) => ({
    kind: 'bailian-workspace',
    settings: {
      name: 'ws',
      region: 'cn-beijing',
      default: false,
      allowlists: { invoke: ['qwen-max'], tune: [], deploy: [] },
      rateLimits: [],
      quota: null,
      members: [{ principal: { kind: 'user', name: 'bob' }, admin: false, apiKeyManagement: false, pages: ['model-experience'] }],
      ...over,
    },
  });
  const split = (qpm: number) => ({
    kind: 'bailian-quota-split',
    settings: {
      region: 'cn-beijing', unit: 'percent', accountQuota: { qpm: 1000 }, shares: {}, allocations: [{ workspace: 'ws', qpm }], buffer: { qpm: Math.max(0, 1000 - qpm) }, rounding: 'floor',
    },
  });
  const key = (owner: object, region = 'cn-beijing') => ({ kind: 'bailian-api-key', settings: { name: 'k', workspace: 'ws', region, owner, lifecycle: {} } });

  test('AIAM-BAILIAN-001 over-allocation', () => {
    expect(ids([split(1200)])).toContain('AIAM-BAILIAN-001');
    expect(ids([split(900)])).not.toContain('AIAM-BAILIAN-001');
  });
  test('AIAM-BAILIAN-002 restricted default workspace', () => {
    expect(ids([ws({ default: true })])).toContain('AIAM-BAILIAN-002');
    expect(ids([ws({ default: true, allowlists: { invoke: null, tune: null, deploy: null } })])).not.toContain('AIAM-BAILIAN-002');
  });
  test('AIAM-BAILIAN-003 key owner not a member / other region', () => {
    expect(ids([ws(), key({ kind: 'ram-user', name: 'eve' })])).toContain('AIAM-BAILIAN-003');
    expect(ids([ws(), key({ kind: 'ram-user', name: 'bob' }, 'cn-hangzhou')])).toContain('AIAM-BAILIAN-003');
    expect(ids([ws(), key({ kind: 'ram-user', name: 'bob' })])).not.toContain('AIAM-BAILIAN-003');
  });
  test('AIAM-BAILIAN-004 RAM-user keys', () => {
    expect(ids([ws(), key({ kind: 'ram-user', name: 'bob' })])).toContain('AIAM-BAILIAN-004');
    expect(ids([ws(), key({ kind: 'ram-role', name: 'app' })])).not.toContain('AIAM-BAILIAN-004');
  });
});
