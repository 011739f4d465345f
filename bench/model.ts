/**
 * Access-model benchmark on a generated organisation: 10,000 users, 1,000 groups, 2,000 custom policies of 20
 * statements and 50 system policies, with platform grants (20 Model Studio workspaces whose members are all users,
 * with admins, pages, API-key managers, allowlists and rate limits; 1,000 API keys; 2,000 PAI workspace members),
 * written as one synthesized stack (cdk.tf.json) and loaded from disk.
 *
 * 3 runs, each in a fresh Node process, each with CPU and wall time: load (heap after GC with the model held), then
 * who-can for one IAM action over all principals, who-can for a platform grant and what-can for one principal, each
 * asked twice: **cold** (the first such question after load: compiles the policies it touches, builds per-principal
 * bindings, expands the catalog) and **warm** (the same question again on the loaded model, which the targets of
 * issue 14 judge). Then, in this process, the diff of two such organisations (3 runs, loading not included).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Catalog } from '../src/catalog';
import { diffModels, loadAccessModel, PLATFORM_SERVICES } from '../src/model';
import { Dialect } from '../src/policy';
import { failed, heapMiB, inFreshProcess, peakRssMiB, spread, timed, Timing, timings } from './measure';
import { writeResult } from './results';

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
  writeStack(file, {
    terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version: '1.289.0' } } },
    provider: { alicloud: [{ region: 'cn-beijing' }] },
  }, resource);
  return { file, users, groups, customPolicies: policies, systemPolicies };
}

/**
 * The same bytes as `JSON.stringify({ ...head, resource })`, written one resource at a time: a million-user
 * organisation is larger than the longest string V8 can hold.
 */
function writeStack(file: string, head: object, resource: Record<string, Record<string, object>>): void {
  const fd = fs.openSync(file, 'w');
  try {
    let buf = JSON.stringify(head).slice(0, -1) + ',"resource":{';
    const flush = (force: boolean) => {
      if (force || buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    };
    Object.entries(resource).forEach(([type, blocks], i) => {
      buf += `${i ? ',' : ''}${JSON.stringify(type)}:{`;
      Object.entries(blocks).forEach(([name, body], j) => {
        buf += `${j ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(body)}`;
        flush(false);
      });
      buf += '}';
    });
    buf += '}}';
    flush(true);
  } finally {
    fs.closeSync(fd);
  }
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

/** One run of the load and query measurements, in its own process (see `inFreshProcess`). */
export function measureModelRun(file: string) {
  const catalog = timed(() => Catalog.load());
  const load = timed(() => loadAccessModel(file));
  const model = load.value;
  const heap = heapMiB();
  const iam = { action: 'pairec:ListInstances' };
  const whoCold = timed(() => model.whoCan(iam, { openContext: true }));
  const whoWarm = timed(() => model.whoCan(iam, { openContext: true }));
  const paths = timed(() => whoWarm.value.reduce((n, a) => n + a.chain.length, 0));
  const platform = { action: 'bailian-platform:WorkspaceAdmin', resource: 'acs:bailian-platform:cn-beijing:*:workspace/ws-3' };
  const platformCold = timed(() => model.whoCanComplete(platform, { openContext: true }));
  const platformWarm = timed(() => model.whoCanComplete(platform, { openContext: true }));
  const scoped = timed(() => model.whoCanComplete({ action: 'bailian-platform:UsePage' }, { openContext: true }));
  const user = model.findPrincipal('user/user-4242');
  const whatCold = timed(() => model.whatCan(user));
  const whatWarm = timed(() => model.whatCan(user));
  // First what-can of 50 other principals (the catalog expansion is done, their bindings are not).
  const others = Array.from({ length: 50 }, (_, i) => {
    const p = model.findPrincipal(`user/user-${i * 197}`);
    return timed(() => model.whatCan(p)).wallMs;
  }).sort((a, b) => a - b);
  const t = (x: Timing) => ({ cpuMs: x.cpuMs, wallMs: x.wallMs });
  return {
    org: { fileMiB: +(fs.statSync(file).size / 1048576).toFixed(1), platformSettingsEntries: model.settings.length, paiMembers: model.paiMembers.length,
      principals: model.principals.length, attachments: model.attachments.length, memberships: model.memberships.length },
    catalogLoad: t(catalog), load: t(load), heapMiB: heap,
    whoCan: { cold: t(whoCold), warm: t(whoWarm), answers: whoWarm.value.length, paths: paths.value, buildingAllPaths: t(paths) },
    whoCanPlatform: { cold: t(platformCold), warm: t(platformWarm), able: platformWarm.value.able.length,
      withoutResource: { ...t(scoped), able: scoped.value.able.length, resourceScoped: scoped.value.able.filter(e => e.resources).length } },
    whatCan: { cold: t(whatCold), warm: t(whatWarm), services: whatWarm.value.services.length, grants: whatWarm.value.services.reduce((n, s) => n + s.grants.length, 0),
      othersFirstCallP50Ms: others[25], othersFirstCallMaxMs: others[49] },
    peakRssMiB: peakRssMiB(),
  };
}

type ModelRun = ReturnType<typeof measureModelRun>;

const RUNS = 3;

export async function runModelBench(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-model-'));
  try {
    const org = generateOrg(dir);
    const runs: ModelRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = inFreshProcess<ModelRun>(__filename, 'measureModelRun', [org.file]);
      if (failed(r)) throw new Error(`model bench run ${i + 1} failed: ${r.error}`);
      runs.push(r);
    }
    const pick = (f: (r: ModelRun) => Timing) => timings(runs.map(f));
    // Diff of two 10k organisations (the second changes 1 % of the policies, 50 memberships and a few platform grants).
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-model-after-'));
    const diffRuns: Timing[] = [];
    let diffSummary: object = {};
    try {
      const model = loadAccessModel(org.file);
      const after = loadAccessModel(generateOrg(dir2, undefined, undefined, undefined, undefined, undefined, 1).file);
      for (let run = 0; run < RUNS; run++) {
        const d = timed(() => diffModels(model, after));
        diffRuns.push(d);
        diffSummary = {
          principalsWithChangedPolicies: d.value.coverage.principalsWithChangedPolicies, requestsDecided: d.value.coverage.requestsDecided,
          granted: d.value.grantedCount, revoked: d.value.revokedCount, limitChanges: d.value.limitChangeCount, changes: d.value.changes.length,
          witnessesRechecked: d.value.coverage.witnessesRechecked,
        };
      }
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
    const first = runs[0];
    const result = {
      benchmark: 'model',
      command: 'npm run bench model',
      machine: { cpus: os.cpus().length, node: process.version },
      runs: RUNS,
      org: { users: org.users, groups: org.groups, customPolicies: org.customPolicies, statementsPerPolicy: 20, systemPolicies: org.systemPolicies, ...first.org },
      note: 'each of the 3 runs is a fresh process; cold = the first such question after load, warm = the same question again (the issue 14 targets judge warm)',
      catalogLoad: pick(r => r.catalogLoad),
      load: { ...pick(r => r.load), heapMiB: spread(runs.map(r => r.heapMiB)) },
      whoCan: {
        action: 'pairec:ListInstances', principalsEvaluated: first.org.principals, answers: first.whoCan.answers,
        cold: pick(r => r.whoCan.cold), warm: pick(r => r.whoCan.warm),
        note: 'paths (chains) are built when first read', buildingAllPaths: pick(r => r.whoCan.buildingAllPaths), paths: first.whoCan.paths,
      },
      whoCanPlatform: {
        action: 'bailian-platform:WorkspaceAdmin', resource: 'acs:bailian-platform:cn-beijing:*:workspace/ws-3', able: first.whoCanPlatform.able,
        cold: pick(r => r.whoCanPlatform.cold), warm: pick(r => r.whoCanPlatform.warm),
        withoutResource: { action: 'bailian-platform:UsePage', ...pick(r => r.whoCanPlatform.withoutResource), able: first.whoCanPlatform.withoutResource.able,
          resourceScoped: first.whoCanPlatform.withoutResource.resourceScoped },
      },
      whatCan: {
        principal: 'user/user-4242', services: first.whatCan.services, grants: first.whatCan.grants,
        cold: pick(r => r.whatCan.cold), warm: pick(r => r.whatCan.warm),
        othersFirstCallP50Ms: spread(runs.map(r => r.whatCan.othersFirstCallP50Ms)), othersFirstCallMaxMs: spread(runs.map(r => r.whatCan.othersFirstCallMaxMs)),
      },
      diff: { ...timings(diffRuns), runsWallMs: diffRuns.map(d => d.wallMs), note: 'diffModels on two loaded models (loading not included); the diff keeps no memo between runs, the models keep their compiled policies', ...diffSummary },
      peakRssMiB: spread(runs.map(r => r.peakRssMiB)),
      diffPeakRssMiB: peakRssMiB(),
    };
    writeResult('model', result);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
