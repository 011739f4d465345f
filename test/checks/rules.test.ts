import * as fs from 'fs';
import { App, TerraformHclModule, TerraformStack } from 'cdktf';
import { alicloud, huaweicloud } from '../../src';
import { AiPlatformPack, runChecks } from '../../src/checks';
import { loadAccessModel } from '../../src/model';
import { ramPolicy, synthesize } from '../model/fixtures';

/** A stack with one user; `extra` adds what the rule is about. Returns the rule ids found. */
function findingsFor(extra: (s: TerraformStack, user: alicloud.ramUser.RamUser) => void, admins: string[] = []): string[] {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 's');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-beijing' });
    const user = new alicloud.ramUser.RamUser(s, 'u', { name: 'dev1' });
    extra(s, user);
  });
  try {
    return runChecks(loadAccessModel(out), [new AiPlatformPack()], { designatedAdmins: admins }).findings.map(f => f.ruleId);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function attach(s: TerraformStack, user: alicloud.ramUser.RamUser, id: string, statements: object[], name = id): void {
  const p = ramPolicy(s, id, name, statements);
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, `${id}-att`, { userName: user.name, policyName: p.policyName, policyType: 'Custom' });
}

const READ = { Effect: 'Allow', Action: ['pairec:Get*', 'pairec:List*'], Resource: '*' };

const CASES: Array<[string, (s: TerraformStack, u: alicloud.ramUser.RamUser) => void, (s: TerraformStack, u: alicloud.ramUser.RamUser) => void]> = [
  ['AIAM-POL-001', (s, u) => attach(s, u, 'big', Array.from({ length: 80 }, (_, i) => ({ Effect: 'Allow', Action: `pairec:GetExperiment${'x'.repeat(40)}${i}`, Resource: '*' }))),
    (s, u) => attach(s, u, 'small', [READ])],
  ['AIAM-POL-002', (s, u) => { for (let i = 0; i < 11; i++) attach(s, u, `p${i}`, [READ]); }, (s, u) => { for (let i = 0; i < 10; i++) attach(s, u, `p${i}`, [READ]); }],
  ['AIAM-NAME-001', (s) => { new alicloud.ramGroup.RamGroup(s, 'g', { groupName: 'bad name!' }); }, (s) => { new alicloud.ramGroup.RamGroup(s, 'g', { groupName: 'good-name' }); }],
  ['AIAM-IAM-001', (s, u) => attach(s, u, 'admin', [{ Effect: 'Allow', Action: '*', Resource: '*' }]), (s, u) => attach(s, u, 'read', [READ])],
  ['AIAM-IAM-002', (s, u) => attach(s, u, 'ram', [{ Effect: 'Allow', Action: 'ram:AttachPolicyToUser', Resource: '*' }]),
    (s, u) => attach(s, u, 'ram', [{ Effect: 'Allow', Action: ['ram:Get*', 'ram:List*'], Resource: '*' }])],
  ['AIAM-RES-001', (s, u) => attach(s, u, 'scoped', [{ Effect: 'Allow', Action: 'pairec:ListInstances', Resource: 'acs:pairec:cn-beijing:123:instance/pairec-1' }]),
    (s, u) => attach(s, u, 'scoped', [{ Effect: 'Allow', Action: 'pairec:ListInstances', Resource: '*' }])],
  ['AIAM-ACT-001', (s, u) => attach(s, u, 'typo', [{ Effect: 'Allow', Action: 'pairec:ListInstance', Resource: '*' }]),
    (s, u) => attach(s, u, 'typo', [{ Effect: 'Allow', Action: 'pairec:ListInstances', Resource: '*' }])],
  ['AIAM-POL-003', (s, u) => attach(s, u, 'deny', [{ Effect: 'Deny', Action: 'pairec:Delete*', Resource: '*' }]),
    (s, u) => attach(s, u, 'deny', [READ, { Effect: 'Deny', Action: 'pairec:Delete*', Resource: '*' }])],
  ['AIAM-POL-004', (s, u) => attach(s, u, 'shadow', [{ Effect: 'Allow', Action: 'pairec:GetInstance', Resource: '*' }, { Effect: 'Deny', Action: 'pairec:Get*', Resource: '*' }]),
    (s, u) => attach(s, u, 'shadow', [{ Effect: 'Allow', Action: 'pairec:GetInstance', Resource: '*' }, { Effect: 'Deny', Action: 'pairec:Delete*', Resource: '*' }])],
  ['AIAM-POL-005', (s, u) => attach(s, u, 'dup', [READ, { ...READ, Action: ['pairec:List*', 'pairec:Get*'] }]), (s, u) => attach(s, u, 'dup', [READ])],
  ['AIAM-REF-001', (s, u) => { new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: '${alicloud_ram_policy.nope.policy_name}', policyType: 'Custom' }); },
    (s, u) => attach(s, u, 'ok', [READ])],
  ['AIAM-REF-002', (s, u) => { new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: 'AliyunBailianFulAccess', policyType: 'System' }); },
    (s, u) => { new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: 'AliyunBailianFullAccess', policyType: 'System' }); }],
  ['AIAM-REF-003', (s, u) => attach(s, u, 'bad', [{ Effect: 'Permit', Action: '*', Resource: '*' }]), (s, u) => attach(s, u, 'bad', [READ])],
  ['AIAM-REF-004', (s) => { new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: '${var.who}', policyName: 'AliyunBSSReadOnlyAccess', policyType: 'System' }); },
    (s) => { new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: 'dev1', policyName: 'AliyunBSSReadOnlyAccess', policyType: 'System' }); }],
  ['AIAM-REF-005', (s) => { new TerraformHclModule(s, 'ram', { source: 'terraform-alicloud-modules/ram/alicloud', version: '1.0.0' }); },
    (s, u) => attach(s, u, 'ok', [READ])],
];

describe.each(CASES)('%s', (ruleId, fires, clean) => {
  test('fires', () => expect(findingsFor(fires)).toContain(ruleId));
  test('does not fire', () => expect(findingsFor(clean)).not.toContain(ruleId));
});

test('AIAM-IAM-002 finds a grant on the principal itself (resource-specific), and not one on someone else', () => {
  const on = (resource: string) => (s: TerraformStack, u: alicloud.ramUser.RamUser) =>
    attach(s, u, 'self', [{ Effect: 'Allow', Action: 'ram:AttachPolicyToUser', Resource: resource }]);
  expect(findingsFor(on('acs:ram:*:*:user/dev1'))).toContain('AIAM-IAM-002');
  expect(findingsFor(on('acs:ram:*:*:user/someone-else'))).not.toContain('AIAM-IAM-002');
});

test('AIAM-IAM-001 respects designated admins', () => {
  const admin = (s: TerraformStack, u: alicloud.ramUser.RamUser) => attach(s, u, 'admin', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  expect(findingsFor(admin, ['user/dev1'])).not.toContain('AIAM-IAM-001');
});

test('AIAM-RES-001 on Huawei: a Resource in a modelarts statement never matches', () => {
  const out = synthesize((app: App) => {
    const s = new TerraformStack(app, 'hw');
    new huaweicloud.provider.HuaweicloudProvider(s, 'p', {});
    new huaweicloud.identityRole.IdentityRole(s, 'r', {
      name: 'scoped',
      description: 'd',
      type: 'XA',
      policy: JSON.stringify({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['modelarts:notebook:list'], Resource: ['modelarts:*:*:notebook:nb-1'] }] }),
    });
  });
  expect(runChecks(loadAccessModel(out), [new AiPlatformPack()]).findings.map(f => f.ruleId)).toContain('AIAM-RES-001');
});

test('findings carry id, severity, title, location (construct path) and fix; the did-you-mean is there', () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 's');
    new alicloud.provider.AlicloudProvider(s, 'p', {});
    ramPolicy(s, 'typo', 'typo', [{ Effect: 'Allow', Action: 'pairec:ListInstance', Resource: '*' }]);
  });
  const f = runChecks(loadAccessModel(out), [new AiPlatformPack()]).findings.find(x => x.ruleId === 'AIAM-ACT-001')!;
  expect(f).toEqual(expect.objectContaining({ severity: 'error', title: expect.any(String), fix: 'write "pairec:ListInstances"' }));
  expect(f.message).toMatch(/did you mean "pairec:ListInstances"/);
  expect(f.location.constructPath).toBe('s/typo');
  expect(f.location.address).toBe('alicloud_ram_policy.typo');
});
