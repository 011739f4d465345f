import * as fc from 'fast-check';
import { AiPlatformPack, runChecks } from '../../src/checks';
import { modelFromJson } from '../../src/model';

/** AIAM-NAME-001 messages for the given resources of a synthesized stack. */
function nameFindings(resource: Record<string, Record<string, object>>): string[] {
  const model = modelFromJson('main.tf.json', { resource }, 'main');
  return runChecks(model, [new AiPlatformPack()]).findings.filter(f => f.ruleId === 'AIAM-NAME-001').map(f => f.message);
}

describe('AIAM-NAME-001 judges only known text', () => {
  test('a wholly unknown name is not judged (not the Terraform address either)', () => {
    expect(nameFindings({
      alicloud_ram_user: { 'Not_A_Valid Name!': { name: '${var.user_name}' } },
      alicloud_ram_policy: { p: { policy_name: '${random_string.s.result}', policy_document: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }] }) } },
    })).toEqual([]);
  });

  test('a partly known name is judged on its known parts: fine characters pass', () => {
    expect(nameFindings({ alicloud_ram_user: { u: { name: 'tf-example-${random_integer.default.result}' } } })).toEqual([]);
  });

  test('a partly known name with a forbidden character in its known part fails', () => {
    expect(nameFindings({ alicloud_ram_user: { u: { name: 'tf example/${random_integer.default.result}' } } }))
      .toEqual([expect.stringMatching(/RAM user name "tf example\/" \(partly known\) has characters the cloud rejects: " ", "\/"/)]);
  });

  test('length: only when the known parts alone exceed the limit', () => {
    expect(nameFindings({ alicloud_ram_user: { u: { name: `${'a'.repeat(60)}-\${var.suffix}` } } })).toEqual([]);
    expect(nameFindings({ alicloud_ram_user: { u: { name: `${'a'.repeat(65)}-\${var.suffix}` } } }))
      .toEqual([expect.stringMatching(/longer than 64 characters in its known parts alone/)]);
  });

  test('property: a known prefix of valid characters plus an unknown suffix never fails', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{0,40}$/), prefix => {
      expect(nameFindings({ alicloud_ram_user: { u: { name: `${prefix}\${random_id.x.hex}` } } })).toEqual([]);
    }), { numRuns: 30 });
  });

  test('known names are still judged in full', () => {
    expect(nameFindings({ alicloud_ram_group: { g: { group_name: 'bad name!' } } })).toEqual([expect.stringMatching(/"bad name!" is invalid/)]);
  });
});

test('Huawei IAM v5 and SSO identities are not judged by the v3 rules (v5 user names run to 64 characters)', () => {
  expect(nameFindings({
    huaweicloud_identityv5_user: { u: { name: 'a-v5-user-name-longer-than-thirty-two-characters' } },
    huaweicloud_identityv5_group: { g: { group_name: '机器学习 group' } },
    alicloud_cloud_sso_user: { s: { directory_id: 'd', user_name: 'alice@example.com' } },
  })).toEqual([]);
  expect(nameFindings({ huaweicloud_identity_user: { u: { name: 'a-v3-user-name-longer-than-thirty-two-characters' } } })).toHaveLength(1);
});
