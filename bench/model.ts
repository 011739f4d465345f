/**
 * Access-model benchmark on a generated organisation: 10,000 users, 1,000 groups, 2,000 custom policies of 20
 * statements and 50 system policies, with platform grants (20 Model Studio workspaces whose members are all users,
 * with admins, pages, API-key managers, allowlists and rate limits; 1,000 API keys; 2,000 PAI workspace members),
 * written as one synthesized stack (cdk.tf.json) and loaded from disk. Measures load, who-can for one action over
 * all principals (cold: includes compiling the policies it touches; and warm), who-can for a platform grant,
 * what-can for one principal, the diff of two such organisations (3 runs), and peak RSS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Catalog } from '../src/catalog';
import { diffModels, loadAccessModel, PLATFORM_SERVICES } from '../src/model';
import { Dialect } from '../src/policy';

export interface GeneratedOrg {
  readonly file: string;
  readonly users: number;
  readonly groups: number;
  readonly customPolicies: number;
  readonly systemPolicies: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Writes the generated org as a synthesized stack; also used by the checks benchmark. */
export function generateOrg(dir: string, users = 10_000, groups = 1_000, policies = 2_000, statements = 20, systemPolicies = 50, variant = 0): GeneratedOrg {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const catalog = Catalog.load();
  // IAM policies name real services only, not the pseudo-services of platform grants.
  const actions = catalog.services(Dialect.ALIBABA_RAM).filter(s => !PLATFORM_SERVICES.has(s.service)).flatMap(s => s.actions.map(a => a.name));
  const services = [...new Set(actions.map(a => a.split(':')[0]))];
  const known = catalog.systemPolicies(Dialect.ALIBABA_RAM).filter(p => p.known).map(p => p.name);
  const system = Array.from({ length: systemPolicies }, (_, i) => (i < known.length ? known[i] : `AliyunGeneratedBenchPolicy${i}`));
  const resource: Record<string, Record<string, object>> = {
    alicloud_ram_user: {}, alicloud_ram_group: {}, alicloud_ram_policy: {}, alicloud_ram_user_group_attachment: {},
    alicloud_ram_group_policy_attachment: {}, alicloud_ram_user_policy_attachment: {},
  };
  for (let g = 0; g < groups; g++) resource.alicloud_ram_group[`g${g}`] = { group_name: `group-${g}` };
  for (let p = 0; p < policies; p++) {
    const st = Array.from({ length: statements }, () => {
      const a = pick(actions);
      const x = r();
      const action = x < 0.5 ? a : x < 0.8 ? `${a.split(':')[0]}:${a.split(':')[1].slice(0, 4)}*` : `${pick(services)}:*`;
      const s: Record<string, unknown> = { Effect: r() < 0.1 ? 'Deny' : 'Allow', Action: [action], Resource: r() < 0.7 ? '*' : `acs:${a.split(':')[0]}:*:*:ws-${Math.floor(r() * 50)}/*` };
      if (r() < 0.2) s.Condition = { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } };
      return s;
    });
    resource.alicloud_ram_policy[`p${p}`] = { policy_name: `policy-${p}`, policy_document: JSON.stringify({ Version: '1', Statement: st }) };
  }
  let att = 0;
  for (let g = 0; g < groups; g++) {
    for (let k = 0; k < 2; k++) {
      resource.alicloud_ram_group_policy_attachment[`a${att++}`] = {
        group_name: `\${alicloud_ram_group.g${g}.group_name}`, policy_name: `\${alicloud_ram_policy.p${(g * 2 + k) % policies}.policy_name}`, policy_type: 'Custom',
      };
    }
    if (g % 20 === 0) {
      resource.alicloud_ram_group_policy_attachment[`a${att++}`] = { group_name: `group-${g}`, policy_name: system[(g / 20) % system.length], policy_type: 'System' };
    }
  }
  let mem = 0;
  for (let u = 0; u < users; u++) {
    resource.alicloud_ram_user[`u${u}`] = { name: `user-${u}` };
    for (let k = 0; k < 3; k++) {
      resource.alicloud_ram_user_group_attachment[`m${mem++}`] = { user_name: `\${alicloud_ram_user.u${u}.name}`, group_name: `group-${Math.floor(r() * groups)}` };
    }
    if (u % 5 === 0) {
      resource.alicloud_ram_user_policy_attachment[`d${u}`] = { user_name: `user-${u}`, policy_name: `policy-${Math.floor(r() * policies)}`, policy_type: 'Custom' };
    }
  }
  addPlatformGrants(resource, users, variant);
  if (variant) {
    // The "after" organisation: 1 % of the custom policies gain a statement, 50 users change groups.
    for (let p = 0; p < policies; p += 100) {
      const doc = JSON.parse((resource.alicloud_ram_policy[`p${p}`] as { policy_document: string }).policy_document);
      doc.Statement.push({ Effect: 'Allow', Action: ['pairec:Update*'], Resource: '*' });
      (resource.alicloud_ram_policy[`p${p}`] as { policy_document: string }).policy_document = JSON.stringify(doc);
    }
    for (let m = 0; m < 150; m += 3) (resource.alicloud_ram_user_group_attachment[`m${m}`] as { group_name: string }).group_name = `group-${(m * 7) % groups}`;
  }
  const file = path.join(dir, 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify({
    terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version: '1.289.0' } } },
    provider: { alicloud: [{ region: 'cn-beijing' }] }, resource,
  }));
  return { file, users, groups, customPolicies: policies, systemPolicies };
}

const PAGES = ['model-experience', 'batch-inference', 'model-observation', 'model-tuning', 'my-models', 'model-deployment', 'model-evaluation', 'data-management'];

/** Platform settings entries as the constructs write them (terraform_data inputs); `variant` changes a few. */
function addPlatformGrants(resource: Record<string, Record<string, object>>, users: number, variant: number): void {
  const settings = (kind: string, body: object) => ({ input: { schema: 'cdktf-aiam/platform-settings/v1', kind, cloud: 'alibaba', constructPath: `bench/${kind}`, settings: body } });
  resource.terraform_data = {};
  const workspaces = 20;
  for (let w = 0; w < workspaces; w++) {
    const members = [];
    for (let u = w; u < users; u += workspaces) {
      members.push({
        principal: { kind: 'user', name: `user-${u}` },
        admin: u % 500 === w || (variant > 0 && u === 4242),
        apiKeyManagement: u % 100 === w,
        pages: PAGES.filter((_, i) => (u + i) % 3 === 0),
      });
    }
    resource.terraform_data[`ws${w}`] = settings('bailian-workspace', {
      name: `ws-${w}`, region: 'cn-beijing', default: false,
      allowlists: { invoke: ['qwen-max', 'qwen-plus', ...(variant && w === 0 ? ['qwen-turbo'] : [])], tune: ['qwen-plus'], deploy: [] },
      rateLimits: [{ model: 'qwen-max', qpm: 600 + w }], quota: null, members,
    });
  }
  for (let k = 0; k < 1000; k++) {
    const workspace = `ws-${variant && k === 0 ? 1 : k % workspaces}`;
    resource.terraform_data[`key${k}`] = settings('bailian-api-key', {
      name: `key-${k}`, workspace, region: 'cn-beijing', owner: { kind: 'ram-user', name: `user-${k * 7}` }, lifecycle: { ownerDeleted: 'invalid-forever' },
    });
  }
  resource.alicloud_pai_workspace_member = {};
  for (let m = 0; m < 2000; m++) {
    resource.alicloud_pai_workspace_member[`pm${m}`] = { workspace_id: `pai-ws-${m % 10}`, user_id: `\${alicloud_ram_user.u${m * 5}.id}`, roles: [m % 50 === 0 ? 'PAI.WorkspaceAdmin' : 'PAI.AlgoDeveloper'] };
  }
}

const ms = (t: bigint) => +(Number(process.hrtime.bigint() - t) / 1e6).toFixed(1);

export async function runModelBench(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-model-'));
  try {
    const org = generateOrg(dir);
    Catalog.load();
    let t = process.hrtime.bigint();
    const model = loadAccessModel(org.file);
    const loadMs = ms(t);
    const request = { action: 'pairec:ListInstances' };
    t = process.hrtime.bigint();
    const who = model.whoCan(request, { openContext: true });
    const whoColdMs = ms(t);
    t = process.hrtime.bigint();
    const paths = who.reduce((n, a) => n + a.chain.length, 0);
    const pathsMs = ms(t);
    t = process.hrtime.bigint();
    const who2 = model.whoCan({ action: 'eas:CreateService' }, { openContext: true });
    const whoWarmMs = ms(t);
    const user = model.findPrincipal('user/user-4242');
    t = process.hrtime.bigint();
    const what = model.whatCan(user);
    const whatMs = ms(t);
    const others = Array.from({ length: 50 }, (_, i) => {
      const p = model.findPrincipal(`user/user-${i * 197}`);
      const t0 = process.hrtime.bigint();
      model.whatCan(p);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    }).sort((a, b) => a - b);
    // Three runs each, on three questions, for the spread.
    const whoRuns = ['ws-3', 'ws-7', 'ws-11'].map(ws => {
      const t0 = process.hrtime.bigint();
      const r = model.whoCanComplete({ action: 'bailian-platform:WorkspaceAdmin', resource: `acs:bailian-platform:cn-beijing:*:workspace/${ws}` }, { openContext: true });
      return { ms: ms(t0), able: r.able.length };
    });
    const platform = { able: whoRuns[0].able };
    const platformWhoMs = Math.max(...whoRuns.map(r => r.ms));
    const whatRuns = ['user/user-4242', 'user/user-17', 'user/user-9001'].map(p => {
      const principal = model.findPrincipal(p);
      const t0 = process.hrtime.bigint();
      model.whatCan(principal);
      return ms(t0);
    });
    t = process.hrtime.bigint();
    const scoped = model.whoCanComplete({ action: 'bailian-platform:UsePage' }, { openContext: true });
    const scopedWhoMs = ms(t);
    // Diff of two 10k organisations (the second changes 1 % of the policies, 50 memberships and a few platform grants).
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-model-after-'));
    let diffRuns: number[] = [];
    let diffSummary: object = {};
    try {
      const org2 = generateOrg(dir2, undefined, undefined, undefined, undefined, undefined, 1);
      const after = loadAccessModel(org2.file);
      for (let run = 0; run < 3; run++) {
        t = process.hrtime.bigint();
        const d = diffModels(model, after);
        diffRuns.push(ms(t));
        diffSummary = {
          principalsWithChangedPolicies: d.coverage.principalsWithChangedPolicies, requestsDecided: d.coverage.requestsDecided,
          granted: d.grantedCount, revoked: d.revokedCount, limitChanges: d.limitChangeCount, changes: d.changes.length, witnessesRechecked: d.coverage.witnessesRechecked,
        };
      }
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
    diffRuns = diffRuns.sort((a, b) => a - b);
    const result = {
      benchmark: 'model',
      machine: { cpus: os.cpus().length, node: process.version },
      org: { users: org.users, groups: org.groups, customPolicies: org.customPolicies, statementsPerPolicy: 20, systemPolicies: org.systemPolicies,
        fileMiB: +(fs.statSync(org.file).size / 1048576).toFixed(1), platformSettingsEntries: model.settings.length, paiMembers: model.paiMembers.length, principals: model.principals.length, attachments: model.attachments.length, memberships: model.memberships.length },
      loadMs,
      whoCan: {
        action: request.action, principalsEvaluated: model.principals.length, answers: who.length, coldMs: whoColdMs, warmMs: whoWarmMs, warmAnswers: who2.length,
        note: 'paths (chains) are built when first read', buildingAllPathsMs: pathsMs, paths,
      },
      whoCanPlatform: { action: 'bailian-platform:WorkspaceAdmin on ws-3, ws-7, ws-11', runsMs: whoRuns.map(r => r.ms), maxMs: platformWhoMs, able: platform.able,
        withoutResource: { action: 'bailian-platform:UsePage', ms: scopedWhoMs, able: scoped.able.length, resourceScoped: scoped.able.filter(e => e.resources).length } },
      diff: { runsMs: diffRuns, minMs: diffRuns[0], maxMs: diffRuns[diffRuns.length - 1], note: 'time of diffModels on two loaded models (loading not included); the diff keeps no memo between runs, the models keep their compiled policies', ...diffSummary },
      whatCan: { principal: 'user/user-4242', ms: whatMs, runsMsUser4242User17User9001: whatRuns, p50MsOver50Others: +others[25].toFixed(2), maxMsOver50Others: +others[49].toFixed(2), services: what.services.length, grants: what.services.reduce((n, s) => n + s.grants.length, 0) },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      targets: { loadAtMost2s: loadMs <= 2000, whoCanAtMost100ms: whoColdMs <= 100 && platformWhoMs <= 100, whatCanAtMost10ms: whatMs <= 10,
        diffOfTwo10kOrgsAtMost10s: diffRuns[diffRuns.length - 1] <= 10_000, rssAtMost1GiB: process.resourceUsage().maxRSS <= 1024 * 1024 },
    };
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'model.json'), JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
