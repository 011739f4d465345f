/** Values a plan marks sensitive are never printed or embedded, in any command or format (issue 16 §5). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadAccessModel, PLATFORM_SETTINGS_NOTE, PLATFORM_SETTINGS_SCHEMA_V1 } from '../../src/model';
import { loadInput } from '../../src/model/input';
import { aiam } from '../cli/run';

const SECRET = 'sk-S3CRET-4f9a1c77';
const OLD_SECRET = 'sk-OLD-S3CRET-0b2e';
const document = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: `acs:oss:*:*:${SECRET}/*` }] });

const resource = (address: string, values: Record<string, unknown>, sensitive: Record<string, unknown> = {}) => {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/aliyun/alicloud', values, sensitive_values: sensitive };
};
const envelope = {
  schema: PLATFORM_SETTINGS_SCHEMA_V1,
  kind: 'bailian-api-key',
  cloud: 'alibaba',
  constructPath: 'stack/key',
  note: PLATFORM_SETTINGS_NOTE,
  settings: { name: SECRET, workspace: 'ws', region: 'cn-beijing', owner: { kind: 'ram-user', name: 'alice' }, lifecycle: { 'owner-leaves': 'invalid-forever' } },
};
const after = [
  resource('alicloud_ram_user.alice', { name: 'alice' }),
  // Marked in planned_values.
  resource('alicloud_ram_access_key.k', { user_name: 'alice', secret: SECRET, status: 'Active' }, { secret: true }),
  // Marked only in resource_changes[].change.after_sensitive.
  resource('alicloud_ram_login_profile.lp', { user_name: 'alice', password: SECRET }),
  resource('alicloud_ram_policy.p', { policy_name: 'p', policy_document: document }, { policy_document: true }),
  resource('alicloud_ram_user_policy_attachment.a', { user_name: 'alice', policy_name: 'p', policy_type: 'Custom' }),
  // A mark whose shape does not match the value (hand-edited): all of it is withheld.
  resource('alicloud_ram_user.bob', { name: 'bob', comments: SECRET }, { comments: { x: true } }),
  // A nested mark mirrors the value: only settings.name is withheld.
  { ...resource('terraform_data.key', { input: envelope }, { input: { settings: { name: true } } }), provider_name: 'terraform.io/builtin/terraform' },
];
const plan = {
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: { root_module: { resources: after } },
  resource_changes: after.map(r => ({
    address: r.address,
    mode: 'managed',
    type: r.type,
    name: r.name,
    provider_name: r.provider_name,
    change: {
      actions: ['create'],
      before: null,
      after: r.values,
      after_unknown: {},
      before_sensitive: r.address === 'alicloud_ram_login_profile.lp' ? { password: true } : false,
      after_sensitive: r.address === 'alicloud_ram_login_profile.lp' ? { password: true } : r.sensitive_values,
    },
  })),
  prior_state: {
    format_version: '1.0',
    values: {
      root_module: {
        resources: [
          resource('alicloud_ram_user.alice', { name: 'alice' }),
          resource('alicloud_ram_access_key.k', { user_name: 'alice', secret: OLD_SECRET }, { secret: true }),
          // Marked only in resource_changes[].change.before_sensitive.
          resource('alicloud_ram_login_profile.lp', { user_name: 'alice', password: OLD_SECRET }),
        ],
      },
    },
  },
};

describe('sensitive plan values', () => {
  let dir: string;
  let planFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-sensitive-'));
    planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the model holds no sensitive text: marked attributes are unknown with the reason "sensitive"', () => {
    const model = loadAccessModel(planFile);
    const text = JSON.stringify({ p: model.policies, s: model.settings, f: model.findings, c: model.principals });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('4f9a1c77');
    const policy = model.policies.find(p => p.key.includes('/p') || p.name === 'p');
    expect(policy?.unknownReason).toMatch(/sensitive/);
    expect(model.settings[0].envelope.settings.workspace).toBe('ws');
    expect(String(model.settings[0].envelope.settings.name)).toMatch(/sensitive/);
    // Nothing read from the plan keeps the text, on either side.
    const input = loadInput(planFile);
    const raw = JSON.stringify([...input.stacks, ...input.priorStacks ?? []].map(st => st.resources.map(r => r.values)));
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(OLD_SECRET);
  });

  const commands: string[][] = [
    ['check', '{plan}'],
    ['check', '{plan}', '--format', 'json'],
    ['check', '{plan}', '--format', 'sarif'],
    ['check', '{plan}', '--format', 'sarif', '--output', '{dir}/check.sarif'],
    ['check', '{plan}', '--verbose'],
    ['report', '{plan}', '--out', '{dir}/report.html'],
    ['graph', '{plan}', '--format', 'dot'],
    ['graph', '{plan}', '--format', 'mermaid'],
    ['explain', '{plan}', '--principal', 'user/alice', '--action', 'oss:GetObject', '--resource', 'acs:oss:*:*:x/y'],
    ['explain', '{plan}', '--principal', 'user/alice', '--action', 'oss:GetObject', '--resource', 'acs:oss:*:*:x/y', '--format', 'json'],
    ['who-can', '{plan}', '--action', 'oss:GetObject'],
    ['who-can', '{plan}', '--action', 'oss:GetObject', '--format', 'json'],
    ['what-can', '{plan}', '--principal', 'user/alice'],
    ['what-can', '{plan}', '--principal', 'user/alice', '--format', 'json'],
    ['diff', '{plan}'],
    ['diff', '{plan}', '--format', 'json'],
    ['preflight', '{plan}', '--deployer', 'user/alice'],
    ['settings', 'runbook', '{plan}'],
    ['settings', 'runbook', '{plan}', '--format', 'json'],
  ];
  test.each(commands.map(c => [c.join(' '), c] as const))('%s: no secret in stdout, stderr or written files', async (_, argv) => {
    const args = argv.map(a => a.replace('{plan}', planFile).replace('{dir}', dir));
    const run = await aiam(...args);
    expect([0, 1]).toContain(run.code);
    const written = fs.readdirSync(dir).filter(f => f !== 'plan.json').map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const out of [run.stdout, run.stderr, ...written]) {
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(OLD_SECRET);
    }
  });
});

describe('the HTML report copies only known settings fields', () => {
  const TOKEN = 'sk-EXTRA-TOKEN-93d1';
  test('an extra field anywhere in an entry never reaches the page', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { App } = require('cdktf') as typeof import('cdktf');
    const { buildOrg } = require('../../examples/org/main') as typeof import('../../examples/org/main');
    const { buildReportData, renderReport } = require('../../src/cli/report') as typeof import('../../src/cli/report');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-report-extra-'));
    try {
      const app = new App({ outdir: dir });
      buildOrg(app);
      app.synth();
      // The schema refuses extra fields when the model loads; here they are added after, as a reader bypassing it would.
      const model = loadAccessModel(dir);
      const kinds = new Set(model.settings.map(s => s.envelope.kind));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['bailian-api-key', 'bailian-quota-split', 'bailian-workspace', 'vemlp-queue']));
      const poison = (v: unknown, depth = 0): void => {
        if (depth > 8 || typeof v !== 'object' || v === null) return;
        if (Array.isArray(v)) return v.forEach(x => poison(x, depth + 1));
        for (const x of Object.values(v)) poison(x, depth + 1);
        (v as Record<string, unknown>).token = TOKEN;
      };
      for (const s of model.settings) poison(s.envelope);
      const html = renderReport(buildReportData(model, [dir]));
      expect(html).toContain('chatbot-prod-workspace');
      expect(html.includes(TOKEN)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parts of a settings entry known only after apply (nested after_unknown)', () => {
  test('read as unknown, not as missing: the entry loads and the part is a marker', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-nested-unknown-'));
    try {
      const input = { ...envelope, settings: { ...envelope.settings, name: 'k' } } as Record<string, any>;
      const { workspace: _omitted, ...settings } = input.settings;
      const values = { input: { ...input, settings } };
      const file = path.join(dir, 'plan.json');
      fs.writeFileSync(file, JSON.stringify({
        format_version: '1.2',
        planned_values: { root_module: { resources: [{ address: 'terraform_data.key', mode: 'managed', type: 'terraform_data', name: 'key', values }] } },
        resource_changes: [{
          address: 'terraform_data.key',
          mode: 'managed',
          type: 'terraform_data',
          name: 'key',
          change: { actions: ['create'], before: null, after: values, after_unknown: { input: { settings: { workspace: true } } } },
        }],
      }));
      const model = loadAccessModel(file);
      expect(String(model.settings[0].envelope.settings.workspace)).toMatch(/terraform_data\.key\.input\.settings\.workspace is known only after apply/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
