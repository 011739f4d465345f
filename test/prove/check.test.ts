import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg } from '../../examples/org/main';
import { Decision, Dialect, evaluate, parsePolicy } from '../../src/policy';
import { shutdownZ3 } from '../../src/prove/z3';
import { aiam } from '../cli/run';

/** `aiam check --prove` on a small Alibaba stack written as Terraform JSON. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-prove-check-'));
afterAll(async () => {
  await shutdownZ3();
  fs.rmSync(dir, { recursive: true, force: true });
});

const POLICIES: Record<string, object[]> = {
  'everything': [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  'users-admin': [{ Effect: 'Allow', Action: ['ram:CreateUser', 'ram:UpdateUser'], Resource: 'acs:ram:*:*:user/*' }],
  'own-keys': [{ Effect: 'Allow', Action: ['ram:CreateAccessKey', 'ram:List*'], Resource: 'acs:ram:*:*:user/carol' }],
};
const USERS: Record<string, string> = { root: 'everything', bob: 'users-admin', carol: 'own-keys', dan: 'everything' };

function stack(): string {
  const resource: Record<string, Record<string, object>> = {
    alicloud_ram_user: {}, alicloud_ram_policy: {}, alicloud_ram_user_policy_attachment: {},
  };
  for (const [name, st] of Object.entries(POLICIES)) {
    resource.alicloud_ram_policy[name] = { policy_name: name, policy_document: JSON.stringify({ Version: '1', Statement: st }) };
  }
  for (const [user, policy] of Object.entries(USERS)) {
    resource.alicloud_ram_user[user] = { name: user };
    resource.alicloud_ram_user_policy_attachment[user] = { user_name: user, policy_name: policy, policy_type: 'Custom' };
  }
  const file = path.join(dir, 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify({ terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version: '1.289.0' } } }, resource }));
  return file;
}

test('check --prove: full admin and IAM writes on others are violations, writes on oneself are not', async () => {
  const r = await aiam('check', '--prove', stack(), '--admin', 'user/root', '--format', 'json');
  expect(r.stderr).toBe('');
  type Result = { property: string; principal: string; status: string; witness?: { action: string; resource?: string } };
  const report = JSON.parse(r.stdout) as { results: Result[] };
  const status = (property: string, user: string) => report.results.find(x => x.property === property && x.principal === `alibaba:user/${user}`)?.status;
  expect(status('no-full-admin', 'dan')).toBe('violated');
  expect(status('no-full-admin', 'bob')).toBe('holds');
  expect(status('no-full-admin', 'root')).toBeUndefined(); // designated admin
  expect(status('no-iam-write-on-others', 'bob')).toBe('violated');
  expect(status('no-iam-write-on-others', 'carol')).toBe('holds');
  const bob = report.results.find(x => x.property === 'no-iam-write-on-others' && x.principal === 'alibaba:user/bob')!;
  expect(bob.witness!.resource).toMatch(/^acs:ram:.*:user\/(?!bob$)/);
  // The witness is a request the evaluator allows.
  expect(evaluate(Dialect.ALIBABA_RAM,
    [parsePolicy(Dialect.ALIBABA_RAM, 'p', { Version: '1', Statement: POLICIES['users-admin'] })], bob.witness!).decision).toBe(Decision.ALLOW);
  expect(r.code).toBe(1);
});

describe('check --prove on the example organisation', () => {
  const outdir = path.join(dir, 'org');
  const app = new App({ outdir });
  buildOrg(app);
  app.synth();
  const volc = path.join(outdir, 'stacks', 'volcengine-ai', 'cdk.tf.json');
  type Results = { results: Array<{ property: string; principal: string; status: string }> };
  const property = (json: string, user: string) => (JSON.parse(json) as Results).results
    .filter(r => r.property === 'queue-members-by-admins-only' && r.principal === `volcengine:user/${user}`).map(r => r.status);

  test('queue members cannot manage their queue: proven', async () => {
    const r = await aiam('check', '--prove', volc, '--format', 'json');
    expect(property(r.stdout, 'dave')).toEqual(['holds', 'holds']);
    expect(r.code).toBe(0);
  });

  test('a member who may add users to the developer group breaks it, with a witness', async () => {
    const doc = JSON.parse(fs.readFileSync(volc, 'utf8'));
    const editor = { Statement: [{ Effect: 'Allow', Action: ['iam:AddUserToGroup'], Resource: ['*'] }] };
    doc.resource.volcengine_iam_policy.extra = { policy_name: 'group-editor', policy_document: JSON.stringify(editor) };
    doc.resource.volcengine_iam_user_policy_attachment.extra = { policy_name: 'group-editor', policy_type: 'Custom', user_name: 'dave' };
    const file = path.join(dir, 'volc-after.tf.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = await aiam('check', '--prove', file, '--format', 'json');
    expect(property(r.stdout, 'dave')).toEqual(['violated', 'violated']);
    expect(property(r.stdout, 'carol')).toEqual(['holds', 'holds']);
    expect(r.code).toBe(1);
  });
});
