/** Issue 13 item 7: a condition key no catalog knows is reported and treated as unknown, never as an absent key. */
import { Catalog } from '../../src/catalog';
import { runChecks, AiPlatformPack } from '../../src/checks';
import { modelFromJson } from '../../src/model';
import { Decision, Dialect } from '../../src/policy';

const doc = (condition: object) => JSON.stringify({
  Version: '1',
  Statement: [
    { Effect: 'Allow', Action: 'pairec:*', Resource: '*' },
    { Effect: 'Deny', Action: 'pairec:DeleteInstance', Resource: '*', Condition: condition },
  ],
});
const model = (condition: object) => modelFromJson('t.json', {
  resource: {
    alicloud_ram_user: { u: { name: 'dev' } },
    alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc(condition) } },
    alicloud_ram_user_policy_attachment: { a: { user_name: 'dev', policy_name: 'p', policy_type: 'Custom' } },
  },
});

test('a Deny on a bare key is unknown, not skipped as if the key were absent; the policy is reported', () => {
  const m = model({ StringEquals: { Action: 'pairec:DeleteInstance' } });
  const a = m.can(m.findPrincipal('user/dev'), { action: 'pairec:DeleteInstance', resource: '*' }, { openContext: false });
  expect(a.decision).toBe(Decision.UNKNOWN);
  expect(a.reasons.join(' ')).toMatch(/Action/);
  const f = runChecks(m, [new AiPlatformPack()]).findings.filter(x => x.ruleId === 'AIAM-REF-006');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/"Action"/);
});

test('global keys and keys the catalog lists stay decidable', () => {
  const m = model({ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } });
  const a = m.can(m.findPrincipal('user/dev'), { action: 'pairec:DeleteInstance', resource: '*', context: { 'acs:SourceIp': '10.1.2.3' } });
  expect(a.decision).toBe(Decision.EXPLICIT_DENY);
  expect(runChecks(m, [new AiPlatformPack()]).findings.filter(x => x.ruleId === 'AIAM-REF-006')).toEqual([]);
  const c = Catalog.load();
  expect(c.isKnownConditionKey(Dialect.HUAWEI_IAM, 'modelarts:poolType')).toBe(true);
  expect(c.isKnownConditionKey(Dialect.VOLCENGINE_IAM, 'volc:ResourceTag/sys:ml_platform:resource_queue_id')).toBe(true);
  expect(c.isKnownConditionKey(Dialect.ALIBABA_RAM, 'pairec:Nonexistent')).toBe(false);
  expect(c.isKnownConditionKey(Dialect.ALIBABA_RAM, 'oss:Prefix')).toBe(true);
});
