/**
 * bench/results/<name>.json: written by the benchmarks with when and on which commit they ran and the targets
 * judged (bench/targets.ts); read by the README table (bench/table.ts).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { judge } from './targets';

export const RESULTS_DIR = path.join(__dirname, 'results');

/** The benchmarks `npm run bench` knows, in the order it runs them. */
export const BENCH_NAMES = ['evaluator', 'model', 'checks', 'prove', 'scale'] as const;
export type BenchName = typeof BENCH_NAMES[number];

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: path.join(__dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Writes a result with its provenance and its judged targets. */
export function writeResult(name: BenchName, result: object): void {
  const commit = git(['rev-parse', '--short', 'HEAD']);
  // Uncommitted changes outside the results themselves mean the code measured is not exactly that commit.
  const dirty = (git(['status', '--porcelain', '--', '.', ':!bench/results', ':!README.md']) ?? '').length > 0;
  // The machine is shared: the 1/5/15-minute load averages at the end of the run tell a busy machine from a slow change.
  const recorded = { at: new Date().toISOString().slice(0, 16) + 'Z', commit: commit ?? 'unknown', uncommittedChanges: dirty,
    loadAverage: os.loadavg().map(x => +x.toFixed(1)) };
  const withTargets = { ...result, recorded, targets: judge(name, result) };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(withTargets, null, 2) + '\n');
}

/** Every committed result, by benchmark name; a benchmark never run is absent. */
export function readResults(dir = RESULTS_DIR): Partial<Record<BenchName, any>> {
  const out: Partial<Record<BenchName, any>> = {};
  for (const name of BENCH_NAMES) {
    const file = path.join(dir, `${name}.json`);
    if (fs.existsSync(file)) out[name] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return out;
}
