/**
 * The README's benchmark section between `<!-- bench:begin -->` and `<!-- bench:end -->`, generated from the
 * committed bench/results/*.json and the target definitions (bench/targets.ts). `npm run bench` regenerates it
 * after writing results; `npx projen bench:table` regenerates it alone; `--check` fails when it is stale.
 * Reads results only: it never runs or times anything.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BENCH_NAMES, readResults } from './results';
import { count, mib, ms, TARGETS, times, value, verdict, withSpread } from './targets';

export const README = path.join(__dirname, '..', 'README.md');
export const BEGIN = '<!-- bench:begin -->';
export const END = '<!-- bench:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rate = (x: number) => `${count(x)}/s`;

export function benchTableMarkdown(results: Partial<Record<string, any>> = readResults()): string {
  const out: string[] = [
    BEGIN,
    '<!-- Generated from bench/results/*.json by `npx projen bench:table` (also run by `npm run bench`); do not edit by hand. -->',
    '',
    'Targets of issues 13, 14 and 16 (and of earlier issues that the benchmarks still record). Values are the median',
    'of 3 runs with their min–max in parentheses (a single run says so). No target names CPU time, so each is judged on',
    'the wall-time median, CPU time beside it (on this shared 2-core machine wall time also measures the other',
    'processes: see the load averages below); "warm" targets on a repeated query of a loaded model, the first (cold)',
    'query beside it.',
    '',
    '| Issue | What | Target | Measured | Judged on | Met | Command |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const t of TARGETS) {
    const { judged, verdict: v } = verdict(t, results[t.bench]);
    const met = v === 'not measured' ? 'not measured' : v ? 'yes' : '**no**';
    out.push(`| ${t.issue === 'earlier' ? 'earlier' : `#${t.issue}`} | ${cell(t.what)} | ${cell(t.limit)} | ${cell(judged?.shown ?? '—')} | ${t.basis} | ${met} | \`${t.command}\` |`);
  }
  out.push('', ...evaluatorBaselines(results.evaluator), '', ...scaleSeries(results.scale), '', ...provenance(results), END);
  return out.join('\n');
}

function evaluatorBaselines(r: any): string[] {
  const head = [
    '**Evaluator and its same-run baselines** (`npm run bench evaluator`; decisions/s on 10,000 distinct requests,',
    'median (min–max) of 3 runs of wall-time throughput, CPU-time throughput median beside it):',
    '',
  ];
  if (!r?.workloads) return [...head, 'Not measured.'];
  const tp = (w: any) => {
    const runs: unknown = w?.runs;
    const v = Array.isArray(runs) && runs.length === 3 ? value({ median: w.decisionsPerSecond, min: Math.min(...runs), max: Math.max(...runs) }) : value(w?.decisionsPerSecond);
    const cpu = value(w?.cpuDecisionsPerSecond);
    return v ? `${withSpread(v, rate)}${cpu ? `; CPU ${rate(cpu.median)}` : ''}` : '—';
  };
  const ratioOf = (a: any, b: any) => (typeof a === 'number' && typeof b === 'number' && b ? times(a / b) : '—');
  const rows = (['a', 'b'] as const).map(w => {
    const ours = r.workloads[w === 'a' ? 'a_smallPolicy' : 'b_50x20'];
    const loop = r.workloads[`e_minimalPrecompiledLoop_on_${w}`];
    const naive = r.workloads[`d_naiveRegexScan_on_${w}`];
    const name = w === 'a' ? '(a) 1 policy × 3 statements' : '(b) 50 policies × 20 statements';
    return `| ${name} | ${tp(ours)} | ${tp(loop)} | ${tp(naive)} | ${ratioOf(loop?.decisionsPerSecond, ours?.decisionsPerSecond)} | ${ratioOf(ours?.decisionsPerSecond, naive?.decisionsPerSecond)} | ${loop?.agreementWithOurs ?? '—'} |`;
  });
  const sim = r.workloads.c_iamSimulate_on_b;
  const batch = r.workloads.f_simulateBatch_on_b;
  return [
    ...head,
    '| Workload | Evaluator | Minimal precompiled loop | Naive regex scan | Loop ÷ evaluator | Evaluator ÷ naive | Loop agrees |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Also on (b): @cloud-copilot/iam-simulate ${sim ? `${sim.decisionsPerSecond}/s (agrees on ${sim.agreementWithOurs})` : 'not measured'}; `
      + `\`aiam simulate --batch\` as the CLI runs it (parse, compile, evaluate) ${batch?.requestsPerSecond ? `${withSpread(value(spreadOf(batch.runs, batch.requestsPerSecond))!, rate)}` : 'not measured'}.`,
  ];
}

function spreadOf(runs: unknown, median: number): unknown {
  return Array.isArray(runs) && runs.length === 3 ? { median, min: Math.min(...runs), max: Math.max(...runs) } : median;
}

function scaleSeries(r: any): string[] {
  const head = [
    '**Scale series** (`npm run bench scale`; `AIAM_BENCH_1M=1` adds a 1M-user load, with groups and policies kept at',
    'the 100k level): median (min–max) of 3 fresh processes. The bare loader (parse and index, nothing else) is the',
    'same-run baseline of load; who-can is timed on a loaded model, cold (first query) and warm (the same query',
    'again); heap is measured after GC.',
    '',
  ];
  if (!Array.isArray(r?.series)) return [...head, 'Not measured.'];
  const v = (m: any, k: string, f: (x: number) => string) => {
    const x = value(m?.[k]);
    return x ? withSpread(x, f) : '—';
  };
  const rows: string[] = [];
  for (const s of r.series) {
    if (s.error) {
      rows.push(`| ${count(s.users)} | all | ${cell(`failed: ${String(s.error).split('\n')[0]}`)} | | | |`);
      continue;
    }
    const who = s['who-can'];
    const measures: Array<[string, any]> = [['bare loader', s.bare], ['load', s.load], ['`aiam check`', s.check], ['who-can, cold', who],
      ['who-can, warm', who ? (who.warm ?? { notMeasured: true }) : undefined]];
    for (const [name, m] of measures) {
      if (!m) continue;
      const users = `${count(s.users)} (${s.fileMiB} MiB)`;
      if (m.error) rows.push(`| ${users} | ${name} | ${cell(`failed: ${String(m.error).split('\n').find((l: string) => l.trim()) ?? 'error'}`.slice(0, 200))} | | | |`);
      else if (m.notMeasured) rows.push(`| ${users} | ${name} | not measured | | | |`);
      else rows.push(`| ${users} | ${name} | ${v(m, 'cpuMs', ms)} | ${v(m, 'wallMs', ms)} | ${name.startsWith('who-can, warm') ? '' : v(m, 'heapMiB', mib)} | ${name.startsWith('who-can, warm') ? '' : v(m, 'rssMiB', mib)} |`);
    }
  }
  const ratios = (k: 'cpuMs' | 'wallMs') => {
    const at = (users: number, what: string) => value(r.series.find((x: any) => x.users === users)?.[what]?.[k])?.median;
    return ['load', 'check', 'who-can', 'bare'].map(w => {
      const x = at(100_000, w);
      const y = at(10_000, w);
      return `${w === 'bare' ? 'bare loader' : w} ${x !== undefined && y ? times(x / y) : '—'}`;
    }).join(', ');
  };
  const lb = (k: 'cpuMs' | 'wallMs') => {
    const x = r.series.find((s: any) => s.users === 100_000);
    const a = value(x?.load?.[k])?.median;
    const b = value(x?.bare?.[k])?.median;
    return a !== undefined && b ? times(a / b) : '—';
  };
  return [
    ...head,
    '| Users (JSON) | Measure | CPU | Wall | Heap | Peak RSS |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `100k ÷ 10k, ratio of medians (linear is 10): CPU ${ratios('cpuMs')}; wall ${ratios('wallMs')}. `
      + `Load ÷ bare loader at 100k: CPU ${lb('cpuMs')}, wall ${lb('wallMs')}.`,
  ];
}

function provenance(results: Partial<Record<string, any>>): string[] {
  const parts = BENCH_NAMES.map(name => {
    const r = results[name];
    if (!r) return `\`${name}\`: never run`;
    const rec = r.recorded;
    const load = Array.isArray(rec?.loadAverage) ? `, load average ${rec.loadAverage.join('/')} (1/5/15 min)` : '';
    const where = rec ? `${rec.at} on ${rec.commit}${rec.uncommittedChanges ? ' with uncommitted changes' : ''}${load}` : 'before results recorded their date (see `git log bench/results`)';
    return `\`${name}.json\` ${where}`;
  });
  return [`Recorded: ${parts.join('; ')}. Machine: ${machine(results)}.`];
}

function machine(results: Partial<Record<string, any>>): string {
  const seen = new Set(Object.values(results).map(r => (r?.machine ? `${r.machine.cpus} CPUs, Node ${r.machine.node}` : undefined)).filter(Boolean));
  return seen.size ? [...seen].join(' / ') : 'unknown';
}

/** The README with its benchmark section replaced. */
export function withBenchTable(readme: string, table = benchTableMarkdown()): string {
  const b = readme.indexOf(BEGIN);
  const e = readme.indexOf(END);
  if (b < 0 || e < b) throw new Error(`README.md: no "${BEGIN}" … "${END}" section; add both markers under "## Benchmarks"`);
  return readme.slice(0, b) + table + readme.slice(e + END.length);
}

/** The part of the README between the markers, markers included. */
export function currentBenchTable(readme: string): string {
  const b = readme.indexOf(BEGIN);
  const e = readme.indexOf(END);
  return b < 0 || e < b ? '' : readme.slice(b, e + END.length);
}

export function updateReadme(): boolean {
  const before = fs.readFileSync(README, 'utf8');
  const after = withBenchTable(before);
  if (after !== before) fs.writeFileSync(README, after);
  return after !== before;
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    if (currentBenchTable(fs.readFileSync(README, 'utf8')) !== benchTableMarkdown()) {
      console.error('README.md: the benchmark table is stale relative to bench/results/*.json; run `npx projen bench:table`');
      process.exitCode = 1;
    }
  } else {
    console.log(updateReadme() ? 'README.md: benchmark table updated' : 'README.md: benchmark table up to date');
  }
}
