import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { alicloud } from '../../src';
import { aiam } from '../cli/run';
import { ramPolicy, synthesize } from '../model/fixtures';

const PLAN = path.join(__dirname, '..', 'fixtures', 'plans', 'alibaba-plan.json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-preflight-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function deployerFile(policies: object[]): string {
  const f = path.join(dir, `deployer-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, JSON.stringify({ policies }));
  return f;
}

test('a read-only deployer lacks every write in the plan, each with the action it needs; exit 1', async () => {
  const r = await aiam('preflight', PLAN, '--deployer-policies', deployerFile([{ dialect: 'alibaba-ram', systemPolicy: 'AliyunRAMReadOnlyAccess' }]), '--format', 'json');
  expect(r.code).toBe(1);
  const missing = JSON.parse(r.stdout).missing;
  expect(missing).toContainEqual(expect.objectContaining({ address: 'alicloud_ram_group.analysts', change: 'create', action: 'ram:CreateGroup', decision: 'implicit-deny' }));
  expect(missing).toContainEqual(expect.objectContaining({ address: 'alicloud_ram_user_policy_attachment.alice_admin', change: 'delete', action: 'ram:DetachPolicyFromUser' }));
  // no-op changes need nothing
  expect(missing.map((m: any) => m.address)).not.toContain('alicloud_ram_user.bob');
});

test('a deployer with ram:* can make every change; exit 0', async () => {
  const file = deployerFile([{ dialect: 'alibaba-ram', name: 'deployer', document: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'ram:*', Resource: '*' }] } }]);
  const r = await aiam('preflight', PLAN, '--deployer-policies', file);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('the deployer can make every change\n');
});

test('--deployer names a principal of the same synthesized input', async () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 's');
    new alicloud.provider.AlicloudProvider(s, 'p', {});
    const ci = new alicloud.ramUser.RamUser(s, 'ci', { name: 'ci-deployer' });
    const p = ramPolicy(s, 'deploy', 'deploy-users', [{ Effect: 'Allow', Action: ['ram:CreateUser', 'ram:CreatePolicy'], Resource: '*' }]);
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: ci.name, policyName: p.policyName, policyType: 'Custom' });
  });
  const r = await aiam('preflight', out, '--deployer', 'user/ci-deployer', '--format', 'json');
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).missing.map((m: any) => m.action)).toEqual(['ram:AttachPolicyToUser']);
});

test('bad deployer file: exit 2 with file and pointer', async () => {
  const r = await aiam('preflight', PLAN, '--deployer-policies', deployerFile([{ dialect: 'aws', name: 'x' }]));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/\/policies\/0\/dialect: unknown dialect "aws"\. Fix:/);
});
