/**
 * `aiam check` on the generated 10,000-user organisation (see bench/model.ts): 3 runs, each in a fresh Node process,
 * with CPU and wall time and peak RSS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../src/cli';
import { failed, inFreshProcess, peakRssMiB, spread, timedAsync, timings } from './measure';
import { generateOrg } from './model';
import { writeResult } from './results';

/** One run, in its own process. */
export async function measureCheckRun(file: string): Promise<{ cpuMs: number; wallMs: number; exitCode: number; reportBytes: number; peakRssMiB: number }> {
  let bytes = 0;
  const r = await timedAsync(() => runCli(['check', file, '--format', 'json'], { isTty: false, stdout: t => { bytes += t.length; }, stderr: () => undefined }));
  return { cpuMs: r.cpuMs, wallMs: r.wallMs, exitCode: r.value, reportBytes: bytes, peakRssMiB: peakRssMiB() };
}

export async function runChecksBench(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-checks-'));
  try {
    const org = generateOrg(dir);
    const runs = [0, 1, 2].map(i => {
      const r = inFreshProcess<Awaited<ReturnType<typeof measureCheckRun>>>(__filename, 'measureCheckRun', [org.file]);
      if (failed(r)) throw new Error(`checks bench run ${i + 1} failed: ${r.error}`);
      return r;
    });
    const result = {
      benchmark: 'checks',
      command: 'npm run bench checks',
      machine: { cpus: os.cpus().length, node: process.version },
      org: { users: org.users, groups: org.groups, customPolicies: org.customPolicies, systemPolicies: org.systemPolicies },
      measured: 'aiam check <org>/cdk.tf.json --format json, in-process, includes loading; 3 runs, each in a fresh process',
      exitCode: runs[0].exitCode, reportBytes: runs[0].reportBytes,
      ...timings(runs),
      peakRssMiB: spread(runs.map(r => r.peakRssMiB)),
    };
    writeResult('checks', result);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
