/** Issue 15, item 6: `aiam settings runbook` and `aiam settings verify`. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { build as byEnvironment } from '../../examples/model-studio-by-environment/main';
import { build as vemlp } from '../../examples/vemlp-team/main';
import { loadAccessModel, modelFromJson, PLATFORM_SETTINGS_NOTE, PLATFORM_SETTINGS_SCHEMA_V1, PlatformSettingsEntry } from '../../src/model';
import { buildRunbook, RunbookStep } from '../../src/model/settings-runbook';
import { OBSERVED_SETTINGS_SCHEMA_V1, parseObserved } from '../../src/model/settings-verify';
import { aiam } from '../cli/run';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-settings-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthExample(name: string, build: (app: App) => unknown): string {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

const envelope = (kind: string, cloud: string, settings: object) => ({ input: { schema: PLATFORM_SETTINGS_SCHEMA_V1, kind, cloud, constructPath: `t/${kind}`, settings } });
const workspace = (extra: object = {}) => ({
  name: 'prod',
  region: 'cn-beijing',
  default: false,
  allowlists: { invoke: ['qwen-max'], tune: [], deploy: [] },
  rateLimits: [{ model: 'qwen-max', qpm: 100 }],
  quota: null,
  members: [{ principal: { kind: 'user', name: 'bob' }, admin: false, apiKeyManagement: false, pages: ['model-experience'] }],
  ...extra,
});
const settingsOf = (resources: Record<string, object>): readonly PlatformSettingsEntry[] =>
  modelFromJson('t.tf.json', { resource: { terraform_data: resources } }, 't').settings;
const allSteps = (book: ReturnType<typeof buildRunbook>): RunbookStep[] => book.groups.flatMap(g => g.steps);

describe('runbook', () => {
  test('a workspace: created by the super admin first, then allowlist and limits, then pages by a workspace admin, in the guide\'s terms', () => {
    const book = buildRunbook(settingsOf({ w: envelope('bailian-workspace', 'alibaba', workspace()) }));
    expect(book.groups.map(g => g.performer)).toEqual(['super-admin', 'workspace-admin']);
    const superAdmin = book.groups[0].steps.map(s => s.text);
    expect(superAdmin[0]).toMatch(/^Create the workspace "prod" in cn-beijing \(全局管理 > 新建业务空间\)/);
    expect(superAdmin.findIndex(t => /Allow exactly these models for 允许特定模型调用 \(call\): qwen-max/.test(t)))
      .toBeLessThan(superAdmin.findIndex(t => /Limit model qwen-max to 100 QPM/.test(t)));
    expect(book.groups[1].steps.map(s => s.text)).toEqual(['Give RAM user bob exactly these page permissions: 模型体验-操作 (权限管理)']);
  });

  test('the default workspace is not created and has no allowlist steps', () => {
    const book = buildRunbook(settingsOf({
      w: envelope('bailian-workspace', 'alibaba', workspace({
        name: '默认业务空间', default: true, allowlists: { invoke: null, tune: null, deploy: null }, rateLimits: [],
      })),
    }));
    expect(allSteps(book).map(s => s.text)).toEqual(['Give RAM user bob exactly these page permissions: 模型体验-操作 (权限管理)']);
  });

  test('--before lists only additions, changes and removals', () => {
    const before = settingsOf({ w: envelope('bailian-workspace', 'alibaba', workspace()) });
    const after = settingsOf({
      w: envelope('bailian-workspace', 'alibaba', workspace({
        allowlists: { invoke: ['qwen-max', 'qwen-plus'], tune: [], deploy: ['qwen-max'] }, rateLimits: [{ model: 'qwen-plus', qpm: 200 }],
      })),
    });
    const steps = allSteps(buildRunbook(after, before));
    expect(steps.map(s => [s.change, s.text])).toEqual(expect.arrayContaining([
      ['set', expect.stringMatching(/Allow exactly these models for 允许特定模型调用 \(call\): qwen-max, qwen-plus/)],
      ['add', expect.stringMatching(/Allow exactly these models for 允许特定模型部署 \(deploy\): qwen-max/)],
      ['add', expect.stringMatching(/Limit model qwen-plus to 200 QPM/)],
      ['remove', expect.stringMatching(/^Undo: Limit model qwen-max to 100 QPM/)],
    ]));
    expect(steps).toHaveLength(4);
    expect(allSteps(buildRunbook(before, before))).toEqual([]);
  });

  test('a key owned by the main account is the main account\'s step; queue members and caps are the queue admin\'s', () => {
    const book = buildRunbook(settingsOf({
      k: envelope('bailian-api-key', 'alibaba', { name: 'k1', workspace: 'prod', region: 'cn-beijing', owner: { kind: 'main-account' }, lifecycle: {} }),
      q: envelope('vemlp-queue', 'volcengine', {
        queueId: 'q-1',
        region: 'cn-beijing',
        accountId: '1',
        capacity: 8,
        adminGroup: 'q-1-admin-group',
        developerGroup: 'q-1-developer-group',
        admins: [{ kind: 'user', name: 'lead' }],
        members: [{ kind: 'user', name: 'dev1' }],
        userCaps: [{ user: 'dev1', percent: 50 }],
        iamMode: 'console',
      }),
    }));
    expect(book.groups.map(g => [g.performer, g.steps.length])).toEqual([['main-account', 1], ['queue-admin', 3]]);
    expect(book.groups[1].steps.map(s => s.text)).toEqual(['Add user lead as queue admin (管理用户)', 'Add user dev1 as queue member (管理用户)', 'Set the usage cap of dev1 to 50% (队列详情 > 用户用量上限)']);
  });

  test('a queue whose IAM Terraform maintains has no membership steps, only caps', () => {
    const q = {
      queueId: 'q-2',
      region: 'cn-beijing',
      accountId: '1',
      capacity: null,
      adminGroup: 'a',
      developerGroup: 'd',
      admins: [{ kind: 'user', name: 'lead' }],
      members: [],
      userCaps: [{ user: 'lead', absolute: 2 }],
      iamMode: 'terraform',
    };
    expect(allSteps(buildRunbook(settingsOf({ q: envelope('vemlp-queue', 'volcengine', q) }))).map(s => s.text)).toEqual(['Set the usage cap of lead to 2 (队列详情 > 用户用量上限)']);
  });

  test('`aiam settings runbook` on the examples: Markdown by default, JSON on request, --before the same input gives no steps', async () => {
    const out = synthExample('by-env', byEnvironment);
    const md = await aiam('settings', 'runbook', out);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Platform settings runbook\n\nTerraform records these settings in `terraform_data` and applies none of them/);
    expect(md.stdout).toMatch(/## Super admin \(超级管理员\)[^]*Create the workspace "chatbot-prod-workspace"[^]*## Workspace admin \(业务空间管理员\)[^]*Make RAM user bob workspace admin/);
    expect(md.stdout).toMatch(/Create the API key "[^"]+" in chatbot-prod-workspace owned by RAM role chatbot-service/);
    const json = JSON.parse((await aiam('settings', 'runbook', out, '--format', 'json')).stdout);
    expect(json.stepCount).toBe(json.groups.reduce((n: number, g: { steps: unknown[] }) => n + g.steps.length, 0));
    expect(json.stepCount).toBeGreaterThan(5);
    expect(JSON.parse((await aiam('settings', 'runbook', out, '--before', out, '--format', 'json')).stdout).stepCount).toBe(0);
    const queues = await aiam('settings', 'runbook', synthExample('vemlp', vemlp));
    expect(queues.stdout).toMatch(/## Queue admin \(队列管理员\)[^]*Set the usage cap of dev1 to 50%/);
  });

  test('every recorded entry says that Terraform records it and a person applies it', () => {
    const settings = [...loadAccessModel(synthExample('notes-env', byEnvironment)).settings, ...loadAccessModel(synthExample('notes-vemlp', vemlp)).settings];
    expect(new Set(settings.map(e => e.envelope.kind))).toEqual(new Set(['bailian-workspace', 'bailian-api-key', 'bailian-quota-split', 'vemlp-queue']));
    for (const e of settings) expect(e.envelope.note).toBe(PLATFORM_SETTINGS_NOTE);
    expect(PLATFORM_SETTINGS_NOTE).toMatch(/Terraform stores these settings and does not apply them\. A person applies them/);
  });

  test('bad input exits 2 naming the file', async () => {
    const r = await aiam('settings', 'runbook', path.join(tmp, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: no such file or folder\. Fix:/);
  });
});

describe('verify', () => {
  const recorded = path.join(tmp, 'recorded.tf.json');
  fs.writeFileSync(recorded, JSON.stringify({ resource: { terraform_data: { w: envelope('bailian-workspace', 'alibaba', workspace()) } } }));
  const write = (name: string, doc: unknown) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
    return f;
  };
  const observed = (settings: object, extra: object[] = []) => ({ schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'bailian-workspace', settings }, ...extra] });

  test('an export that matches is in sync (exit 0); one that leaves fields out checks only what it has', async () => {
    const full = await aiam('settings', 'verify', recorded, '--observed', write('same.json', observed(workspace())));
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/in sync +bailian-workspace cn-beijing\/prod\n1 in sync, 0 drifted/);
    expect((await aiam('settings', 'verify', recorded, '--observed', write('partial.json', observed({ region: 'cn-beijing', name: 'prod' })))).code).toBe(0);
  });

  test('drift per item and field, exit 1: a page added by hand, a changed limit, a missing item, an unrecorded one', async () => {
    const drifted = workspace({
      rateLimits: [{ model: 'qwen-max', qpm: 300 }],
      members: [{ principal: { kind: 'user', name: 'bob' }, admin: false, apiKeyManagement: false, pages: ['model-experience', 'model-tuning'] }],
    });
    const r = await aiam('settings', 'verify', recorded, '--observed', write('drift.json', observed(drifted, [{ kind: 'vemlp-queue', settings: { queueId: 'q-9' } }])), '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.items[0].differences).toEqual([
      { path: '/rateLimits/qwen-max/qpm', recorded: 100, observed: 300 },
      { path: '/members/user:bob/pages', recorded: ['model-experience'], observed: ['model-experience', 'model-tuning'] },
    ]);
    expect(report.items[1]).toEqual(expect.objectContaining({ kind: 'vemlp-queue', id: 'q-9', status: 'not-recorded' }));
    const missing = await aiam('settings', 'verify', recorded, '--observed', write('empty.json', { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [] }));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/MISSING +bailian-workspace cn-beijing\/prod: recorded \(terraform_data\.w\)/);
  });

  test.each([
    ['not JSON', '{', /bad\.json: not valid JSON/],
    ['wrong schema', { schema: 'x', items: [] }, /bad\.json: \/schema: expected "cdktf-aiam\/observed-settings\/v1"/],
    ['unknown kind', { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'pai', settings: {} }] }, /bad\.json: \/items\/0\/kind: unknown kind "pai"/],
    ['identity missing', { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'bailian-workspace', settings: { region: 'cn-beijing' } }] }, /bad\.json: \/items\/0\/settings\/name: missing/],
    ['bad member', observed({ region: 'r', name: 'n', members: [{ principal: { kind: 'user' } }] }), /bad\.json: \/items\/0\/settings\/members\/0\/principal: not a principal\. Fix:/],
  ])('bad input (%s) exits 2 naming the file and JSON pointer', async (_what, doc, message) => {
    const r = await aiam('settings', 'verify', recorded, '--observed', write('bad.json', doc));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test('the JSON schema and the reader agree on valid and invalid exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv2020 = require('ajv/dist/2020').default;
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'observed-settings.v1.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const valid = [
      observed(workspace()), observed({ region: 'r', name: 'n' }),
      {
        schema: OBSERVED_SETTINGS_SCHEMA_V1,
        observedAt: '2026-11-30T00:00:00Z',
        source: 'console',
        items: [
          { kind: 'bailian-api-key', settings: { region: 'r', name: 'k', workspace: 'w', owner: { kind: 'ram-role', name: 'app' } } },
          { kind: 'vemlp-queue', settings: { queueId: 'q-1', admins: [{ kind: 'user', name: 'a' }], capacity: null, userCaps: [{ user: 'a', percent: 50 }] } },
          { kind: 'bailian-quota-split', settings: { region: 'r', allocations: [{ workspace: 'w', qpm: 1 }], buffer: { qpm: 1 } } },
        ],
      },
    ];
    const invalid = [
      { items: [] }, { schema: OBSERVED_SETTINGS_SCHEMA_V1 }, { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [], extra: 1 },
      { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'bailian-workspace', settings: { region: 'r', name: 'n' }, more: 1 }] },
      observed({ region: 'r', name: '' }), observed({ region: 'r', name: 'n', default: 'yes' }),
      observed({ region: 'r', name: 'n', allowlists: { invoke: 'qwen' } }), observed({ region: 'r', name: 'n', rateLimits: [{ qpm: 1 }] }),
      observed({ region: 'r', name: 'n', quota: { qpm: -1 } }), observed({ region: 'r', name: 'n', members: [{ principal: { kind: 'user', name: 'b' }, admin: 'no' }] }),
      { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'vemlp-queue', settings: { queueId: 'q', userCaps: [{ percent: 5 }] } }] },
      { schema: OBSERVED_SETTINGS_SCHEMA_V1, items: [{ kind: 'bailian-api-key', settings: { region: 'r', name: 'k', owner: { kind: 'someone' } } }] },
    ];
    for (const doc of valid) {
      expect(validate(doc)).toBe(true);
      expect(() => parseObserved('f.json', doc)).not.toThrow();
    }
    for (const doc of invalid) {
      expect(validate(doc)).toBe(false);
      expect(() => parseObserved('f.json', doc)).toThrow(/^f\.json: /);
    }
  });
});
