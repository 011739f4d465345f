import * as fs from 'fs';
import { App, TerraformStack } from 'cdktf';
import { synthesize } from './fixtures';
import { alicloud, bailian, ram, volcengine } from '../../src';
import { buildReportData } from '../../src/cli/report';
import { describePrincipal, diffModels, loadAccessModel, openDecisionText } from '../../src/model';
import { Decision } from '../../src/policy';
import { aiam } from '../cli/run';

/** What the Model Studio guide (seed 000) builds, with knobs for the change under review. */
interface Knobs {
  admin?: boolean;
  keyManagement?: boolean;
  pages?: bailian.BailianPage[];
  invoke?: string[];
  keyWorkspace?: 'prod' | 'dev';
  keyOwner?: 'bob' | 'carol';
  qpm?: number;
}

function modelStudioApp(k: Knobs = {}): (app: App) => void {
  return app => {
    const s = new TerraformStack(app, 'studio');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
    const alice = new ram.RamUser(s, 'alice', { userName: 'alice' });
    const bob = new ram.RamUser(s, 'bob', { userName: 'bob' });
    const carol = new ram.RamUser(s, 'carol', { userName: 'carol' });
    new ram.RamRole(s, 'svc', { roleName: 'svc', trustedServices: ['ecs.aliyuncs.com'] });
    new bailian.SuperAdmin(s, 'super', { user: alice, purchasePrepaid: true });
    const prod = new bailian.BailianWorkspace(s, 'prod', {
      workspaceName: 'prod',
      region: 'cn-beijing',
      allowInvoke: k.invoke ?? ['qwen-max'],
      rateLimits: [{ model: 'qwen-max', qpm: k.qpm ?? 600 }],
    });
    const dev = new bailian.BailianWorkspace(s, 'dev', { workspaceName: 'dev', region: 'cn-beijing', allowInvoke: ['qwen-turbo'] });
    prod.grantPages(carol, [bailian.BailianPage.MODEL_EXPERIENCE]);
    if (k.admin) new bailian.WorkspaceAdmin(s, 'prod-admin', { workspace: prod, user: bob });
    else prod.grantPages(bob, k.pages ?? [bailian.BailianPage.MODEL_EXPERIENCE]);
    if (k.keyManagement) prod.grantApiKeyManagement(bob);
    new bailian.ApiKeyGrant(s, 'key', { workspace: k.keyWorkspace === 'dev' ? dev : prod, owner: k.keyOwner === 'carol' ? carol : bob, keyName: 'svc-key' });
  };
}

const dirs: string[] = [];
function synth(k: Knobs = {}): string {
  const d = synthesize(modelStudioApp(k));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

describe('platform grants are access', () => {
  const base = synth();

  test('what-can for a prod workspace admin lists the admin grant, not "nothing"', async () => {
    const admin = synth({ admin: true });
    const r = await aiam('what-can', admin, '--principal', 'user/bob');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/nothing/);
    expect(r.stdout).toMatch(/bailian-platform/);
    expect(r.stdout).toMatch(/WorkspaceAdmin on acs:bailian-platform:cn-beijing:\*:workspace\/prod/);
  });

  test('explain cites the settings entry as the path of a platform grant', () => {
    const model = loadAccessModel(synth({ admin: true }));
    const a = model.can(model.findPrincipal('user/bob'), { action: 'bailian-platform:WorkspaceAdmin', resource: 'acs:bailian-platform:cn-beijing:*:workspace/prod' });
    expect(a.decision).toBe(Decision.ALLOW);
    expect(a.chain[0]).toEqual(expect.objectContaining({ policyKind: 'platform', attachment: expect.stringMatching(/terraform_data/) }));
    // Not admin of another workspace.
    expect(model.can(model.findPrincipal('user/bob'), { action: 'bailian-platform:WorkspaceAdmin', resource: 'acs:bailian-platform:cn-beijing:*:workspace/dev' }).decision)
      .toBe(Decision.IMPLICIT_DENY);
  });

  test('who-can sees the workspace admin and the key owner', () => {
    const model = loadAccessModel(synth({ admin: true }));
    const who = (action: string, resource?: string) => model.whoCan({ action, resource }).map(a => describePrincipal(a.principal)).sort();
    // alice is super admin (AliyunBailianFullAccess): every workspace is hers too.
    expect(who('bailian-platform:WorkspaceAdmin', 'acs:bailian-platform:cn-beijing:*:workspace/prod')).toEqual(['alibaba:user/alice', 'alibaba:user/bob']);
    expect(who('bailian-platform:WorkspaceAdmin', 'acs:bailian-platform:cn-beijing:*:workspace/dev')).toEqual(['alibaba:user/alice']);
    expect(who('bailian-platform:UseApiKey', 'acs:bailian-platform:cn-beijing:*:workspace/prod/apikey/svc-key')).toEqual(['alibaba:user/alice', 'alibaba:user/bob']);
    expect(who('bailian-platform:InvokeModel', 'acs:bailian-platform:cn-beijing:*:workspace/prod/model/qwen-max'))
      .toEqual(['alibaba:user/alice', 'alibaba:user/bob', 'alibaba:user/carol']);
    expect(who('bailian-platform:InvokeModel', 'acs:bailian-platform:cn-beijing:*:workspace/prod/model/qwen-plus')).toEqual(['alibaba:user/alice']);
  });

  test('members with the same set of pages share one policy, a statement per page; a page outside it is not theirs', () => {
    const { MODEL_EXPERIENCE, MODEL_TUNING } = bailian.BailianPage;
    const model = loadAccessModel(synth({ pages: [MODEL_TUNING, MODEL_EXPERIENCE, MODEL_TUNING] }));
    const pages = model.policies.filter(p => p.name.includes('/pages/'));
    expect(pages.map(p => p.name).sort()).toEqual([
      'bailian-platform/cn-beijing/prod/pages/model-experience', 'bailian-platform/cn-beijing/prod/pages/model-experience+model-tuning',
    ]);
    expect(pages.map(p => p.parsed?.statements.length).sort()).toEqual([1, 2]);
    const page = (name: string) => model.whoCan({ action: 'bailian-platform:UsePage', resource: `acs:bailian-platform:cn-beijing:*:workspace/prod/page/${name}` })
      .map(a => describePrincipal(a.principal)).sort();
    // alice is super admin: every page of every workspace.
    expect(page('model-experience')).toEqual(['alibaba:user/alice', 'alibaba:user/bob', 'alibaba:user/carol']);
    expect(page('model-tuning')).toEqual(['alibaba:user/alice', 'alibaba:user/bob']);
    expect(page('my-models')).toEqual(['alibaba:user/alice']);
    const carol = model.can(model.findPrincipal('user/carol'),
      { action: 'bailian-platform:UsePage', resource: 'acs:bailian-platform:cn-beijing:*:workspace/prod/page/model-experience' });
    expect(carol.decision).toBe(Decision.ALLOW);
    expect(carol.chain.map(c => c.policy)).toEqual(['bailian-platform/cn-beijing/prod/pages/model-experience']);
  });

  const newAccess: Array<[string, Knobs]> = [
    ['a new workspace admin', { admin: true }],
    ['API-key management', { keyManagement: true }],
    ['a console page', { pages: [bailian.BailianPage.MODEL_EXPERIENCE, bailian.BailianPage.MODEL_TUNING] }],
    ['a model on the allowlist', { invoke: ['qwen-max', 'qwen-plus'] }],
    ['a key moved to another workspace', { keyWorkspace: 'dev' }],
    ['a key moved to another owner', { keyOwner: 'carol' }],
  ];
  test.each(newAccess)('diff --fail-on-new-access fails on %s', async (_what, knobs) => {
    const after = synth(knobs);
    const r = await aiam('diff', base, after, '--fail-on-new-access', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).grantedCount).toBeGreaterThan(0);
    expect(diffModels(loadAccessModel(base), loadAccessModel(after)).changes.length).toBeGreaterThan(0);
  });

  test('a raised rate limit is a change but not new access', async () => {
    const r = await aiam('diff', base, synth({ qpm: 700 }), '--fail-on-new-access', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).limitChangeCount).toBeGreaterThan(0);
  });

  test('the report data lists allowlists, rate limits with units and API keys', () => {
    const data = buildReportData(loadAccessModel(base), [base]);
    expect(data.allowlists).toContainEqual(expect.objectContaining({ workspace: 'prod', invoke: 'qwen-max' }));
    expect(data.rateLimits).toEqual([expect.objectContaining({ workspace: 'prod', model: 'qwen-max', qpm: '600 requests/min' })]);
    expect(data.apiKeys).toEqual([expect.objectContaining({ name: 'svc-key', owner: 'ram-user bob', workspace: 'prod' })]);
    // Platform grants are in the principals x services matrix too.
    expect(data.services).toContain('bailian-platform');
  });

  test('graph shows platform policies and the settings entry they come from', async () => {
    const r = await aiam('graph', base);
    expect(r.stdout).toMatch(/platform policy bailian-platform\/cn-beijing\/prod\/member/);
    expect(r.stdout).toMatch(/-->\|"grants"\|/);
  });

  test('no change, no new access', async () => {
    const r = await aiam('diff', base, synth(), '--fail-on-new-access');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no change in effective access: no new access \(compared/);
  });

  test('diff text groups by principal and service, with the coverage', async () => {
    const r = await aiam('diff', base, synth({ admin: true }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^alibaba:user\/bob\n  bailian-platform\n(    [-+~=?] .*\n)*    \+ bailian-platform:WorkspaceAdmin on acs:bailian-platform:cn-beijing:\*:workspace\/prod\n/m);
    expect(r.stdout).toMatch(/\d+ granted, 0 possibly granted, 0 revoked, .* \(compared \d+ requests/);
  });
});

describe('unknowns stay local', () => {
  /** The guide's super admin (AliyunBSSOrderAccess has no public document) next to a veMLP team with a name-only policy. */
  const out = synthesize(app => {
    modelStudioApp()(app);
    const v = new TerraformStack(app, 'volc');
    new volcengine.provider.VolcengineProvider(v, 'p', { region: 'cn-beijing' });
    const dan = new volcengine.iamUser.IamUser(v, 'dan', { userName: 'dan' });
    new volcengine.iamUserPolicyAttachment.IamUserPolicyAttachment(v, 'dan-tos', { userName: dan.userName, policyName: 'TOSFullAccess', policyType: 'System' });
  });
  dirs.push(out);
  const model = loadAccessModel(out);
  const alice = model.findPrincipal('user/alice');

  test('a name-only policy scoped to its services leaves other answers known', () => {
    expect(model.can(alice, { action: 'bailiancontrol:CreateWorkspace' }).decision).toBe(Decision.ALLOW);
    expect(model.can(alice, { action: 'pairec:ListInstances' }).decision).toBe(Decision.IMPLICIT_DENY);
  });

  test('inside its services the answer says what is known: deny unless P allows', () => {
    const a = model.can(alice, { action: 'bss:PayOrder' });
    expect(a.decision).toBe(Decision.UNKNOWN);
    expect(a.openPolicies).toEqual(['AliyunBSSOrderAccess']);
    expect(a.decisionWithoutOpenPolicies).toBe(Decision.IMPLICIT_DENY);
    expect(openDecisionText(a)).toBe('deny unless AliyunBSSOrderAccess allows');
    // AliyunBailianFullAccess allows bss:GetSubscriptionSummary: only a deny in the unknown policy could change it.
    const b = model.can(alice, { action: 'bss:GetSubscriptionSummary' });
    expect(openDecisionText(b)).toBe('allow unless AliyunBSSOrderAccess denies');
  });

  test('who-can for an Alibaba action never lists a Volcengine user as unknown', () => {
    const who = model.whoCan({ action: 'bailiancontrol:CreateWorkspace' }).map(a => `${describePrincipal(a.principal)} ${a.decision}`);
    expect(who).toEqual(['alibaba:user/alice allow']);
    expect(model.whoCan({ action: 'tos:PutObject' }).map(a => describePrincipal(a.principal))).toEqual(['volcengine:user/dan']);
  });

  test('explain JSON carries the decision and the open policies', async () => {
    const r = await aiam('explain', out, '--principal', 'user/alice', '--action', 'bss:GetSubscriptionSummary', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j).toEqual(expect.objectContaining({ decision: 'unknown', openPolicies: ['AliyunBSSOrderAccess'], decisionWithoutOpenPolicies: 'allow' }));
    const t = await aiam('explain', out, '--principal', 'user/alice', '--action', 'bss:GetSubscriptionSummary');
    expect(t.stdout).toMatch(/allow unless AliyunBSSOrderAccess denies/);
  });
});

describe('PAI workspace member roles', () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 'pai');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-hangzhou' });
    const u = new alicloud.ramUser.RamUser(s, 'ann', { name: 'ann' });
    new alicloud.paiWorkspaceMember.PaiWorkspaceMember(s, 'm', { workspaceId: 'ws-123', userId: u.id, roles: ['PAI.AlgoDeveloper'] });
  });
  dirs.push(out);

  test('a member role is a pai-platform grant on the workspace, found by who-can and what-can', () => {
    const model = loadAccessModel(out);
    const ws = 'acs:pai-platform:*:*:workspace/ws-123';
    expect(model.whoCan({ action: 'pai-platform:RoleAlgoDeveloper', resource: ws }).map(a => describePrincipal(a.principal))).toEqual(['alibaba:user/ann']);
    expect(model.whoCan({ action: 'pai-platform:RoleWorkspaceAdmin', resource: ws })).toEqual([]);
    const pai = model.whatCan(model.findPrincipal('user/ann')).services.find(x => x.service === 'pai-platform')!;
    expect(pai.grants.map(g => g.action).sort()).toEqual(['pai-platform:RoleAlgoDeveloper', 'pai-platform:WorkspaceMember']);
  });
});
