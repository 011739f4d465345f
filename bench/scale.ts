/**
 * Scale series (issue 16): the generated organisation at 1k, 10k and 100k users (1M for load with AIAM_BENCH_1M=1),
 * each measured 3 times in a fresh Node process: CPU time, wall time, heap after GC and peak RSS for load, `aiam check`
 * and who-can; plus a bare loader (JSON.parse and one pass building the essential maps) as the same-run baseline.
 * Results: bench/results/scale.json with the median and the spread (min–max) of the 3 runs, and the 100k/10k ratios.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOrg } from './model';
import { runCli } from '../src/cli';
import { loadAccessModel } from '../src/model';

const RUNS = 3;

interface Sample { cpuMs: number; wallMs: number; heapMiB: number; rssMiB: number; answers?: number; exitCode?: number }
type Measure = 'bare' | 'load' | 'check' | 'who-can';

/** One measurement in this process (the worker side). */
export async function measure(file: string, what: Measure): Promise<Sample> {
  const gc = (global as { gc?: () => void }).gc;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let answers: number | undefined;
  let exitCode: number | undefined;
  let keep: unknown;
  if (what === 'bare') {
    keep = bareLoad(file);
  } else if (what === 'load' || what === 'who-can') {
    const model = loadAccessModel(file);
    keep = model;
    if (what === 'who-can') {
      // Load is not part of the who-can time.
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      answers = model.whoCan({ action: 'pairec:ListInstances' }, { openContext: true }).length;
      return sample(c, t, answers);
    }
  } else {
    exitCode = await runCli(['check', file, '--format', 'json'], { isTty: false, stdout: () => undefined, stderr: () => undefined });
  }
  const s = sample(cpu0, t0, answers, exitCode);
  void keep;
  return s;

  function sample(c: NodeJS.CpuUsage, t: bigint, n?: number, code?: number): Sample {
    const cpu = process.cpuUsage(c);
    const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
    gc?.();
    return {
      cpuMs: Math.round((cpu.user + cpu.system) / 1000), wallMs: Math.round(wallMs),
      heapMiB: Math.round(process.memoryUsage().heapUsed / 1048576), rssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(n !== undefined ? { answers: n } : {}), ...(code !== undefined ? { exitCode: code } : {}),
    };
  }
}

/** The essential work of a loader and nothing more: parse, then index users, groups, policies and links. */
function bareLoad(file: string): unknown {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource: Record<string, Record<string, Record<string, unknown>>> };
  const byType = doc.resource;
  const names = new Map<string, number>();
  const links: number[] = [];
  for (const [type, blocks] of Object.entries(byType)) {
    for (const [name, values] of Object.entries(blocks)) {
      if (type.endsWith('_attachment')) links.push(names.size);
      else names.set(`${type}.${name}`, typeof values.policy_document === 'string' ? (JSON.parse(values.policy_document) as { Statement: unknown[] }).Statement.length : 0);
    }
  }
  return { names, links };
}

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

function runWorker(file: string, what: Measure): Sample | { error: string } {
  const script = `require(${JSON.stringify(__filename)}).measure(${JSON.stringify(file)}, ${JSON.stringify(what)})`
    + '.then(r => { process.stdout.write(JSON.stringify(r)); }, e => { console.error(e); process.exit(1); })';
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', '-r', 'ts-node/register/transpile-only', '-e', script], {
    encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json') },
  });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).slice(-500) };
  return JSON.parse(r.stdout) as Sample;
}

export async function runScaleBench(): Promise<object> {
  const sizes = [1_000, 10_000, 100_000, ...(process.env.AIAM_BENCH_1M ? [1_000_000] : [])];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-scale-'));
  const series: Record<string, unknown>[] = [];
  try {
    for (const users of sizes) {
      const org = generateOrg(dir, users, Math.max(10, users / 10), Math.max(20, users / 5));
      const fileMiB = +(fs.statSync(org.file).size / 1048576).toFixed(1);
      const measures: Measure[] = users >= 1_000_000 ? ['bare', 'load'] : ['bare', 'load', 'check', 'who-can'];
      const row: Record<string, unknown> = { users, groups: org.groups, customPolicies: org.customPolicies, fileMiB };
      for (const what of measures) {
        const samples = Array.from({ length: RUNS }, () => runWorker(org.file, what));
        const failed = samples.find((s): s is { error: string } => 'error' in s);
        if (failed) {
          row[what] = { error: failed.error };
          continue;
        }
        const ok = samples as Sample[];
        row[what] = {
          cpuMs: stats(ok.map(s => s.cpuMs)), wallMs: stats(ok.map(s => s.wallMs)),
          heapMiB: stats(ok.map(s => s.heapMiB)), rssMiB: stats(ok.map(s => s.rssMiB)),
          ...(ok[0].answers !== undefined ? { answers: ok[0].answers } : {}), ...(ok[0].exitCode !== undefined ? { exitCode: ok[0].exitCode } : {}),
        };
      }
      series.push(row);
      fs.rmSync(org.file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const at = (users: number, what: Measure) => (series.find(s => s.users === users)?.[what] as { cpuMs?: { median: number } } | undefined)?.cpuMs?.median;
  const ratio = (what: Measure) => {
    const a = at(100_000, what);
    const b = at(10_000, what);
    return a !== undefined && b ? +(a / b).toFixed(2) : undefined;
  };
  const row100k = series.find(s => s.users === 100_000) as Record<string, { cpuMs?: { median: number }; wallMs?: { median: number }; heapMiB?: { median: number } }> & { fileMiB: number } | undefined;
  const result = {
    benchmark: 'scale',
    machine: { cpus: os.cpus().length, node: process.version },
    runs: RUNS,
    command: 'npm run bench scale (AIAM_BENCH_1M=1 adds a 1M-user load)',
    series,
    ratios100kTo10kCpu: { load: ratio('load'), check: ratio('check'), whoCan: ratio('who-can'), bareLoad: ratio('bare') },
    loadVsBareAt100k: row100k ? +((row100k.load?.cpuMs?.median ?? NaN) / (row100k.bare?.cpuMs?.median ?? NaN)).toFixed(2) : undefined,
    targets: {
      checkRatioAtMost13: (ratio('check') ?? Infinity) <= 13,
      load100kAtMost4s: (row100k?.load?.wallMs?.median ?? Infinity) <= 4000,
      heap100kAtMost4xJson: row100k ? (row100k.load?.heapMiB?.median ?? Infinity) <= 4 * row100k.fileMiB : false,
      check100kAtMost15s: (row100k?.check?.wallMs?.median ?? Infinity) <= 15_000,
      whoCan100kAtMost300ms: (row100k?.['who-can']?.wallMs?.median ?? Infinity) <= 300,
    },
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'scale.json'), JSON.stringify(result, null, 2) + '\n');
  return result;
}
