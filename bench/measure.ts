/**
 * What every benchmark measures with: CPU and wall time of one call, the median and min–max of repeated runs, and
 * a fresh Node process per run (so a run's peak RSS, JIT state and lazily built caches are its own).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

/** Median and min–max of repeated runs. */
export interface Spread { readonly median: number; readonly min: number; readonly max: number }

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  // An even count (not used by the benches, which run 3 times) takes the lower middle: always a measured value.
  return { median: s[s.length % 2 ? mid : mid - 1], min: s[0], max: s[s.length - 1] };
}

/** CPU (user + system, every thread of the process) and wall time of one call. */
export interface Timing { readonly cpuMs: number; readonly wallMs: number }

export function timed<T>(fn: () => T): Timing & { value: T } {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { value, cpuMs: round1((cpu.user + cpu.system) / 1000), wallMs: round1(wallMs) };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { value, cpuMs: round1((cpu.user + cpu.system) / 1000), wallMs: round1(wallMs) };
}

/** The spread of CPU and wall time over runs. */
export function timings(runs: readonly Timing[]): { cpuMs: Spread; wallMs: Spread } {
  return { cpuMs: spread(runs.map(r => r.cpuMs)), wallMs: spread(runs.map(r => r.wallMs)) };
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Heap in use after a full collection (needs --expose-gc, which `npm run bench` passes). */
export function heapMiB(): number {
  (global as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * Calls `exported(...args)` of a bench module in a fresh Node process and returns its JSON result, or the tail of
 * its error output.
 */
export function inFreshProcess<T>(file: string, exported: string, args: readonly unknown[], maxOldSpaceMiB = 16384): T | { error: string } {
  const script = `Promise.resolve(require(${JSON.stringify(file)}).${exported}(...${JSON.stringify(args)}))`
    + '.then(r => { process.stdout.write(JSON.stringify(r)); }, e => { console.error(e); process.exit(1); })';
  const r = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${maxOldSpaceMiB}`, '-r', 'ts-node/register/transpile-only', '-e', script], {
    encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json') },
  });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).slice(-500) };
  return JSON.parse(r.stdout) as T;
}

export const failed = <T>(r: T | { error: string }): r is { error: string } => typeof r === 'object' && r !== null && 'error' in r;
