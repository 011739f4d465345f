/** Findings the five guides imply (issue 15, item 3): each rule fires on its case and stays quiet on the fix. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AiPlatformPack, runChecks } from '../../src/checks';
import { loadAccessModel, modelFromJson, PLATFORM_SETTINGS_SCHEMA_V1 } from '../../src/model';
import { aiam } from '../cli/run';

type Resources = Record<string, Record<string, object>>;

function ruleIds(resources: Resources, admins: string[] = []): string[] {
  return runChecks(modelFromJson('test.tf.json', { resource: resources }, 'test'), [new AiPlatformPack()], { designatedAdmins: admins }).findings.map(f => f.ruleId);
}

const envelope = (kind: string, cloud: string, settings: object) => ({ input: { schema: PLATFORM_SETTINGS_SCHEMA_V1, kind, cloud, constructPath: `test/${kind}`, settings } });

/** One RAM user with one system policy attached. */
const ramUserWith = (policy: string): Resources => ({
  alicloud_ram_user: { u: { name: 'dev1' } },
  alicloud_ram_user_policy_attachment: { a: { user_name: 'dev1', policy_name: policy, policy_type: 'System' } },
});

describe('AIAM-IAM-003: admin system policies known by name', () => {
  test.each(['AdministratorAccess', 'AliyunRAMFullAccess'])('%s on a RAM user fires although its document is not in the catalog', name => {
    expect(ruleIds(ramUserWith(name))).toContain('AIAM-IAM-003');
  });
  test('IAMFullAccess on a Volcengine group fires; a designated admin is quiet', () => {
    const r: Resources = {
      volcengine_iam_user_group: { g: { user_group_name: 'ops' } },
      volcengine_iam_user_group_policy_attachment: { a: { user_group_name: 'ops', policy_name: 'IAMFullAccess', policy_type: 'System' } },
    };
    expect(ruleIds(r)).toContain('AIAM-IAM-003');
    expect(ruleIds(r, ['group/ops'])).not.toContain('AIAM-IAM-003');
  });
  test('a read-only system policy is quiet', () => expect(ruleIds(ramUserWith('AliyunBSSReadOnlyAccess'))).not.toContain('AIAM-IAM-003'));
});

describe('AIAM-IAM-004: system policies the guides caution about', () => {
  test.each(['AliyunPAIFullAccess', 'AliyunBailianFullAccess', 'AliyunBSSOrderAccess'])('%s fires', name => {
    expect(ruleIds(ramUserWith(name))).toContain('AIAM-IAM-004');
  });
  test('quiet on AliyunPAIEASFullAccess and for a designated admin', () => {
    expect(ruleIds(ramUserWith('AliyunPAIEASFullAccess'))).not.toContain('AIAM-IAM-004');
    expect(ruleIds(ramUserWith('AliyunPAIFullAccess'), ['user/dev1'])).not.toContain('AIAM-IAM-004');
  });
});

describe('AIAM-PAI-001: activation through a permanently attached FullAccess policy', () => {
  test.each(['AliyunOSSFullAccess', 'AliyunLogFullAccess', 'AliyunDataWorksFullAccess'])('%s fires', name => {
    expect(ruleIds(ramUserWith(name))).toContain('AIAM-PAI-001');
  });
  test('quiet on the service\'s read-only policy', () => expect(ruleIds(ramUserWith('AliyunOSSReadOnlyAccess'))).not.toContain('AIAM-PAI-001'));
});

const workspace = (name: string, extra: object = {}) => ({
  name, region: 'cn-beijing', default: false, allowlists: { invoke: ['qwen-max'], tune: [], deploy: [] }, rateLimits: [], quota: null, members: [], ...extra,
});

describe('AIAM-BAILIAN-007: per-model rate limit above the workspace\'s quota share', () => {
  const withLimit = (qpm: number): Resources => ({
    terraform_data: {
      prod: envelope('bailian-workspace', 'alibaba', workspace('prod', { rateLimits: [{ model: 'qwen-max', qpm }] })),
      split: envelope('bailian-quota-split', 'alibaba', {
        region: 'cn-beijing', unit: 'percent', accountQuota: { qpm: 1000 }, shares: { prod: 60 }, allocations: [{ workspace: 'prod', qpm: 600 }], buffer: { qpm: 400 }, rounding: 'floor',
      }),
    },
  });
  test('700 QPM for a model of a workspace with a 600 QPM share fires', () => expect(ruleIds(withLimit(700))).toContain('AIAM-BAILIAN-007'));
  test('600 QPM is quiet', () => expect(ruleIds(withLimit(600))).not.toContain('AIAM-BAILIAN-007'));
  test('the workspace\'s own quota counts first', () => {
    const r: Resources = { terraform_data: { prod: envelope('bailian-workspace', 'alibaba', workspace('prod', { quota: { tpm: 100 }, rateLimits: [{ model: 'qwen-max', tpm: 101 }] })) } };
    expect(ruleIds(r)).toContain('AIAM-BAILIAN-007');
  });
});

describe('AIAM-BAILIAN-008: two default workspaces, or one name twice, in a region', () => {
  const def = { name: '默认业务空间', default: true, allowlists: { invoke: null, tune: null, deploy: null } };
  test('two default workspaces in cn-beijing fire', () => {
    expect(ruleIds({ terraform_data: { a: envelope('bailian-workspace', 'alibaba', workspace('a', def)), b: envelope('bailian-workspace', 'alibaba', workspace('b', def)) } }))
      .toContain('AIAM-BAILIAN-008');
  });
  test('two workspaces named prod in one region fire; in two regions they are quiet', () => {
    expect(ruleIds({ terraform_data: { a: envelope('bailian-workspace', 'alibaba', workspace('prod')), b: envelope('bailian-workspace', 'alibaba', workspace('prod')) } }))
      .toContain('AIAM-BAILIAN-008');
    expect(ruleIds({ terraform_data: { a: envelope('bailian-workspace', 'alibaba', workspace('prod')), b: envelope('bailian-workspace', 'alibaba', workspace('prod', { region: 'cn-hangzhou' })) } }))
      .not.toContain('AIAM-BAILIAN-008');
  });
  test('one default workspace per region is quiet', () => {
    expect(ruleIds({ terraform_data: { a: envelope('bailian-workspace', 'alibaba', workspace('a', def)), b: envelope('bailian-workspace', 'alibaba', workspace('b', { ...def, region: 'cn-hangzhou' })) } }))
      .not.toContain('AIAM-BAILIAN-008');
  });
});

describe('AIAM-NAME-002: duplicate names in one account', () => {
  test.each([
    ['users', { alicloud_ram_user: { a: { name: 'dev1' }, b: { name: 'dev1' } } }],
    ['groups', { volcengine_iam_user_group: { a: { user_group_name: 'ops' }, b: { user_group_name: 'ops' } } }],
    ['roles', { alicloud_ram_role: { a: { role_name: 'app', assume_role_policy_document: '{}' }, b: { role_name: 'app', assume_role_policy_document: '{}' } } }],
    ['policies', { alicloud_ram_policy: { a: { policy_name: 'p', policy_document: '{"Version":"1","Statement":[]}' }, b: { policy_name: 'p', policy_document: '{"Version":"1","Statement":[]}' } } }],
  ] as Array<[string, Resources]>)('two %s with one name fire', (_what, r) => expect(ruleIds(r)).toContain('AIAM-NAME-002'));
  test('distinct names, or two provider configurations (two accounts), are quiet', () => {
    expect(ruleIds({ alicloud_ram_user: { a: { name: 'dev1' }, b: { name: 'dev2' } } })).not.toContain('AIAM-NAME-002');
    expect(ruleIds({ alicloud_ram_user: { a: { name: 'dev1' }, b: { name: 'dev1', provider: 'alicloud.other' } } })).not.toContain('AIAM-NAME-002');
  });
});

describe('AIAM-VEMLP-003: queue admins with the guide\'s admin policy', () => {
  const queue: Resources = {
    terraform_data: {
      q: envelope('vemlp-queue', 'volcengine', {
        queueId: 'q-1',
        region: 'cn-beijing',
        accountId: '2100000001',
        capacity: null,
        adminGroup: 'q-1-admin-group',
        developerGroup: 'q-1-developer-group',
        admins: [{ kind: 'user', name: 'lead' }],
        members: [],
        userCaps: [],
      }),
    },
  };
  test('a queue admin who is not designated fires', () => expect(ruleIds(queue)).toContain('AIAM-VEMLP-003'));
  test('a designated queue admin is quiet', () => expect(ruleIds(queue, ['user/lead'])).not.toContain('AIAM-VEMLP-003'));
  test('console mode: the model holds the admin policy, so AIAM-IAM-002 reports a Terraform-defined admin (once) with its path', () => {
    const settings = { ...(queue.terraform_data.q as { input: { settings: object } }).input.settings, iamMode: 'console' };
    const consoleQueue: Resources = {
      volcengine_iam_user: { lead: { user_name: 'lead' } },
      terraform_data: { q: { input: { ...(queue.terraform_data.q as { input: object }).input, settings } } },
    };
    const findings = runChecks(modelFromJson('t.tf.json', { resource: consoleQueue }, 't'), [new AiPlatformPack()]).findings;
    expect(findings.map(f => f.ruleId)).not.toContain('AIAM-VEMLP-003');
    expect(findings.find(f => f.ruleId === 'AIAM-IAM-002')?.message).toMatch(/volcengine:user\/lead can iam:(AttachUserGroupPolicy|AddUserToGroup).*volcengine:group\/q-1-admin-group/);
  });
});

describe('AIAM-BAILIAN-006: an API key moved to another workspace or owner', () => {
  const key = (ws: string, owner: object) => ({ name: 'app-key', workspace: ws, region: 'cn-beijing', owner, lifecycle: {} });
  const resource = (settings: object) => ({
    address: 'terraform_data.key',
    mode: 'managed',
    type: 'terraform_data',
    name: 'key',
    provider_name: 'terraform.io/builtin/terraform',
    values: envelope('bailian-api-key', 'alibaba', settings),
    sensitive_values: {},
  });
  function writePlan(dir: string, before: object, after: object): string {
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify({
      format_version: '1.2',
      planned_values: { root_module: { resources: [resource(after)] } },
      prior_state: { format_version: '1.0', values: { root_module: { resources: [resource(before)] } } },
      resource_changes: [{ address: 'terraform_data.key', mode: 'managed', type: 'terraform_data', name: 'key', change: { actions: ['update'], before: {}, after: {} } }],
    }));
    return file;
  }
  function planFindings(before: object, after: object): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-key-'));
    const file = writePlan(dir, before, after);
    try {
      return runChecks(loadAccessModel(file), [new AiPlatformPack()]).findings.filter(f => f.ruleId === 'AIAM-BAILIAN-006').map(f => f.message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  test('a new workspace is a replacement', () => {
    expect(planFindings(key('prod', { kind: 'main-account' }), key('test', { kind: 'main-account' }))).toEqual([expect.stringMatching(/workspace prod -> test.*replaces the key/)]);
  });
  test('a new owner is a replacement', () => {
    expect(planFindings(key('prod', { kind: 'ram-user', name: 'alice' }), key('prod', { kind: 'ram-role', name: 'app' }))).toEqual([expect.stringMatching(/owner ram-user\/alice -> ram-role\/app/)]);
  });
  test('an unchanged key is quiet', () => expect(planFindings(key('prod', { kind: 'main-account' }), key('prod', { kind: 'main-account' }))).toEqual([]));
  test('`aiam diff PLAN` lists the replacement, in text and JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-key-'));
    try {
      const file = writePlan(dir, key('prod', { kind: 'ram-user', name: 'alice' }), key('test', { kind: 'ram-user', name: 'alice' }));
      expect((await aiam('diff', file)).stdout).toMatch(/API key app-key is replaced \(keys cannot be transferred\): workspace prod -> test/);
      expect(JSON.parse((await aiam('diff', file, '--format', 'json')).stdout).apiKeyReplacements).toEqual([{ name: 'app-key', changes: ['workspace prod -> test'] }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
