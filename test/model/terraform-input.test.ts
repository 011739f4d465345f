import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { synthesize } from './fixtures';
import { alicloud } from '../../src';
import { AccessModel, loadAccessModel } from '../../src/model';
import { readTerraformFiles } from '../../src/model/hcl';
import { Decision } from '../../src/policy';
import { aiam } from '../cli/run';

const BASIC = path.join(__dirname, '..', 'fixtures', 'hcl', 'basic');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-tf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What a model says, as comparable data (keys, links, parsed documents). */
function summary(m: AccessModel) {
  return {
    principals: m.principals.map(p => `${p.key} ${p.address}`).sort(),
    policies: m.policies.map(p => `${p.key} ${p.unknownReason ?? JSON.stringify(p.parsed?.document)}`).sort(),
    attachments: m.attachments.map(a => `${a.principalKey} -> ${a.policyKey}`).sort(),
    findings: m.findings.map(f => `${f.code} ${f.address}`).sort(),
  };
}

/** A copy of a .tf folder with every .tf file replaced by the array-form JSON hcl2json writes. */
function asArrayJson(dir: string, to: string): string {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) asArrayJson(from, path.join(to, entry.name));
    else if (entry.name.endsWith('.tf')) fs.writeFileSync(path.join(to, `${entry.name}.json`), JSON.stringify(readTerraformFiles([from])[0].doc, null, 1));
  }
  return to;
}

describe('plain Terraform folders (.tf) and array-form JSON', () => {
  const model = loadAccessModel(BASIC, undefined, { vars: { bucket: 'data' } });

  test('expressions, count, for_each, a local module and a data source document are read', () => {
    const s = summary(model);
    expect(s.principals).toEqual([
      'alibaba:user/ml-alice alicloud_ram_user.reader[0]',
      'alibaba:user/ml-bob alicloud_ram_user.reader[1]',
      'alibaba:user/ml-ops module.ops.alicloud_ram_user.this',
    ]);
    expect(s.attachments).toEqual([
      'alibaba:user/ml-alice -> alibaba:custom/ml-read',
      'alibaba:user/ml-bob -> alibaba:custom/ml-read',
      'alibaba:user/ml-ops -> alibaba:custom/ml-ops-policy',
    ]);
    const read = model.policy('alibaba:custom/ml-read')!;
    expect(read.parsed!.document).toEqual({
      Statement: [
        { Action: ['pai:Get*', 'pai:List*'], Effect: 'Allow', Resource: ['*'] },
        { Action: ['oss:GetObject'], Effect: 'Allow', Resource: ['acs:oss:*:*:data/*'] },
      ],
      Version: '1',
    });
    // alicloud_ram_policy_document, shaped as the provider writes it (one-element lists as strings).
    expect(model.policy('alibaba:custom/ml-ops-policy')!.parsed!.document).toEqual({ Statement: [{ Effect: 'Allow', Action: 'pai:*', Resource: '*' }], Version: '1' });
  });

  test('a registry module is a coverage finding; module outputs are not dangling references', () => {
    expect(summary(model).findings).toEqual(['unmodelled-module module.registry']);
    expect(model.findings[0].fix).toMatch(/check the plan/);
  });

  test('the array-form JSON of the same folder gives the same model', () => {
    const json = loadAccessModel(asArrayJson(BASIC, path.join(tmp, 'array')), undefined, { vars: { bucket: 'data' } });
    expect(summary(json)).toEqual(summary(model));
  });

  test('without a value for var.bucket, only that part of the document is unknown and shows as written', () => {
    const m = loadAccessModel(BASIC);
    const doc = m.policy('alibaba:custom/ml-read')!.parsed!.document as any;
    expect(doc.Statement[0].Resource).toEqual(['*']);
    const alice = m.findPrincipal('user/ml-alice');
    expect(m.can(alice, { action: 'oss:GetObject', resource: 'acs:oss:*:*:data/x' }).decision).toBe(Decision.UNKNOWN);
  });

  test('a file holding only module calls loads (object-form cdk.tf.json)', () => {
    const dir = path.join(tmp, 'only-modules');
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(path.join(BASIC, 'modules'), path.join(dir, 'modules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({
      module: { ops: { source: './modules/ops', name: 'svc', policy: '${jsonencode({Version = "1", Statement = [{Effect = "Allow", Action = "pai:*", Resource = "*"}]})}' } },
      resource: { alicloud_ram_user_policy_attachment: { a: { user_name: '${module.ops.user_name}', policy_name: '${module.ops.policy_name}', policy_type: 'Custom' } } },
    }));
    const m = loadAccessModel(path.join(dir, 'cdk.tf.json'));
    expect(summary(m).attachments).toEqual(['alibaba:user/svc -> alibaba:custom/svc-policy']);
    expect(m.findings).toEqual([]);
  });

  test('module calls with for_each and count expand to instances (each.key in the arguments, module.m["k"].out)', () => {
    const dir = path.join(tmp, 'module-instances');
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(path.join(BASIC, 'modules'), path.join(dir, 'modules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), `
variable "teams" {
  default = { a = "pai:Get*", b = "pai:List*" }
}
module "team" {
  for_each = var.teams
  source   = "./modules/ops"
  name     = "team-\${each.key}"
  policy   = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = each.value, Resource = "*" }] })
}
module "off" {
  count  = 0
  source = "./modules/ops"
  name   = "never"
  policy = "{}"
}
resource "alicloud_ram_user_policy_attachment" "a" {
  user_name   = module.team["a"].user_name
  policy_name = module.team["b"].policy_name
  policy_type = "Custom"
}
`);
    const m = loadAccessModel(dir);
    expect(m.principals.map(p => `${p.key} ${p.address}`).sort()).toEqual([
      'alibaba:user/team-a module.team["a"].alicloud_ram_user.this',
      'alibaba:user/team-b module.team["b"].alicloud_ram_user.this',
    ]);
    expect(m.policy('alibaba:custom/team-b-policy')!.parsed!.document).toEqual({ Statement: [{ Action: 'pai:List*', Effect: 'Allow', Resource: '*' }], Version: '1' });
    expect(m.attachments.map(a => `${a.principalKey} -> ${a.policyKey}`)).toEqual(['alibaba:user/team-a -> alibaba:custom/team-b-policy']);
    expect(m.findings).toEqual([]);
  });

  test('a Huawei membership of `u[*].id` links every counted user', () => {
    const dir = path.join(tmp, 'splat');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), `
resource "huaweicloud_identity_group" "g" {
  name = "ops"
}
resource "huaweicloud_identity_user" "u" {
  count = 3
  name  = "user-\${count.index}"
}
resource "huaweicloud_identity_group_membership" "m" {
  group = huaweicloud_identity_group.g.id
  users = huaweicloud_identity_user.u[*].id
}
`);
    const m = loadAccessModel(dir);
    expect(m.memberships.map(x => `${x.userKey} in ${x.groupKey}`)).toEqual([0, 1, 2].map(i => `huawei:user/user-${i} in huawei:group/ops`));
    expect(m.findings).toEqual([]);
  });

  test('an unknown count becomes one symbolic instance whose facts are unknown', () => {
    const dir = path.join(tmp, 'symbolic');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), [
      'variable "n" {}',
      'resource "alicloud_ram_user" "u" {',
      '  count = var.n',
      '  name  = "u-${count.index}"',
      '}',
    ].join('\n'));
    const m = loadAccessModel(dir);
    expect(m.principals.map(p => p.address)).toEqual(['alicloud_ram_user.u[*]']);
    // Partly known: no name is claimed; the text as written is kept for display and linking.
    expect(m.principals[0].name).toBeUndefined();
    expect(m.principals[0].writtenName).toMatch(/^u-/);
  });
});

describe('hostile input', () => {
  test('long reference chains resolve link by link, loops and deep nesting are unknown, never a stack overflow', () => {
    const users: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) users[`u${i}`] = { name: i === 0 ? 'root' : `\${alicloud_ram_user.u${i - 1}.name}` };
    const doc = {
      locals: { loop: '${local.loop}' },
      resource: {
        alicloud_ram_user: users,
        alicloud_ram_group: { g: { group_name: '${local.loop}' } },
        terraform_data: { deep: { input: 'DEEP' } },
      },
    };
    const file = path.join(tmp, 'hostile.tf.json');
    // Nesting JSON.stringify cannot write but JSON.parse reads.
    fs.writeFileSync(file, JSON.stringify(doc).replace('"DEEP"', `${'['.repeat(3000)}"x"${']'.repeat(3000)}`));
    const m = loadAccessModel(file);
    // Resources are resolved in order and each link is kept once resolved, so every link of the chain resolves (all
    // named root: one principal, the last definition) without nesting deeper than one level at a time.
    expect(m.principal('alibaba:user/root')!.address).toBe('alicloud_ram_user.u4999');
    expect(m.principals.filter(p => p.kind === 'user' && p.name === undefined)).toEqual([]);
    expect(m.principals.find(p => p.address === 'alicloud_ram_group.g')!.name).toBeUndefined();
  });
});

describe('cdktf Fn.jsonencode', () => {
  test('`${jsonencode({...})}` in cdk.tf.json is a document; only its unknown parts are unknown', async () => {
    const out = synthesize(app => {
      const s = new TerraformStack(app, 's');
      new alicloud.provider.AlicloudProvider(s, 'p', {});
      const cluster = new TerraformVariable(s, 'cluster_id', { type: 'string' });
      const u = new alicloud.ramUser.RamUser(s, 'u', { name: 'alice' });
      const p = new alicloud.ramPolicy.RamPolicy(s, 'pol', {
        policyName: 'fn',
        policyDocument: Fn.jsonencode({
          Version: '1',
          Statement: [{ Effect: 'Allow', Action: ['cs:Get*'], Resource: [`acs:cs:*:*:cluster/${cluster.stringValue}`], Condition: { StringEquals: { 'acs:Prefix': [u.name] } } }],
        }),
      });
      new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(s, 'a', { userName: u.name, policyName: p.policyName, policyType: 'Custom' });
    });
    const m = loadAccessModel(out);
    expect(m.findings).toEqual([]);
    const alice = m.findPrincipal('user/alice');
    const ask = (resource: string) => m.can(alice, { action: 'cs:GetClusters', resource, context: { 'acs:Prefix': 'alice' } }).decision;
    expect(ask('acs:cs:*:*:cluster/c1')).toBe(Decision.UNKNOWN);
    const known = loadAccessModel(out, undefined, { vars: { cluster_id: 'c1' } });
    expect(known.can(known.findPrincipal('user/alice'), { action: 'cs:GetClusters', resource: 'acs:cs:*:*:cluster/c1', context: { 'acs:Prefix': 'alice' } }).decision).toBe(Decision.ALLOW);
    expect(known.can(known.findPrincipal('user/alice'), { action: 'cs:GetClusters', resource: 'acs:cs:*:*:cluster/c1', context: { 'acs:Prefix': 'bob' } }).decision).not.toBe(Decision.ALLOW);
    // The symptom: `aiam check` reported such documents as invalid JSON (AIAM-REF-003) and exited 1.
    const check = await aiam('check', out, '--format', 'json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('AIAM-REF-003');
  });
});

describe('data sources', () => {
  test('dynamic statement blocks of alicloud_ram_policy_document; a Huawei system role by display_name', () => {
    const dir = path.join(tmp, 'data-sources');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), `
variable "grants" {
  default = { read = ["oss:GetObject", "oss:ListObjects"], write = ["oss:PutObject"] }
}
data "alicloud_ram_policy_document" "d" {
  dynamic "statement" {
    for_each = var.grants
    iterator = g
    content {
      action   = g.value
      resource = ["acs:oss:*:*:\${g.key}/*"]
      condition {
        operator = "IpAddress"
        variable = "acs:SourceIp"
        values   = ["10.0.0.0/8"]
      }
    }
  }
}
resource "alicloud_ram_policy" "p" {
  policy_name     = "grants"
  policy_document = data.alicloud_ram_policy_document.d.document
}
data "huaweicloud_identity_role" "ma" {
  display_name = "ModelArts FullAccess"
}
resource "huaweicloud_identity_group" "g" {
  name = "ops"
}
resource "huaweicloud_identity_group_role_assignment" "a" {
  group_id   = huaweicloud_identity_group.g.id
  role_id    = data.huaweicloud_identity_role.ma.id
  project_id = var.project
}
variable "project" {}
resource "alicloud_ram_user" "dev" {
  name = "dev"
}
data "alicloud_ram_policies" "bailian" {
  type       = "System"
  name_regex = "^AliyunBailianFullAccess$"
}
data "alicloud_ram_policies" "fuzzy" {
  type       = "System"
  name_regex = "Bailian"
}
resource "alicloud_ram_user_policy_attachment" "exact" {
  user_name   = alicloud_ram_user.dev.name
  policy_name = data.alicloud_ram_policies.bailian.policies[0].name
  policy_type = "System"
}
resource "alicloud_ram_user_policy_attachment" "fuzzy" {
  user_name   = alicloud_ram_user.dev.name
  policy_name = data.alicloud_ram_policies.fuzzy.names[0]
  policy_type = "System"
}
`);
    const m = loadAccessModel(dir);
    expect(m.policy('alibaba:custom/grants')!.parsed!.document).toEqual({
      Statement: [
        { Effect: 'Allow', Action: ['oss:GetObject', 'oss:ListObjects'], Resource: 'acs:oss:*:*:read/*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
        { Effect: 'Allow', Action: 'oss:PutObject', Resource: 'acs:oss:*:*:write/*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
      ],
      Version: '1',
    });
    // Platform grants derived from system policies (AliyunBailianFullAccess: super admin) are left out here.
    expect(m.attachments.map(a => `${a.principalKey} -> ${a.policyKey}`).filter(x => !x.includes(':platform/')).sort()).toEqual([
      'alibaba:user/dev -> alibaba:custom@alicloud_ram_user_policy_attachment.fuzzy',
      'alibaba:user/dev -> alibaba:system/AliyunBailianFullAccess',
      'huawei:group/ops -> huawei:system/ModelArts FullAccess',
    ]);
    // A regular expression the catalog cannot answer in full stays unknown, with the reason.
    expect(m.policy('alibaba:custom@alicloud_ram_user_policy_attachment.fuzzy')!.unknownReason).toMatch(/only the cloud knows in full/);
  });
});

describe('plans: instance keys and modules', () => {
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          { address: 'huaweicloud_identity_group.g[0]', type: 'huaweicloud_identity_group', name: 'g', index: 0, values: { name: 'ops' } },
          { address: 'huaweicloud_identity_user.u[0]', type: 'huaweicloud_identity_user', name: 'u', index: 0, values: { name: 'alice' } },
          { address: 'data.huaweicloud_identity_role.ma', mode: 'data', type: 'huaweicloud_identity_role', name: 'ma', values: { display_name: 'ModelArts FullAccess' } },
          { address: 'huaweicloud_identity_group_membership.root', type: 'huaweicloud_identity_group_membership', name: 'root', values: {} },
          { address: 'huaweicloud_identity_user.v', type: 'huaweicloud_identity_user', name: 'v', values: { name: 'victor' } },
        ],
        child_modules: [{
          address: 'module.iam',
          resources: [
            { address: 'module.iam.huaweicloud_identity_group_membership.m', type: 'huaweicloud_identity_group_membership', name: 'm', values: {} },
            { address: 'module.iam.huaweicloud_identity_group_role_assignment.a', type: 'huaweicloud_identity_group_role_assignment', name: 'a', values: { project_id: 'p1' } },
          ],
        }],
      },
    },
    resource_changes: [
      { address: 'huaweicloud_identity_group_membership.root', change: { actions: ['create'], after_unknown: { group: true, users: true } } },
      { address: 'module.iam.huaweicloud_identity_group_membership.m', change: { actions: ['create'], after_unknown: { group: true, users: true } } },
      { address: 'module.iam.huaweicloud_identity_group_role_assignment.a', change: { actions: ['create'], after_unknown: { group_id: true, role_id: true } } },
    ],
    configuration: {
      root_module: {
        resources: [
          { address: 'huaweicloud_identity_group_membership.root', expressions: { group: { references: ['module.iam.group', 'module.iam'] }, users: { references: ['huaweicloud_identity_user.v.id', 'huaweicloud_identity_user.v'] } } },
        ],
        module_calls: {
          iam: {
            expressions: {
              group_id: { references: ['huaweicloud_identity_group.g[0].id', 'huaweicloud_identity_group.g[0]', 'huaweicloud_identity_group.g'] },
              user_ids: { references: ['huaweicloud_identity_user.u[0].id', 'huaweicloud_identity_user.u[0]', 'huaweicloud_identity_user.u'] },
              role_id: { references: ['data.huaweicloud_identity_role.ma.id', 'data.huaweicloud_identity_role.ma'] },
            },
            module: {
              outputs: { group: { expression: { references: ['var.group_id'] } } },
              resources: [
                { address: 'huaweicloud_identity_group_membership.m', expressions: { group: { references: ['var.group_id'] }, users: { references: ['var.user_ids'] } } },
                { address: 'huaweicloud_identity_group_role_assignment.a', expressions: { group_id: { references: ['var.group_id'] }, role_id: { references: ['var.role_id'] } } },
              ],
            },
          },
        },
      },
    },
  };

  test('references to count instances and through module inputs link memberships and role assignments', () => {
    const file = path.join(tmp, 'plan.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const m = loadAccessModel(file);
    const key = (name: string) => m.principals.find(p => p.name === name)!.key;
    // module.iam's own membership (var.group_id → g[0]) and a root one through module.iam.group (output → var → g[0]).
    expect(m.memberships.map(x => `${x.userKey} in ${x.groupKey}`).sort()).toEqual([`${key('alice')} in ${key('ops')}`, `${key('victor')} in ${key('ops')}`].sort());
    expect(m.attachments.map(a => `${a.principalKey} -> ${a.policyKey} (${a.scope?.kind} ${a.scope?.id})`)).toEqual([
      `${m.principals.find(p => p.name === 'ops')!.key} -> huawei:system/ModelArts FullAccess (project p1)`,
    ]);
    expect(m.findings.filter(f => f.code === 'unresolved-attachment')).toEqual([]);
  });
});

describe('CLI on .tf folders', () => {
  const request = ['--action', 'oss:GetObject', '--resource', 'acs:oss:*:*:data/x'];

  test('--var sets a variable; unknown parts print as Terraform wrote them, never as markers', async () => {
    const withVar = await aiam('who-can', BASIC, ...request, '--var', 'bucket=data');
    expect(withVar.code).toBe(0);
    expect(withVar.stdout).toMatch(/alibaba:user\/ml-alice\s+allow/);
    for (const format of ['text', 'json']) {
      const without = await aiam('explain', BASIC, '--principal', 'user/ml-alice', ...request, '--format', format);
      expect(without.stdout).toMatch(/unknown/);
      expect(without.stdout + without.stderr).not.toMatch(/\u2983|\u2984|aiam-unknown/);
      expect(without.stdout).toContain('${var.bucket}');
      if (format === 'json') JSON.parse(without.stdout);
    }
  });

  test('partly known names: no internal marker in text, JSON, SARIF or the HTML report', async () => {
    const dir = path.join(tmp, 'partly-known');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), `
resource "alicloud_ram_user" "u" {
  name = "tf-example-\${random_integer.default.result}"
}
resource "alicloud_ram_user_policy_attachment" "a" {
  user_name   = alicloud_ram_user.u.name
  policy_name = "AliyunBailianFullAccess"
  policy_type = "System"
}
`);
    const html = path.join(tmp, 'partly-known.html');
    const outputs = [
      await aiam('who-can', dir, '--action', 'sfm:GetWorkspace'),
      await aiam('who-can', dir, '--action', 'sfm:GetWorkspace', '--format', 'json'),
      await aiam('check', dir, '--format', 'sarif'),
      await aiam('check', dir, '--format', 'junit'),
      await aiam('graph', dir),
      await aiam('report', dir, '--out', html),
    ];
    const all = outputs.map(o => o.stdout + o.stderr).join('\n') + fs.readFileSync(html, 'utf8');
    expect(all).not.toMatch(/\u2983|\u2984|aiam-unknown/);
    expect(outputs[0].stdout).toContain('tf-example-${random_integer.default.result}');
    expect(fs.readFileSync(html, 'utf8')).toContain('tf-example-${random_integer.default.result}');
    JSON.parse(outputs[1].stdout);
    JSON.parse(outputs[2].stdout);
  });

  test('--var-file reads .tfvars', async () => {
    const file = path.join(tmp, 'prod.tfvars');
    fs.writeFileSync(file, 'bucket = "data"\nprefix = "p"\n');
    const r = await aiam('who-can', BASIC, ...request, '--var-file', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/alibaba:user\/p-alice\s+allow/);
  });

  test('a malformed .tf file exits 2 naming the file and line', async () => {
    const dir = path.join(tmp, 'bad');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ok.tf'), 'resource "alicloud_ram_user" "u" {\n  name = "a"\n}\n');
    fs.writeFileSync(path.join(dir, 'broken.tf'), 'resource "alicloud_ram_user" "v" {\n  name = \n}\n');
    const r = await aiam('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.tf:2: not valid HCL at line 2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
