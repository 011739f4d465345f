import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg } from '../../examples/org/main';
import { loadAccessModel } from '../../src/model';
import { Decision } from '../../src/policy';
import { compilePolicies } from '../../src/policy/evaluate';
import { effectivePolicies } from '../../src/prove/diff';
import { shutdownZ3 } from '../../src/prove/z3';
import { aiam } from '../cli/run';

/** `aiam diff --prove` on the example organisation's Alibaba stack, before and after one edit of its JSON. */
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-prove-'));
const app = new App({ outdir });
buildOrg(app);
app.synth();
const base = path.join(outdir, 'stacks', 'alibaba-ai', 'cdk.tf.json');
let n = 0;

type Stack = { resource: Record<string, Record<string, Record<string, unknown>>> };
function variant(edit: (s: Stack) => void): string {
  const s = JSON.parse(fs.readFileSync(base, 'utf8')) as Stack;
  edit(s);
  const file = path.join(outdir, `v${n++}.tf.json`);
  fs.writeFileSync(file, JSON.stringify(s));
  return file;
}
const policy = (s: Stack) => s.resource.alicloud_ram_policy['pairec-read'];
const setStatements = (s: Stack, st: object[]) => { policy(s).policy_document = JSON.stringify({ Version: '1', Statement: st }); };
const READ = { Effect: 'Allow', Action: ['pairec:Get*', 'pairec:List*'], Resource: '*' };
const DENY = { Effect: 'Deny', Action: 'pairec:GetSecret*', Resource: '*' };

afterAll(async () => {
  await shutdownZ3();
  fs.rmSync(outdir, { recursive: true, force: true });
});

async function prove(before: string, after: string) {
  const r = await aiam('diff', '--prove', before, after, '--format', 'json');
  expect(r.stderr).toBe('');
  type Witness = { action: string; resource?: string; context?: Record<string, string | string[]> };
  return { code: r.code, report: JSON.parse(r.stdout) as { proofs: Array<{ principal: string; status: string; witness?: Witness }> } };
}

/** The witness is a request the evaluator allows after and not before, for that principal. */
function expectWitness(report: Awaited<ReturnType<typeof prove>>['report'], principal: string, before: string, after: string, action: RegExp) {
  const p = report.proofs.find(x => x.principal === principal)!;
  expect(p.status).toBe('witness');
  expect(p.witness!.action).toMatch(action);
  const decide = (file: string) => {
    const m = loadAccessModel(file);
    const who = m.findPrincipal(principal.replace(/^alibaba:/, ''));
    return compilePolicies(m.policies[0]?.dialect ?? ('alibaba-ram' as never), effectivePolicies(m, who)).evaluate(p.witness!).decision;
  };
  expect(decide(after)).toBe(Decision.ALLOW);
  expect(decide(before)).not.toBe(Decision.ALLOW);
  for (const other of report.proofs) if (other.principal !== principal) expect(other.status).toBe('proven');
}

describe('diff --prove finds new access', () => {
  test('a direct grant', async () => {
    const after = variant(s => {
      s.resource.alicloud_ram_user_policy_attachment.extra = { policy_name: 'AliyunBailianFullAccess', policy_type: 'System', user_name: 'alice' };
    });
    const { code, report } = await prove(base, after);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/alice', base, after, /^sfm:|^bailian|:/);
  });

  test('a new group membership', async () => {
    const after = variant(s => {
      s.resource.alicloud_ram_user_group_attachment['frank-analyst'] = { group_name: 'pairec-analysts', user_name: 'frank' };
    });
    const { code, report } = await prove(base, after);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/frank', base, after, /^pairec:(get|list)/);
  });

  test('a widened wildcard', async () => {
    const after = variant(s => setStatements(s, [{ ...READ, Action: ['pairec:Get*', 'pairec:List*', 'pairec:Describe*'] }]));
    const { code, report } = await prove(base, after);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/alice', base, after, /^pairec:describe/);
  });

  test('a removed Deny', async () => {
    const before = variant(s => setStatements(s, [READ, DENY]));
    const { code, report } = await prove(before, base);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/alice', before, base, /^pairec:getsecret/);
  });

  test('a relaxed condition', async () => {
    const cond = (cidr: string) => ({ ...READ, Condition: { IpAddress: { 'acs:SourceIp': [cidr] } } });
    const before = variant(s => setStatements(s, [cond('10.0.0.0/16')]));
    const after = variant(s => setStatements(s, [cond('10.0.0.0/8')]));
    const { code, report } = await prove(before, after);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/alice', before, after, /^pairec:(get|list)/);
    const ip = [report.proofs.find(p => p.status === 'witness')!.witness!.context!['acs:SourceIp']].flat();
    expect(ip.some(v => v.startsWith('10.') && !v.startsWith('10.0.'))).toBe(true);
  });

  test('a new workspace admin', async () => {
    const after = variant(s => {
      const input = s.resource.terraform_data.chatbot_prod_Settings_73BE84A1.input as { settings: { members: Array<{ admin: boolean }> } };
      input.settings.members.forEach(m => { m.admin = true; });
    });
    const { code, report } = await prove(base, after);
    expect(code).toBe(1);
    expectWitness(report, 'alibaba:user/frank', base, after, /^bailian-platform:/);
  });
});

describe('diff --prove proves refactors', () => {
  test('splitting a policy in two', async () => {
    const after = variant(s => {
      setStatements(s, [{ ...READ, Action: ['pairec:Get*'] }]);
      s.resource.alicloud_ram_policy['pairec-list'] = { policy_name: 'pairec-list', policy_document: JSON.stringify({ Version: '1', Statement: [{ ...READ, Action: 'pairec:List*' }] }) };
      s.resource.alicloud_ram_group_policy_attachment['analysts-list'] = { group_name: 'pairec-analysts', policy_name: 'pairec-list', policy_type: 'Custom' };
    });
    const { code, report } = await prove(base, after);
    expect(report.proofs.every(p => p.status === 'proven')).toBe(true);
    expect(code).toBe(0);
  });

  test('reordering statements', async () => {
    const before = variant(s => setStatements(s, [READ, DENY]));
    const after = variant(s => setStatements(s, [DENY, { ...READ, Action: ['pairec:List*', 'pairec:Get*'] }]));
    const { code } = await prove(before, after);
    expect(code).toBe(0);
  });

  test('renaming a group with the same members', async () => {
    const after = variant(s => { s.resource.alicloud_ram_group.analysts.group_name = 'pairec-readers'; });
    const { code, report } = await prove(base, after);
    expect(report.proofs.map(p => p.status)).not.toContain('witness');
    expect(code).toBe(0);
  });

  test('a policy whose content is unknown: not proven, exit 4, never proven', async () => {
    const after = variant(s => {
      s.resource.alicloud_ram_user_policy_attachment.extra = { policy_name: 'AliyunNoSuchPolicyInTheCatalog', policy_type: 'System', user_name: 'alice' };
    });
    const { code, report } = await prove(base, after);
    const alice = report.proofs.find(p => p.principal === 'alibaba:user/alice')! as { status: string; reason?: string };
    expect(alice.status).toBe('not-proven');
    expect(alice.reason).toMatch(/AliyunNoSuchPolicyInTheCatalog/);
    expect(code).toBe(4);
  });

  test('bad input: exit 2 naming the file', async () => {
    const r = await aiam('diff', '--prove', base, path.join(outdir, 'missing.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json');
  });
});
