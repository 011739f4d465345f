// A consumer app run against the packed tarball (by test/packaging/consumer.test.ts), with cdktf or with cdktn
// installed as `cdktf`. Prints one JSON object of observations; the test asserts on them.
const { App, TerraformStack, Testing } = require('cdktf');
const {
  AiamRules, AiamSuppressions, AiPlatformPack, alicloud, bailian, Checks, pai, ram, RulePack, Severity, vemlp, volcengine, volcengine_iam,
} = require('cdktf-aiam');

const out = {};
const failure = fn => { try { fn(); return ''; } catch (e) { return e.message; } };
const warnings = stack => stack.node.findAll()
  .flatMap(c => c.node.metadata.filter(m => m.type === '@cdktf/warn').map(m => `${c.node.path}: ${String(m.data).split(' ')[0]}`));

// 1. An app synthesized to disk, then read back by the access model and the CLI.
const app = new App({ outdir: 'cdktf.out' });
Checks.of(app).add(new AiPlatformPack());
const volc = new TerraformStack(app, 'volc');
new volcengine.provider.VolcengineProvider(volc, 'p', { region: 'cn-beijing' });
const queue = new vemlp.ResourceQueueWithGroups(volc, 'q', {
  queueId: 'q-1', accountId: '2100000001', members: [new volcengine_iam.VolcIamUser(volc, 'bob', { userName: 'bob' })],
});
const ali = new TerraformStack(app, 'ali');
new alicloud.provider.AlicloudProvider(ali, 'p', { region: 'cn-beijing' });
const envs = new bailian.ProductionWorkspaceSet(ali, 'envs', {
  project: 'demo', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 },
});
const u = new ram.RamUser(ali, 'u', { userName: 'u' });
// 2. Grants are returned and list what they created.
out.grants = {
  invoke: envs.prod.grantModelInvoke(u, { models: ['qwen-max'] }).created.map(c => c.node.path),
  queue: queue.grant.created.map(c => c.node.path),
  pai: new pai.PaiAccess(ali, 'eas', { principal: u, bundle: pai.PaiAccessBundle.EAS_FULL }).grant.policyNames,
};
app.synth();
const { loadAccessModel } = require('cdktf-aiam/lib/model');
const m = loadAccessModel('cdktf.out');
out.decision = m.can(m.findPrincipal('user/bob'), {
  action: 'ml_platform:CreateJob', resource: 'trn:ml_platform:cn-beijing:2100000001:resourcequeue/q-1',
}).decision;

// 3. A pack added before the stack is built: Testing.fullSynth fails on a "*" grant.
const app2 = Testing.app();
Checks.of(app2).add(new AiPlatformPack());
const s2 = new TerraformStack(app2, 'later');
new alicloud.provider.AlicloudProvider(s2, 'p', { region: 'cn-beijing' });
const intern = new ram.RamUser(s2, 'intern', { userName: 'intern' });
intern.attachPolicy(new ram.RamCustomPolicy(s2, 'all', { policyName: 'everything', statements: [{ actions: ['*'] }] }));
out.fullSynthStar = failure(() => Testing.fullSynth(s2));

// 4. A suppression on a persona covers the attachments it created.
const personaWarnings = suppress => {
  const a = Testing.app();
  Checks.of(a).add(new AiPlatformPack());
  const s = new TerraformStack(a, 'rec');
  new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
  const persona = new pai.PaiRecAccess(s, 'ops', { principal: new ram.RamUser(s, 'bob', { userName: 'bob' }), level: pai.PaiRecAccessLevel.ADMIN });
  if (suppress) AiamSuppressions.addSuppressions(persona, [{ id: 'AIAM-IAM-001', reason: 'PAI-Rec owner by design' }]);
  Testing.fullSynth(s);
  return warnings(s);
};
out.persona = { unsuppressed: personaWarnings(false), suppressed: personaWarnings(true) };

// 5. A custom rule (plain object: what a jsii user in any language writes) in a custom pack.
const a5 = Testing.app();
const rule = {
  id: 'ACME-001', severity: Severity.ERROR, title: 'Policy without the acme- prefix', description: 'd', fix: 'rename',
  check: ctx => ctx.policies.filter(p => p.custom && !p.name.startsWith('acme-')).map(p => ({ message: `policy ${p.name}`, location: p.location })),
};
Checks.of(a5).add(new RulePack({ name: 'acme', rules: [rule, AiamRules.byId('AIAM-ACT-001')] }));
const s5 = new TerraformStack(a5, 'team');
new alicloud.provider.AlicloudProvider(s5, 'p', { region: 'cn-beijing' });
new ram.RamCustomPolicy(s5, 'read', { policyName: 'pairec-read', statements: [{ actions: ['pairec:ListInstances'] }] });
out.customRule = failure(() => Testing.fullSynth(s5));

console.log(JSON.stringify(out));
