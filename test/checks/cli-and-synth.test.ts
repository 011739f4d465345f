import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { App, Testing, TerraformStack } from 'cdktf';
import { AiamRules, AiamSuppressions, AiPlatformPack, alicloud, AlibabaCloudPack, CheckContext, Checks, IRule, RuleFinding, RuleCloud, RulePack, Severity, volcengine, VolcenginePack } from '../../src';
import { runChecks } from '../../src/checks';
import { loadAccessModel } from '../../src/model';
import { aiamMatchers } from '../../src/testing';
import { aiam } from '../cli/run';
import { ramPolicy, synthesize } from '../model/fixtures';

expect.extend(aiamMatchers);

function brokenStack(app: App, id = 'broken'): TerraformStack {
  const s = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
  const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'intern' });
  const p = ramPolicy(s, 'admin', 'everything', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'att', { userName: u.name, policyName: p.policyName, policyType: 'Custom' });
  ramPolicy(s, 'typo', 'typo', [{ Effect: 'Allow', Action: 'pairec:ListInstance', Resource: '*' }]);
  return s;
}

describe('aiam check', () => {
  const out = synthesize(app => { brokenStack(app); });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('a broken stack produces the expected findings with exit 1', async () => {
    const r = await aiam('check', out, '--format', 'json');
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.stdout).findings.map((f: any) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['AIAM-IAM-001', 'AIAM-IAM-002', 'AIAM-ACT-001']));
  });

  test('SARIF output is valid against the SARIF 2.1.0 schema', async () => {
    const r = await aiam('check', out, '--format', 'sarif');
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema's `language` pattern is not valid in unicode mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(r.stdout);
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^broken\//);
  });

  test('JUnit output: one failure per unsuppressed error, a passing case per clean rule', async () => {
    const r = await aiam('check', out, '--format', 'junit');
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="aiam check" tests="\d+" failures="[1-9]\d*"/);
    expect(r.stdout).toMatch(/<testsuite name="AIAM-POL-001" tests="1" failures="0" errors="0" skipped="0">\n {4}<testcase classname="AIAM-POL-001" name="no findings"\/>/);
    expect(r.stdout).toContain('<failure message="');
  });

  test('--min-severity and --admin', async () => {
    const r = await aiam('check', out, '--format', 'json', '--min-severity', 'error', '--admin', 'user/intern');
    const findings = JSON.parse(r.stdout).findings;
    expect(findings.every((f: any) => f.severity === 'error')).toBe(true);
    expect(findings.map((f: any) => f.ruleId)).not.toContain('AIAM-IAM-001');
  });

  test('a suppressions file (plan-only users) marks findings suppressed; they stay in the report', async () => {
    const file = path.join(out, 'suppressions.json');
    fs.writeFileSync(file, JSON.stringify({
      version: 1,
      suppressions: [
        { rule: 'AIAM-IAM-001', address: 'alicloud_ram_user_policy_attachment.*', reason: 'temporary admin for the migration' },
        { rule: 'AIAM-IAM-002', reason: 'temporary admin for the migration' },
        { rule: 'AIAM-ACT-001', reason: 'catalog lags the API' },
      ],
    }));
    const r = await aiam('check', out, '--format', 'json', '--suppressions', file);
    const json = JSON.parse(r.stdout);
    expect(json.summary.errors).toBe(0);
    expect(json.summary.suppressed).toBeGreaterThanOrEqual(3);
    expect(json.findings.find((f: any) => f.ruleId === 'AIAM-IAM-001').suppressed.reason).toBe('temporary admin for the migration');
    expect(r.code).toBe(0);
  });

  test('a suppression without a reason is exit 2 naming the file and pointer', async () => {
    const file = path.join(out, 'bad-suppressions.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, suppressions: [{ rule: 'AIAM-IAM-001' }] }));
    const r = await aiam('check', out, '--suppressions', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-suppressions\.json: \/suppressions\/0\/reason: missing reason\. Fix:/);
  });
});

describe('synth-time checks', () => {
  test('Checks.of(app).add(pack): error findings fail synth with a readable list', () => {
    const app = new App({ outdir: fs.mkdtempSync('/tmp/aiam-synth-') });
    Checks.of(app).add(new AiPlatformPack());
    brokenStack(app);
    expect(() => app.synth()).toThrow(/\[broken\/att\] AIAM-IAM-001 Full-admin grant outside a designated admin: alibaba:user\/intern gets "\*"[^\n]*Fix:/);
  });

  test('a pack added before the stack is built fails Testing.fullSynth and Testing.synth(stack, true)', () => {
    const app = Testing.app();
    Checks.of(app).add(new AiPlatformPack());
    const s = brokenStack(app);
    expect(() => Testing.fullSynth(s)).toThrow(/\[broken\/att\] AIAM-IAM-001/);
    const s2 = brokenStack(app, 'later');
    expect(() => Testing.synth(s2, true)).toThrow(/\[later\/att\] AIAM-IAM-001/);
  });

  test('Checks.of(stack) after the stack is built, and warnings become annotations on the construct', () => {
    const app = Testing.app();
    const s = new TerraformStack(app, 'svc');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
    const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'ops' });
    const p = ramPolicy(s, 'pairec', 'pairec-all', [{ Effect: 'Allow', Action: 'pairec:*', Resource: '*' }]);
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'att', { userName: u.name, policyName: p.policyName, policyType: 'Custom' });
    Checks.of(s).add(new AiPlatformPack());
    Testing.fullSynth(s);
    Testing.fullSynth(s);
    const warnings = s.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === '@cdktf/warn').map(m => [c.node.path, String(m.data)]));
    expect(warnings).toEqual([['svc/att', expect.stringMatching(/^AIAM-IAM-001 .*"pairec:\*"/)]]);
  });

  test('a pack runs only its rules: a custom rule in a custom pack, next to a built-in one', () => {
    class TeamPrefix implements IRule {
      public readonly id = 'ACME-001';
      public readonly severity = Severity.ERROR;
      public readonly title = 'Custom policy without the acme- prefix';
      public readonly description = 'Custom policies are named acme-*.';
      public readonly fix = 'rename the policy';
      public check(context: CheckContext): RuleFinding[] {
        return context.policies.filter(p => p.custom && !p.name.startsWith('acme-')).map(p => ({ message: `policy ${p.name}`, location: p.location }));
      }
    }
    const app = Testing.app();
    const s = brokenStack(app);
    const pack = new RulePack({ name: 'acme', rules: [new TeamPrefix(), AiamRules.byId('AIAM-ACT-001')] });
    expect(pack.ruleIds).toEqual(['ACME-001', 'AIAM-ACT-001']);
    Checks.of(app).add(pack);
    let message = '';
    try { Testing.fullSynth(s); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/\[broken\/admin\] ACME-001 Custom policy without the acme- prefix: policy everything/);
    expect(message).not.toMatch(/AIAM-IAM-001/);
    expect(() => pack.addRule(new TeamPrefix())).toThrow(/ACME-001 is already in the pack/);
  });

  test('a stack without resources has nothing to check', () => {
    const app = Testing.app();
    Checks.of(app).add(new AiPlatformPack());
    const s = new TerraformStack(app, 'empty');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
    expect(() => Testing.fullSynth(s)).not.toThrow();
  });

  test('a cloud pack\'s rules see only their cloud', () => {
    const seen: string[][] = [];
    const spy: IRule = {
      id: 'SPY-001',
      severity: Severity.INFO,
      title: 't',
      description: 'd',
      fix: 'f',
      check: (context: CheckContext) => { seen.push(context.principals.map(p => p.cloud)); return []; },
    };
    const out = synthesize(app => {
      brokenStack(app);
      const v = new TerraformStack(app, 'v');
      new volcengine.provider.VolcengineProvider(v, 'p', { region: 'cn-beijing' });
      new volcengine.iamUser.IamUser(v, 'u', { userName: 'vu' });
    });
    try {
      const model = loadAccessModel(out);
      runChecks(model, [new RulePack({ name: 'ali', rules: [spy], clouds: [RuleCloud.ALIBABA] }), new RulePack({ name: 'all', rules: [spy] })]);
      expect(seen.map(cs => [...new Set(cs)].sort())).toEqual([['alibaba'], ['alibaba', 'volcengine']]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('cloud packs choose their rules', () => {
    const ali = new AlibabaCloudPack().ruleIds;
    expect(ali).toContain('AIAM-BAILIAN-001');
    expect(ali).not.toContain('AIAM-VEMLP-001');
    expect(new VolcenginePack().ruleIds).not.toContain('AIAM-BAILIAN-001');
    expect(new AiPlatformPack().ruleIds).toEqual(AiamRules.all().map(r => r.id));
  });

  test('construct suppressions with a reason let synth pass and are kept in the synthesized JSON', () => {
    const app = new App({ outdir: fs.mkdtempSync('/tmp/aiam-synth-') });
    Checks.of(app).add(new AiPlatformPack());
    const s = brokenStack(app);
    AiamSuppressions.addSuppressions(s, [
      { id: 'AIAM-IAM-001', reason: 'sandbox account' }, { id: 'AIAM-IAM-002', reason: 'sandbox account' }, { id: 'AIAM-ACT-001', reason: 'new API' },
    ]);
    expect(() => app.synth()).not.toThrow();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'broken', 'cdk.tf.json'), 'utf8'));
    expect(json.resource.alicloud_ram_user_policy_attachment.att['//'].aiam.suppressions).toContainEqual({ id: 'AIAM-IAM-001', reason: 'sandbox account', scope: 'broken' });
  });

  test('a suppression without a reason is a construct error naming the path', () => {
    const app = new App();
    const s = new TerraformStack(app, 'x');
    expect(() => AiamSuppressions.addSuppressions(s, [{ id: 'AIAM-IAM-001', reason: '' }])).toThrow(/^x: suppression of "AIAM-IAM-001" has no reason\. Fix:/);
  });
});

describe('jest matchers', () => {
  const app = new App({ outdir: fs.mkdtempSync('/tmp/aiam-match-') });
  const s = new TerraformStack(app, 'team');
  new alicloud.provider.AlicloudProvider(s, 'p', {});
  const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'analyst' });
  const p = ramPolicy(s, 'read', 'pairec-read', [{ Effect: 'Allow', Action: ['pairec:ListInstances', 'pairec:GetInstance'], Resource: '*' }]);
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: p.policyName, policyType: 'Custom' });

  test('toAllow / toDeny / toGrantExactly / toHaveNoFindings', () => {
    expect(s).toAllow('user/analyst', 'pairec:ListInstances');
    expect(s).toDeny('user/analyst', 'pairec:DeleteInstanceResource');
    expect(s).not.toAllow('user/analyst', 'pairec:DeleteInstanceResource');
    expect(s).toGrantExactly('user/analyst', ['pairec:ListInstances', 'pairec:GetInstance']);
    expect(s).not.toGrantExactly('user/analyst', ['pairec:ListInstances']);
    expect(s).toHaveNoFindings();
  });

  test('failure messages explain the decision', () => {
    const r = aiamMatchers.toAllow(s, 'user/analyst', 'pairec:DeleteInstanceResource');
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/expected user\/analyst to be allowed pairec:DeleteInstanceResource\ndecision: implicit-deny/);
  });
});
