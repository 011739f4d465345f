import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { vemlp, volcengine, volcengine_iam } from '../../src';
import { AiPlatformPack, runChecks } from '../../src/checks';
import { loadAccessModel, PLATFORM_SETTINGS_SCHEMA_V1 } from '../../src/model';
import { synthesize } from '../model/fixtures';

function queueFindings(withCreatorPolicy: boolean): string[] {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 'q');
    new volcengine.provider.VolcengineProvider(s, 'p', { region: 'cn-beijing' });
    const alice = new volcengine_iam.VolcIamUser(s, 'alice', { userName: 'alice' });
    new vemlp.ResourceQueueWithGroups(s, 'queue', { queueId: 'q-1', accountId: '2100000001', admins: [alice] });
    if (withCreatorPolicy) alice.attachPolicy(new vemlp.QueueCreatorPolicy(s, 'creator').policy);
  });
  return runChecks(loadAccessModel(out), [new AiPlatformPack()]).findings.map(f => f.ruleId);
}

test('AIAM-VEMLP-001 fires for a queue admin without the queue-creator IAM actions, not with them', () => {
  expect(queueFindings(false)).toContain('AIAM-VEMLP-001');
  expect(queueFindings(true)).not.toContain('AIAM-VEMLP-001');
});

function capsFindings(cap: { percent: number } | { absolute: number }): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-caps-'));
  const file = path.join(dir, 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify({
    resource: {
      terraform_data: {
        caps: {
          input: {
            schema: PLATFORM_SETTINGS_SCHEMA_V1,
            kind: 'vemlp-queue',
            cloud: 'volcengine',
            constructPath: 'hand/written',
            settings: {
              queueId: 'q-1',
              region: 'cn-beijing',
              accountId: '2100000001',
              adminGroup: 'q-1-admins',
              developerGroup: 'q-1-developers',
              capacity: 8,
              admins: [],
              members: [{ kind: 'user', name: 'bob' }],
              userCaps: [{ user: 'bob', ...cap }],
            },
          },
        },
      },
    },
  }));
  return runChecks(loadAccessModel(file), [new AiPlatformPack()]).findings.map(f => f.ruleId);
}

test('AIAM-VEMLP-002 fires for a cap over the capacity in hand-written or planned settings, not for 50% or 4 of 8', () => {
  expect(capsFindings({ absolute: 12 })).toContain('AIAM-VEMLP-002');
  expect(capsFindings({ absolute: 4 })).not.toContain('AIAM-VEMLP-002');
  expect(capsFindings({ percent: 50 })).not.toContain('AIAM-VEMLP-002');
});

test('a percent cap over 100 breaks the settings schema: an input error at its pointer, before any rule', () => {
  expect(() => capsFindings({ percent: 120 })).toThrow(/\/resource\/terraform_data\/caps\/input\/settings\/userCaps\/0\/percent: .*must be <= 100/);
});
